import 'i18next';
import type activities from '../../shared/locales/fr/activities.json';
import type audit from '../../shared/locales/fr/audit.json';
import type auth from '../../shared/locales/fr/auth.json';
import type awareness from '../../shared/locales/fr/awareness.json';
import type calendar from '../../shared/locales/fr/calendar.json';
import type common from '../../shared/locales/fr/common.json';
import type dashboard from '../../shared/locales/fr/dashboard.json';
import type documents from '../../shared/locales/fr/documents.json';
import type exports from '../../shared/locales/fr/exports.json';
import type imports from '../../shared/locales/fr/imports.json';
import type monitoring from '../../shared/locales/fr/monitoring.json';
import type network from '../../shared/locales/fr/network.json';
import type notifications from '../../shared/locales/fr/notifications.json';
import type plan from '../../shared/locales/fr/plan.json';
import type publicSite from '../../shared/locales/fr/public-site.json';
import type reports from '../../shared/locales/fr/reports.json';
import type search from '../../shared/locales/fr/search.json';
import type settings from '../../shared/locales/fr/settings.json';
import type users from '../../shared/locales/fr/users.json';

// French is the reference catalog: a key missing from it is a type error in `t()`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      dashboard: typeof dashboard;
      auth: typeof auth;
      network: typeof network;
      users: typeof users;
      audit: typeof audit;
      plan: typeof plan;
      awareness: typeof awareness;
      notifications: typeof notifications;
      settings: typeof settings;
      documents: typeof documents;
      imports: typeof imports;
      monitoring: typeof monitoring;
      activities: typeof activities;
      calendar: typeof calendar;
      'public-site': typeof publicSite;
      reports: typeof reports;
      search: typeof search;
      exports: typeof exports;
    };
  }
}
