import { actionRoutes } from './actions.routes.js';
import { planRoutes } from './plans.routes.js';

/** The action plan's operations: plans and axes, actions, indicators, reporting periods and reports, progress. */
export const planModuleRoutes = [...planRoutes, ...actionRoutes];
