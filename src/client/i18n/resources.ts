import type { InterfaceLanguage } from '../../shared/languages';

export const namespaces = [
  'common',
  'dashboard',
  'auth',
  'network',
  'users',
  'audit',
  'plan',
  'notifications',
  'awareness',
  'settings',
  'documents',
  'imports',
  'monitoring',
  'activities',
  'calendar',
  'public-site',
  'reports',
  'search',
  'exports',
] as const;

export type Catalogs = Record<(typeof namespaces)[number], object>;

/**
 * One chunk per language, fetched on demand: a reader needs only their own language's messages, and the four
 * together weighed about a third of the JavaScript the signed-in app loaded first.
 */
const loaders: Record<InterfaceLanguage, () => Promise<{ catalogs: Catalogs }>> = {
  fr: () => import('./catalogs/fr'),
  en: () => import('./catalogs/en'),
  ar: () => import('./catalogs/ar'),
  es: () => import('./catalogs/es'),
};

export async function loadCatalogs(language: InterfaceLanguage): Promise<Catalogs> {
  return (await loaders[language]()).catalogs;
}
