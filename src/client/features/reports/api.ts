import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Plan } from '../../../shared/contract/plan';
import type { ReportSummary, reportCreate, reportCreated, reportSorts } from '../../../shared/contract/reports';
import { apiRequest, type Page } from '../../api/http';

export type ReportInput = z.input<typeof reportCreate>;
export type ReportSort = (typeof reportSorts)[number];

const reportsKey = ['reports'] as const;

/** How often the list asks again while one of its reports is queued or being generated. */
const POLL_MS = 1500;

export function useReports(query: Record<string, string | number>) {
  return useQuery({
    queryKey: [...reportsKey, 'list', query],
    queryFn: ({ signal }) => apiRequest<Page<ReportSummary>>('/reports', { query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? POLL_MS : false,
  });
}

export function useRequestReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportInput) => apiRequest<z.infer<typeof reportCreated>>('/reports', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportsKey }),
  });
}

export function useDeleteReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<undefined>(`/reports/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportsKey }),
  });
}

interface Named {
  id: string;
  nameFr: string;
  nameEn: string | null;
}

/** The institutions the person sees, to limit a report to some of them. */
export function useInstitutionOptions() {
  return useQuery({
    queryKey: [...reportsKey, 'institutions'],
    queryFn: ({ signal }) =>
      apiRequest<Page<Named>>('/institutions', { query: { pageSize: 100, sort: 'name' }, signal }),
    staleTime: 60_000,
  });
}

/** The plans the person sees: the latest one's period is the form's default. */
export function usePlans() {
  return useQuery({
    queryKey: [...reportsKey, 'plans'],
    queryFn: ({ signal }) =>
      apiRequest<Page<Pick<Plan, 'id' | 'startsOn' | 'endsOn'>>>('/plans', {
        query: { pageSize: 100, sort: 'startsOn', order: 'desc' },
        signal,
      }),
    staleTime: 60_000,
  });
}
