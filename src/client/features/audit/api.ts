import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEvent } from '../../../shared/contract/audit';
import type { User } from '../../../shared/contract/users';
import { apiRequest, type Page } from '../../api/http';

export const auditSorts = ['at'] as const;
export const auditFilters = ['entity', 'entityId', 'actorUserId', 'action', 'from', 'to'] as const;

export function useAuditEvents(query: Record<string, string | number>) {
  return useQuery({
    queryKey: ['audit-events', query],
    queryFn: ({ signal }) => apiRequest<Page<AuditEvent>>('/audit-events', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** People who may appear as actors, to filter by name rather than by id. */
export function useActorOptions() {
  const users = useQuery({
    queryKey: ['audit', 'actor-options'],
    queryFn: ({ signal }) => apiRequest<Page<User>>('/users', { query: { pageSize: 100, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
  });
  return (users.data?.items ?? []).map((user) => ({ value: user.id, label: `${user.name} <${user.email}>` }));
}
