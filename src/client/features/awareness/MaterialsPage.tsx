import { Anchor, Badge, Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Material } from '../../../shared/contract/awareness';
import { type Column, DataTable } from '../../components/DataTable';
import { NotProvided } from '../../components/DetailList';
import { ExportMenu } from '../../components/ExportMenu';
import { FiltersBar, SearchFilter, SelectFilter } from '../../components/FiltersBar';
import { useListParams } from '../../components/list-params';
import { PageHeader } from '../../components/PageHeader';
import { VisibilityBadge } from '../../components/VisibilityBadge';
import { useFormat } from '../../i18n/format';
import { entriesOf } from '../../i18n/label-maps';
import { useSpokenLanguageOptions } from '../../i18n/spoken-languages';
import { useT } from '../../i18n/use-t';
import { useCan } from '../../session/session';
import { materialFilters, materialSorts, useMaterials, usePickerOptions } from './api';
import { approvalColors, approvalLabels, materialKindLabels } from './labels';
import { MaterialFormModal } from './MaterialFormModal';

type Sort = (typeof materialSorts)[number];

export function AgeRange({ material }: { material: Material }) {
  const { t } = useT();
  if (material.ageMin === null && material.ageMax === null) return <NotProvided />;
  if (material.ageMax === null) return <>{t('awareness:material.ageFrom', { min: material.ageMin ?? 0 })}</>;
  return <>{t('awareness:material.ageRange', { min: material.ageMin ?? 0, max: material.ageMax })}</>;
}

export function MaterialsPage() {
  const { t } = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const languages = useSpokenLanguageOptions();
  const { institutions } = usePickerOptions();
  const canCreate = useCan('write:record:any', 'write:record:network', 'write:record:own');
  const [creating, setCreating] = useState(false);
  const list = useListParams({
    sorts: materialSorts,
    defaultSort: 'title',
    descendingFirst: ['updatedAt'],
    filters: materialFilters,
  });
  const query = useMaterials(list.query);

  const columns: Column<Material, Sort>[] = [
    {
      id: 'title',
      header: t('awareness:material.title'),
      sortKey: 'title',
      render: (material) => (
        <Anchor component={Link} to={`/materials/${material.id}`} fw={500} dir="auto">
          {material.title}
        </Anchor>
      ),
    },
    {
      id: 'kind',
      header: t('awareness:material.kind'),
      sortKey: 'kind',
      render: (material) => t(materialKindLabels[material.kind]),
    },
    {
      id: 'languages',
      header: t('awareness:material.languages'),
      render: (material) =>
        material.languages.length > 0 ? (
          format.list(material.languages.map((l) => format.language(l)))
        ) : (
          <NotProvided />
        ),
    },
    { id: 'ages', header: t('awareness:material.ages'), render: (material) => <AgeRange material={material} /> },
    {
      id: 'status',
      header: t('awareness:material.status'),
      sortKey: 'status',
      render: (material) => (
        <Badge color={approvalColors[material.approvalStatus]} variant="light">
          {t(approvalLabels[material.approvalStatus])}
        </Badge>
      ),
    },
    {
      id: 'visibility',
      header: t('common:visibility.label'),
      render: (material) => <VisibilityBadge value={material.visibility} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('awareness:materials.title')}
        description={t('awareness:materials.intro')}
        actions={
          <>
            <ExportMenu list="materials" query={list.query} />
            {canCreate && (
              <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
                {t('awareness:materials.create')}
              </Button>
            )}
          </>
        }
      />
      <FiltersBar
        label={t('awareness:materials.filtersLabel')}
        hasFilters={list.hasFilters}
        onClear={list.clearFilters}
      >
        <SearchFilter
          label={t('awareness:materials.search')}
          value={list.filters.q}
          onChange={(v) => list.setFilter('q', v)}
        />
        <SelectFilter
          label={t('awareness:material.kind')}
          value={list.filters.kind}
          onChange={(v) => list.setFilter('kind', v)}
          options={entriesOf(materialKindLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('awareness:material.status')}
          value={list.filters.status}
          onChange={(v) => list.setFilter('status', v)}
          options={entriesOf(approvalLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('awareness:material.languages')}
          value={list.filters.language}
          onChange={(v) => list.setFilter('language', v)}
          options={languages}
        />
        <SelectFilter
          label={t('awareness:materials.forAge')}
          value={list.filters.age}
          onChange={(v) => list.setFilter('age', v)}
          options={Array.from({ length: 18 }, (_, age) => ({
            value: String(age),
            label: t('awareness:materials.ageOption', { age }),
          }))}
        />
        <SelectFilter
          label={t('awareness:session.institution')}
          value={list.filters.institutionId}
          onChange={(v) => list.setFilter('institutionId', v)}
          options={institutions.map(({ value, label }) => ({ value, label }))}
        />
      </FiltersBar>
      <DataTable
        label={t('awareness:materials.tableLabel')}
        columns={columns}
        query={query}
        list={list}
        rowKey={(material) => material.id}
        empty={{
          title: list.hasFilters ? t('common:list.noMatchTitle') : t('awareness:materials.emptyTitle'),
          description: list.hasFilters ? t('common:list.noMatchHint') : t('awareness:materials.emptyHint'),
        }}
      />
      {canCreate && creating && (
        <MaterialFormModal
          opened
          onClose={() => setCreating(false)}
          onSaved={(material) => navigate(`/materials/${material.id}`)}
        />
      )}
    </>
  );
}
