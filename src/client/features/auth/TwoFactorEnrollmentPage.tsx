import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { usePageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useT } from '../../i18n/use-t';
import { useReloadSession, useSession, useSignOut } from '../../session/session';
import { TwoFactorSetupFlow } from './TwoFactorSetup';

/**
 * Where someone lands when their role requires two-factor authentication and they have not set it up: the
 * server opens nothing else to them until they have. Signing out stays possible.
 */
export function TwoFactorEnrollmentPage() {
  const { t } = useT();
  usePageTitle(t('auth:enrolment.title'));
  const session = useSession();
  const reloadSession = useReloadSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  // Once on, the page stays until the recovery codes are put away, whatever the session says meanwhile.
  const [enabled, setEnabled] = useState(false);

  if (session.status === 'loading') return <LoadingState />;
  if (session.status === 'error') return <ErrorState error={session.error} onRetry={session.retry} />;
  if (session.status === 'anonymous') return <Navigate to="/sign-in" replace />;
  if (!session.enrollmentRequired && !enabled) return <Navigate to="/" replace />;

  return (
    <Paper withBorder shadow="sm" radius="md" p="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('auth:enrolment.title')}
          </Title>
          <Text size="sm">{t('auth:enrolment.intro')}</Text>
          <Text c="dimmed" size="sm">
            {t('auth:twoFactor.description')}
          </Text>
        </Stack>
        <TwoFactorSetupFlow
          onEnabled={() => setEnabled(true)}
          onFinished={async () => {
            await reloadSession();
            navigate('/', { replace: true });
          }}
        />
        {!enabled && (
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
            >
              {t('common:userMenu.signOut')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
