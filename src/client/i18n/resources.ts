import arActivities from '../../shared/locales/ar/activities.json';
import arAudit from '../../shared/locales/ar/audit.json';
import arAuth from '../../shared/locales/ar/auth.json';
import arAwareness from '../../shared/locales/ar/awareness.json';
import arCalendar from '../../shared/locales/ar/calendar.json';
import arCommon from '../../shared/locales/ar/common.json';
import arDashboard from '../../shared/locales/ar/dashboard.json';
import arDocuments from '../../shared/locales/ar/documents.json';
import arExports from '../../shared/locales/ar/exports.json';
import arImports from '../../shared/locales/ar/imports.json';
import arMonitoring from '../../shared/locales/ar/monitoring.json';
import arNetwork from '../../shared/locales/ar/network.json';
import arNotifications from '../../shared/locales/ar/notifications.json';
import arPlan from '../../shared/locales/ar/plan.json';
import arPublicSite from '../../shared/locales/ar/public-site.json';
import arReports from '../../shared/locales/ar/reports.json';
import arSearch from '../../shared/locales/ar/search.json';
import arSettings from '../../shared/locales/ar/settings.json';
import arUsers from '../../shared/locales/ar/users.json';
import enActivities from '../../shared/locales/en/activities.json';
import enAudit from '../../shared/locales/en/audit.json';
import enAuth from '../../shared/locales/en/auth.json';
import enAwareness from '../../shared/locales/en/awareness.json';
import enCalendar from '../../shared/locales/en/calendar.json';
import enCommon from '../../shared/locales/en/common.json';
import enDashboard from '../../shared/locales/en/dashboard.json';
import enDocuments from '../../shared/locales/en/documents.json';
import enExports from '../../shared/locales/en/exports.json';
import enImports from '../../shared/locales/en/imports.json';
import enMonitoring from '../../shared/locales/en/monitoring.json';
import enNetwork from '../../shared/locales/en/network.json';
import enNotifications from '../../shared/locales/en/notifications.json';
import enPlan from '../../shared/locales/en/plan.json';
import enPublicSite from '../../shared/locales/en/public-site.json';
import enReports from '../../shared/locales/en/reports.json';
import enSearch from '../../shared/locales/en/search.json';
import enSettings from '../../shared/locales/en/settings.json';
import enUsers from '../../shared/locales/en/users.json';
import esActivities from '../../shared/locales/es/activities.json';
import esAudit from '../../shared/locales/es/audit.json';
import esAuth from '../../shared/locales/es/auth.json';
import esAwareness from '../../shared/locales/es/awareness.json';
import esCalendar from '../../shared/locales/es/calendar.json';
import esCommon from '../../shared/locales/es/common.json';
import esDashboard from '../../shared/locales/es/dashboard.json';
import esDocuments from '../../shared/locales/es/documents.json';
import esExports from '../../shared/locales/es/exports.json';
import esImports from '../../shared/locales/es/imports.json';
import esMonitoring from '../../shared/locales/es/monitoring.json';
import esNetwork from '../../shared/locales/es/network.json';
import esNotifications from '../../shared/locales/es/notifications.json';
import esPlan from '../../shared/locales/es/plan.json';
import esPublicSite from '../../shared/locales/es/public-site.json';
import esReports from '../../shared/locales/es/reports.json';
import esSearch from '../../shared/locales/es/search.json';
import esSettings from '../../shared/locales/es/settings.json';
import esUsers from '../../shared/locales/es/users.json';
import frActivities from '../../shared/locales/fr/activities.json';
import frAudit from '../../shared/locales/fr/audit.json';
import frAuth from '../../shared/locales/fr/auth.json';
import frAwareness from '../../shared/locales/fr/awareness.json';
import frCalendar from '../../shared/locales/fr/calendar.json';
import frCommon from '../../shared/locales/fr/common.json';
import frDashboard from '../../shared/locales/fr/dashboard.json';
import frDocuments from '../../shared/locales/fr/documents.json';
import frExports from '../../shared/locales/fr/exports.json';
import frImports from '../../shared/locales/fr/imports.json';
import frMonitoring from '../../shared/locales/fr/monitoring.json';
import frNetwork from '../../shared/locales/fr/network.json';
import frNotifications from '../../shared/locales/fr/notifications.json';
import frPlan from '../../shared/locales/fr/plan.json';
import frPublicSite from '../../shared/locales/fr/public-site.json';
import frReports from '../../shared/locales/fr/reports.json';
import frSearch from '../../shared/locales/fr/search.json';
import frSettings from '../../shared/locales/fr/settings.json';
import frUsers from '../../shared/locales/fr/users.json';

/** The web app's catalogs, bundled: four languages are small enough that lazy loading would only add latency. */
export const resources = {
  fr: {
    common: frCommon,
    dashboard: frDashboard,
    auth: frAuth,
    network: frNetwork,
    users: frUsers,
    audit: frAudit,
    plan: frPlan,
    notifications: frNotifications,
    awareness: frAwareness,
    settings: frSettings,
    documents: frDocuments,
    imports: frImports,
    monitoring: frMonitoring,
    activities: frActivities,
    calendar: frCalendar,
    'public-site': frPublicSite,
    reports: frReports,
    search: frSearch,
    exports: frExports,
  },
  en: {
    common: enCommon,
    dashboard: enDashboard,
    auth: enAuth,
    network: enNetwork,
    users: enUsers,
    audit: enAudit,
    plan: enPlan,
    notifications: enNotifications,
    awareness: enAwareness,
    settings: enSettings,
    documents: enDocuments,
    imports: enImports,
    monitoring: enMonitoring,
    activities: enActivities,
    calendar: enCalendar,
    'public-site': enPublicSite,
    reports: enReports,
    search: enSearch,
    exports: enExports,
  },
  ar: {
    common: arCommon,
    dashboard: arDashboard,
    auth: arAuth,
    network: arNetwork,
    users: arUsers,
    audit: arAudit,
    plan: arPlan,
    notifications: arNotifications,
    awareness: arAwareness,
    settings: arSettings,
    documents: arDocuments,
    imports: arImports,
    monitoring: arMonitoring,
    activities: arActivities,
    calendar: arCalendar,
    'public-site': arPublicSite,
    reports: arReports,
    search: arSearch,
    exports: arExports,
  },
  es: {
    common: esCommon,
    dashboard: esDashboard,
    auth: esAuth,
    network: esNetwork,
    users: esUsers,
    audit: esAudit,
    plan: esPlan,
    notifications: esNotifications,
    awareness: esAwareness,
    settings: esSettings,
    documents: esDocuments,
    imports: esImports,
    monitoring: esMonitoring,
    activities: esActivities,
    calendar: esCalendar,
    'public-site': esPublicSite,
    reports: esReports,
    search: esSearch,
    exports: esExports,
  },
};

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
