import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { notifyError, notifySuccess } from '../../components/notify';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useSignOutEverywhere } from '../../session/session';
import { type SessionInfo, useRevokeOtherSessions, useRevokeSession, useSessions } from './api';

/** "Firefox · Linux" from a user agent: enough to recognise one's own devices; brand names are not translated. */
export function describeUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browsers: [RegExp, string][] = [
    [/Edg\//, 'Edge'],
    [/OPR\//, 'Opera'],
    [/Firefox\//, 'Firefox'],
    [/Chrom(e|ium)\//, 'Chrome'],
    [/Safari\//, 'Safari'],
  ];
  const systems: [RegExp, string][] = [
    [/Android/, 'Android'],
    [/iPhone|iPad|iPod/, 'iOS'],
    [/Windows/, 'Windows'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ];
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser && !system) return userAgent.slice(0, 60);
  return [browser, system].filter(Boolean).join(' · ');
}

function SessionRow({ session, onRevoke, pending }: { session: SessionInfo; onRevoke: () => void; pending: boolean }) {
  const { t } = useT();
  const format = useFormat();
  const device = describeUserAgent(session.userAgent) ?? t('auth:sessions.unknownDevice');
  const ip = session.ip ?? t('auth:sessions.unknownAddress');
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" title={session.userAgent ?? undefined} dir="auto">
          {device}
        </Text>
      </Table.Td>
      <Table.Td dir="ltr" style={{ textAlign: 'start' }}>
        {ip}
      </Table.Td>
      <Table.Td>{format.dateTime(session.createdAt)}</Table.Td>
      <Table.Td>{format.dateTime(session.lastSeenAt)}</Table.Td>
      <Table.Td>
        {session.current ? (
          <Badge color="blue" variant="light">
            {t('auth:sessions.current')}
          </Badge>
        ) : (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconLogout size={14} aria-hidden="true" />}
            onClick={onRevoke}
            loading={pending}
            aria-label={t('auth:sessions.revokeNamed', { device, ip })}
          >
            {t('auth:sessions.revoke')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** Where one is signed in: end one session, all the others, or all of them. */
export function SessionsSection() {
  const { t } = useT();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();
  const everywhere = useSignOutEverywhere();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  const others = sessions.data?.items.filter((s) => !s.current).length ?? 0;
  return (
    <Section
      title={t('auth:sessions.title')}
      description={t('auth:sessions.description')}
      actions={
        <>
          <Button
            variant="default"
            size="xs"
            disabled={others === 0}
            loading={revokeOthers.isPending}
            onClick={() =>
              revokeOthers.mutate(undefined, {
                onSuccess: (result) => notifySuccess(t('auth:sessions.revokedOthers', { count: result.revoked })),
                onError: notifyError,
              })
            }
          >
            {t('auth:sessions.revokeOthers')}
          </Button>
          <Button variant="default" color="red" size="xs" onClick={() => setConfirming(true)}>
            {t('auth:sessions.everywhere')}
          </Button>
        </>
      }
    >
      {sessions.isPending ? (
        <LoadingState />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Caption>
              <VisuallyHidden>{t('auth:sessions.tableLabel')}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auth:sessions.device')}</Table.Th>
                <Table.Th>{t('auth:sessions.ip')}</Table.Th>
                <Table.Th>{t('auth:sessions.createdAt')}</Table.Th>
                <Table.Th>{t('auth:sessions.lastSeenAt')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common:list.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.items.map((session) => (
                <SessionRow
                  key={session.id}
                  session={session}
                  pending={revoke.isPending && revoke.variables === session.id}
                  onRevoke={() =>
                    revoke.mutate(session.id, {
                      onSuccess: () => notifySuccess(t('auth:sessions.revoked')),
                      onError: notifyError,
                    })
                  }
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={confirming}
        onClose={() => {
          setConfirming(false);
          everywhere.reset();
        }}
        title={t('auth:sessions.everywhereTitle')}
        message={t('auth:sessions.everywhereMessage')}
        confirmLabel={t('auth:sessions.everywhere')}
        onConfirm={() => everywhere.mutate(undefined, { onSuccess: () => navigate('/sign-in', { replace: true }) })}
        pending={everywhere.isPending}
        error={everywhere.error}
      />
    </Section>
  );
}
