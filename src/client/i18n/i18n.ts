import i18n from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { type InterfaceLanguage, languageCodes } from '../../shared/languages';
import { applyDocumentLanguage, initialLanguage } from './language';
import { loadCatalogs, namespaces } from './resources';

const language = initialLanguage();
applyDocumentLanguage(language);
i18n.on('languageChanged', applyDocumentLanguage);

/** Settles once the first language's messages are in: the app renders only then, so no key ever shows. */
export const i18nReady: Promise<unknown> = loadCatalogs(language).then((catalogs) =>
  i18n
    .use(ICU)
    .use(initReactI18next)
    .init({
      resources: { [language]: catalogs },
      lng: language,
      // Every catalog holds every key (tests/i18n-keys.test.ts), so no second language is loaded as a fallback.
      fallbackLng: false,
      supportedLngs: languageCodes,
      ns: namespaces,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnEmptyString: false,
      initAsync: false,
    }),
);

let requested: InterfaceLanguage | undefined;

/** Loads a language's messages, then switches to it; of switches that overlap, the last one asked for wins. */
export async function switchLanguage(target: InterfaceLanguage): Promise<void> {
  requested = target;
  await i18nReady;
  if (!i18n.hasResourceBundle(target, 'common')) {
    const catalogs = await loadCatalogs(target);
    for (const namespace of namespaces) i18n.addResourceBundle(target, namespace, catalogs[namespace], true, true);
  }
  if (requested === target && i18n.language !== target) await i18n.changeLanguage(target);
}

export default i18n;
