import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Axis, axisUpdate, nextPlanCreate, Plan, planSummary, planUpdate } from '../../../../shared/contract/plan';
import { apiRequest, type Page } from '../../../api/http';

export type PlanSummary = z.infer<typeof planSummary>;
export type PlanChanges = z.input<typeof planUpdate>;
export type NextPlanInput = z.input<typeof nextPlanCreate>;
export type AxisChanges = z.input<typeof axisUpdate>;

export const planSorts = ['startsOn', 'title'] as const;
export const planFilters = ['status'] as const;

export const planKeys = {
  /** Everything the action plan caches: a write anywhere in a plan refreshes its figures. */
  all: ['plan'] as const,
  lists: ['plan', 'plans'] as const,
  list: (query: Record<string, string | number>) => ['plan', 'plans', query] as const,
  detail: (id: string) => ['plan', 'detail', id] as const,
};

export function usePlans(query: Record<string, string | number>) {
  return useQuery({
    queryKey: planKeys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<PlanSummary>>('/plans', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string, enabled = true) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<Plan>(`/plans/${id}`, { signal }),
    enabled: enabled && id !== '',
  });
}

export function useUpdatePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanChanges) => apiRequest<Plan>(`/plans/${id}`, { method: 'PATCH', body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(planKeys.detail(id), updated);
      return queryClient.invalidateQueries({ queryKey: planKeys.lists });
    },
  });
}

/** After a version conflict: show the plan as the server has it now. */
export function useAdoptPlan() {
  const queryClient = useQueryClient();
  return (current: Plan | undefined, id: string) => {
    if (current) queryClient.setQueryData(planKeys.detail(id), current);
    else void queryClient.invalidateQueries({ queryKey: planKeys.detail(id) });
  };
}

export function usePrepareNextPlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NextPlanInput) => apiRequest<Plan>(`/plans/${id}/next`, { method: 'POST', body }),
    onSuccess: (created) => {
      queryClient.setQueryData(planKeys.detail(created.id), created);
      // The current plan now has a successor (it may not prepare another): refresh it and the lists.
      return queryClient.invalidateQueries({ queryKey: planKeys.all });
    },
  });
}

/** Edits an axis of the plan: the plan is reloaded, as its axes come with it. */
export function useUpdateAxis(planId: string, axisId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AxisChanges) => apiRequest<Axis>(`/plan-axes/${axisId}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.all }),
    // A conflict means someone else changed it: the plan shows their version.
    onError: () => queryClient.invalidateQueries({ queryKey: planKeys.detail(planId) }),
  });
}

/** "Does not take part" (PUT, with an optional note) or "takes part again" (DELETE) for one institution on an axis. */
export function useAxisParticipation(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      axisId,
      institutionId,
      takesPart,
      note,
    }: {
      axisId: string;
      institutionId: string;
      takesPart: boolean;
      note?: string;
    }) =>
      apiRequest<unknown>(`/plan-axes/${axisId}/exceptions/${institutionId}`, {
        method: takesPart ? 'DELETE' : 'PUT',
        body: takesPart ? undefined : { note: note ?? '' },
      }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.detail(planId) }),
        queryClient.invalidateQueries({ queryKey: ['plan', 'progress'] }),
      ]),
  });
}
