import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Partner, partnerCreate, partnerUpdate } from '../../../../shared/contract/network';
import { apiRequest, type Page } from '../../../api/http';

export const partnerSorts = ['name', 'kind', 'country', 'updatedAt'] as const;
export const partnerFilters = ['q', 'kind', 'country'] as const;

export type PartnerInput = z.input<typeof partnerCreate>;
export type PartnerChanges = z.input<typeof partnerUpdate>;

const keys = {
  all: ['partners'] as const,
  lists: ['partners', 'list'] as const,
  list: (query: Record<string, string | number>) => ['partners', 'list', query] as const,
  detail: (id: string) => ['partners', 'detail', id] as const,
};

export function usePartners(query: Record<string, string | number>) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<Partner>>('/partners', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePartner(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiRequest<Partner>(`/partners/${id}`, { signal }),
  });
}

export function useSavePartner(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PartnerInput | PartnerChanges) =>
      id
        ? apiRequest<Partner>(`/partners/${id}`, { method: 'PATCH', body })
        : apiRequest<Partner>('/partners', { method: 'POST', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.detail(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useDeletePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<undefined>(`/partners/${id}`, { method: 'DELETE', query: { version } }),
    // Only the lists: the deleted record's page is still on screen until the caller navigates away, and
    // refreshing it would fetch a record that no longer exists.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.lists }),
  });
}

export function useAdoptPartner() {
  const queryClient = useQueryClient();
  return (current: Partner | undefined, id: string) => {
    if (current) queryClient.setQueryData(keys.detail(id), current);
    else void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  };
}
