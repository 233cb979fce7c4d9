import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  followUpCreate,
  Recommendation,
  RecommendationDetail,
  recommendationCreate,
  recommendationUpdate,
  ThemesByCountry,
} from '../../../../shared/contract/monitoring';
import { ApiError, apiRequest, type Page } from '../../../api/http';
import { monitoringKey, refreshMonitoring } from '../shared/queries';

export type RecommendationInput = z.input<typeof recommendationCreate>;
export type RecommendationChanges = z.input<typeof recommendationUpdate>;
export type FollowUpInput = z.input<typeof followUpCreate>;

export const recommendationSorts = ['issuedOn', 'dueOn', 'status', 'theme', 'priority', 'country', 'facility'] as const;
export const recommendationFilters = [
  'q',
  'country',
  'facilityKind',
  'theme',
  'addressee',
  'status',
  'priority',
  'overdue',
  'repeated',
  'institution',
  // No control on the page: the period arrives in links (the dashboard's) and is kept.
  'from',
  'to',
] as const;

const keys = {
  list: (query: Record<string, string | number>) => [...monitoringKey, 'recommendations', 'list', query] as const,
  detail: (id: string) => [...monitoringKey, 'recommendations', 'detail', id] as const,
  themes: (query: Record<string, string | number>) => [...monitoringKey, 'recommendations', 'themes', query] as const,
};

export function useRecommendations(query: Record<string, string | number>) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<Recommendation>>('/recommendations', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRecommendation(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiRequest<RecommendationDetail>(`/recommendations/${id}`, { signal }),
    enabled: id !== '',
  });
}

export function useThemesByCountry(query: Record<string, string | number>) {
  return useQuery({
    queryKey: keys.themes(query),
    queryFn: ({ signal }) => apiRequest<ThemesByCountry>('/recommendations/themes-by-country', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveRecommendation(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecommendationInput | RecommendationChanges) =>
      id
        ? apiRequest<RecommendationDetail>(`/recommendations/${id}`, { method: 'PATCH', body })
        : apiRequest<RecommendationDetail>('/recommendations', { method: 'POST', body }),
    onSuccess: () => refreshMonitoring(queryClient),
  });
}

export function useDeleteRecommendation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<undefined>(`/recommendations/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: (_, { id }) => refreshMonitoring(queryClient, id),
  });
}

export function useAdoptRecommendation() {
  const queryClient = useQueryClient();
  return (current: Recommendation | undefined, id: string) => {
    if (current) void queryClient.invalidateQueries({ queryKey: keys.detail(current.id) });
    else void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  };
}

/** A dated step of the authority's follow-up; on a version conflict the recommendation is fetched again. */
export function useRecordFollowUp(recommendation: Pick<Recommendation, 'id' | 'version'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<FollowUpInput, 'version'>) =>
      apiRequest<RecommendationDetail>(`/recommendations/${recommendation.id}/follow-ups`, {
        method: 'POST',
        body: { ...body, version: recommendation.version },
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
