import type { RouteObject } from 'react-router';

/** Axis 4's pages: sessions and campaigns, their reach, the materials library; each loaded on first visit. */
export const awarenessRoutes: RouteObject[] = [
  {
    path: 'awareness-sessions',
    lazy: async () => ({ Component: (await import('./SessionsPage')).SessionsPage }),
  },
  {
    path: 'awareness-sessions/:sessionId',
    lazy: async () => ({ Component: (await import('./SessionPage')).SessionPage }),
  },
  {
    path: 'awareness-reach',
    lazy: async () => ({ Component: (await import('./ReachPage')).ReachPage }),
  },
  {
    path: 'materials',
    lazy: async () => ({ Component: (await import('./MaterialsPage')).MaterialsPage }),
  },
  {
    path: 'materials/:materialId',
    lazy: async () => ({ Component: (await import('./MaterialPage')).MaterialPage }),
  },
];
