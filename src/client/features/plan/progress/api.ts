import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PlanProgress } from '../../../../shared/contract/plan';
import { apiRequest } from '../../../api/http';

export const progressFilters = ['periodId', 'institutionId', 'axisId'] as const;

/** The plan's figures for the chosen period, institution and axis (any may be left out). */
export function usePlanProgress(planId: string, filters: Record<string, string>) {
  const query = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
  return useQuery({
    queryKey: ['plan', 'progress', planId, query],
    queryFn: ({ signal }) => apiRequest<PlanProgress>(`/plans/${planId}/progress`, { query, signal }),
    placeholderData: keepPreviousData,
  });
}
