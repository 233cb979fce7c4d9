import { Anchor, Group, Stack, Tabs, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { Recommendation } from '../../../../shared/contract/monitoring';
import { type Column, DataTable } from '../../../components/DataTable';
import { ExportMenu } from '../../../components/ExportMenu';
import { FiltersBar, SearchFilter, SelectFilter } from '../../../components/FiltersBar';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/PageHeader';
import { useCountryOptions } from '../../../i18n/countries';
import { useFormat } from '../../../i18n/format';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { facilityKindLabels, priorityLabels, recommendationStatusLabels, themeLabels } from '../shared/labels';
import { useInstitutionOptions } from '../shared/queries';
import { OverdueBadge, RecommendationStatusBadge, RepeatedBadge } from '../shared/StatusBadges';
import { recommendationFilters, recommendationSorts, useRecommendations } from './api';
import { ThemesByCountryTable } from './ThemesByCountryTable';

type Sort = (typeof recommendationSorts)[number];

/**
 * Every recommendation the caller may see, across visits and countries, with the authorities' answers: filtered by
 * place, theme, addressee and status, and compared theme by theme across countries.
 */
export function TrackerPage() {
  const { t } = useT();
  const format = useFormat();
  const countries = useCountryOptions();
  const institutions = useInstitutionOptions();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'themes' ? 'themes' : 'list';
  const list = useListParams({
    sorts: recommendationSorts,
    defaultSort: 'issuedOn',
    defaultOrder: 'desc',
    descendingFirst: ['issuedOn', 'dueOn'],
    filters: recommendationFilters,
  });
  const query = useRecommendations(list.query);
  const yesNo = [
    { value: 'true', label: t('monitoring:filters.yes') },
    { value: 'false', label: t('monitoring:filters.no') },
  ];
  // The comparison takes the same filters, but the country (it has one column per country) and the paging.
  const {
    country: _country,
    page: _page,
    pageSize: _size,
    sort: _sort,
    order: _order,
    ...comparisonQuery
  } = list.query;

  const columns: Column<Recommendation, Sort>[] = [
    {
      id: 'text',
      header: t('monitoring:recommendation.text'),
      render: (r) => (
        <Stack gap={2} maw={420}>
          <Anchor component={Link} to={`/recommendations/${r.id}`} size="sm" dir="auto" lineClamp={3}>
            {r.text}
          </Anchor>
          <Text size="xs" c="dimmed" dir="auto">
            {t('monitoring:tracker.to', { addressee: r.addressee })}
          </Text>
        </Stack>
      ),
    },
    {
      id: 'facility',
      header: t('monitoring:visit.facility'),
      sortKey: 'facility',
      render: (r) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/visits/${r.visit.id}`} size="sm" dir="auto">
            {r.visit.facility.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {format.country(r.visit.facility.countryCode)}
          </Text>
        </Stack>
      ),
    },
    {
      id: 'theme',
      header: t('monitoring:recommendation.theme'),
      sortKey: 'theme',
      render: (r) => t(themeLabels[r.theme]),
    },
    {
      id: 'priority',
      header: t('monitoring:recommendation.priority'),
      sortKey: 'priority',
      render: (r) => t(priorityLabels[r.priority]),
    },
    {
      id: 'issuedOn',
      header: t('monitoring:recommendation.issuedOn'),
      sortKey: 'issuedOn',
      render: (r) => format.date(r.issuedOn),
    },
    {
      id: 'dueOn',
      header: t('monitoring:recommendation.dueOn'),
      sortKey: 'dueOn',
      render: (r) => (r.dueOn ? format.date(r.dueOn) : '—'),
    },
    {
      id: 'status',
      header: t('monitoring:recommendation.status'),
      sortKey: 'status',
      render: (r) => (
        <Stack gap={4} align="flex-start">
          <Group gap={4}>
            <RecommendationStatusBadge status={r.status} />
            {r.overdue && <OverdueBadge />}
            {r.repeats && <RepeatedBadge />}
          </Group>
          <Text size="xs" c="dimmed">
            {r.daysToFirstReply === null
              ? t('monitoring:followUp.noReplyYet')
              : t('monitoring:tracker.replyDays', { days: r.daysToFirstReply })}
          </Text>
        </Stack>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('monitoring:tracker.title')}
        description={t('monitoring:tracker.intro')}
        actions={<ExportMenu list="recommendations" query={list.query} />}
      />
      <FiltersBar label={t('monitoring:tracker.filtersLabel')} hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SearchFilter
          label={t('monitoring:tracker.search')}
          value={list.filters.q}
          onChange={(v) => list.setFilter('q', v)}
        />
        <SelectFilter
          label={t('monitoring:facility.country')}
          value={list.filters.country}
          onChange={(v) => list.setFilter('country', v)}
          options={countries}
        />
        <SelectFilter
          label={t('monitoring:facility.kind')}
          value={list.filters.facilityKind}
          onChange={(v) => list.setFilter('facilityKind', v)}
          options={entriesOf(facilityKindLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('monitoring:recommendation.theme')}
          value={list.filters.theme}
          onChange={(v) => list.setFilter('theme', v)}
          options={entriesOf(themeLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SearchFilter
          label={t('monitoring:recommendation.addressee')}
          value={list.filters.addressee}
          onChange={(v) => list.setFilter('addressee', v)}
        />
        <SelectFilter
          label={t('monitoring:recommendation.status')}
          value={list.filters.status}
          onChange={(v) => list.setFilter('status', v)}
          options={entriesOf(recommendationStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('monitoring:recommendation.priority')}
          value={list.filters.priority}
          onChange={(v) => list.setFilter('priority', v)}
          options={entriesOf(priorityLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('monitoring:recommendation.overdue')}
          value={list.filters.overdue}
          onChange={(v) => list.setFilter('overdue', v)}
          options={yesNo}
        />
        <SelectFilter
          label={t('monitoring:recommendation.repeated')}
          value={list.filters.repeated}
          onChange={(v) => list.setFilter('repeated', v)}
          options={yesNo}
        />
        <SelectFilter
          label={t('monitoring:visits.institutionFilter')}
          value={list.filters.institution}
          onChange={(v) => list.setFilter('institution', v)}
          options={institutions.options}
        />
      </FiltersBar>
      <Tabs
        value={view}
        onChange={(value) =>
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              if (value === 'themes') next.set('view', 'themes');
              else next.delete('view');
              return next;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List mb="md" aria-label={t('monitoring:tracker.viewsLabel')}>
          <Tabs.Tab value="list">{t('monitoring:tracker.listView')}</Tabs.Tab>
          <Tabs.Tab value="themes">{t('monitoring:tracker.themesView')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list">
          <DataTable
            label={t('monitoring:tracker.tableLabel')}
            columns={columns}
            query={query}
            list={list}
            rowKey={(r) => r.id}
            empty={{
              title: list.hasFilters ? t('common:list.noMatchTitle') : t('monitoring:tracker.emptyTitle'),
              description: list.hasFilters ? t('common:list.noMatchHint') : t('monitoring:tracker.emptyHint'),
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="themes">
          <Text size="sm" c="dimmed" mb="sm">
            {t('monitoring:tracker.comparisonIntro')}
          </Text>
          <ThemesByCountryTable query={comparisonQuery} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
