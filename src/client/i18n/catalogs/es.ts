import activities from '../../../shared/locales/es/activities.json';
import audit from '../../../shared/locales/es/audit.json';
import auth from '../../../shared/locales/es/auth.json';
import awareness from '../../../shared/locales/es/awareness.json';
import calendar from '../../../shared/locales/es/calendar.json';
import common from '../../../shared/locales/es/common.json';
import dashboard from '../../../shared/locales/es/dashboard.json';
import documents from '../../../shared/locales/es/documents.json';
import exportsMessages from '../../../shared/locales/es/exports.json';
import imports from '../../../shared/locales/es/imports.json';
import monitoring from '../../../shared/locales/es/monitoring.json';
import network from '../../../shared/locales/es/network.json';
import notifications from '../../../shared/locales/es/notifications.json';
import plan from '../../../shared/locales/es/plan.json';
import publicSite from '../../../shared/locales/es/public-site.json';
import reports from '../../../shared/locales/es/reports.json';
import search from '../../../shared/locales/es/search.json';
import settings from '../../../shared/locales/es/settings.json';
import users from '../../../shared/locales/es/users.json';
import type { Catalogs } from '../resources';

/** The web app's Spanish messages: one chunk, loaded only when Spanish is on screen. */
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
