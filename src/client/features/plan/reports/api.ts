import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { IndicatorReport, indicatorReportCreate, indicatorReportUpdate } from '../../../../shared/contract/plan';
import { ApiError, apiRequest, type Page } from '../../../api/http';

export type ReportInput = z.input<typeof indicatorReportCreate>;
export type ReportChanges = z.input<typeof indicatorReportUpdate>;

const keys = {
  all: ['plan', 'reports'] as const,
  list: (query: Record<string, string | number>) => ['plan', 'reports', query] as const,
};

/**
 * Reports for one indicator and period (every institution's), to pick one and to see who has reported. No
 * placeholder from the previous choice: a form shown before its report arrived would offer to create a report
 * that exists, and lose what was typed when the report replaced it.
 */
export function useReports(query: { planId: string; indicatorId: string; periodId: string }, enabled: boolean) {
  const params = { ...query, pageSize: 100, sort: 'institution' };
  return useQuery({
    queryKey: keys.list(params),
    queryFn: ({ signal }) => apiRequest<Page<IndicatorReport>>('/indicator-reports', { query: params, signal }),
    enabled,
  });
}

/**
 * A report's change moves the indicators' values and pending counts in the progress too; a period found closed
 * meanwhile (423) shows as closed.
 */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.all }),
      queryClient.invalidateQueries({ queryKey: ['plan', 'progress'] }),
      queryClient.invalidateQueries({ queryKey: ['plan', 'periods'] }),
    ]);
}

export function useSaveReport() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: ReportInput | ReportChanges }) =>
      id === null
        ? apiRequest<IndicatorReport>('/indicator-reports', { method: 'POST', body })
        : apiRequest<IndicatorReport>(`/indicator-reports/${id}`, { method: 'PATCH', body }),
    onSuccess: refresh,
    onError: (error) => {
      // Closed meanwhile, or changed by someone else: show the report and period as they are now.
      if (error instanceof ApiError && (error.status === 423 || error.isVersionConflict)) return refresh();
    },
  });
}

export function useReportTransition() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ report, to }: { report: IndicatorReport; to: 'submit' | 'validate' }) =>
      apiRequest<IndicatorReport>(`/indicator-reports/${report.id}/${to}`, {
        method: 'POST',
        body: { version: report.version },
      }),
    onSettled: refresh,
  });
}
