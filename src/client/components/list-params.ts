import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export type SortOrder = 'asc' | 'desc';

export const pageSizes = [10, 25, 50, 100] as const;
const defaultPageSize = 25;

export interface ListConfig<S extends string, F extends string> {
  sorts: readonly S[];
  defaultSort: S;
  defaultOrder?: SortOrder;
  /** Sorts that start descending when first chosen (dates: newest first). */
  descendingFirst?: readonly S[];
  filters: readonly F[];
}

export interface ListParams<S extends string, F extends string> {
  page: number;
  pageSize: number;
  sort: S;
  order: SortOrder;
  filters: Record<F, string>;
  hasFilters: boolean;
  /** What the API expects: paging, sorting and the non-empty filters. */
  query: Record<string, string | number>;
  setPage(page: number): void;
  setPageSize(pageSize: number): void;
  toggleSort(sort: S): void;
  setFilter(name: F, value: string): void;
  clearFilters(): void;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

/**
 * Paging, sorting and filters of a list, kept in the URL's search params so that a filtered list is a link one can
 * share. Changing a filter or the sort goes back to page 1.
 */
export function useListParams<S extends string, F extends string>(config: ListConfig<S, F>): ListParams<S, F> {
  const [params, setParams] = useSearchParams();
  const { sorts, defaultSort, defaultOrder = 'asc', descendingFirst = [], filters: filterNames } = config;

  const page = positiveInt(params.get('page'), 1);
  const requestedSize = positiveInt(params.get('pageSize'), defaultPageSize);
  const pageSize = (pageSizes as readonly number[]).includes(requestedSize) ? requestedSize : defaultPageSize;
  const requestedSort = params.get('sort');
  const sort = sorts.find((s) => s === requestedSort) ?? defaultSort;
  const requestedOrder = params.get('order');
  const order: SortOrder = requestedOrder === 'asc' || requestedOrder === 'desc' ? requestedOrder : defaultOrder;

  const filters = {} as Record<F, string>;
  for (const name of filterNames) filters[name] = params.get(name) ?? '';

  // From the address as it is now, not as it was at the last render (which is what the router's updater is given):
  // two changes in quick succession, before the list renders again, both stay.
  const update = useCallback(
    (change: (next: URLSearchParams) => void, replace = false) => {
      const next = new URLSearchParams(window.location.search);
      change(next);
      setParams(next, { replace });
    },
    [setParams],
  );

  // Query keys are compared by value, so building this object on each render costs nothing downstream.
  const query: Record<string, string | number> = { page, pageSize, sort, order };
  for (const name of filterNames) if (filters[name] !== '') query[name] = filters[name];

  return {
    page,
    pageSize,
    sort,
    order,
    filters,
    hasFilters: Object.values<string>(filters).some((value) => value !== ''),
    query,
    setPage: (nextPage) => update((next) => next.set('page', String(nextPage))),
    setPageSize: (nextSize) =>
      update((next) => {
        next.set('pageSize', String(nextSize));
        next.delete('page');
      }),
    toggleSort: (nextSort) =>
      update((next) => {
        // The sort and order in the address now, should a change not have rendered yet.
        const currentSort = sorts.find((s) => s === next.get('sort')) ?? defaultSort;
        const currentOrder = next.get('order');
        const orderNow: SortOrder = currentOrder === 'asc' || currentOrder === 'desc' ? currentOrder : defaultOrder;
        const nextOrder: SortOrder =
          nextSort === currentSort
            ? orderNow === 'asc'
              ? 'desc'
              : 'asc'
            : descendingFirst.includes(nextSort)
              ? 'desc'
              : 'asc';
        next.set('sort', nextSort);
        next.set('order', nextOrder);
        next.delete('page');
      }),
    // Typing in a filter replaces the history entry: Back should leave the list, not undo one keystroke.
    setFilter: (name, value) =>
      update((next) => {
        if (value === '') next.delete(name);
        else next.set(name, value);
        next.delete('page');
      }, true),
    clearFilters: () =>
      update((next) => {
        for (const name of filterNames) next.delete(name);
        next.delete('page');
      }),
  };
}
