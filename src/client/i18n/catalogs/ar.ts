import activities from '../../../shared/locales/ar/activities.json';
import audit from '../../../shared/locales/ar/audit.json';
import auth from '../../../shared/locales/ar/auth.json';
import awareness from '../../../shared/locales/ar/awareness.json';
import calendar from '../../../shared/locales/ar/calendar.json';
import common from '../../../shared/locales/ar/common.json';
import dashboard from '../../../shared/locales/ar/dashboard.json';
import documents from '../../../shared/locales/ar/documents.json';
import exportsMessages from '../../../shared/locales/ar/exports.json';
import imports from '../../../shared/locales/ar/imports.json';
import monitoring from '../../../shared/locales/ar/monitoring.json';
import network from '../../../shared/locales/ar/network.json';
import notifications from '../../../shared/locales/ar/notifications.json';
import plan from '../../../shared/locales/ar/plan.json';
import publicSite from '../../../shared/locales/ar/public-site.json';
import reports from '../../../shared/locales/ar/reports.json';
import search from '../../../shared/locales/ar/search.json';
import settings from '../../../shared/locales/ar/settings.json';
import users from '../../../shared/locales/ar/users.json';
import type { Catalogs } from '../resources';

/** The web app's Arabic messages: one chunk, loaded only when Arabic is on screen. */
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
