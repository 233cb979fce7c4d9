import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconChecks } from '@tabler/icons-react';
import { Link } from 'react-router';
import { notificationKinds } from '../../../shared/contract/notifications';
import { type Column, DataTable } from '../../components/DataTable';
import { ExportMenu } from '../../components/ExportMenu';
import { FiltersBar, SelectFilter } from '../../components/FiltersBar';
import { useListParams } from '../../components/list-params';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import {
  type Notification,
  notificationFilters,
  notificationSorts,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
} from './api';
import { kindLabels } from './labels';
import { useNotificationText } from './message';
import { PreferencesSection } from './PreferencesSection';

type Sort = (typeof notificationSorts)[number];

/** My notifications: newest first, unread marked, each a link to its record; below, how I hear of them. */
export function NotificationsPage() {
  const { t } = useT();
  const format = useFormat();
  const text = useNotificationText();
  const list = useListParams({
    sorts: notificationSorts,
    defaultSort: 'createdAt',
    defaultOrder: 'desc',
    descendingFirst: ['createdAt'],
    filters: notificationFilters,
  });
  const query = useNotifications(list.query);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const open = (notification: Notification) => {
    if (!notification.readAt) markRead.mutate(notification.id, { onError: notifyError });
  };

  const columns: Column<Notification, Sort>[] = [
    {
      id: 'message',
      header: t('notifications:page.columns.message'),
      render: (n) => (
        <Stack gap={2}>
          <Anchor component={Link} to={n.link} onClick={() => open(n)} fw={n.readAt ? 400 : 600} dir="auto">
            {text(n)}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t(kindLabels[n.kind])}
          </Text>
        </Stack>
      ),
    },
    {
      id: 'createdAt',
      header: t('notifications:page.columns.createdAt'),
      sortKey: 'createdAt',
      render: (n) => format.dateTime(n.createdAt),
    },
    {
      id: 'status',
      header: t('notifications:page.columns.status'),
      render: (n) =>
        n.readAt ? (
          <Badge variant="light" color="gray">
            {t('notifications:page.status.read')}
          </Badge>
        ) : (
          <Badge variant="filled" color="blue">
            {t('notifications:page.status.unread')}
          </Badge>
        ),
    },
    {
      id: 'actions',
      header: t('common:list.actions'),
      hideHeader: true,
      render: (n) =>
        n.readAt ? null : (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconCheck size={14} aria-hidden="true" />}
            onClick={() => markRead.mutate(n.id, { onError: notifyError })}
            aria-label={t('notifications:page.markReadNamed', { message: text(n) })}
          >
            {t('notifications:page.markRead')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('notifications:page.title')}
        description={t('notifications:page.intro')}
        actions={
          <>
            <ExportMenu list="notifications" query={list.query} />
            {
              <Button
                variant="light"
                leftSection={<IconChecks size={16} aria-hidden="true" />}
                loading={markAll.isPending}
                onClick={() =>
                  markAll.mutate(undefined, {
                    onSuccess: ({ marked }) => notifySuccess(t('notifications:page.markedAll', { count: marked })),
                    onError: notifyError,
                  })
                }
              >
                {t('notifications:page.markAllRead')}
              </Button>
            }
          </>
        }
      />
      <Stack gap="lg">
        <Stack gap={0}>
          <FiltersBar
            label={t('notifications:page.filtersLabel')}
            hasFilters={list.hasFilters}
            onClear={list.clearFilters}
          >
            <SelectFilter
              label={t('notifications:page.columns.status')}
              value={list.filters.unread}
              onChange={(v) => list.setFilter('unread', v)}
              options={[
                { value: 'true', label: t('notifications:page.status.unread') },
                { value: 'false', label: t('notifications:page.status.read') },
              ]}
            />
            <SelectFilter
              label={t('notifications:page.kind')}
              value={list.filters.kind}
              onChange={(v) => list.setFilter('kind', v)}
              options={notificationKinds.map((kind) => ({ value: kind, label: t(kindLabels[kind]) }))}
            />
          </FiltersBar>
          <DataTable
            label={t('notifications:page.tableLabel')}
            columns={columns}
            query={query}
            list={list}
            rowKey={(n) => n.id}
            empty={{ title: t('notifications:page.empty'), description: t('notifications:page.emptyDescription') }}
          />
        </Stack>
        <Group id="preferences">
          <Stack gap="lg" w="100%" maw={900}>
            <PreferencesSection />
          </Stack>
        </Group>
      </Stack>
    </>
  );
}
