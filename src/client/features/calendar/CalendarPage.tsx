import { Alert, Button, Group, SegmentedControl, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { FiltersBar, SelectFilter } from '../../components/FiltersBar';
import { PageHeader } from '../../components/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { today as todayOf } from '../../i18n/format';
import { useLocalizedText } from '../../i18n/localized';
import { useT } from '../../i18n/use-t';
import { type CalendarQuery, useCalendarEvents, useInstitutions } from './api';
import { ListView, MonthView, WeekView } from './CalendarViews';
import {
  type CalendarView,
  calendarViews,
  firstDayOfWeek,
  isDay,
  rangeOf,
  startOfMonth,
  stepFrom,
} from './calendar-dates';
import { FeedsSection } from './FeedsSection';

const kindLabels = {
  dialogue_body: 'calendar:kind.dialogue_body',
  meeting: 'calendar:kind.meeting',
  training: 'calendar:kind.training',
  statement: 'calendar:kind.statement',
  study_visit: 'calendar:kind.study_visit',
  course: 'calendar:kind.course',
} as const;

const viewLabels = {
  month: 'calendar:view.month',
  week: 'calendar:view.week',
  list: 'calendar:view.list',
} as const satisfies Record<CalendarView, string>;

const filterNames = ['kind', 'axis', 'institutionId'] as const;

/** The view, the day it shows and the filters, all in the address: a calendar page is a link one can share. */
function useCalendarParams() {
  const [params, setParams] = useSearchParams();
  const requestedView = params.get('view');
  const view = calendarViews.find((v) => v === requestedView) ?? 'month';
  const requestedDay = params.get('date');
  const day = isDay(requestedDay) ? requestedDay : todayOf();
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as Record<
    (typeof filterNames)[number],
    string
  >;
  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(window.location.search);
    change(next);
    setParams(next);
  };
  return {
    view,
    day,
    filters,
    hasFilters: filterNames.some((name) => filters[name] !== ''),
    setView: (v: CalendarView) => update((next) => next.set('view', v)),
    setDay: (d: string) => update((next) => next.set('date', d)),
    setFilter: (name: (typeof filterNames)[number], value: string) =>
      update((next) => (value === '' ? next.delete(name) : next.set(name, value))),
    clearFilters: () =>
      update((next) => {
        for (const name of filterNames) next.delete(name);
      }),
  };
}

/** Every activity the user may see by month, week or as a list; times in each event's own zone. */
export function CalendarPage() {
  const { t, i18n } = useT();
  const localized = useLocalizedText();
  const institutions = useInstitutions();
  const params = useCalendarParams();
  const { view, day } = params;
  const firstDay = firstDayOfWeek(i18n.language);
  const range = rangeOf(view, day, firstDay);
  const query: CalendarQuery = { ...range };
  for (const name of filterNames) if (params.filters[name] !== '') query[name] = params.filters[name];
  const events = useCalendarEvents(query);
  const today = todayOf();
  const periodId = useId();

  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const dayFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const period =
    view === 'week'
      ? dayFormat.formatRange(new Date(`${range.from}T00:00:00Z`), new Date(`${range.to}T00:00:00Z`))
      : monthName.format(new Date(`${startOfMonth(day)}T00:00:00Z`));
  const step = view === 'week' ? 'week' : 'month';

  const empty = (
    <EmptyMessage
      title={params.hasFilters ? t('calendar:emptyFilteredTitle') : t('calendar:emptyTitle')}
      description={params.hasFilters ? t('common:list.noMatchHint') : t('calendar:emptyHint')}
    />
  );

  return (
    <>
      <PageHeader title={t('calendar:title')} description={t('calendar:intro')} />
      <FiltersBar label={t('calendar:filtersLabel')} hasFilters={params.hasFilters} onClear={params.clearFilters}>
        <SelectFilter
          label={t('calendar:filters.kind')}
          value={params.filters.kind}
          onChange={(v) => params.setFilter('kind', v)}
          options={Object.entries(kindLabels).map(([value, key]) => ({ value, label: t(key) }))}
        />
        <SelectFilter
          label={t('calendar:filters.axis')}
          value={params.filters.axis}
          onChange={(v) => params.setFilter('axis', v)}
          options={[1, 2, 3].map((axis) => ({ value: String(axis), label: t('calendar:axis', { axis }) }))}
        />
        <SelectFilter
          label={t('calendar:filters.institution')}
          value={params.filters.institutionId}
          onChange={(v) => params.setFilter('institutionId', v)}
          options={(institutions.data?.items ?? []).map((i) => ({ value: i.id, label: localized(i.nameFr, i.nameEn) }))}
        />
      </FiltersBar>
      <Stack gap="lg">
        <section aria-labelledby={periodId}>
          <Group justify="space-between" mb="sm" gap="sm">
            <Group gap="xs">
              <Button
                variant="default"
                onClick={() => params.setDay(stepFrom(view, day, -1))}
                leftSection={<IconChevronLeft size={16} aria-hidden="true" className="flip-in-rtl" />}
              >
                {t(step === 'week' ? 'calendar:nav.previousWeek' : 'calendar:nav.previousMonth')}
              </Button>
              <Button variant="default" onClick={() => params.setDay(todayOf())}>
                {t('calendar:nav.today')}
              </Button>
              <Button
                variant="default"
                onClick={() => params.setDay(stepFrom(view, day, 1))}
                rightSection={<IconChevronRight size={16} aria-hidden="true" className="flip-in-rtl" />}
              >
                {t(step === 'week' ? 'calendar:nav.nextWeek' : 'calendar:nav.nextMonth')}
              </Button>
            </Group>
            <Title order={2} size="h3" id={periodId} aria-live="polite">
              {period}
            </Title>
            <SegmentedControl
              aria-label={t('calendar:view.label')}
              value={view}
              onChange={(v) => params.setView(v as CalendarView)}
              data={calendarViews.map((v) => ({ value: v, label: t(viewLabels[v]) }))}
            />
          </Group>
          {events.isPending ? (
            <LoadingState />
          ) : events.isError ? (
            <ErrorState error={events.error} onRetry={() => void events.refetch()} />
          ) : (
            <>
              {events.data.truncated && (
                <Alert color="orange" variant="light" mb="sm">
                  {t('calendar:truncated')}
                </Alert>
              )}
              <VisuallyHidden role="status" aria-live="polite">
                {t('calendar:count', { count: events.data.items.length })}
              </VisuallyHidden>
              {view === 'month' && <MonthView events={events.data.items} day={day} firstDay={firstDay} today={today} />}
              {view === 'week' && <WeekView events={events.data.items} day={day} firstDay={firstDay} today={today} />}
              {view === 'list' && <ListView events={events.data.items} from={range.from} to={range.to} empty={empty} />}
              {view !== 'list' && events.data.items.length === 0 && (
                <Text size="sm" c="dimmed" mt="sm">
                  {params.hasFilters ? t('calendar:emptyFilteredTitle') : t('calendar:emptyTitle')}
                </Text>
              )}
            </>
          )}
        </section>
        <Section title={t('calendar:feeds.title')} description={t('calendar:feeds.intro')}>
          <FeedsSection />
        </Section>
      </Stack>
    </>
  );
}
