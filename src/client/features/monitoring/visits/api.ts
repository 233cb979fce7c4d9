import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  checklistAnswersUpdate,
  Finding,
  findingCreate,
  findingUpdate,
  UrgentSituation,
  urgentSituationCreate,
  urgentSituationDetail,
  urgentSituationUpdate,
  Visit,
  VisitChecklist,
  VisitStatus,
  VisitSummary,
  visitCreate,
  visitUpdate,
} from '../../../../shared/contract/monitoring';
import { ApiError, apiRequest, type Page } from '../../../api/http';
import { monitoringKey, refreshMonitoring } from '../shared/queries';

export type VisitInput = z.input<typeof visitCreate>;
export type VisitChanges = z.input<typeof visitUpdate>;
export type FindingInput = z.input<typeof findingCreate>;
export type FindingChanges = z.input<typeof findingUpdate>;
export type AnswersBody = z.input<typeof checklistAnswersUpdate>;
export type UrgentInput = z.input<typeof urgentSituationCreate>;
export type UrgentChanges = z.input<typeof urgentSituationUpdate>;
export type UrgentDetail = z.infer<typeof urgentSituationDetail>;

export const visitSorts = ['startsOn', 'facility', 'country', 'status', 'type', 'updatedAt'] as const;
export const visitFilters = [
  'q',
  'facility',
  'kind',
  'country',
  'status',
  'type',
  'announced',
  'joint',
  'institution',
  'from',
  'to',
] as const;

const keys = {
  list: (query: Record<string, string | number>) => [...monitoringKey, 'visits', 'list', query] as const,
  detail: (id: string) => [...monitoringKey, 'visits', 'detail', id] as const,
  checklist: (id: string) => [...monitoringKey, 'visits', 'checklist', id] as const,
  findings: (id: string) => [...monitoringKey, 'visits', 'findings', id] as const,
  urgent: (id: string) => [...monitoringKey, 'visits', 'urgent', id] as const,
};

export function useVisits(query: Record<string, string | number>, enabled = true) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<VisitSummary>>('/visits', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useVisit(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiRequest<Visit>(`/visits/${id}`, { signal }),
    enabled: id !== '',
  });
}

export function useSaveVisit(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitInput | VisitChanges) =>
      id
        ? apiRequest<Visit>(`/visits/${id}`, { method: 'PATCH', body })
        : apiRequest<Visit>('/visits', { method: 'POST', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.detail(saved.id), saved);
      return refreshMonitoring(queryClient);
    },
  });
}

export function useAdoptVisit() {
  const queryClient = useQueryClient();
  return (current: Visit | undefined, id: string) => {
    if (current) queryClient.setQueryData(keys.detail(id), current);
    else void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  };
}

/**
 * A move in the visit's workflow. On a version conflict the visit is fetched again, so that the buttons offered
 * are those of the visit as it is now.
 */
export function useTransitionVisit(visit: Visit) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ to, note }: { to: VisitStatus; note: string }) =>
      apiRequest<Visit>(`/visits/${visit.id}/transitions`, {
        method: 'POST',
        body: { to, note, version: visit.version },
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.detail(saved.id), saved);
      return refreshMonitoring(queryClient);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.isVersionConflict) return refreshMonitoring(queryClient);
    },
  });
}

export function useDeleteVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<undefined>(`/visits/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: (_, { id }) => refreshMonitoring(queryClient, id),
  });
}

// ——— Checklist ———

export function useVisitChecklist(visitId: string) {
  return useQuery({
    queryKey: keys.checklist(visitId),
    queryFn: ({ signal }) => apiRequest<VisitChecklist>(`/visits/${visitId}/checklist`, { signal }),
  });
}

/** Starting the checklist copies the template's questions into the visit: a later edit of the template leaves them. */
export function useStartChecklist(visitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { templateId: string; version: number }) =>
      apiRequest<VisitChecklist>(`/visits/${visitId}/checklist`, { method: 'POST', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.checklist(visitId), saved);
      return refreshMonitoring(queryClient);
    },
  });
}

export function useSaveAnswers(visitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswersBody) =>
      apiRequest<VisitChecklist>(`/visits/${visitId}/checklist`, { method: 'PATCH', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.checklist(visitId), saved);
      return refreshMonitoring(queryClient);
    },
  });
}

// ——— Findings ———

export function useFindings(visitId: string) {
  return useQuery({
    queryKey: keys.findings(visitId),
    queryFn: ({ signal }) =>
      apiRequest<Page<Finding>>(`/visits/${visitId}/findings`, {
        query: { pageSize: 100, sort: 'createdAt', order: 'asc' },
        signal,
      }),
  });
}

export function useSaveFinding(visitId: string, findingId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FindingInput | FindingChanges) =>
      findingId
        ? apiRequest<Finding>(`/visits/${visitId}/findings/${findingId}`, { method: 'PATCH', body })
        : apiRequest<Finding>(`/visits/${visitId}/findings`, { method: 'POST', body }),
    onSuccess: () => refreshMonitoring(queryClient),
  });
}

export function useDeleteFinding(visitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<undefined>(`/visits/${visitId}/findings/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: () => refreshMonitoring(queryClient),
  });
}

/** After a version conflict on a finding: its list is fetched again. */
export function useAdoptFinding(visitId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: keys.findings(visitId) });
}

// ——— Urgent individual situations ———

export function useUrgentSituations(visitId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.urgent(visitId),
    queryFn: ({ signal }) =>
      apiRequest<Page<UrgentSituation>>(`/visits/${visitId}/urgent-situations`, {
        query: { pageSize: 100 },
        signal,
      }),
    enabled,
  });
}

export function useSaveUrgentSituation(visitId: string, situationId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UrgentInput | UrgentChanges) =>
      situationId
        ? apiRequest<UrgentSituation>(`/urgent-situations/${situationId}`, { method: 'PATCH', body })
        : apiRequest<UrgentSituation>(`/visits/${visitId}/urgent-situations`, { method: 'POST', body }),
    onSuccess: () => refreshMonitoring(queryClient),
  });
}

/**
 * Reads one situation's identifying details. A mutation, not a query: each read is a deliberate act, audited by the
 * server, and its result is never cached beyond the dialog that shows it.
 */
export function useRevealUrgentSituation() {
  return useMutation({
    mutationFn: (id: string) => apiRequest<UrgentDetail>(`/urgent-situations/${id}/reveal`, { method: 'POST' }),
    // Dropped from the mutation cache as soon as the dialog lets go of it, rather than kept for minutes.
    gcTime: 0,
  });
}
