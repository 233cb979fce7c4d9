import { Anchor, Code, Stack, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import type { AuditEvent } from '../../../shared/contract/audit';
import { type Column, DataTable } from '../../components/DataTable';
import { ExportMenu } from '../../components/ExportMenu';
import { FiltersBar, SearchFilter, SelectFilter } from '../../components/FiltersBar';
import { useListParams } from '../../components/list-params';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../i18n/format';
import { entriesOf } from '../../i18n/label-maps';
import { useT } from '../../i18n/use-t';
import { auditFilters, auditSorts, useActorOptions, useAuditEvents } from './api';
import { ChangeList } from './ChangeList';
import { actionLabels, entityLabels, entityPaths, labelOf } from './labels';

type Sort = (typeof auditSorts)[number];

function EntityCell({ event }: { event: AuditEvent }) {
  const { t } = useT();
  const label = labelOf(entityLabels, event.entity);
  const path = entityPaths[event.entity];
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label ? t(label) : event.entity}
      </Text>
      {path && event.action !== 'delete' ? (
        <Anchor component={Link} to={path(event.entityId)} size="xs" ff="monospace" dir="ltr">
          {event.entityId}
        </Anchor>
      ) : (
        <Code dir="ltr">{event.entityId}</Code>
      )}
    </Stack>
  );
}

export function AuditPage() {
  const { t } = useT();
  const format = useFormat();
  const actors = useActorOptions();
  const list = useListParams({
    sorts: auditSorts,
    defaultSort: 'at',
    defaultOrder: 'desc',
    descendingFirst: ['at'],
    filters: auditFilters,
  });
  const query = useAuditEvents(list.query);
  const { filters, setFilter } = list;

  const columns: Column<AuditEvent, Sort>[] = [
    {
      id: 'at',
      header: t('audit:columns.at'),
      sortKey: 'at',
      render: (event) => <time dateTime={event.at}>{format.dateTime(event.at)}</time>,
    },
    { id: 'actor', header: t('audit:columns.actor'), render: (event) => event.actorLabel },
    { id: 'entity', header: t('audit:columns.entity'), render: (event) => <EntityCell event={event} /> },
    {
      id: 'action',
      header: t('audit:columns.action'),
      render: (event) => {
        const label = labelOf(actionLabels, event.action);
        return label ? t(label) : event.action;
      },
    },
    { id: 'changes', header: t('audit:columns.changes'), render: (event) => <ChangeList changes={event.changes} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('audit:title')}
        description={t('audit:intro')}
        actions={<ExportMenu list="audit-events" query={list.query} />}
      />
      <FiltersBar label={t('audit:filtersLabel')} hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SelectFilter
          label={t('audit:columns.entity')}
          value={filters.entity}
          onChange={(v) => setFilter('entity', v)}
          options={entriesOf(entityLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SearchFilter
          label={t('audit:filters.entityId')}
          value={filters.entityId}
          onChange={(v) => setFilter('entityId', v)}
        />
        <SelectFilter
          label={t('audit:columns.actor')}
          value={filters.actorUserId}
          onChange={(v) => setFilter('actorUserId', v)}
          options={actors}
        />
        <SelectFilter
          label={t('audit:columns.action')}
          value={filters.action}
          onChange={(v) => setFilter('action', v)}
          options={entriesOf(actionLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <TextInput
          type="date"
          label={t('audit:filters.from')}
          value={filters.from}
          onChange={(e) => setFilter('from', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('audit:filters.to')}
          value={filters.to}
          onChange={(e) => setFilter('to', e.currentTarget.value)}
        />
      </FiltersBar>
      <DataTable
        label={t('audit:tableLabel')}
        columns={columns}
        query={query}
        list={list}
        rowKey={(event) => event.id}
        empty={{
          title: list.hasFilters ? t('common:list.noMatchTitle') : t('audit:emptyTitle'),
          description: list.hasFilters ? t('common:list.noMatchHint') : t('audit:emptyHint'),
        }}
      />
    </>
  );
}
