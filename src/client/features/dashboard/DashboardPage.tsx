import { Alert, MultiSelect, Stack, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { FiltersBar, SelectFilter } from '../../components/FiltersBar';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useCountryOptions } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import { entriesOf } from '../../i18n/label-maps';
import { useLocalizedText } from '../../i18n/localized';
import { useT } from '../../i18n/use-t';
import { type DashboardSearch, useDashboard, useInstitutions } from './api';
import { axisLabels } from './labels';
import { MapSection } from './MapSection';
import {
  ActionsSection,
  AwarenessSection,
  DialogueSection,
  RecommendationsSection,
  TrainingsSection,
  VisitsSection,
} from './Sections';

type Single = 'from' | 'to' | 'axis' | 'country';

/** The dashboard's filters, kept in the address (institutions as repeated `institutionId`) so a view can be shared. */
function useDashboardSearch() {
  const [params, setParams] = useSearchParams();
  const filters: DashboardSearch = {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    institutionIds: params.getAll('institutionId'),
    axis: params.get('axis') ?? '',
    country: params.get('country') ?? '',
  };
  // From the address as it is now, so that two quick changes both stay.
  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(window.location.search);
    change(next);
    setParams(next);
  };
  return {
    filters,
    hasFilters: [...params.keys()].length > 0,
    set: (name: Single, value: string) => update((next) => (value ? next.set(name, value) : next.delete(name))),
    setInstitutions: (ids: string[]) =>
      update((next) => {
        next.delete('institutionId');
        for (const id of ids) next.append('institutionId', id);
      }),
    clear: () => setParams(new URLSearchParams()),
  };
}

/** The network's figures for a period, institutions, an axis and a country; each number opens the list behind it. */
export function DashboardPage() {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const countries = useCountryOptions();
  const search = useDashboardSearch();
  const { filters } = search;
  const institutions = useInstitutions();
  const query = useDashboard(filters);

  const institutionOptions = (institutions.data?.items ?? []).map((i) => ({
    value: i.id,
    label: `${i.acronym ?? localized(i.nameFr, i.nameEn)} (${format.country(i.countryCode)})`,
  }));

  return (
    <>
      <PageHeader title={t('dashboard:title')} description={t('dashboard:intro')} />
      <FiltersBar label={t('dashboard:filters.label')} hasFilters={search.hasFilters} onClear={search.clear}>
        <TextInput
          type="date"
          label={t('dashboard:filters.from')}
          value={filters.from}
          onChange={(e) => search.set('from', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('dashboard:filters.to')}
          value={filters.to}
          onChange={(e) => search.set('to', e.currentTarget.value)}
        />
        <MultiSelect
          label={t('dashboard:filters.institutions')}
          placeholder={filters.institutionIds.length === 0 ? t('dashboard:filters.allInstitutions') : undefined}
          data={institutionOptions}
          value={filters.institutionIds}
          onChange={search.setInstitutions}
          searchable
          clearable
          miw={240}
          maw={420}
        />
        <SelectFilter
          label={t('dashboard:filters.axis')}
          value={filters.axis}
          onChange={(v) => search.set('axis', v)}
          options={entriesOf(axisLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('dashboard:filters.country')}
          value={filters.country}
          onChange={(v) => search.set('country', v)}
          options={countries}
        />
      </FiltersBar>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="lg" aria-busy={query.isFetching}>
          {query.data.filters.institutionIds.length > 1 && (
            <Alert variant="light" color="blue">
              {t('dashboard:filters.severalInstitutions')}
            </Alert>
          )}
          <ActionsSection plans={query.data.actions} />
          {query.data.dialogue && <DialogueSection dialogue={query.data.dialogue} />}
          {query.data.trainings && query.data.statements && (
            <TrainingsSection trainings={query.data.trainings} statements={query.data.statements} />
          )}
          {query.data.awareness && <AwarenessSection awareness={query.data.awareness} />}
          {query.data.visits && <VisitsSection visits={query.data.visits} />}
          {query.data.recommendations && <RecommendationsSection recommendations={query.data.recommendations} />}
          <MapSection map={query.data.map} />
        </Stack>
      )}
    </>
  );
}
