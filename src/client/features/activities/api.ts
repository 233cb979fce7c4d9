import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Activity,
  ActivityCreate,
  ActivityUpdate,
  FollowUp,
  followUpCreate,
  followUpUpdate,
  StatementResponse,
  statementResponseCreate,
  statementResponseUpdate,
} from '../../../shared/contract/activities';
import type { Institution, Partner } from '../../../shared/contract/network';
import type { Action } from '../../../shared/contract/plan';
import { apiRequest, type Page } from '../../api/http';

export const activitySorts = ['startsAt', 'title', 'kind', 'updatedAt'] as const;
// cadenceMissed, bodyId, country and replied have no control on the page: they arrive in links (the dashboard's).
export const activityFilters = [
  'kind',
  'axis',
  'institutionId',
  'from',
  'to',
  'q',
  'cadenceMissed',
  'bodyId',
  'country',
  'replied',
] as const;

export type FollowUpInput = z.input<typeof followUpCreate>;
export type FollowUpChanges = z.input<typeof followUpUpdate>;
export type ResponseInput = z.input<typeof statementResponseCreate>;
export type ResponseChanges = z.input<typeof statementResponseUpdate>;

const keys = {
  all: ['activities'] as const,
  lists: ['activities', 'list'] as const,
  list: (query: Record<string, string | number>) => ['activities', 'list', query] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
};

/**
 * An activity's change shows in its lists, in a body's meetings (a list too), in the calendar and in the plan's
 * figures; its own page is refreshed by the caller with the record the server returned.
 */
function refreshAround(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.lists }),
    queryClient.invalidateQueries({ queryKey: ['calendar'] }),
    queryClient.invalidateQueries({ queryKey: ['plan'] }),
  ]);
}

export function useActivities(query: Record<string, string | number>, enabled = true) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<Activity>>('/activities', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useActivity(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiRequest<Activity>(`/activities/${id}`, { signal }),
    enabled: id !== '',
  });
}

export function useSaveActivity(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityCreate | ActivityUpdate) =>
      id
        ? apiRequest<Activity>(`/activities/${id}`, { method: 'PATCH', body })
        : apiRequest<Activity>('/activities', { method: 'POST', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.detail(saved.id), saved);
      return Promise.all([
        refreshAround(queryClient),
        // A meeting's date moves its body's "last met" and cadence flag.
        saved.kind === 'meeting' && saved.details.bodyId
          ? queryClient.invalidateQueries({ queryKey: keys.detail(saved.details.bodyId) })
          : undefined,
      ]);
    },
  });
}

export function useDeleteActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<undefined>(`/activities/${id}`, { method: 'DELETE', query: { version } }),
    // Not the deleted record's page, still on screen until the caller navigates away.
    onSuccess: () => refreshAround(queryClient),
  });
}

export function useAdoptActivity() {
  const queryClient = useQueryClient();
  return (current: Activity | undefined, id: string) => {
    if (current) queryClient.setQueryData(keys.detail(id), current);
    else void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  };
}

/** Follow-up items and responses belong to their activity: a change reloads the activity that lists them. */
function useChildMutation<B, R>(activityId: string, request: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.detail(activityId) }),
        queryClient.invalidateQueries({ queryKey: keys.lists }),
      ]),
  });
}

export function useSaveFollowUp(activityId: string, followUpId: string | undefined) {
  return useChildMutation(activityId, (body: FollowUpInput | FollowUpChanges) =>
    followUpId
      ? apiRequest<FollowUp>(`/activities/${activityId}/follow-ups/${followUpId}`, { method: 'PATCH', body })
      : apiRequest<FollowUp>(`/activities/${activityId}/follow-ups`, { method: 'POST', body }),
  );
}

export function useFollowUpStatus(activityId: string) {
  return useChildMutation(activityId, ({ item, status }: { item: FollowUp; status: FollowUp['status'] }) =>
    apiRequest<FollowUp>(`/activities/${activityId}/follow-ups/${item.id}`, {
      method: 'PATCH',
      body: { status, version: item.version } satisfies FollowUpChanges,
    }),
  );
}

export function useDeleteFollowUp(activityId: string) {
  return useChildMutation(activityId, ({ id, version }: { id: string; version: number }) =>
    apiRequest<undefined>(`/activities/${activityId}/follow-ups/${id}`, { method: 'DELETE', query: { version } }),
  );
}

export function useSaveResponse(activityId: string, responseId: string | undefined) {
  return useChildMutation(activityId, (body: ResponseInput | ResponseChanges) =>
    responseId
      ? apiRequest<StatementResponse>(`/activities/${activityId}/responses/${responseId}`, { method: 'PATCH', body })
      : apiRequest<StatementResponse>(`/activities/${activityId}/responses`, { method: 'POST', body }),
  );
}

export function useDeleteResponse(activityId: string) {
  return useChildMutation(activityId, ({ id, version }: { id: string; version: number }) =>
    apiRequest<undefined>(`/activities/${activityId}/responses/${id}`, { method: 'DELETE', query: { version } }),
  );
}

/** The network's institutions and partners, to pick and to name: each fits in one page of 100. */
export function useInstitutionOptions() {
  return useQuery({
    queryKey: ['activities', 'institution-options'],
    queryFn: ({ signal }) =>
      apiRequest<Page<Institution>>('/institutions', { query: { pageSize: 100, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
  });
}

export function usePartnerOptions() {
  return useQuery({
    queryKey: ['activities', 'partner-options'],
    queryFn: ({ signal }) => apiRequest<Page<Partner>>('/partners', { query: { pageSize: 100, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
  });
}

/** The plan actions the user may see, to link an activity to those it serves (axes 1 to 3 first). */
export function useActionOptions() {
  return useQuery({
    queryKey: ['activities', 'action-options'],
    queryFn: ({ signal }) =>
      apiRequest<Page<Action>>('/actions', { query: { pageSize: 100, sort: 'axis', order: 'asc' }, signal }),
    staleTime: 60_000,
  });
}
