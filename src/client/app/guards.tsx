import { Button, Center, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { Permission } from '../../shared/roles';
import { roleHas } from '../../shared/roles';
import { usePageTitle } from '../components/page-title';
import { ErrorState, LoadingState } from '../components/QueryStates';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session';

export function FullPageLoader() {
  return (
    <Center mih="100vh" component="main">
      <LoadingState />
    </Center>
  );
}

/** Pages behind sign-in: while the session loads, a loader; without one, the sign-in page, then back here. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <FullPageLoader />;
  if (session.status === 'error') {
    return (
      <Center mih="100vh" component="main" p="md">
        <ErrorState error={session.error} onRetry={session.retry} />
      </Center>
    );
  }
  if (session.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  // The role requires two-factor authentication and it is not set up: nothing else is open until it is.
  if (session.enrollmentRequired) return <Navigate to={ENROLMENT_PATH} replace />;
  return children;
}

/** Where someone is sent to set up the two-factor authentication their role requires. */
export const ENROLMENT_PATH = '/two-factor-setup';

export function ForbiddenPage() {
  const { t } = useT();
  usePageTitle(t('common:forbidden.title'));
  return (
    <Stack align="flex-start" gap="md" py="xl">
      <Title order={1}>{t('common:forbidden.title')}</Title>
      <Text>{t('common:forbidden.description')}</Text>
      <Button component={Link} to="/" variant="default">
        {t('common:notFound.home')}
      </Button>
    </Stack>
  );
}

/** Hides a section from roles that may not use it; the server refuses them anyway. */
export function RequirePermission({ anyOf, children }: { anyOf: Permission[]; children: ReactNode }) {
  const session = useSession();
  const role = session.user?.role ?? null;
  return anyOf.some((permission) => roleHas(role, permission)) ? children : <ForbiddenPage />;
}
