import { Anchor, Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Partner } from '../../../../shared/contract/network';
import { type Column, DataTable } from '../../../components/DataTable';
import { NotProvided } from '../../../components/DetailList';
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
import { partnerKindLabels } from '../shared/labels';
import { useLocalizedText } from '../shared/localized';
import { partnerFilters, partnerSorts, usePartners } from './api';
import { PartnerFormModal } from './PartnerFormModal';

type Sort = (typeof partnerSorts)[number];

export function PartnersPage() {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const navigate = useNavigate();
  const countries = useCountryOptions();
  // Any role that writes records may register a partner for its institution; the server checks the owner.
  const canCreate = useCan('write:record:any', 'write:record:network', 'write:record:own');
  const [creating, setCreating] = useState(false);
  const list = useListParams({
    sorts: partnerSorts,
    defaultSort: 'name',
    descendingFirst: ['updatedAt'],
    filters: partnerFilters,
  });
  const query = usePartners(list.query);

  const columns: Column<Partner, Sort>[] = [
    {
      id: 'name',
      header: t('network:partners.columns.name'),
      sortKey: 'name',
      render: (partner) => {
        const acronym = localized(partner.acronymFr ?? '', partner.acronymEn);
        return (
          <Stack gap={2}>
            <Anchor component={Link} to={`/partners/${partner.id}`} fw={500} dir="auto">
              {localized(partner.nameFr, partner.nameEn)}
            </Anchor>
            {acronym && (
              <Text size="xs" c="dimmed">
                {acronym}
              </Text>
            )}
          </Stack>
        );
      },
    },
    {
      id: 'kind',
      header: t('network:partners.columns.kind'),
      sortKey: 'kind',
      render: (partner) => t(partnerKindLabels[partner.kind]),
    },
    {
      id: 'country',
      header: t('network:partners.columns.country'),
      sortKey: 'country',
      render: (partner) => (partner.countryCode ? format.country(partner.countryCode) : <NotProvided />),
    },
    {
      id: 'visibility',
      header: t('common:visibility.label'),
      render: (partner) => <VisibilityBadge value={partner.visibility} />,
    },
    {
      id: 'updatedAt',
      header: t('network:partners.columns.updatedAt'),
      sortKey: 'updatedAt',
      render: (partner) => format.date(partner.updatedAt),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('network:partners.title')}
        description={t('network:partners.intro')}
        actions={
          <>
            <ExportMenu list="partners" query={list.query} />
            {canCreate && (
              <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
                {t('network:partners.create')}
              </Button>
            )}
          </>
        }
      />
      <FiltersBar label={t('network:partners.filtersLabel')} hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SearchFilter
          label={t('network:partners.search')}
          value={list.filters.q}
          onChange={(v) => list.setFilter('q', v)}
        />
        <SelectFilter
          label={t('network:partners.columns.kind')}
          value={list.filters.kind}
          onChange={(v) => list.setFilter('kind', v)}
          options={entriesOf(partnerKindLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('network:partners.columns.country')}
          value={list.filters.country}
          onChange={(v) => list.setFilter('country', v)}
          options={countries}
        />
      </FiltersBar>
      <DataTable
        label={t('network:partners.tableLabel')}
        columns={columns}
        query={query}
        list={list}
        rowKey={(partner) => partner.id}
        empty={{
          title: list.hasFilters ? t('common:list.noMatchTitle') : t('network:partners.emptyTitle'),
          description: list.hasFilters ? t('common:list.noMatchHint') : t('network:partners.emptyHint'),
        }}
      />
      {canCreate && (
        <PartnerFormModal
          opened={creating}
          onClose={() => setCreating(false)}
          onSaved={(partner) => navigate(`/partners/${partner.id}`)}
        />
      )}
    </>
  );
}
