import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Declaration } from '../../../../shared/contract/network';
import { type Column, DataTable } from '../../../components/DataTable';
import { NotProvided } from '../../../components/DetailList';
import { ExportMenu } from '../../../components/ExportMenu';
import { FiltersBar, SearchFilter, SelectFilter } from '../../../components/FiltersBar';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/PageHeader';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useCan } from '../../../session/session';
import { useAssociations } from '../associations/api';
import { useLocalizedText } from '../shared/localized';
import { declarationFilters, declarationSorts, useDeclarations } from './api';
import { DeclarationFormModal } from './DeclarationFormModal';

type Sort = (typeof declarationSorts)[number];

export function DeclarationsPage() {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const navigate = useNavigate();
  const associations = useAssociations();
  // Declarations belong to the network: for roles that write network records.
  const canCreate = useCan('write:record:any', 'write:record:network');
  const [creating, setCreating] = useState(false);
  const list = useListParams({
    sorts: declarationSorts,
    defaultSort: 'adoptedOn',
    defaultOrder: 'desc',
    descendingFirst: ['adoptedOn'],
    filters: declarationFilters,
  });
  const query = useDeclarations(list.query);

  const columns: Column<Declaration, Sort>[] = [
    {
      id: 'title',
      header: t('network:declarations.columns.title'),
      sortKey: 'title',
      render: (declaration) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/declarations/${declaration.id}`} fw={500} dir="auto">
            {localized(declaration.titleFr, declaration.titleEn)}
          </Anchor>
          {declaration.place && (
            <Text size="xs" c="dimmed">
              {declaration.place}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'adoptedOn',
      header: t('network:declarations.columns.adoptedOn'),
      sortKey: 'adoptedOn',
      render: (declaration) => (declaration.adoptedOn ? format.date(declaration.adoptedOn) : <NotProvided />),
    },
    {
      id: 'associations',
      header: t('network:declarations.columns.associations'),
      render: (declaration) => (
        <Group gap={4}>
          {declaration.associations.map((association) => (
            <Badge key={association.id} variant="light" color="blue">
              {association.code}
            </Badge>
          ))}
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('network:declarations.title')}
        description={t('network:declarations.intro')}
        actions={
          <>
            <ExportMenu list="declarations" query={list.query} />
            {canCreate && (
              <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
                {t('network:declarations.create')}
              </Button>
            )}
          </>
        }
      />
      <FiltersBar
        label={t('network:declarations.filtersLabel')}
        hasFilters={list.hasFilters}
        onClear={list.clearFilters}
      >
        <SearchFilter
          label={t('network:declarations.search')}
          value={list.filters.q}
          onChange={(v) => list.setFilter('q', v)}
        />
        <SelectFilter
          label={t('network:declarations.columns.associations')}
          value={list.filters.association}
          onChange={(v) => list.setFilter('association', v)}
          options={(associations.data?.items ?? []).map((a) => ({ value: a.code, label: a.code }))}
        />
      </FiltersBar>
      <DataTable
        label={t('network:declarations.tableLabel')}
        columns={columns}
        query={query}
        list={list}
        rowKey={(declaration) => declaration.id}
        empty={{
          title: list.hasFilters ? t('common:list.noMatchTitle') : t('network:declarations.emptyTitle'),
          description: list.hasFilters ? t('common:list.noMatchHint') : undefined,
        }}
      />
      {canCreate && (
        <DeclarationFormModal
          opened={creating}
          onClose={() => setCreating(false)}
          onSaved={(declaration) => navigate(`/declarations/${declaration.id}`)}
        />
      )}
    </>
  );
}
