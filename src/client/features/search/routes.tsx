import type { RouteObject } from 'react-router';

/** The search results page, reached from the header's search box. */
export const searchRoutes: RouteObject[] = [
  {
    path: 'search',
    lazy: async () => ({ Component: (await import('./SearchPage')).SearchPage }),
  },
];
