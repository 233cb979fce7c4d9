import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FigureLink, NetworkDashboard } from '../../../shared/contract/dashboard';
import type { Institution } from '../../../shared/contract/network';
import { apiRequest, type Page } from '../../api/http';

export type { FigureLink, NetworkDashboard };

/** The dashboard's filters as they stand in the address (institutions repeated). */
export interface DashboardSearch {
  from: string;
  to: string;
  institutionIds: string[];
  axis: string;
  country: string;
}

export function searchOf(filters: DashboardSearch): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.from) search.set('from', filters.from);
  if (filters.to) search.set('to', filters.to);
  for (const id of filters.institutionIds) search.append('institutionId', id);
  if (filters.axis) search.set('axis', filters.axis);
  if (filters.country) search.set('country', filters.country);
  return search;
}

export function useDashboard(filters: DashboardSearch) {
  const search = searchOf(filters).toString();
  return useQuery({
    queryKey: ['dashboard', search],
    queryFn: ({ signal }) => apiRequest<NetworkDashboard>(`/dashboard${search ? `?${search}` : ''}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInstitutions() {
  return useQuery({
    queryKey: ['dashboard', 'institutions'],
    queryFn: ({ signal }) =>
      apiRequest<Page<Institution>>('/institutions', { query: { pageSize: 100, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
  });
}

/** The web app's address of the list behind a figure, with its filters. */
export function hrefOf(link: FigureLink | null | undefined): string | null {
  if (!link) return null;
  const query = { ...link.query };
  // The actions page is the plan's own: the plan is in its path.
  if (link.list === 'actions') delete query.planId;
  const search = new URLSearchParams(query).toString();
  return search ? `${link.page}?${search}` : link.page;
}
