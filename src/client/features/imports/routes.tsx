import type { RouteObject } from 'react-router';

/** Imports from CSV or XLSX, with their preview; loaded on first visit. */
export const importRoutes: RouteObject[] = [
  {
    path: 'imports',
    lazy: async () => ({ Component: (await import('./ImportsPage')).ImportsPage }),
  },
];
