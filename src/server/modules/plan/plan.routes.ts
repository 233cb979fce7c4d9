import { actionRoutes } from './actions.routes.js';
import { indicatorRoutes } from './indicators.routes.js';
import { planRoutes } from './plans.routes.js';
import { reportRoutes } from './reports.routes.js';

/** The action plan's operations: plans and axes, actions, indicators, reporting periods and reports, progress. */
export const planModuleRoutes = [...planRoutes, ...actionRoutes, ...indicatorRoutes, ...reportRoutes];
