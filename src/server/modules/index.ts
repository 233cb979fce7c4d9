import { authRoutes } from '../auth/auth.routes.js';
import { sessionRoutes } from '../auth/sessions.routes.js';
import { twoFactorRoutes } from '../auth/two-factor.routes.js';
import type { RouteDefinition } from '../http/route.js';
import { operationsRoutes } from '../operations/operations.routes.js';
import { activityRoutes } from './activities/activities.routes.js';
import { associationRoutes } from './associations/associations.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { awarenessRoutes } from './awareness/awareness.routes.js';
import { calendarRoutes } from './calendar/calendar.routes.js';
import { contactPointRoutes } from './contact-points/contact-points.routes.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { declarationRoutes } from './declarations/declarations.routes.js';
import { documentRoutes } from './documents/documents.routes.js';
import { exportRoutes } from './exports/exports.routes.js';
import { groupRoutes } from './groups/groups.routes.js';
import { importRoutes } from './imports/imports.routes.js';
import { institutionRoutes } from './institutions/institutions.routes.js';
import { monitoringRoutes } from './monitoring/monitoring.routes.js';
import { notificationRoutes } from './notifications/notifications.routes.js';
import { partnerRoutes } from './partners/partners.routes.js';
import { planModuleRoutes } from './plan/plan.routes.js';
import { childPageRoutes } from './public-site/child-pages.routes.js';
import { reportRoutes } from './reports/reports.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { settingsRoutes } from './settings/settings.routes.js';
import { userRoutes } from './users/users.routes.js';

/** Every API operation. The OpenAPI document and the authorization matrix are generated from this list. */
export const allRoutes: RouteDefinition[] = [
  ...authRoutes,
  ...userRoutes,
  ...institutionRoutes,
  ...auditRoutes,
  ...associationRoutes,
  ...groupRoutes,
  ...contactPointRoutes,
  ...partnerRoutes,
  ...declarationRoutes,
  ...planModuleRoutes,
  ...activityRoutes,
  ...calendarRoutes,
  ...documentRoutes,
  ...awarenessRoutes,
  ...importRoutes,
  ...monitoringRoutes,
  ...twoFactorRoutes,
  ...sessionRoutes,
  ...settingsRoutes,
  ...operationsRoutes,
  ...notificationRoutes,
  ...childPageRoutes,
  ...exportRoutes,
  ...reportRoutes,
  ...dashboardRoutes,
  ...searchRoutes,
];
