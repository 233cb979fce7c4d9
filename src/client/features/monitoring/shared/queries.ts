import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { Partner } from '../../../../shared/contract/network';
import { apiRequest, type Page } from '../../../api/http';
import { useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';

/** Every monitoring query starts with this key: facilities, visits, checklists, findings and recommendations. */
export const monitoringKey = ['monitoring'] as const;

/**
 * After a write: a visit's change moves its facility's history, a recommendation's the tracker and the visit's
 * counts, so everything of monitoring is refreshed — except the record just deleted, whose page is still on screen
 * until the caller navigates away and would fetch a record that no longer exists.
 */
export function refreshMonitoring(queryClient: QueryClient, deletedId?: string) {
  return queryClient.invalidateQueries({
    queryKey: monitoringKey,
    predicate: (query) => deletedId === undefined || !query.queryKey.includes(deletedId),
  });
}

interface InstitutionOption {
  id: string;
  countryCode: string;
  nameFr: string;
  nameEn: string | null;
}

/** Institutions that can lead or join a visit, named in the interface language: all fit in one page of 100. */
export function useInstitutionOptions() {
  const localized = useLocalizedText();
  const query = useQuery({
    queryKey: [...monitoringKey, 'institution-options'],
    queryFn: ({ signal }) =>
      apiRequest<Page<InstitutionOption>>('/institutions', { query: { pageSize: 100, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
  });
  return {
    isPending: query.isPending,
    options: (query.data?.items ?? []).map((i) => ({ value: i.id, label: localized(i.nameFr, i.nameEn) })),
  };
}

/** The network's partners (UNHCR, IOM, UNICEF…), named by their acronym in the interface language. */
export function usePartnerOptions() {
  const name = usePartnerName();
  const query = useQuery({
    queryKey: [...monitoringKey, 'partner-options'],
    queryFn: ({ signal }) => apiRequest<Page<Partner>>('/partners', { query: { pageSize: 100, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
  });
  return {
    isPending: query.isPending,
    options: (query.data?.items ?? []).map((p) => ({ value: p.id, label: name(p) })),
  };
}

/** A partner's short name: the French acronym in French, the English one otherwise, else its name. */
export function usePartnerName() {
  const { i18n } = useT();
  const localized = useLocalizedText();
  const french = i18n.language === 'fr';
  return (partner: Pick<Partner, 'nameFr' | 'nameEn' | 'acronymFr' | 'acronymEn'>): string => {
    const acronym = french ? partner.acronymFr : (partner.acronymEn ?? partner.acronymFr);
    return acronym ?? localized(partner.nameFr, partner.nameEn);
  };
}
