import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Institution } from '../../../../shared/contract/network';
import { type Column, DataTable } from '../../../components/DataTable';
import { ExportMenu } from '../../../components/ExportMenu';
import { FiltersBar, SearchFilter, SelectFilter } from '../../../components/FiltersBar';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/PageHeader';
import { useCountryOptions } from '../../../i18n/countries';
import { useFormat } from '../../../i18n/format';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { useCan } from '../../../session/session';
import { useAssociations } from '../associations/api';
import {
  associationStatusLabels,
  dataStatusLabels,
  institutionKindLabels,
  membershipStatusLabels,
} from '../shared/labels';
import { useLocalizedText } from '../shared/localized';
import { MembershipStatusBadge, ToConfirmBadge } from '../shared/StatusBadges';
import { institutionFilters, institutionSorts, useInstitutions } from './api';
import { InstitutionFormModal } from './InstitutionFormModal';

type Sort = (typeof institutionSorts)[number];

export function InstitutionsPage() {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const navigate = useNavigate();
  const countries = useCountryOptions();
  const associations = useAssociations();
  // Lists carry no "may create" flag yet: registering institutions is for roles that write network records.
  const canCreate = useCan('write:record:any', 'write:record:network');
  const [creating, setCreating] = useState(false);
  const list = useListParams({
    sorts: institutionSorts,
    defaultSort: 'name',
    descendingFirst: ['updatedAt'],
    filters: institutionFilters,
  });
  const query = useInstitutions(list.query);
  const { filters, setFilter } = list;

  const columns: Column<Institution, Sort>[] = [
    {
      id: 'name',
      header: t('network:institutions.columns.name'),
      sortKey: 'name',
      render: (institution) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/institutions/${institution.id}`} fw={500} dir="auto">
            {localized(institution.nameFr, institution.nameEn)}
          </Anchor>
          {institution.acronym && (
            <Text size="xs" c="dimmed">
              {institution.acronym}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'country',
      header: t('network:institutions.columns.country'),
      sortKey: 'country',
      render: (institution) => format.country(institution.countryCode),
    },
    {
      id: 'kind',
      header: t('network:institutions.columns.kind'),
      sortKey: 'kind',
      render: (institution) => t(institutionKindLabels[institution.kind]),
    },
    {
      id: 'membership',
      header: t('network:institutions.columns.workingGroup'),
      render: (institution) =>
        institution.memberships.length > 0 ? (
          <Group gap={4}>
            {institution.memberships.map((membership) => (
              <MembershipStatusBadge key={membership.membershipId} status={membership.status} />
            ))}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('network:institutions.notMember')}
          </Text>
        ),
    },
    {
      id: 'data',
      header: t('network:institutions.columns.data'),
      render: (institution) => (institution.dataStatus === 'to_confirm' ? <ToConfirmBadge /> : null),
    },
    {
      id: 'updatedAt',
      header: t('network:institutions.columns.updatedAt'),
      sortKey: 'updatedAt',
      render: (institution) => format.date(institution.updatedAt),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('network:institutions.title')}
        description={t('network:institutions.intro')}
        actions={
          <>
            <ExportMenu list="institutions" query={list.query} />
            {canCreate && (
              <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
                {t('network:institutions.create')}
              </Button>
            )}
          </>
        }
      />
      <FiltersBar
        label={t('network:institutions.filtersLabel')}
        hasFilters={list.hasFilters}
        onClear={list.clearFilters}
      >
        <SearchFilter label={t('network:institutions.search')} value={filters.q} onChange={(v) => setFilter('q', v)} />
        <SelectFilter
          label={t('network:institutions.columns.country')}
          value={filters.country}
          onChange={(v) => setFilter('country', v)}
          options={countries}
        />
        <SelectFilter
          label={t('network:institutions.columns.kind')}
          value={filters.kind}
          onChange={(v) => setFilter('kind', v)}
          options={entriesOf(institutionKindLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('network:institutions.filters.member')}
          value={filters.member}
          onChange={(v) => setFilter('member', v)}
          options={[
            { value: 'true', label: t('network:institutions.filters.memberYes') },
            { value: 'false', label: t('network:institutions.filters.memberNo') },
          ]}
        />
        <SelectFilter
          label={t('network:institutions.filters.membershipStatus')}
          value={filters.membershipStatus}
          onChange={(v) => setFilter('membershipStatus', v)}
          options={entriesOf(membershipStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('network:institutions.filters.association')}
          value={filters.association}
          onChange={(v) => setFilter('association', v)}
          options={(associations.data?.items ?? []).map((a) => ({ value: a.code, label: a.code }))}
        />
        <SelectFilter
          label={t('network:institutions.filters.associationStatus')}
          value={filters.associationStatus}
          onChange={(v) => setFilter('associationStatus', v)}
          options={entriesOf(associationStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('network:institutions.filters.dataStatus')}
          value={filters.dataStatus}
          onChange={(v) => setFilter('dataStatus', v)}
          options={entriesOf(dataStatusLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
      </FiltersBar>
      <DataTable
        label={t('network:institutions.tableLabel')}
        columns={columns}
        query={query}
        list={list}
        rowKey={(institution) => institution.id}
        empty={{
          title: list.hasFilters ? t('common:list.noMatchTitle') : t('network:institutions.emptyTitle'),
          description: list.hasFilters ? t('common:list.noMatchHint') : undefined,
        }}
      />
      {canCreate && (
        <InstitutionFormModal
          opened={creating}
          onClose={() => setCreating(false)}
          onSaved={(institution) => navigate(`/institutions/${institution.id}`)}
        />
      )}
    </>
  );
}
