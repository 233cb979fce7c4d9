import type { RouteObject } from 'react-router';

/** The documents library's pages, each loaded on first visit. */
export const documentRoutes: RouteObject[] = [
  {
    path: 'documents',
    lazy: async () => ({ Component: (await import('./DocumentsPage')).DocumentsPage }),
  },
  {
    path: 'documents/:documentId',
    lazy: async () => ({ Component: (await import('./DocumentPage')).DocumentPage }),
  },
];
