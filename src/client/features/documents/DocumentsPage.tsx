import { Anchor, Button, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DocumentSummary } from '../../../shared/contract/documents';
import { type Column, DataTable } from '../../components/DataTable';
import { NotProvided } from '../../components/DetailList';
import { documentFilters, documentSorts, useDocuments } from '../../components/documents/api';
import { DocumentUploadModal } from '../../components/documents/DocumentUploadModal';
import { formatFileSize } from '../../components/documents/file-size';
import { ExportMenu } from '../../components/ExportMenu';
import { FiltersBar, SearchFilter, SelectFilter } from '../../components/FiltersBar';
import { useListParams } from '../../components/list-params';
import { PageHeader } from '../../components/PageHeader';
import { VisibilityBadge } from '../../components/VisibilityBadge';
import { useFormat } from '../../i18n/format';
import { entriesOf } from '../../i18n/label-maps';
import { useLocalizedText } from '../../i18n/localized';
import { useSpokenLanguageOptions } from '../../i18n/spoken-languages';
import { useT } from '../../i18n/use-t';
import { useCan } from '../../session/session';
import { useInstitutionNames } from './api';
import { familyLabels } from './labels';

type Sort = (typeof documentSorts)[number];

/** The documents library: every document the user may see, searchable and filtered, with an upload. */
export function DocumentsPage() {
  const { t, i18n } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const navigate = useNavigate();
  const languages = useSpokenLanguageOptions();
  const institutions = useInstitutionNames();
  const canUpload = useCan('write:record:any', 'write:record:network', 'write:record:own');
  const [uploading, setUploading] = useState(false);
  const list = useListParams({
    sorts: documentSorts,
    defaultSort: 'updatedAt',
    defaultOrder: 'desc',
    descendingFirst: ['updatedAt', 'size'],
    filters: documentFilters,
  });
  const query = useDocuments(list.query);

  const columns: Column<DocumentSummary, Sort>[] = [
    {
      id: 'title',
      header: t('documents:fields.title'),
      sortKey: 'title',
      render: (document) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/documents/${document.id}`} fw={500} dir="auto">
            {document.title}
          </Anchor>
          <Text size="xs" c="dimmed" dir="auto">
            {document.current.filename}
          </Text>
        </Stack>
      ),
    },
    {
      id: 'type',
      header: t('documents:fields.type'),
      render: (document) => t(familyLabels[document.current.family]),
    },
    {
      id: 'language',
      header: t('documents:fields.language'),
      sortKey: 'language',
      render: (document) => (document.language ? format.language(document.language) : <NotProvided />),
    },
    {
      id: 'size',
      header: t('documents:fields.size'),
      sortKey: 'size',
      render: (document) => formatFileSize(document.current.size, i18n.language),
    },
    {
      id: 'visibility',
      header: t('common:visibility.label'),
      render: (document) => <VisibilityBadge value={document.visibility} />,
    },
    {
      id: 'updatedAt',
      header: t('documents:fields.updatedAt'),
      sortKey: 'updatedAt',
      render: (document) => format.dateTime(document.updatedAt),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('documents:library.title')}
        description={t('documents:library.description')}
        actions={
          <>
            <ExportMenu list="documents" query={list.query} />
            {canUpload && (
              <Button leftSection={<IconUpload size={16} aria-hidden="true" />} onClick={() => setUploading(true)}>
                {t('documents:library.upload')}
              </Button>
            )}
          </>
        }
      />
      <FiltersBar label={t('documents:filters.label')} hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SearchFilter
          label={t('documents:filters.q')}
          value={list.filters.q}
          onChange={(v) => list.setFilter('q', v)}
        />
        <SelectFilter
          label={t('documents:filters.type')}
          value={list.filters.type}
          onChange={(v) => list.setFilter('type', v)}
          options={entriesOf(familyLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('documents:filters.language')}
          value={list.filters.language}
          onChange={(v) => list.setFilter('language', v)}
          options={languages}
        />
        <SelectFilter
          label={t('documents:filters.institution')}
          value={list.filters.institution}
          onChange={(v) => list.setFilter('institution', v)}
          options={(institutions.data ?? []).map((institution) => ({
            value: institution.id,
            label: localized(institution.nameFr, institution.nameEn),
          }))}
        />
      </FiltersBar>
      <DataTable
        label={t('documents:library.tableLabel')}
        columns={columns}
        query={query}
        list={list}
        rowKey={(document) => document.id}
        empty={{
          title: list.hasFilters ? t('common:list.noMatchTitle') : t('documents:library.empty'),
          description: list.hasFilters ? t('common:list.noMatchHint') : t('documents:library.emptyHint'),
        }}
      />
      {canUpload && (
        <DocumentUploadModal
          opened={uploading}
          onClose={() => setUploading(false)}
          onUploaded={(document) => navigate(`/documents/${document.id}`)}
        />
      )}
    </>
  );
}
