import { defaultLanguage, directionOf, type InterfaceLanguage, isInterfaceLanguage } from '../../shared/languages';

const STORAGE_KEY = 'vigie.language';

function storedLanguage(): InterfaceLanguage | undefined {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value !== null && isInterfaceLanguage(value) ? value : undefined;
  } catch {
    // Storage can be disabled (private mode, strict policies): fall back to the browser's languages.
    return undefined;
  }
}

function browserLanguage(): InterfaceLanguage | undefined {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isInterfaceLanguage(base)) return base;
  }
  return undefined;
}

/** Before sign-in: the language chosen earlier on this browser, else the browser's own, else French. */
export function initialLanguage(): InterfaceLanguage {
  return storedLanguage() ?? browserLanguage() ?? defaultLanguage;
}

export function rememberLanguage(language: InterfaceLanguage): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering is acceptable; the session still carries the user's language.
  }
}

export function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

export function currentLanguage(language: string): InterfaceLanguage {
  return isInterfaceLanguage(language) ? language : defaultLanguage;
}
