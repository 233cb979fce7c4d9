import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Institution, institutionCreate, institutionUpdate } from '../../../../shared/contract/network';
import { apiRequest, type Page } from '../../../api/http';

export const institutionSorts = ['name', 'country', 'kind', 'updatedAt'] as const;
export const institutionFilters = [
  'q',
  'country',
  'kind',
  'association',
  'associationStatus',
  'membershipStatus',
  'member',
  'dataStatus',
] as const;

export type InstitutionInput = z.input<typeof institutionCreate>;
export type InstitutionChanges = z.input<typeof institutionUpdate>;

const keys = {
  all: ['institutions'] as const,
  lists: ['institutions', 'list'] as const,
  list: (query: Record<string, string | number>) => ['institutions', 'list', query] as const,
  detail: (id: string) => ['institutions', 'detail', id] as const,
};

export function useInstitutions(query: Record<string, string | number>, enabled = true) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<Institution>>('/institutions', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useInstitution(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiRequest<Institution>(`/institutions/${id}`, { signal }),
  });
}

export function useCreateInstitution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InstitutionInput) => apiRequest<Institution>('/institutions', { method: 'POST', body }),
    onSuccess: (created) => {
      queryClient.setQueryData(keys.detail(created.id), created);
      return queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useUpdateInstitution(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InstitutionChanges) => apiRequest<Institution>(`/institutions/${id}`, { method: 'PATCH', body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.detail(id), updated);
      return queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useDeleteInstitution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<undefined>(`/institutions/${id}`, { method: 'DELETE', query: { version } }),
    // Only the lists: the deleted record's page is still on screen until the caller navigates away, and
    // refreshing it would fetch a record that no longer exists.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.lists }),
  });
}

/** After a version conflict: show the record as the server has it now. */
export function useAdoptInstitution() {
  const queryClient = useQueryClient();
  return (current: Institution | undefined, id: string) => {
    if (current) queryClient.setQueryData(keys.detail(id), current);
    else void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  };
}
