import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Indicator,
  indicatorCreate,
  indicatorUpdate,
  reportingPeriod,
  reportingPeriodCreate,
} from '../../../../shared/contract/plan';
import { apiRequest, type Page } from '../../../api/http';

export type ReportingPeriod = z.infer<typeof reportingPeriod>;
export type IndicatorChanges = z.input<typeof indicatorUpdate>;
export type IndicatorInput = z.input<typeof indicatorCreate>;
export type PeriodInput = z.input<typeof reportingPeriodCreate>;

const keys = {
  indicators: (planId: string) => ['plan', 'indicators', planId] as const,
  periods: (planId: string) => ['plan', 'periods', planId] as const,
};

/** A plan's indicators, in code order: a plan has a few dozen, well within one page of 100. */
export function useIndicators(planId: string) {
  return useQuery({
    queryKey: keys.indicators(planId),
    queryFn: ({ signal }) =>
      apiRequest<Page<Indicator>>('/indicators', { query: { planId, pageSize: 100, sort: 'code' }, signal }),
  });
}

export function useUpdateIndicator(indicator: Indicator) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IndicatorChanges) =>
      apiRequest<Indicator>(`/indicators/${indicator.id}`, { method: 'PATCH', body }),
    // Names, units and targets show in the progress too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plan'] }),
    // A conflict means someone else changed it: the list shows their version.
    onError: () => queryClient.invalidateQueries({ queryKey: ['plan', 'indicators'] }),
  });
}

export function useCreateIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IndicatorInput) => apiRequest<Indicator>('/indicators', { method: 'POST', body }),
    // The new indicator shows in the progress too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plan'] }),
  });
}

/** Deleting an indicator with reports is refused (409 `in_use`): the dialog shows the server's message. */
export function useDeleteIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<undefined>(`/indicators/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['plan'] }),
    onError: () => queryClient.invalidateQueries({ queryKey: ['plan', 'indicators'] }),
  });
}

export function usePeriods(planId: string) {
  return useQuery({
    queryKey: keys.periods(planId),
    queryFn: ({ signal }) => apiRequest<{ items: ReportingPeriod[] }>(`/plans/${planId}/periods`, { signal }),
  });
}

export function useCreatePeriod(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PeriodInput) =>
      apiRequest<ReportingPeriod>(`/plans/${planId}/periods`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.periods(planId) }),
  });
}

/** Closing or reopening a period: its reports' state changes with it, so every report query is refreshed. */
export function usePeriodTransition(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ period, to }: { period: ReportingPeriod; to: 'close' | 'reopen' }) =>
      apiRequest<ReportingPeriod>(`/reporting-periods/${period.id}/${to}`, {
        method: 'POST',
        body: { version: period.version },
      }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.periods(planId) }),
        queryClient.invalidateQueries({ queryKey: ['plan', 'reports'] }),
      ]),
  });
}
