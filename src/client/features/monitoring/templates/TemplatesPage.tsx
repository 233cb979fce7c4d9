import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { type Column, DataTable } from '../../../components/DataTable';
import { ExportMenu } from '../../../components/ExportMenu';
import { FiltersBar, SearchFilter, SelectFilter } from '../../../components/FiltersBar';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/PageHeader';
import { VisibilityBadge } from '../../../components/VisibilityBadge';
import { useFormat } from '../../../i18n/format';
import { useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { type TemplateSummary, templateFilters, templateSorts, useTemplates } from './api';

type Sort = (typeof templateSorts)[number];

/** The checklists a visit can start from: themes and questions, with the standards each rests on. */
export function TemplatesPage() {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const list = useListParams({
    sorts: templateSorts,
    defaultSort: 'name',
    descendingFirst: ['updatedAt'],
    filters: templateFilters,
  });
  const query = useTemplates(list.query);
  const columns: Column<TemplateSummary, Sort>[] = [
    {
      id: 'name',
      header: t('monitoring:templates.name'),
      sortKey: 'name',
      render: (tpl) => (
        <Stack gap={2}>
          <Anchor component={Link} to={`/checklist-templates/${tpl.id}`} fw={500} dir="auto">
            {localized(tpl.nameFr, tpl.nameEn)}
          </Anchor>
          {!tpl.isActive && (
            <Badge size="xs" variant="light" color="gray">
              {t('monitoring:templates.inactive')}
            </Badge>
          )}
        </Stack>
      ),
    },
    {
      id: 'size',
      header: t('monitoring:templates.size'),
      render: (tpl) => (
        <Text size="sm">
          {t('monitoring:templates.sizeValue', { themes: tpl.themeCount, questions: tpl.questionCount })}
        </Text>
      ),
    },
    {
      id: 'visibility',
      header: t('common:visibility.label'),
      render: (tpl) => <VisibilityBadge value={tpl.visibility} />,
    },
    {
      id: 'updatedAt',
      header: t('monitoring:templates.updatedAt'),
      sortKey: 'updatedAt',
      render: (tpl) => format.date(tpl.updatedAt),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('monitoring:templates.title')}
        description={t('monitoring:templates.intro')}
        actions={<ExportMenu list="checklist-templates" query={list.query} />}
      />
      <FiltersBar
        label={t('monitoring:templates.filtersLabel')}
        hasFilters={list.hasFilters}
        onClear={list.clearFilters}
      >
        <SearchFilter
          label={t('monitoring:templates.search')}
          value={list.filters.q}
          onChange={(v) => list.setFilter('q', v)}
        />
        <SelectFilter
          label={t('monitoring:templates.activeFilter')}
          value={list.filters.active}
          onChange={(v) => list.setFilter('active', v)}
          options={[
            { value: 'true', label: t('monitoring:filters.yes') },
            { value: 'false', label: t('monitoring:filters.no') },
          ]}
        />
      </FiltersBar>
      <DataTable
        label={t('monitoring:templates.tableLabel')}
        columns={columns}
        query={query}
        list={list}
        rowKey={(tpl) => tpl.id}
        empty={{
          title: list.hasFilters ? t('common:list.noMatchTitle') : t('monitoring:templates.emptyTitle'),
          description: list.hasFilters ? t('common:list.noMatchHint') : undefined,
        }}
      />
    </>
  );
}
