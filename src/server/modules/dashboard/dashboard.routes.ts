import { dashboardQuery, networkDashboard } from '../../../shared/contract/dashboard.js';
import { defineRoute } from '../../http/route.js';
import * as service from './dashboard.service.js';

/** The network dashboard: every figure with the list that reproduces it. */
export const dashboardRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/dashboard',
    operationId: 'getNetworkDashboard',
    summary:
      'Figures of the network for a period, institutions (repeat institutionId), an axis and a country, each with the list query that reproduces it',
    tag: 'dashboard',
    access: 'user',
    query: dashboardQuery,
    response: networkDashboard,
    handler: ({ db, actor, query }) =>
      service.networkDashboard(db, actor, {
        from: query.from,
        to: query.to,
        institutionIds: query.institutionId,
        axis: query.axis,
        country: query.country,
      }),
  }),
];
