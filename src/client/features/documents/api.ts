import { useQuery } from '@tanstack/react-query';
import type { Institution } from '../../../shared/contract/network';
import { apiRequest, type Page } from '../../api/http';

/** The institutions the user may see, for the library's owner filter and the owner's name on a document. */
export function useInstitutionNames() {
  return useQuery({
    queryKey: ['documents', 'institutions'],
    queryFn: ({ signal }) =>
      apiRequest<Page<Institution>>('/institutions', { query: { pageSize: 100, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
    select: (page) => page.items,
  });
}
