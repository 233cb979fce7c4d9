import i18n from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, languageCodes } from '../../shared/languages';
import { applyDocumentLanguage, initialLanguage } from './language';
import { namespaces, resources } from './resources';

const language = initialLanguage();

i18n
  .use(ICU)
  .use(initReactI18next)
  .init({
    resources,
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: languageCodes,
    ns: namespaces,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    initAsync: false,
  });

applyDocumentLanguage(language);
i18n.on('languageChanged', applyDocumentLanguage);

export default i18n;
