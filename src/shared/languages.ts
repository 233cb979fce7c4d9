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
