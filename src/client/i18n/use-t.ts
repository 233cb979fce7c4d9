import { useTranslation } from 'react-i18next';
import { namespaces } from './resources';

/** `t` over the web app's namespaces: keys are always written `ns:key` and type-checked against the French catalog. */
export function useT() {
  return useTranslation(namespaces);
}
