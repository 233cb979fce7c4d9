import { IntlMessageFormat } from 'intl-messageformat';
import { defaultLanguage, type InterfaceLanguage, languageCodes } from '../../shared/languages.js';
import { catalogs } from '../../shared/locales/index.js';

type Namespace = keyof (typeof catalogs)['fr'];

const cache = new Map<string, IntlMessageFormat>();

function lookup(language: InterfaceLanguage, namespace: Namespace, key: string): string | undefined {
  let node: unknown = catalogs[language][namespace];
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Formats an ICU message from the shared catalogs; falls back to French, then to the key itself. */
export function translate(
  language: InterfaceLanguage,
  fullKey: `${Namespace}:${string}`,
  params: Record<string, string | number> = {},
): string {
  const [namespace, key] = fullKey.split(':') as [Namespace, string];
  const candidates = language === defaultLanguage ? [language] : [language, defaultLanguage];
  for (const candidate of candidates) {
    const message = lookup(candidate, namespace, key);
    if (message === undefined) continue;
    const cacheKey = `${candidate}|${fullKey}`;
    let formatter = cache.get(cacheKey);
    if (!formatter) {
      formatter = new IntlMessageFormat(message, candidate);
      cache.set(cacheKey, formatter);
    }
    return String(formatter.format(params));
  }
  return fullKey;
}

export { languageCodes };
