import type { RouteObject } from 'react-router';

/** My notifications and their preferences (signed in). */
export const notificationRoutes: RouteObject[] = [
  {
    path: 'notifications',
    lazy: async () => ({ Component: (await import('./NotificationsPage')).NotificationsPage }),
  },
];

/** Where an email's unsubscribe link leads: no sign-in needed. */
export const unsubscribeRoute: RouteObject = {
  path: 'unsubscribe',
  lazy: async () => ({ Component: (await import('./UnsubscribePage')).UnsubscribePage }),
};

/** Administration › Email and jobs (the router puts it behind the settings permission). */
export const emailAdminRoute: RouteObject = {
  index: true,
  lazy: async () => ({ Component: (await import('./EmailAdminPage')).EmailAdminPage }),
};
