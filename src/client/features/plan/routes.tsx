import type { RouteObject } from 'react-router';

/** The action plan's pages, each loaded on first visit; a plan's tabs are children of its layout. */
export const planRoutes: RouteObject[] = [
  {
    path: 'plans',
    lazy: async () => ({ Component: (await import('./plans/PlansPage')).PlansPage }),
  },
  {
    path: 'plans/:planId',
    lazy: async () => ({ Component: (await import('./plans/PlanLayout')).PlanLayout }),
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./plans/PlanOverview')).PlanOverview }),
      },
      {
        path: 'progress',
        lazy: async () => ({ Component: (await import('./progress/ProgressPage')).ProgressPage }),
      },
      {
        path: 'actions',
        lazy: async () => ({ Component: (await import('./actions/ActionsPage')).ActionsPage }),
      },
      {
        path: 'timeline',
        lazy: async () => ({ Component: (await import('./timeline/TimelinePage')).TimelinePage }),
      },
      {
        path: 'indicators',
        lazy: async () => ({ Component: (await import('./indicators/IndicatorsPage')).IndicatorsPage }),
      },
      {
        path: 'reports',
        lazy: async () => ({ Component: (await import('./reports/ReportsPage')).ReportsPage }),
      },
    ],
  },
  {
    path: 'actions/:actionId',
    lazy: async () => ({ Component: (await import('./actions/ActionPage')).ActionPage }),
  },
];
