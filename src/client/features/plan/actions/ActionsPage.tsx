import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Action } from '../../../../shared/contract/plan';
import { type Column, DataTable } from '../../../components/DataTable';
import { NotProvided } from '../../../components/DetailList';
import { ExportMenu } from '../../../components/ExportMenu';
import { FiltersBar, SearchFilter, SelectFilter } from '../../../components/FiltersBar';
import { useListParams } from '../../../components/list-params';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { useCan } from '../../../session/session';
import { useDateRange } from '../shared/dates';
import { actionStatusLabels } from '../shared/labels';
import { useAxisOptions, useMemberOptions, usePlanContext } from '../shared/plan-data';
import { ActionStatusBadge, OverdueBadge } from '../shared/StatusBadges';
import { ActionFormModal } from './ActionFormModal';
import { actionFilters, actionSorts, useActions } from './api';
import { MarkDoneButton } from './MarkDoneButton';

type Sort = (typeof actionSorts)[number];

/** The plan's actions: filters and sort in the address, "done" in one click, a form to add one. */
export function ActionsPage() {
  const { t } = useT();
  const plan = usePlanContext();
  const navigate = useNavigate();
  const dateRange = useDateRange();
  const axisOptions = useAxisOptions(plan);
  const memberOptions = useMemberOptions(plan);
  // Lists carry no "may create" flag: adding actions is for roles that write records (their own at least).
  const canCreate = useCan('write:record:any', 'write:record:network', 'write:record:own');
  const [creating, setCreating] = useState(false);
  const list = useListParams({
    sorts: actionSorts,
    defaultSort: 'axis',
    descendingFirst: ['updatedAt'],
    filters: actionFilters,
  });
  const query = useActions({ ...list.query, planId: plan.id });
  const { filters, setFilter } = list;

  const columns: Column<Action, Sort>[] = [
    {
      id: 'axis',
      header: t('plan:actions.columns.axis'),
      sortKey: 'axis',
      render: (action) => <Text fw={600}>{action.axisNumber}</Text>,
    },
    {
      id: 'title',
      header: t('plan:actions.columns.title'),
      sortKey: 'title',
      render: (action) => (
        <Stack gap={2} align="flex-start">
          <Anchor component={Link} to={`/actions/${action.id}`} fw={500} dir="auto">
            {action.title}
          </Anchor>
          {action.carriedFromId && (
            <Group gap={4} wrap="nowrap">
              <IconArrowBackUp size={14} aria-hidden="true" className="flip-in-rtl" />
              <Text size="xs" c="dimmed">
                {t('plan:action.carried')}
              </Text>
            </Group>
          )}
        </Stack>
      ),
    },
    {
      id: 'lead',
      header: t('plan:actions.columns.lead'),
      render: (action) =>
        action.leadInstitutionName ? (
          <Text size="sm" dir="auto">
            {action.leadInstitutionName}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('plan:action.noLead')}
          </Text>
        ),
    },
    {
      id: 'dates',
      header: t('plan:actions.columns.dates'),
      sortKey: 'plannedStart',
      render: (action) => dateRange(action.plannedStart, action.plannedEnd) ?? <NotProvided />,
    },
    {
      id: 'status',
      header: t('plan:actions.columns.status'),
      sortKey: 'status',
      render: (action) => (
        <Group gap={4}>
          <ActionStatusBadge status={action.status} />
          {action.overdue && <OverdueBadge />}
        </Group>
      ),
    },
    {
      id: 'actions',
      header: t('common:list.actions'),
      hideHeader: true,
      render: (action) => <MarkDoneButton action={action} />,
    },
  ];

  return (
    <Stack gap={0}>
      <Group justify="space-between" align="flex-end" mb="md" gap="sm">
        <Text c="dimmed" maw="48rem">
          {t('plan:actions.intro')}
        </Text>
        <Group gap="sm">
          <ExportMenu list="plan-actions" query={{ ...list.query, planId: plan.id }} />
          {canCreate && (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
              {t('plan:actions.create')}
            </Button>
          )}
        </Group>
      </Group>
      <FiltersBar label={t('plan:actions.filtersLabel')} hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SearchFilter label={t('plan:actions.search')} value={filters.q} onChange={(v) => setFilter('q', v)} />
        <SelectFilter
          label={t('plan:actions.columns.axis')}
          value={filters.axisId}
          onChange={(v) => setFilter('axisId', v)}
          options={axisOptions}
        />
        <SelectFilter
          label={t('plan:actions.filters.institution')}
          value={filters.institutionId}
          onChange={(v) => setFilter('institutionId', v)}
          options={memberOptions}
        />
        <SelectFilter
          label={t('plan:actions.columns.status')}
          value={filters.status}
          onChange={(v) => setFilter('status', v)}
          options={entriesOf(actionStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('plan:actions.filters.overdue')}
          value={filters.overdue}
          onChange={(v) => setFilter('overdue', v)}
          options={[
            { value: 'true', label: t('plan:actions.filters.overdueYes') },
            { value: 'false', label: t('plan:actions.filters.overdueNo') },
          ]}
        />
      </FiltersBar>
      <DataTable
        label={t('plan:actions.tableLabel')}
        columns={columns}
        query={query}
        list={list}
        rowKey={(action) => action.id}
        empty={{
          title: list.hasFilters ? t('common:list.noMatchTitle') : t('plan:actions.emptyTitle'),
          description: list.hasFilters ? t('common:list.noMatchHint') : t('plan:actions.emptyHint'),
        }}
      />
      {creating && (
        <ActionFormModal
          plan={plan}
          defaultAxisId={filters.axisId}
          onClose={() => setCreating(false)}
          onSaved={(action) => navigate(`/actions/${action.id}`)}
        />
      )}
    </Stack>
  );
}
