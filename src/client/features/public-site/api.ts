import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Institution } from '../../../shared/contract/network';
import type {
  childPage,
  childPageContent,
  childPageDefaults,
  childPageStatuses,
  childPageSummary,
} from '../../../shared/contract/public-site';
import type { PageLanguage } from '../../../shared/languages';
import { ApiError, apiRequest, type Page } from '../../api/http';

export type ChildPage = z.output<typeof childPage>;
export type ChildPageSummary = z.output<typeof childPageSummary>;
export type ChildPageContent = z.input<typeof childPageContent>;
export type ChildPageDefaults = z.output<typeof childPageDefaults>;
export type ChildPageStatus = (typeof childPageStatuses)[number];

const keys = {
  all: (id: string) => ['child-pages', id] as const,
  list: (id: string) => ['child-pages', id, 'list'] as const,
  page: (id: string, lang: string) => ['child-pages', id, 'page', lang] as const,
  defaults: (id: string, lang: string) => ['child-pages', id, 'defaults', lang] as const,
};

const base = (id: string) => `/institutions/${id}/child-pages`;

/** The institution itself: its name for the headings and whether the user may write its pages. */
export function useInstitutionOfPages(id: string) {
  return useQuery({
    queryKey: ['institutions', 'detail', id],
    queryFn: ({ signal }) => apiRequest<Institution>(`/institutions/${id}`, { signal }),
  });
}

export function useChildPages(id: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.list(id),
    // One page per language: the longest list is the number of page languages, well under the page size.
    queryFn: ({ signal }) =>
      apiRequest<Page<ChildPageSummary>>(base(id), { query: { pageSize: 100, sort: 'language' }, signal }),
    enabled,
  });
}

/** The page in one language; `null` when the institution has not written it yet (then the editor starts from the defaults). */
export function useChildPage(id: string, lang: PageLanguage, enabled: boolean) {
  return useQuery({
    queryKey: keys.page(id, lang),
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest<ChildPage>(`${base(id)}/${lang}`, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
  });
}

export function useChildPageDefaults(id: string, lang: PageLanguage, enabled: boolean) {
  return useQuery({
    queryKey: keys.defaults(id, lang),
    queryFn: ({ signal }) => apiRequest<ChildPageDefaults>(`${base(id)}/${lang}/defaults`, { signal }),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSaveChildPage(id: string, lang: PageLanguage) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChildPageContent & { version?: number }) =>
      apiRequest<ChildPage>(`${base(id)}/${lang}`, { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.page(id, lang), saved);
      return queryClient.invalidateQueries({ queryKey: keys.list(id) });
    },
  });
}

export function useChangeChildPageStatus(id: string, lang: PageLanguage) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { status: ChildPageStatus; version: number }) =>
      apiRequest<ChildPage>(`${base(id)}/${lang}/status`, { method: 'POST', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.page(id, lang), saved);
      return queryClient.invalidateQueries({ queryKey: keys.list(id) });
    },
  });
}

/** After a version conflict: the page as it is now, from the 409's details, or fetched again. */
export function useAdoptChildPage(id: string, lang: PageLanguage) {
  const queryClient = useQueryClient();
  return (current: ChildPage | undefined) => {
    if (current) queryClient.setQueryData(keys.page(id, lang), current);
    else void queryClient.invalidateQueries({ queryKey: keys.page(id, lang) });
    void queryClient.invalidateQueries({ queryKey: keys.list(id) });
  };
}
