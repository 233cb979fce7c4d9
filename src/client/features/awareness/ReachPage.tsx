import { Anchor, Stack, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { ReachFacts, ReachGrid, valuesOfGrid } from '../../components/awareness/ReachGrid';
import { FiltersBar, SelectFilter } from '../../components/FiltersBar';
import { useListParams } from '../../components/list-params';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { useCountryOptions } from '../../i18n/countries';
import { entriesOf } from '../../i18n/label-maps';
import { useT } from '../../i18n/use-t';
import { reachFilters, usePickerOptions, useReach } from './api';
import { channelLabels, settingLabels } from './labels';

/** The honest reach of the sessions the caller may see: each group once, media audiences apart. */
export function ReachPage() {
  const { t } = useT();
  const countries = useCountryOptions();
  const { institutions } = usePickerOptions();
  const list = useListParams({ sorts: ['none'] as const, defaultSort: 'none', filters: reachFilters });
  const filters = Object.fromEntries(Object.entries(list.filters).filter(([, v]) => v !== '')) as Record<
    string,
    string
  >;
  const query = useReach(filters);

  return (
    <>
      <Anchor component={Link} to="/awareness-sessions" size="sm">
        {t('awareness:sessions.backToList')}
      </Anchor>
      <PageHeader title={t('awareness:reach.title')} description={t('awareness:reach.intro')} />
      <FiltersBar label={t('awareness:reach.filtersLabel')} hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <TextInput
          type="date"
          label={t('awareness:filters.from')}
          value={list.filters.from}
          onChange={(e) => list.setFilter('from', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('awareness:filters.to')}
          value={list.filters.to}
          onChange={(e) => list.setFilter('to', e.currentTarget.value)}
        />
        <SelectFilter
          label={t('awareness:session.institution')}
          value={list.filters.institutionId}
          onChange={(v) => list.setFilter('institutionId', v)}
          options={institutions.map(({ value, label }) => ({ value, label }))}
        />
        <SelectFilter
          label={t('awareness:session.setting')}
          value={list.filters.setting}
          onChange={(v) => list.setFilter('setting', v)}
          options={entriesOf(settingLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('awareness:session.channel')}
          value={list.filters.channel}
          onChange={(v) => list.setFilter('channel', v)}
          options={entriesOf(channelLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('awareness:session.country')}
          value={list.filters.country}
          onChange={(v) => list.setFilter('country', v)}
          options={countries}
        />
      </FiltersBar>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="lg" aria-busy={query.isFetching}>
          <ReachFacts reach={query.data} />
          <Text size="sm" c="dimmed">
            {t('awareness:reach.howCounted')}
          </Text>
          <Section title={t('awareness:reach.childrenTitle')}>
            <ReachGrid values={valuesOfGrid(query.data.children)} />
          </Section>
        </Stack>
      )}
    </>
  );
}
