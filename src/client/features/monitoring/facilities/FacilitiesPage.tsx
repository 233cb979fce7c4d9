import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Facility } from '../../../../shared/contract/monitoring';
import { type Column, DataTable } from '../../../components/DataTable';
import { ExportMenu } from '../../../components/ExportMenu';
import { FiltersBar, SearchFilter, SelectFilter } from '../../../components/FiltersBar';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/PageHeader';
import { VisibilityBadge } from '../../../components/VisibilityBadge';
import { useCountryOptions } from '../../../i18n/countries';
import { useFormat } from '../../../i18n/format';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { useCan } from '../../../session/session';
import { facilityKindLabels } from '../shared/labels';
import { facilityFilters, facilitySorts, useFacilities } from './api';
import { FacilityFormModal } from './FacilityFormModal';

type Sort = (typeof facilitySorts)[number];

/** Places where migrant children are held or accommodated, with how often the group has visited them. */
export function FacilitiesPage() {
  const { t } = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const countries = useCountryOptions();
  const canCreate = useCan('write:record:any', 'write:record:network', 'write:record:own');
  const [creating, setCreating] = useState(false);
  const list = useListParams({
    sorts: facilitySorts,
    defaultSort: 'name',
    descendingFirst: ['lastVisit', 'updatedAt'],
    filters: facilityFilters,
  });
  const query = useFacilities(list.query);
  const yesNo = [
    { value: 'true', label: t('monitoring:filters.yes') },
    { value: 'false', label: t('monitoring:filters.no') },
  ];

  const columns: Column<Facility, Sort>[] = [
    {
      id: 'name',
      header: t('monitoring:facility.name'),
      sortKey: 'name',
      render: (facility) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/facilities/${facility.id}`} fw={500} dir="auto">
            {facility.name}
          </Anchor>
          <Group gap={4}>
            {facility.holdsChildren && (
              <Badge size="xs" variant="light" color="grape">
                {t('monitoring:facility.holdsChildrenShort')}
              </Badge>
            )}
            {!facility.isOpen && (
              <Badge size="xs" variant="light" color="gray">
                {t('monitoring:facility.closed')}
              </Badge>
            )}
          </Group>
        </Stack>
      ),
    },
    {
      id: 'kind',
      header: t('monitoring:facility.kind'),
      sortKey: 'kind',
      render: (facility) => t(facilityKindLabels[facility.kind]),
    },
    {
      id: 'country',
      header: t('monitoring:facility.country'),
      sortKey: 'country',
      render: (facility) => (
        <Stack gap={0}>
          <Text size="sm">{format.country(facility.countryCode)}</Text>
          {facility.city && (
            <Text size="xs" c="dimmed" dir="auto">
              {facility.city}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'lastVisit',
      header: t('monitoring:facility.lastVisit'),
      sortKey: 'lastVisit',
      render: (facility) =>
        facility.lastVisitOn ? (
          <Stack gap={0}>
            <Text size="sm">{format.date(facility.lastVisitOn)}</Text>
            <Text size="xs" c="dimmed">
              {t('monitoring:facility.visitCount', { count: facility.visitCount })}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('monitoring:facility.neverVisited')}
          </Text>
        ),
    },
    {
      id: 'visibility',
      header: t('common:visibility.label'),
      render: (facility) => <VisibilityBadge value={facility.visibility} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('monitoring:facilities.title')}
        description={t('monitoring:facilities.intro')}
        actions={
          <>
            <ExportMenu list="facilities" query={list.query} />
            {canCreate && (
              <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
                {t('monitoring:facilities.create')}
              </Button>
            )}
          </>
        }
      />
      <FiltersBar
        label={t('monitoring:facilities.filtersLabel')}
        hasFilters={list.hasFilters}
        onClear={list.clearFilters}
      >
        <SearchFilter
          label={t('monitoring:facilities.search')}
          value={list.filters.q}
          onChange={(v) => list.setFilter('q', v)}
        />
        <SelectFilter
          label={t('monitoring:facility.kind')}
          value={list.filters.kind}
          onChange={(v) => list.setFilter('kind', v)}
          options={entriesOf(facilityKindLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('monitoring:facility.country')}
          value={list.filters.country}
          onChange={(v) => list.setFilter('country', v)}
          options={countries}
        />
        <SelectFilter
          label={t('monitoring:facility.holdsChildren')}
          value={list.filters.holdsChildren}
          onChange={(v) => list.setFilter('holdsChildren', v)}
          options={yesNo}
        />
        <SelectFilter
          label={t('monitoring:facility.isOpen')}
          value={list.filters.isOpen}
          onChange={(v) => list.setFilter('isOpen', v)}
          options={yesNo}
        />
      </FiltersBar>
      <DataTable
        label={t('monitoring:facilities.tableLabel')}
        columns={columns}
        query={query}
        list={list}
        rowKey={(facility) => facility.id}
        empty={{
          title: list.hasFilters ? t('common:list.noMatchTitle') : t('monitoring:facilities.emptyTitle'),
          description: list.hasFilters ? t('common:list.noMatchHint') : t('monitoring:facilities.emptyHint'),
        }}
      />
      {canCreate && (
        <FacilityFormModal
          opened={creating}
          onClose={() => setCreating(false)}
          onSaved={(facility) => navigate(`/facilities/${facility.id}`)}
        />
      )}
    </>
  );
}
