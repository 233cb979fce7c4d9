import type { RouteObject } from 'react-router';

export const publicSiteRoutes: RouteObject[] = [
  {
    path: 'institutions/:institutionId/child-pages',
    lazy: async () => ({ Component: (await import('./ChildPagesPage')).ChildPagesPage }),
  },
  {
    path: 'institutions/:institutionId/child-pages/:lang',
    lazy: async () => ({ Component: (await import('./ChildPageEditor')).ChildPageEditor }),
  },
];
