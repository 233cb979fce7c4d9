import type { RouteObject } from 'react-router';

/** The network dashboard, loaded on first visit. */
export const dashboardRoutes: RouteObject[] = [
  {
    path: 'dashboard',
    lazy: async () => ({ Component: (await import('./DashboardPage')).DashboardPage }),
  },
];
