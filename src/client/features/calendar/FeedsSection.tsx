import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconCalendarPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { CalendarFeed } from '../../../shared/contract/activities';
import { AppModal } from '../../components/AppModal';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyableValue } from '../../components/CopyableValue';
import { MutationAlert } from '../../components/MutationAlert';
import { notifySuccess } from '../../components/notify';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useFormat } from '../../i18n/format';
import { useLocalizedText } from '../../i18n/localized';
import { useT } from '../../i18n/use-t';
import { useCurrentUser } from '../../session/session';
import { type FeedCreated, useCreateFeed, useFeeds, useInstitutions, useRevokeFeed } from './api';

/**
 * iCalendar subscriptions: the user's own feed (what they may see) and their institution's. The secret address is
 * shown once, when created; anyone holding it reads the feed, so it can be revoked here.
 */
export function FeedsSection() {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const user = useCurrentUser();
  const feeds = useFeeds();
  const institutions = useInstitutions();
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [created, setCreated] = useState<FeedCreated | null>(null);
  const [revoking, setRevoking] = useState<CalendarFeed | null>(null);

  const institutionName = (id: string | null) => {
    const institution = institutions.data?.items.find((i) => i.id === id);
    return institution ? localized(institution.nameFr, institution.nameEn) : t('calendar:feeds.unknownInstitution');
  };
  const feedName = (feed: CalendarFeed) =>
    feed.scope === 'user'
      ? t('calendar:feeds.userFeed')
      : t('calendar:feeds.institutionFeedOf', { institution: institutionName(feed.institutionId) });
  const createFeed = (scope: CalendarFeed['scope']) =>
    create.mutate({ scope }, { onSuccess: (result) => setCreated(result) });
  const active = (feeds.data?.items ?? []).filter((feed) => feed.revokedAt === null);

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconCalendarPlus size={16} aria-hidden="true" />}
          onClick={() => createFeed('user')}
          loading={create.isPending && create.variables?.scope === 'user'}
        >
          {t('calendar:feeds.createUser')}
        </Button>
        {user.institutionId && (
          <Button
            variant="default"
            leftSection={<IconCalendarPlus size={16} aria-hidden="true" />}
            onClick={() => createFeed('institution')}
            loading={create.isPending && create.variables?.scope === 'institution'}
          >
            {t('calendar:feeds.createInstitution')}
          </Button>
        )}
      </Group>
      {!created && <MutationAlert error={create.error} />}
      {feeds.isPending ? (
        <LoadingState />
      ) : feeds.isError ? (
        <ErrorState error={feeds.error} onRetry={() => void feeds.refetch()} />
      ) : active.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('calendar:feeds.empty')}
        </Text>
      ) : (
        <Table verticalSpacing="xs" data-testid="calendar-feeds">
          <Table.Caption>{t('calendar:feeds.tableLabel')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calendar:feeds.feed')}</Table.Th>
              <Table.Th>{t('calendar:feeds.createdAt')}</Table.Th>
              <Table.Th>{t('common:list.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {active.map((feed) => (
              <Table.Tr key={feed.id}>
                <Table.Td>
                  <Group gap="xs">
                    {feedName(feed)}
                    <Badge variant="light" size="sm">
                      {feed.scope === 'user' ? t('calendar:feeds.scopeUser') : t('calendar:feeds.scopeInstitution')}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>{format.dateTime(feed.createdAt)}</Table.Td>
                <Table.Td>
                  {feed.can.revoke && (
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      leftSection={<IconTrash size={14} aria-hidden="true" />}
                      onClick={() => setRevoking(feed)}
                      aria-label={t('calendar:feeds.revokeOne', { feed: feedName(feed) })}
                    >
                      {t('calendar:feeds.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AppModal opened={created !== null} onClose={() => setCreated(null)} title={t('calendar:feeds.createdTitle')}>
        {created && (
          <Stack gap="md">
            <Alert color="orange" variant="light">
              {t('calendar:feeds.once')}
            </Alert>
            <CopyableValue
              label={t('calendar:feeds.url')}
              value={created.url}
              description={t('calendar:feeds.urlHint')}
            />
            <Group justify="flex-end">
              <Button onClick={() => setCreated(null)} data-autofocus>
                {t('calendar:feeds.done')}
              </Button>
            </Group>
          </Stack>
        )}
      </AppModal>
      <ConfirmDialog
        opened={revoking !== null}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        title={t('calendar:feeds.revokeTitle')}
        message={t('calendar:feeds.revokeMessage', { feed: revoking ? feedName(revoking) : '' })}
        confirmLabel={t('calendar:feeds.revoke')}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifySuccess(t('calendar:feeds.revoked'));
              setRevoking(null);
            },
          })
        }
        pending={revoke.isPending}
        error={revoke.error}
      />
    </Stack>
  );
}
