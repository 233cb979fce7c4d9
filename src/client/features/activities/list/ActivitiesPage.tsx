import { Anchor, Badge, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Activity } from '../../../../shared/contract/activities';
import { type Column, DataTable } from '../../../components/DataTable';
import { NotProvided } from '../../../components/DetailList';
import { ExportMenu } from '../../../components/ExportMenu';
import { FiltersBar, SearchFilter, SelectFilter } from '../../../components/FiltersBar';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/PageHeader';
import { VisibilityBadge } from '../../../components/VisibilityBadge';
import { useEventTime } from '../../../i18n/event-time';
import { entriesOf } from '../../../i18n/label-maps';
import { useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { activityFilters, activitySorts, useActivities, useInstitutionOptions } from '../api';
import { ActivityFormModal } from '../form/ActivityFormModal';
import { NewActivityMenu, useCanCreateActivity } from '../form/NewActivityMenu';
import { type ActivityKind, kindLabels } from '../shared/labels';
import { usePlace } from '../shared/names';
import { OverdueBadge } from '../shared/OverdueBadge';

type Sort = (typeof activitySorts)[number];

function When({ activity }: { activity: Activity }) {
  const { t } = useT();
  const eventTime = useEventTime();
  const { text, zone } = eventTime.span(activity);
  return (
    <Stack gap={0}>
      <Text size="sm">{text}</Text>
      {zone && (
        <Text size="xs" c="dimmed">
          {t('activities:dates.zone', { zone })}
        </Text>
      )}
    </Stack>
  );
}

/** Every activity of axes 1 to 3 the user may see: filters in the address, newest first. */
export function ActivitiesPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const localized = useLocalizedText();
  const place = usePlace();
  const canCreate = useCanCreateActivity();
  const institutions = useInstitutionOptions();
  const [creating, setCreating] = useState<ActivityKind | null>(null);
  const list = useListParams({
    sorts: activitySorts,
    defaultSort: 'startsAt',
    defaultOrder: 'desc',
    descendingFirst: ['startsAt', 'updatedAt'],
    filters: activityFilters,
  });
  const query = useActivities(list.query);

  const columns: Column<Activity, Sort>[] = [
    {
      id: 'title',
      header: t('activities:list.columns.title'),
      sortKey: 'title',
      render: (activity) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/activities/${activity.id}`} fw={500} dir="auto">
            {activity.title}
          </Anchor>
          {activity.kind === 'meeting' && activity.body && (
            <Text size="xs" c="dimmed" dir="auto">
              {activity.body.title}
            </Text>
          )}
          {activity.kind === 'dialogue_body' && activity.overdue && <OverdueBadge />}
        </Stack>
      ),
    },
    {
      id: 'kind',
      header: t('activities:list.columns.kind'),
      sortKey: 'kind',
      render: (activity) => (
        <Group gap={6} wrap="nowrap">
          <Badge variant="outline" size="sm" color="gray">
            {t('activities:axis.short', { axis: activity.axis })}
          </Badge>
          <Text size="sm">{t(kindLabels[activity.kind])}</Text>
        </Group>
      ),
    },
    {
      id: 'startsAt',
      header: t('activities:list.columns.dates'),
      sortKey: 'startsAt',
      render: (activity) => <When activity={activity} />,
    },
    {
      id: 'place',
      header: t('activities:list.columns.place'),
      render: (activity) => place(activity) ?? <NotProvided />,
    },
    {
      id: 'visibility',
      header: t('common:visibility.label'),
      render: (activity) => <VisibilityBadge value={activity.visibility} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('activities:list.title')}
        description={t('activities:list.intro')}
        actions={
          <>
            <ExportMenu list="activities" query={list.query} />
            {canCreate && <NewActivityMenu onChoose={setCreating} />}
          </>
        }
      />
      <FiltersBar label={t('activities:list.filtersLabel')} hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SearchFilter
          label={t('activities:list.search')}
          value={list.filters.q}
          onChange={(v) => list.setFilter('q', v)}
        />
        <SelectFilter
          label={t('activities:list.columns.kind')}
          value={list.filters.kind}
          onChange={(v) => list.setFilter('kind', v)}
          options={entriesOf(kindLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('activities:list.axis')}
          value={list.filters.axis}
          onChange={(v) => list.setFilter('axis', v)}
          options={[1, 2, 3].map((axis) => ({ value: String(axis), label: t('activities:axis.long', { axis }) }))}
        />
        <SelectFilter
          label={t('activities:list.institution')}
          value={list.filters.institutionId}
          onChange={(v) => list.setFilter('institutionId', v)}
          options={(institutions.data?.items ?? []).map((i) => ({ value: i.id, label: localized(i.nameFr, i.nameEn) }))}
        />
        <TextInput
          type="date"
          label={t('activities:list.from')}
          value={list.filters.from}
          onChange={(e) => list.setFilter('from', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('activities:list.to')}
          value={list.filters.to}
          onChange={(e) => list.setFilter('to', e.currentTarget.value)}
        />
      </FiltersBar>
      <DataTable
        label={t('activities:list.tableLabel')}
        columns={columns}
        query={query}
        list={list}
        rowKey={(activity) => activity.id}
        empty={{
          title: list.hasFilters ? t('common:list.noMatchTitle') : t('activities:list.emptyTitle'),
          description: list.hasFilters ? t('common:list.noMatchHint') : t('activities:list.emptyHint'),
        }}
      />
      {creating && (
        <ActivityFormModal
          kind={creating}
          onClose={() => setCreating(null)}
          onSaved={(activity) => navigate(`/activities/${activity.id}`)}
        />
      )}
    </>
  );
}
