import { Anchor, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type SearchResult, searchTypes } from '../../../shared/contract/search';
import { type Column, DataTable } from '../../components/DataTable';
import { FiltersBar, SelectFilter } from '../../components/FiltersBar';
import { useListParams } from '../../components/list-params';
import { PageHeader } from '../../components/PageHeader';
import { EmptyMessage } from '../../components/QueryStates';
import { useCountryOptions } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { pathOf, searchFilters, searchSorts, useInstitutionOptions, useSearch } from './api';
import { Marked, Snippet } from './Snippet';

const typeLabels = {
  institution: 'search:types.institution',
  partner: 'search:types.partner',
  plan_action: 'search:types.plan_action',
  activity: 'search:types.activity',
  facility: 'search:types.facility',
  visit: 'search:types.visit',
  finding: 'search:types.finding',
  recommendation: 'search:types.recommendation',
  awareness_session: 'search:types.awareness_session',
  material: 'search:types.material',
  document: 'search:types.document',
} as const satisfies Record<SearchResult['type'], string>;

const axes = [1, 2, 3, 4, 5] as const;

/** Results across every kind of record, ranked by the server; the words and filters live in the URL. */
export function SearchPage() {
  const { t, i18n } = useT();
  const format = useFormat();
  const countries = useCountryOptions();
  const institutions = useInstitutionOptions(i18n.language === 'en');
  const list = useListParams({ sorts: searchSorts, defaultSort: 'relevance', filters: searchFilters });
  // The words are kept apart from the filters, so that clearing the filters keeps the search.
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const query = useSearch({ ...list.query, q });
  const [text, setText] = useState(q);
  // Follow the address when it changes from elsewhere (the header's box, the back button).
  useEffect(() => setText(q), [q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(window.location.search);
    if (text.trim() === '') next.delete('q');
    else next.set('q', text.trim());
    next.delete('page');
    setParams(next);
  };

  const columns: Column<SearchResult, (typeof searchSorts)[number]>[] = [
    {
      id: 'type',
      header: t('search:filters.type'),
      render: (result) => (
        <Badge variant="light" color="gray" style={{ whiteSpace: 'nowrap' }}>
          {t(typeLabels[result.type])}
        </Badge>
      ),
    },
    {
      id: 'result',
      header: t('search:page.resultsLabel'),
      hideHeader: true,
      render: (result) => (
        <Stack gap={4}>
          <Anchor component={Link} to={pathOf(result)} fw={500} dir="auto">
            <Marked text={result.title} highlights={result.titleHighlights} />
          </Anchor>
          <Snippet snippet={result.snippet} />
          {result.type === 'finding' && (
            <Text size="xs" c="dimmed">
              {t('search:result.parentVisit')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'date',
      header: t('search:result.date'),
      render: (result) => (result.date ? format.date(result.date) : ''),
    },
    {
      id: 'institution',
      header: t('search:filters.institution'),
      render: (result) => (
        <Stack gap={2}>
          {result.institution && (
            <Text size="sm" dir="auto">
              {result.institution.name}
            </Text>
          )}
          {result.country && (
            <Text size="xs" c="dimmed">
              {format.country(result.country)}
            </Text>
          )}
        </Stack>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={q ? t('search:page.titleFor', { query: q }) : t('search:page.title')}
        description={t('search:page.intro')}
      />
      <search aria-label={t('search:page.title')}>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
            <TextInput
              type="search"
              label={t('search:page.queryLabel')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              leftSection={<IconSearch size={16} aria-hidden="true" />}
              maxLength={200}
              w={{ base: '100%', sm: 420 }}
            />
            <Button type="submit">{t('search:page.submit')}</Button>
          </Group>
        </form>
      </search>
      <FiltersBar label={t('search:filters.label')} hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SelectFilter
          label={t('search:filters.type')}
          value={list.filters.type}
          onChange={(v) => list.setFilter('type', v)}
          options={searchTypes.map((type) => ({ value: type, label: t(typeLabels[type]) }))}
        />
        <SelectFilter
          label={t('search:filters.axis')}
          value={list.filters.axis}
          onChange={(v) => list.setFilter('axis', v)}
          options={axes.map((axis) => ({ value: String(axis), label: t('search:filters.axisValue', { axis }) }))}
        />
        <SelectFilter
          label={t('search:filters.institution')}
          value={list.filters.institutionId}
          onChange={(v) => list.setFilter('institutionId', v)}
          options={institutions}
        />
        <SelectFilter
          label={t('search:filters.country')}
          value={list.filters.country}
          onChange={(v) => list.setFilter('country', v)}
          options={countries}
        />
        <TextInput
          type="date"
          label={t('search:filters.from')}
          value={list.filters.from}
          onChange={(e) => list.setFilter('from', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('search:filters.to')}
          value={list.filters.to}
          onChange={(e) => list.setFilter('to', e.currentTarget.value)}
        />
      </FiltersBar>
      {q === '' ? (
        <EmptyMessage title={t('search:page.startTitle')} description={t('search:page.startHint')} />
      ) : (
        <>
          {query.data && !query.data.totalComplete && (
            <Text size="sm" c="dimmed" mb="xs">
              {t('search:page.countIncomplete', { count: query.data.total })}
            </Text>
          )}
          <DataTable
            label={t('search:page.resultsLabel')}
            columns={columns}
            query={query}
            list={list}
            rowKey={(result) => `${result.type}:${result.id}`}
            empty={{
              title: t('search:page.noResultsTitle', { query: q }),
              description: t('search:page.noResultsHint'),
            }}
          />
        </>
      )}
    </>
  );
}
