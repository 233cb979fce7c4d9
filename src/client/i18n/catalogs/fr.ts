import activities from '../../../shared/locales/fr/activities.json';
import audit from '../../../shared/locales/fr/audit.json';
import auth from '../../../shared/locales/fr/auth.json';
import awareness from '../../../shared/locales/fr/awareness.json';
import calendar from '../../../shared/locales/fr/calendar.json';
import common from '../../../shared/locales/fr/common.json';
import dashboard from '../../../shared/locales/fr/dashboard.json';
import documents from '../../../shared/locales/fr/documents.json';
import exportsMessages from '../../../shared/locales/fr/exports.json';
import imports from '../../../shared/locales/fr/imports.json';
import monitoring from '../../../shared/locales/fr/monitoring.json';
import network from '../../../shared/locales/fr/network.json';
import notifications from '../../../shared/locales/fr/notifications.json';
import plan from '../../../shared/locales/fr/plan.json';
import publicSite from '../../../shared/locales/fr/public-site.json';
import reports from '../../../shared/locales/fr/reports.json';
import search from '../../../shared/locales/fr/search.json';
import settings from '../../../shared/locales/fr/settings.json';
import users from '../../../shared/locales/fr/users.json';
import type { Catalogs } from '../resources';

/** The web app's French messages: one chunk, loaded only when French is on screen. */
export const catalogs: Catalogs = {
  common,
  dashboard,
  auth,
  network,
  users,
  audit,
  plan,
  notifications,
  awareness,
  settings,
  documents,
  imports,
  monitoring,
  activities,
  calendar,
  'public-site': publicSite,
  reports,
  search,
  exports: exportsMessages,
};
