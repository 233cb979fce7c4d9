import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Declaration, declarationCreate, declarationUpdate } from '../../../../shared/contract/network';
import { apiRequest, type Page } from '../../../api/http';

export const declarationSorts = ['adoptedOn', 'title'] as const;
export const declarationFilters = ['q', 'association'] as const;

export type DeclarationInput = z.input<typeof declarationCreate>;
export type DeclarationChanges = z.input<typeof declarationUpdate>;

const keys = {
  all: ['declarations'] as const,
  lists: ['declarations', 'list'] as const,
  list: (query: Record<string, string | number>) => ['declarations', 'list', query] as const,
  detail: (id: string) => ['declarations', 'detail', id] as const,
};

export function useDeclarations(query: Record<string, string | number>) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<Declaration>>('/declarations', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDeclaration(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiRequest<Declaration>(`/declarations/${id}`, { signal }),
  });
}

export function useSaveDeclaration(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeclarationInput | DeclarationChanges) =>
      id
        ? apiRequest<Declaration>(`/declarations/${id}`, { method: 'PATCH', body })
        : apiRequest<Declaration>('/declarations', { method: 'POST', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.detail(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}

export function useDeleteDeclaration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<undefined>(`/declarations/${id}`, { method: 'DELETE', query: { version } }),
    // Only the lists: the deleted record's page is still on screen until the caller navigates away, and
    // refreshing it would fetch a record that no longer exists.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.lists }),
  });
}

export function useAdoptDeclaration() {
  const queryClient = useQueryClient();
  return (current: Declaration | undefined, id: string) => {
    if (current) queryClient.setQueryData(keys.detail(id), current);
    else void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  };
}
