import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconChartBar, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AwarenessSessionSummary } from '../../../shared/contract/awareness';
import { type Column, DataTable } from '../../components/DataTable';
import { NotProvided } from '../../components/DetailList';
import { ExportMenu } from '../../components/ExportMenu';
import { FiltersBar, SearchFilter, SelectFilter } from '../../components/FiltersBar';
import { useListParams } from '../../components/list-params';
import { PageHeader } from '../../components/PageHeader';
import { VisibilityBadge } from '../../components/VisibilityBadge';
import { useCountryOptions } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import { entriesOf } from '../../i18n/label-maps';
import { useSpokenLanguageOptions } from '../../i18n/spoken-languages';
import { useT } from '../../i18n/use-t';
import { useCan } from '../../session/session';
import { sessionFilters, sessionSorts, usePickerOptions, useSessions } from './api';
import { channelLabels, settingLabels } from './labels';
import { SessionFormModal } from './SessionFormModal';

type Sort = (typeof sessionSorts)[number];

export function SessionsPage() {
  const { t } = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const countries = useCountryOptions();
  const languages = useSpokenLanguageOptions();
  const { institutions } = usePickerOptions();
  const canCreate = useCan('write:record:any', 'write:record:network', 'write:record:own');
  const [creating, setCreating] = useState(false);
  const list = useListParams({
    sorts: sessionSorts,
    defaultSort: 'startsOn',
    defaultOrder: 'desc',
    descendingFirst: ['startsOn', 'updatedAt'],
    filters: sessionFilters,
  });
  const query = useSessions(list.query);

  const columns: Column<AwarenessSessionSummary, Sort>[] = [
    {
      id: 'startsOn',
      header: t('awareness:session.startsOn'),
      sortKey: 'startsOn',
      render: (session) => format.date(session.startsOn),
    },
    {
      id: 'title',
      header: t('awareness:session.title'),
      sortKey: 'title',
      render: (session) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/awareness-sessions/${session.id}`} fw={500} dir="auto">
            {session.title}
          </Anchor>
          <Text size="xs" c="dimmed" dir="auto">
            {[session.ownerInstitutionName, session.facility?.name ?? session.place].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      ),
    },
    {
      id: 'setting',
      header: t('awareness:session.setting'),
      sortKey: 'setting',
      render: (session) => t(settingLabels[session.setting]),
    },
    {
      id: 'channel',
      header: t('awareness:session.channel'),
      sortKey: 'channel',
      render: (session) => t(channelLabels[session.channel]),
    },
    {
      id: 'reach',
      header: t('awareness:sessions.reachColumn'),
      render: (session) =>
        session.setting === 'media_campaign' ? (
          session.estimatedAudience === null ? (
            <NotProvided />
          ) : (
            t('awareness:sessions.audience', { count: session.estimatedAudience })
          )
        ) : (
          <Group gap={4}>
            <span>
              {t('awareness:sessions.childrenAndAdults', { children: session.childrenTotal, adults: session.adults })}
            </span>
            {session.repeatOf && (
              <Text size="xs" c="dimmed">
                {t('awareness:sessions.repeatMark')}
              </Text>
            )}
          </Group>
        ),
    },
    {
      id: 'visibility',
      header: t('common:visibility.label'),
      render: (session) => <VisibilityBadge value={session.visibility} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('awareness:sessions.title')}
        description={t('awareness:sessions.intro')}
        actions={
          <>
            <ExportMenu list="awareness-sessions" query={list.query} />
            {
              <>
                <Button
                  variant="default"
                  component={Link}
                  to="/awareness-reach"
                  leftSection={<IconChartBar size={16} aria-hidden="true" />}
                >
                  {t('awareness:reach.title')}
                </Button>
                {canCreate && (
                  <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
                    {t('awareness:sessions.create')}
                  </Button>
                )}
              </>
            }
          </>
        }
      />
      <FiltersBar label={t('awareness:sessions.filtersLabel')} hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SearchFilter
          label={t('awareness:sessions.search')}
          value={list.filters.q}
          onChange={(v) => list.setFilter('q', v)}
        />
        <SelectFilter
          label={t('awareness:session.setting')}
          value={list.filters.setting}
          onChange={(v) => list.setFilter('setting', v)}
          options={entriesOf(settingLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('awareness:session.channel')}
          value={list.filters.channel}
          onChange={(v) => list.setFilter('channel', v)}
          options={entriesOf(channelLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('awareness:session.institution')}
          value={list.filters.institutionId}
          onChange={(v) => list.setFilter('institutionId', v)}
          options={institutions.map(({ value, label }) => ({ value, label }))}
        />
        <SelectFilter
          label={t('awareness:session.country')}
          value={list.filters.country}
          onChange={(v) => list.setFilter('country', v)}
          options={countries}
        />
        <SelectFilter
          label={t('awareness:session.language')}
          value={list.filters.language}
          onChange={(v) => list.setFilter('language', v)}
          options={languages}
        />
        <TextInput
          type="date"
          label={t('awareness:filters.from')}
          value={list.filters.from}
          onChange={(e) => list.setFilter('from', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('awareness:filters.to')}
          value={list.filters.to}
          onChange={(e) => list.setFilter('to', e.currentTarget.value)}
        />
      </FiltersBar>
      <DataTable
        label={t('awareness:sessions.tableLabel')}
        columns={columns}
        query={query}
        list={list}
        rowKey={(session) => session.id}
        empty={{
          title: list.hasFilters ? t('common:list.noMatchTitle') : t('awareness:sessions.emptyTitle'),
          description: list.hasFilters ? t('common:list.noMatchHint') : t('awareness:sessions.emptyHint'),
        }}
      />
      {canCreate && creating && (
        <SessionFormModal
          opened
          onClose={() => setCreating(false)}
          onSaved={(session) => navigate(`/awareness-sessions/${session.id}`)}
        />
      )}
    </>
  );
}
