import type { RouteObject } from 'react-router';

/** The consolidated activity reports: requested, followed while generated, downloaded; loaded on first visit. */
export const reportRoutes: RouteObject[] = [
  {
    path: 'reports',
    lazy: async () => ({ Component: (await import('./ReportsPage')).ReportsPage }),
  },
];
