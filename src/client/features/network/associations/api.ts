import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Association, associationUpdate } from '../../../../shared/contract/network';
import { apiRequest } from '../../../api/http';

const associationsKey = ['associations'] as const;

export function useAssociations() {
  return useQuery({
    queryKey: associationsKey,
    queryFn: ({ signal }) =>
      apiRequest<{ items: Association[] }>('/associations', { query: { pageSize: 100 }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useUpdateAssociation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof associationUpdate> & { id: string }) =>
      apiRequest<Association>(`/associations/${id}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: associationsKey }),
  });
}
