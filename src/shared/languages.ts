/** Interface languages. `dir` drives `<html dir>`; components use CSS logical properties, never branch on it. */
export const interfaceLanguages = [
  { code: 'fr', dir: 'ltr', nativeName: 'Français' },
  { code: 'en', dir: 'ltr', nativeName: 'English' },
  { code: 'ar', dir: 'rtl', nativeName: 'العربية' },
  { code: 'es', dir: 'ltr', nativeName: 'Español' },
] as const;

export type InterfaceLanguage = (typeof interfaceLanguages)[number]['code'];
export const languageCodes = interfaceLanguages.map((l) => l.code) as [InterfaceLanguage, ...InterfaceLanguage[]];
export const defaultLanguage: InterfaceLanguage = 'fr';

export function isInterfaceLanguage(value: string): value is InterfaceLanguage {
  return (languageCodes as string[]).includes(value);
}

export function directionOf(code: string): 'ltr' | 'rtl' {
  return interfaceLanguages.find((l) => l.code === code)?.dir ?? 'ltr';
}

/** Picks the best interface language from an Accept-Language header. */
export function negotiateLanguage(header: string | undefined): InterfaceLanguage | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.base).find(isInterfaceLanguage);
}

/**
 * Languages of the public pages for children: the interface languages, and those children arriving in the
 * Mediterranean speak. An institution writes its page in any of them; `dir` drives the page's `<html dir>`.
 */
export const pageLanguages = [
  ...interfaceLanguages,
  { code: 'prs', dir: 'rtl', nativeName: 'دری' },
  { code: 'ps', dir: 'rtl', nativeName: 'پښتو' },
  { code: 'fa', dir: 'rtl', nativeName: 'فارسی' },
  { code: 'ur', dir: 'rtl', nativeName: 'اردو' },
  { code: 'ku', dir: 'ltr', nativeName: 'Kurdî' },
  { code: 'ti', dir: 'ltr', nativeName: 'ትግርኛ' },
  { code: 'am', dir: 'ltr', nativeName: 'አማርኛ' },
  { code: 'so', dir: 'ltr', nativeName: 'Soomaali' },
  { code: 'sq', dir: 'ltr', nativeName: 'Shqip' },
  { code: 'mk', dir: 'ltr', nativeName: 'Македонски' },
  { code: 'tr', dir: 'ltr', nativeName: 'Türkçe' },
  { code: 'bn', dir: 'ltr', nativeName: 'বাংলা' },
  { code: 'wo', dir: 'ltr', nativeName: 'Wolof' },
  { code: 'bm', dir: 'ltr', nativeName: 'Bamanankan' },
  { code: 'ff', dir: 'ltr', nativeName: 'Fulfulde' },
  { code: 'ln', dir: 'ltr', nativeName: 'Lingála' },
  { code: 'uk', dir: 'ltr', nativeName: 'Українська' },
  { code: 'ru', dir: 'ltr', nativeName: 'Русский' },
] as const;

export type PageLanguage = (typeof pageLanguages)[number]['code'];
export const pageLanguageCodes = pageLanguages.map((l) => l.code) as [PageLanguage, ...PageLanguage[]];

export function isPageLanguage(value: string): value is PageLanguage {
  return (pageLanguageCodes as string[]).includes(value);
}

export function pageDirectionOf(code: string): 'ltr' | 'rtl' {
  return pageLanguages.find((l) => l.code === code)?.dir ?? 'ltr';
}

export function pageLanguageName(code: string): string {
  return pageLanguages.find((l) => l.code === code)?.nativeName ?? code;
}
