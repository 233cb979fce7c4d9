import { checklistRoutes } from './checklists.routes.js';
import { facilityRoutes } from './facilities.routes.js';
import { findingRoutes, recommendationRoutes } from './findings.routes.js';
import { reportRoutes } from './report/report.routes.js';
import { urgentSituationRoutes } from './urgent-situations.routes.js';
import { visitRoutes } from './visits.routes.js';

/** Axis 5: facilities, visits and their checklists, findings, recommendations, urgent situations and reports. */
export const monitoringRoutes = [
  ...facilityRoutes,
  ...visitRoutes,
  ...checklistRoutes,
  ...findingRoutes,
  ...recommendationRoutes,
  ...urgentSituationRoutes,
  ...reportRoutes,
];
