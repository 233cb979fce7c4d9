import { useT } from './use-t';

/**
 * Records are named in French and often in English. English speakers get the English text when there is one;
 * everyone else gets the French one, the working group's first language.
 */
export function useLocalizedText() {
  const { i18n } = useT();
  const english = i18n.language === 'en';
  return (french: string, englishText: string | null | undefined): string =>
    english && englishText ? englishText : french;
}

/**
 * The language of the text `useLocalizedText` picks, for a `lang` attribute: a French title inside an Arabic page
 * is then read by screen readers with a French voice.
 */
export function useLocalizedLang() {
  const { i18n } = useT();
  const english = i18n.language === 'en';
  return (englishText: string | null | undefined): 'en' | 'fr' => (english && englishText ? 'en' : 'fr');
}
