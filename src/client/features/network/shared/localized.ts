export { useLocalizedText } from '../../../i18n/localized';
