import { createBrowserRouter, Outlet } from 'react-router';
import { activityRoutes } from '../features/activities/routes';
import { awarenessRoutes } from '../features/awareness/routes';
import { calendarRoutes } from '../features/calendar/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { documentRoutes } from '../features/documents/routes';
import { importRoutes } from '../features/imports/routes';
import { monitoringRoutes } from '../features/monitoring/routes';
import { emailAdminRoute, notificationRoutes, unsubscribeRoute } from '../features/notifications/routes';
import { planRoutes } from '../features/plan/routes';
import { publicSiteRoutes } from '../features/public-site/routes';
import { reportRoutes } from '../features/reports/routes';
import { searchRoutes } from '../features/search/routes';
import { AppLayout } from './AppLayout';
import { FullPageLoader, RequirePermission, RequireSession } from './guards';
import { NotFoundPage } from './NotFoundPage';
import { PublicLayout } from './PublicLayout';
import { RouteErrorPage } from './RouteErrorPage';

// Each feature's pages load on first visit: the sign-in page does not pay for the audit trail.
export const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <RouteErrorPage />,
    HydrateFallback: FullPageLoader,
    children: [
      {
        element: <PublicLayout />,
        children: [
          {
            path: 'sign-in',
            lazy: async () => ({ Component: (await import('../features/auth/SignInPage')).SignInPage }),
          },
          {
            path: 'setup',
            lazy: async () => ({ Component: (await import('../features/auth/OneTimeLinkPage')).SetupPage }),
          },
          {
            path: 'invitation',
            lazy: async () => ({ Component: (await import('../features/auth/OneTimeLinkPage')).InvitationPage }),
          },
          {
            path: 'reset-password',
            lazy: async () => ({ Component: (await import('../features/auth/OneTimeLinkPage')).ResetPasswordPage }),
          },
          unsubscribeRoute,
          {
            // ENROLMENT_PATH: where RequireSession sends whoever must set up two-factor authentication first.
            path: 'two-factor-setup',
            lazy: async () => ({
              Component: (await import('../features/auth/TwoFactorEnrollmentPage')).TwoFactorEnrollmentPage,
            }),
          },
        ],
      },
      {
        element: (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/network/groups/WorkingGroupHome')).WorkingGroupHome,
            }),
          },
          {
            path: 'groups/:groupId',
            lazy: async () => ({ Component: (await import('../features/network/groups/GroupPage')).GroupRoute }),
          },
          {
            path: 'institutions',
            lazy: async () => ({
              Component: (await import('../features/network/institutions/InstitutionsPage')).InstitutionsPage,
            }),
          },
          {
            path: 'institutions/:institutionId',
            lazy: async () => ({
              Component: (await import('../features/network/institutions/InstitutionPage')).InstitutionPage,
            }),
          },
          {
            path: 'partners',
            lazy: async () => ({ Component: (await import('../features/network/partners/PartnersPage')).PartnersPage }),
          },
          {
            path: 'partners/:partnerId',
            lazy: async () => ({ Component: (await import('../features/network/partners/PartnerPage')).PartnerPage }),
          },
          {
            path: 'declarations',
            lazy: async () => ({
              Component: (await import('../features/network/declarations/DeclarationsPage')).DeclarationsPage,
            }),
          },
          {
            path: 'declarations/:declarationId',
            lazy: async () => ({
              Component: (await import('../features/network/declarations/DeclarationPage')).DeclarationPage,
            }),
          },
          {
            path: 'associations',
            lazy: async () => ({
              Component: (await import('../features/network/associations/AssociationsPage')).AssociationsPage,
            }),
          },
          ...planRoutes,
          ...documentRoutes,
          ...notificationRoutes,
          ...awarenessRoutes,
          ...importRoutes,
          ...monitoringRoutes,
          ...activityRoutes,
          ...calendarRoutes,
          ...publicSiteRoutes,
          ...reportRoutes,
          ...dashboardRoutes,
          ...searchRoutes,
          {
            path: 'users',
            element: (
              <RequirePermission anyOf={['manage:user:any', 'manage:user:own']}>
                <Outlet />
              </RequirePermission>
            ),
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('../features/users/UsersPage')).UsersPage }),
              },
            ],
          },
          {
            path: 'audit',
            element: (
              <RequirePermission anyOf={['read:audit:any']}>
                <Outlet />
              </RequirePermission>
            ),
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await import('../features/audit/AuditPage')).AuditPage }),
              },
            ],
          },
          {
            path: 'settings/security',
            element: (
              <RequirePermission anyOf={['manage:settings:any']}>
                <Outlet />
              </RequirePermission>
            ),
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import('../features/settings/SecuritySettingsPage')).SecuritySettingsPage,
                }),
              },
            ],
          },
          {
            path: 'settings/email',
            element: (
              <RequirePermission anyOf={['manage:settings:any']}>
                <Outlet />
              </RequirePermission>
            ),
            children: [emailAdminRoute],
          },
          {
            path: 'account',
            lazy: async () => ({ Component: (await import('../features/auth/AccountPage')).AccountPage }),
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
