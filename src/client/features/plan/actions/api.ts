import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Action, actionCreate, actionUpdate } from '../../../../shared/contract/plan';
import { ApiError, apiRequest, type Page } from '../../../api/http';
import { today } from '../../../i18n/format';

export type ActionInput = z.input<typeof actionCreate>;
export type ActionChanges = z.input<typeof actionUpdate>;

export const actionSorts = ['axis', 'title', 'plannedStart', 'plannedEnd', 'status', 'updatedAt'] as const;
// from, to and country have no control on the page: they arrive in links (the dashboard's) and are kept.
export const actionFilters = ['axisId', 'institutionId', 'status', 'overdue', 'q', 'from', 'to', 'country'] as const;

const keys = {
  all: ['plan', 'actions'] as const,
  list: (query: Record<string, string | number>) => ['plan', 'actions', 'list', query] as const,
  every: (planId: string) => ['plan', 'actions', 'every', planId] as const,
  detail: (id: string) => ['plan', 'actions', 'detail', id] as const,
};

/** An action's change moves the plan's figures too: refresh actions and progress (not the plan's structure). */
function refreshAfterWrite(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.all }),
    queryClient.invalidateQueries({ queryKey: ['plan', 'progress'] }),
  ]);
}

export function useActions(query: Record<string, string | number>) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<Action>>('/actions', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every action of a plan (the timeline shows them all), page after page of 100. */
export function useAllActions(planId: string) {
  return useQuery({
    queryKey: keys.every(planId),
    queryFn: async ({ signal }) => {
      const items: Action[] = [];
      for (let page = 1; ; page += 1) {
        const batch = await apiRequest<Page<Action>>('/actions', {
          query: { planId, page, pageSize: 100, sort: 'plannedStart', order: 'asc' },
          signal,
        });
        items.push(...batch.items);
        if (batch.items.length === 0 || items.length >= batch.total) return items;
      }
    },
  });
}

export function useAction(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiRequest<Action>(`/actions/${id}`, { signal }),
    enabled: id !== '',
  });
}

export function useCreateAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionInput) => apiRequest<Action>('/actions', { method: 'POST', body }),
    onSuccess: (created) => {
      queryClient.setQueryData(keys.detail(created.id), created);
      return refreshAfterWrite(queryClient);
    },
  });
}

export function useUpdateAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionChanges) => apiRequest<Action>(`/actions/${id}`, { method: 'PATCH', body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.detail(id), updated);
      return refreshAfterWrite(queryClient);
    },
  });
}

/**
 * A status change in one click, from a list or a page: "done" records today as the completion date. On a
 * version conflict the action is fetched again, so that a second click works on what is there now.
 */
export function useSetActionStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, status }: { action: Action; status: Action['status'] }) =>
      apiRequest<Action>(`/actions/${action.id}`, {
        method: 'PATCH',
        body: {
          status,
          ...(status === 'done' && !action.completedOn ? { completedOn: today() } : {}),
          version: action.version,
        } satisfies ActionChanges,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.detail(updated.id), updated);
      return refreshAfterWrite(queryClient);
    },
    onError: (error, { action }) => {
      if (!(error instanceof ApiError && error.isVersionConflict)) return;
      const current = error.current<Action>();
      if (current) queryClient.setQueryData(keys.detail(action.id), current);
      return refreshAfterWrite(queryClient);
    },
  });
}

export function useDeleteAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<undefined>(`/actions/${id}`, { method: 'DELETE', query: { version } }),
    // Lists and figures only: the deleted action's page is still on screen until the caller navigates away.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['plan', 'actions', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['plan', 'actions', 'every'] }),
        queryClient.invalidateQueries({ queryKey: ['plan', 'progress'] }),
      ]),
  });
}

/** After a version conflict: show the action as the server has it now. */
export function useAdoptAction() {
  const queryClient = useQueryClient();
  return (current: Action | undefined, id: string) => {
    if (current) queryClient.setQueryData(keys.detail(id), current);
    else void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  };
}
