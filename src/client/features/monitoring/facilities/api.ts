import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Facility, facilityCreate, facilityUpdate } from '../../../../shared/contract/monitoring';
import { apiRequest, type Page } from '../../../api/http';
import { monitoringKey, refreshMonitoring } from '../shared/queries';

export type FacilityInput = z.input<typeof facilityCreate>;
export type FacilityChanges = z.input<typeof facilityUpdate>;

export const facilitySorts = ['name', 'kind', 'country', 'lastVisit', 'updatedAt'] as const;
export const facilityFilters = ['q', 'kind', 'country', 'holdsChildren', 'isOpen'] as const;

const keys = {
  list: (query: Record<string, string | number>) => [...monitoringKey, 'facilities', 'list', query] as const,
  options: [...monitoringKey, 'facilities', 'options'] as const,
  detail: (id: string) => [...monitoringKey, 'facilities', 'detail', id] as const,
};

export function useFacilities(query: Record<string, string | number>) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiRequest<Page<Facility>>('/facilities', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Facilities to choose from when planning a visit, by name, page after page of 100. */
export function useFacilityOptions() {
  return useQuery({
    queryKey: keys.options,
    queryFn: async ({ signal }) => {
      const items: Facility[] = [];
      for (let page = 1; ; page += 1) {
        const batch = await apiRequest<Page<Facility>>('/facilities', {
          query: { page, pageSize: 100, sort: 'name', order: 'asc' },
          signal,
        });
        items.push(...batch.items);
        if (batch.items.length === 0 || items.length >= batch.total) return items;
      }
    },
  });
}

export function useFacility(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiRequest<Facility>(`/facilities/${id}`, { signal }),
    enabled: id !== '',
  });
}

export function useSaveFacility(id: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FacilityInput | FacilityChanges) =>
      id
        ? apiRequest<Facility>(`/facilities/${id}`, { method: 'PATCH', body })
        : apiRequest<Facility>('/facilities', { method: 'POST', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.detail(saved.id), saved);
      return refreshMonitoring(queryClient);
    },
  });
}

export function useDeleteFacility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest<undefined>(`/facilities/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: (_, { id }) => refreshMonitoring(queryClient, id),
  });
}

export function useAdoptFacility() {
  const queryClient = useQueryClient();
  return (current: Facility | undefined, id: string) => {
    if (current) queryClient.setQueryData(keys.detail(id), current);
    else void queryClient.invalidateQueries({ queryKey: keys.detail(id) });
  };
}
