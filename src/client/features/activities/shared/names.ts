import type { Activity } from '../../../../shared/contract/activities';
import { useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';

/** A partner's short name in the interface language: the French acronym in French, the English one otherwise. */
export function usePartnerName() {
  const { i18n } = useT();
  const localized = useLocalizedText();
  const french = i18n.language === 'fr';
  return (partner: { nameFr: string; nameEn: string | null; acronymFr: string | null; acronymEn: string | null }) => {
    const acronym = french ? partner.acronymFr : (partner.acronymEn ?? partner.acronymFr);
    return acronym ?? localized(partner.nameFr, partner.nameEn);
  };
}

/** The institutions of an activity in one role, named in the interface language. */
export function useInstitutionNames() {
  const localized = useLocalizedText();
  return (activity: Activity, role: Activity['institutions'][number]['role']): string[] =>
    activity.institutions.filter((i) => i.role === role).map((i) => localized(i.nameFr, i.nameEn));
}

/** Where it took place: "Rabat, Maroc", "En ligne", "Madrid, Espagne · en ligne", or null. */
export function usePlace() {
  const { t, i18n } = useT();
  const regions = new Intl.DisplayNames([i18n.language], { type: 'region', fallback: 'code' });
  return (activity: Pick<Activity, 'city' | 'countryCode' | 'online'>): string | null => {
    const country = activity.countryCode ? (regions.of(activity.countryCode) ?? activity.countryCode) : null;
    const where = [activity.city, country].filter(Boolean).join(', ');
    if (activity.online)
      return where ? t('activities:place.andOnline', { place: where }) : t('activities:place.online');
    return where || null;
  };
}
