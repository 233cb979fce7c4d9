import { IntlMessageFormat } from 'intl-messageformat';
import type { z } from 'zod';
import type { childPageContent } from '../../../shared/contract/public-site.js';
import { rightTopics } from '../../../shared/contract/public-site.js';
import { type InterfaceLanguage, isInterfaceLanguage, type PageLanguage } from '../../../shared/languages.js';
import ar from '../../../shared/locales/ar/public.json' with { type: 'json' };
import en from '../../../shared/locales/en/public.json' with { type: 'json' };
import es from '../../../shared/locales/es/public.json' with { type: 'json' };
import fr from '../../../shared/locales/fr/public.json' with { type: 'json' };

/** The public site's own wording (frame, 404, posters, a page's starting text), shipped in four languages. */
export type SiteTexts = typeof fr;
const shipped: Record<InterfaceLanguage, SiteTexts> = { fr, en, ar, es };

/** The shipped wording for a page language; languages without one get English, which translators start from. */
export function siteTexts(language: string): { texts: SiteTexts; language: InterfaceLanguage } {
  return isInterfaceLanguage(language) ? { texts: shipped[language], language } : { texts: shipped.en, language: 'en' };
}

export function formatMessage(language: string, message: string, params: Record<string, string>): string {
  return String(new IntlMessageFormat(message, language).format(params));
}

type Content = z.input<typeof childPageContent>;

/** The page an institution starts from: the shipped wording, its name and website from its record. */
export function defaultContent(
  language: PageLanguage,
  institution: { name: string; website: string | null },
): { textLanguage: InterfaceLanguage; content: Content } {
  const { texts, language: textLanguage } = siteTexts(language);
  const d = texts.defaults;
  return {
    textLanguage,
    content: {
      institutionName: institution.name,
      about: d.about,
      promise: d.promise,
      whoCanAsk: d.whoCanAsk,
      phone: null,
      email: null,
      address: null,
      hours: null,
      website: institution.website,
      complaintFormUrl: null,
      nextSteps: d.nextSteps,
      rights: rightTopics.filter((t) => t !== 'other').map((topic) => ({ topic, text: d.rights[topic] })),
      // No number is suggested: a wrong emergency number on a child's page is worse than none.
      emergencyNumbers: [],
      dataUse: d.dataUse,
      labels: { ...texts.labels },
    },
  };
}
