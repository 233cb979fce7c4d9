import type { RouteObject } from 'react-router';

/** The activities of axes 1 to 3, each page loaded on first visit. */
export const activityRoutes: RouteObject[] = [
  {
    path: 'activities',
    lazy: async () => ({ Component: (await import('./list/ActivitiesPage')).ActivitiesPage }),
  },
  {
    path: 'activities/:activityId',
    lazy: async () => ({ Component: (await import('./detail/ActivityPage')).ActivityPage }),
  },
];
