import { useT } from '../../../i18n/use-t';

/**
 * Network records are named in French and often in English. English speakers get the English name when there is
 * one; everyone else gets the French one, the working group's first language.
 */
export function useLocalizedText() {
  const { i18n } = useT();
  const english = i18n.language === 'en';
  return (french: string, englishText: string | null | undefined): string =>
    english && englishText ? englishText : french;
}
