import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { type Column, DataTable } from '../../../components/DataTable';
import { ExportMenu } from '../../../components/ExportMenu';
import { FiltersBar, SelectFilter } from '../../../components/FiltersBar';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/PageHeader';
import { VisibilityBadge } from '../../../components/VisibilityBadge';
import { useFormat } from '../../../i18n/format';
import { entriesOf } from '../../../i18n/label-maps';
import { useLocalizedLang, useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { planStatusLabels } from '../shared/labels';
import { PlanStatusBadge } from '../shared/StatusBadges';
import { type PlanSummary, planFilters, planSorts, usePlans } from './api';

type Sort = (typeof planSorts)[number];

/** The working group's action plans, the newest first: usually one, then one per period as each is prepared. */
export function PlansPage() {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const langOf = useLocalizedLang();
  const list = useListParams({
    sorts: planSorts,
    defaultSort: 'startsOn',
    defaultOrder: 'desc',
    descendingFirst: ['startsOn'],
    filters: planFilters,
  });
  const query = usePlans(list.query);

  const columns: Column<PlanSummary, Sort>[] = [
    {
      id: 'title',
      header: t('plan:plans.columns.title'),
      sortKey: 'title',
      render: (plan) => (
        <Anchor component={Link} to={`/plans/${plan.id}`} fw={500} lang={langOf(plan.titleEn)} dir="auto">
          {localized(plan.titleFr, plan.titleEn)}
        </Anchor>
      ),
    },
    {
      id: 'period',
      header: t('plan:plans.columns.period'),
      sortKey: 'startsOn',
      render: (plan) => t('plan:dates.range', { start: format.date(plan.startsOn), end: format.date(plan.endsOn) }),
    },
    {
      id: 'status',
      header: t('plan:plans.columns.status'),
      render: (plan) => <PlanStatusBadge status={plan.status} />,
    },
    {
      id: 'visibility',
      header: t('common:visibility.label'),
      render: (plan) => <VisibilityBadge value={plan.visibility} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('plan:plans.title')}
        description={t('plan:plans.intro')}
        actions={<ExportMenu list="plans" query={list.query} />}
      />
      <FiltersBar label={t('plan:plans.filtersLabel')} hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SelectFilter
          label={t('plan:plans.columns.status')}
          value={list.filters.status}
          onChange={(v) => list.setFilter('status', v)}
          options={entriesOf(planStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
      </FiltersBar>
      <DataTable
        label={t('plan:plans.tableLabel')}
        columns={columns}
        query={query}
        list={list}
        rowKey={(plan) => plan.id}
        empty={{
          title: list.hasFilters ? t('common:list.noMatchTitle') : t('plan:plans.emptyTitle'),
          description: list.hasFilters ? t('common:list.noMatchHint') : undefined,
        }}
      />
    </>
  );
}
