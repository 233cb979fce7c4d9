import { Button, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { ExportMenu } from '../../../components/ExportMenu';
import { FiltersBar, SearchFilter, SelectFilter } from '../../../components/FiltersBar';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/PageHeader';
import { useCountryOptions } from '../../../i18n/countries';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { useCan } from '../../../session/session';
import { useFacilityOptions } from '../facilities/api';
import { facilityKindLabels, visitStatusLabels, visitTypeLabels } from '../shared/labels';
import { useInstitutionOptions } from '../shared/queries';
import { useVisits, visitFilters, visitSorts } from './api';
import { VisitFormModal } from './VisitFormModal';
import { useVisitColumns } from './VisitHistory';

/** Every visit the caller may see, across places and institutions, with filters kept in the address. */
export function VisitsPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const countries = useCountryOptions();
  const facilities = useFacilityOptions();
  const institutions = useInstitutionOptions();
  const canCreate = useCan('write:record:any', 'write:record:network', 'write:record:own');
  const [creating, setCreating] = useState(false);
  const list = useListParams({
    sorts: visitSorts,
    defaultSort: 'startsOn',
    defaultOrder: 'desc',
    descendingFirst: ['startsOn', 'updatedAt'],
    filters: visitFilters,
  });
  const query = useVisits(list.query);
  const columns = useVisitColumns();
  const yesNo = [
    { value: 'true', label: t('monitoring:filters.yes') },
    { value: 'false', label: t('monitoring:filters.no') },
  ];

  return (
    <>
      <PageHeader
        title={t('monitoring:visits.title')}
        description={t('monitoring:visits.intro')}
        actions={
          <>
            <ExportMenu list="visits" query={list.query} />
            {canCreate && (
              <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
                {t('monitoring:visits.create')}
              </Button>
            )}
          </>
        }
      />
      <FiltersBar label={t('monitoring:visits.filtersLabel')} hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SearchFilter
          label={t('monitoring:visits.search')}
          value={list.filters.q}
          onChange={(v) => list.setFilter('q', v)}
        />
        <SelectFilter
          label={t('monitoring:visit.facility')}
          value={list.filters.facility}
          onChange={(v) => list.setFilter('facility', v)}
          options={(facilities.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
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
          label={t('monitoring:visit.status')}
          value={list.filters.status}
          onChange={(v) => list.setFilter('status', v)}
          options={entriesOf(visitStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('monitoring:visit.type')}
          value={list.filters.type}
          onChange={(v) => list.setFilter('type', v)}
          options={entriesOf(visitTypeLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('monitoring:visit.announced')}
          value={list.filters.announced}
          onChange={(v) => list.setFilter('announced', v)}
          options={yesNo}
        />
        <SelectFilter
          label={t('monitoring:visit.joint')}
          value={list.filters.joint}
          onChange={(v) => list.setFilter('joint', v)}
          options={yesNo}
        />
        <SelectFilter
          label={t('monitoring:visits.institutionFilter')}
          value={list.filters.institution}
          onChange={(v) => list.setFilter('institution', v)}
          options={institutions.options}
        />
        <TextInput
          type="date"
          label={t('monitoring:visits.from')}
          value={list.filters.from}
          onChange={(e) => list.setFilter('from', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('monitoring:visits.to')}
          value={list.filters.to}
          onChange={(e) => list.setFilter('to', e.currentTarget.value)}
        />
      </FiltersBar>
      <DataTable
        label={t('monitoring:visits.tableLabel')}
        columns={columns}
        query={query}
        list={list}
        rowKey={(visit) => visit.id}
        empty={{
          title: list.hasFilters ? t('common:list.noMatchTitle') : t('monitoring:visits.emptyTitle'),
          description: list.hasFilters ? t('common:list.noMatchHint') : t('monitoring:visits.emptyHint'),
        }}
      />
      {canCreate && creating && (
        <VisitFormModal onClose={() => setCreating(false)} onSaved={(visit) => navigate(`/visits/${visit.id}`)} />
      )}
    </>
  );
}
