import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchPage, SearchResult } from '../../../shared/contract/search';
import { apiRequest, type Page } from '../../api/http';

export const searchFilters = ['type', 'axis', 'institutionId', 'country', 'from', 'to'] as const;
/** Results come in order of relevance: the list has no other sort. */
export const searchSorts = ['relevance'] as const;

/** What the search API takes: the list's paging and filters, without the sort the list params always carry. */
export function apiQuery(query: Record<string, string | number>): Record<string, string | number> {
  const { sort: _sort, order: _order, ...rest } = query;
  return rest;
}

export function useSearch(query: Record<string, string | number>) {
  const q = typeof query.q === 'string' ? query.q.trim() : '';
  return useQuery({
    queryKey: ['search', query],
    queryFn: ({ signal }) => apiRequest<SearchPage>('/search', { query: apiQuery(query), signal }),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
}

interface InstitutionOption {
  id: string;
  nameFr: string;
  nameEn: string | null;
}

/** The institutions the caller sees, for the institution filter: one page of 100 covers the network. */
export function useInstitutionOptions(english: boolean) {
  const result = useQuery({
    queryKey: ['search', 'institutions'],
    queryFn: ({ signal }) =>
      apiRequest<Page<InstitutionOption>>('/institutions', { query: { pageSize: 100, sort: 'name' }, signal }),
    staleTime: 60_000,
  });
  return (result.data?.items ?? []).map((row) => ({
    value: row.id,
    label: english && row.nameEn ? row.nameEn : row.nameFr,
  }));
}

/** Where a result lives in the web app: a finding on its visit's page, everything else on its own. */
export function pathOf(result: SearchResult): string {
  switch (result.type) {
    case 'institution':
      return `/institutions/${result.id}`;
    case 'partner':
      return `/partners/${result.id}`;
    case 'plan_action':
      return `/actions/${result.id}`;
    case 'activity':
      return `/activities/${result.id}`;
    case 'facility':
      return `/facilities/${result.id}`;
    case 'visit':
      return `/visits/${result.id}`;
    case 'finding':
      return `/visits/${result.parentId ?? ''}`;
    case 'recommendation':
      return `/recommendations/${result.id}`;
    case 'awareness_session':
      return `/awareness-sessions/${result.id}`;
    case 'material':
      return `/materials/${result.id}`;
    case 'document':
      return `/documents/${result.id}`;
  }
}
