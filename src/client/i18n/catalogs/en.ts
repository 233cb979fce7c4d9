import activities from '../../../shared/locales/en/activities.json';
import audit from '../../../shared/locales/en/audit.json';
import auth from '../../../shared/locales/en/auth.json';
import awareness from '../../../shared/locales/en/awareness.json';
import calendar from '../../../shared/locales/en/calendar.json';
import common from '../../../shared/locales/en/common.json';
import dashboard from '../../../shared/locales/en/dashboard.json';
import documents from '../../../shared/locales/en/documents.json';
import exportsMessages from '../../../shared/locales/en/exports.json';
import imports from '../../../shared/locales/en/imports.json';
import monitoring from '../../../shared/locales/en/monitoring.json';
import network from '../../../shared/locales/en/network.json';
import notifications from '../../../shared/locales/en/notifications.json';
import plan from '../../../shared/locales/en/plan.json';
import publicSite from '../../../shared/locales/en/public-site.json';
import reports from '../../../shared/locales/en/reports.json';
import search from '../../../shared/locales/en/search.json';
import settings from '../../../shared/locales/en/settings.json';
import users from '../../../shared/locales/en/users.json';
import type { Catalogs } from '../resources';

/** The web app's English messages: one chunk, loaded only when English is on screen. */
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
