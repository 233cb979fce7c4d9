import { Anchor, Group, List, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { type CSSProperties, type KeyboardEvent, useEffect, useId, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Action, Plan } from '../../../../shared/contract/plan';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/QueryStates';
import { today as todayIso, useFormat } from '../../../i18n/format';
import { useLocalizedLang, useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { useAllActions } from '../actions/api';
import { useDateRange } from '../shared/dates';
import { type ActionStatus, actionStatusColors, actionStatusLabels, actionStatusList } from '../shared/labels';
import { membersOf, topAxisOf, usePlanContext } from '../shared/plan-data';
import classes from './Timeline.module.css';
import { endPositionOf, isWithin, monthSpan, positionOf, rangeOf, type TimeRange } from './timeline-geometry';

type Grouping = 'axis' | 'institution';
type Zoom = 'month' | 'quarter';

/** Width of one month on screen, per zoom level. */
const monthSize: Record<Zoom, number> = { month: 4.5, quarter: 1.75 };

interface TimelineGroup {
  key: string;
  /** "Axis 2" before an axis title; an institution has only its name. */
  prefix?: string;
  name: string;
  lang?: string;
  actions: Action[];
}

function barStyle(status: ActionStatus): CSSProperties {
  const color = actionStatusColors[status];
  return {
    '--bar-color': `var(--mantine-color-${color}-filled)`,
    '--bar-border': `var(--mantine-color-${color}-9)`,
  } as CSSProperties;
}

/** Axis by axis (sub-items within their axis), or institution by institution (the lead; none: the network's). */
function useGroups(plan: Plan, actions: Action[], grouping: Grouping): TimelineGroup[] {
  const { t } = useT();
  const localized = useLocalizedText();
  const langOf = useLocalizedLang();
  if (grouping === 'axis') {
    return plan.axes
      .map((axis) => ({
        key: axis.id,
        prefix: t('plan:axis.number', { number: axis.number }),
        name: localized(axis.titleFr, axis.titleEn),
        lang: langOf(axis.titleEn),
        actions: actions.filter((action) => topAxisOf(plan, action.axisId)?.id === axis.id),
      }))
      .filter((group) => group.actions.length > 0);
  }
  const groups: TimelineGroup[] = membersOf(plan).map((member) => ({
    key: member.institutionId,
    name: localized(member.nameFr, member.nameEn),
    actions: actions.filter((action) => action.leadInstitutionId === member.institutionId),
  }));
  const known = new Set(groups.map((group) => group.key));
  // Leads outside the group's members (a partner institution, a former member) keep their own line.
  for (const action of actions) {
    if (action.leadInstitutionId && !known.has(action.leadInstitutionId)) {
      known.add(action.leadInstitutionId);
      groups.push({
        key: action.leadInstitutionId,
        name: action.leadInstitutionName ?? action.leadInstitutionId,
        actions: actions.filter((a) => a.leadInstitutionId === action.leadInstitutionId),
      });
    }
  }
  groups.push({
    key: 'network',
    name: t('plan:timeline.noLead'),
    actions: actions.filter((action) => action.leadInstitutionId === null),
  });
  return groups.filter((group) => group.actions.length > 0);
}

function Header({ range, zoom }: { range: TimeRange; zoom: Zoom }) {
  const { t, i18n } = useT();
  const format = useFormat();
  const monthName = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' }),
    [i18n.language],
  );
  const yearName = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { year: 'numeric', timeZone: 'UTC' }),
    [i18n.language],
  );
  const years = [...new Set(range.months.map((m) => m.year))];
  const units =
    zoom === 'month'
      ? range.months.map((m) => ({
          key: m.index,
          from: m.index,
          count: 1,
          label: monthName.format(new Date(Date.UTC(m.year, m.month, 1))),
        }))
      : range.months
          .filter((m) => m.month % 3 === 0)
          .map((m) => ({
            key: m.index,
            from: m.index,
            count: 3,
            label: t('plan:timeline.quarter', { quarter: format.number(m.month / 3 + 1) }),
          }));
  return (
    <div className={`${classes.row} ${classes.header}`} aria-hidden="true">
      <div className={classes.label}>{t('plan:timeline.actionColumn')}</div>
      <div className={classes.headerTrack}>
        {years.map((year) => {
          const months = range.months.filter((m) => m.year === year);
          const [start, size] = monthSpan(range, months[0]?.index ?? range.first, months.length);
          return (
            <div
              key={year}
              className={`${classes.period} ${classes.year}`}
              style={{ insetInlineStart: `${start}%`, inlineSize: `${size}%` }}
              data-timeline-year={year}
            >
              {yearName.format(new Date(Date.UTC(year, 0, 1)))}
            </div>
          );
        })}
        {units.map((unit) => {
          const [start, size] = monthSpan(range, unit.from, unit.count);
          return (
            <div
              key={unit.key}
              className={`${classes.period} ${classes.unit}`}
              style={{ insetInlineStart: `${start}%`, inlineSize: `${size}%` }}
            >
              {unit.label}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function Bar({ action, range }: { action: Action; range: TimeRange }) {
  const { t } = useT();
  const dateRange = useDateRange();
  const start = action.plannedStart ?? action.plannedEnd;
  const end = action.plannedEnd ?? action.plannedStart;
  if (!start || !end) return null;
  const from = positionOf(range, start);
  const to = endPositionOf(range, end);
  const name = t('plan:timeline.barLabel', {
    title: action.title,
    dates: dateRange(action.plannedStart, action.plannedEnd) ?? '',
    status: t(actionStatusLabels[action.status]),
  });
  const hatched = action.status === 'cancelled' || action.status === 'postponed';
  return (
    <Link
      to={`/actions/${action.id}`}
      className={hatched ? `${classes.bar} ${classes.hatched}` : classes.bar}
      style={{ ...barStyle(action.status), insetInlineStart: `${from}%`, inlineSize: `${Math.max(to - from, 0)}%` }}
      aria-label={name}
      title={name}
      data-timeline-bar
    />
  );
}

/** Up and down (and Home, End) move between the bars; Tab goes through them too, and Enter opens the action. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const target = event.target as HTMLElement;
  if (!target.matches('[data-timeline-bar]')) return;
  const bars = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-timeline-bar]')];
  const index = bars.indexOf(target);
  const next =
    event.key === 'Home'
      ? bars[0]
      : event.key === 'End'
        ? bars[bars.length - 1]
        : bars[index + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

function Chart({ groups, range, zoom }: { groups: TimelineGroup[]; range: TimeRange; zoom: Zoom }) {
  const { t } = useT();
  const format = useFormat();
  const todayRef = useRef<HTMLDivElement>(null);
  const today = todayIso();
  const showToday = isWithin(range, today);
  const step = monthSize[zoom];
  const chartStyle = {
    inlineSize: `calc(var(--label-size) + ${range.months.length * step}rem)`,
    // Lines per month or per quarter, as a share of the track: they stay on the headers when the chart stretches.
    '--grid-count': zoom === 'month' ? range.months.length : range.months.length / 3,
  } as CSSProperties;

  // Bring today into view (the plan may span years); `inline: 'center'` works the same in either direction.
  useEffect(() => {
    todayRef.current?.scrollIntoView({ block: 'nearest', inline: 'center' });
  }, []);

  const todayAt = positionOf(range, today);
  return (
    <div className={classes.scroller}>
      {/* Arrow keys move between the bars, which are links: the handler only takes keys pressed on a bar. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: keyboard navigation among the links inside */}
      <div className={classes.chart} style={chartStyle} onKeyDown={moveFocus}>
        <Header range={range} zoom={zoom} />
        {groups.map((group) => (
          // A group of links named by its axis or institution: no form, so no fieldset.
          // biome-ignore lint/a11y/useSemanticElements: fieldset is for form controls; these are links
          <div key={group.key} role="group" aria-label={group.prefix ? `${group.prefix} — ${group.name}` : group.name}>
            <div className={`${classes.row} ${classes.groupRow}`}>
              <div className={classes.label}>
                <span className={classes.groupLabel} title={group.name}>
                  {group.prefix && <span className={classes.groupPrefix}>{group.prefix} —</span>}
                  <span className={classes.labelText} lang={group.lang} dir="auto">
                    {group.name}
                  </span>
                </span>
              </div>
              <div className={classes.track} />
            </div>
            {group.actions.map((action) => (
              <div key={action.id} className={classes.row} data-action-row={action.id}>
                <div className={classes.label} aria-hidden="true">
                  <span className={classes.labelText} dir="auto" title={action.title}>
                    {action.axisNumber} · {action.title}
                  </span>
                  <Text span size="xs" c="dimmed">
                    {t(actionStatusLabels[action.status])}
                  </Text>
                </div>
                <div className={classes.track}>
                  <Bar action={action} range={range} />
                </div>
              </div>
            ))}
          </div>
        ))}
        {showToday && (
          <div
            ref={todayRef}
            className={classes.today}
            style={{ insetInlineStart: `calc(var(--label-size) + (100% - var(--label-size)) * ${todayAt / 100})` }}
            aria-hidden="true"
            data-timeline-today
          >
            <span className={classes.todayLabel}>{t('plan:timeline.today')}</span>
          </div>
        )}
      </div>
      <Text size="xs" c="dimmed" px="sm" py={6}>
        {showToday
          ? t('plan:timeline.todayIs', { date: format.date(today) })
          : t('plan:timeline.todayOutside', { date: format.date(today) })}
      </Text>
    </div>
  );
}

function Legend() {
  const { t } = useT();
  return (
    <Group gap="md" aria-hidden="true">
      {actionStatusList.map((status) => (
        <Group key={status} gap={6} wrap="nowrap">
          <span
            className={
              status === 'cancelled' || status === 'postponed'
                ? `${classes.legendSwatch} ${classes.hatched}`
                : classes.legendSwatch
            }
            style={barStyle(status)}
          />
          <Text size="xs">{t(actionStatusLabels[status])}</Text>
        </Group>
      ))}
    </Group>
  );
}

function Undated({ actions }: { actions: Action[] }) {
  const { t } = useT();
  const headingId = useId();
  if (actions.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {t('plan:timeline.undatedTitle', { count: actions.length })}
      </Title>
      <List size="sm" spacing={4}>
        {actions.map((action) => (
          <List.Item key={action.id}>
            <Anchor component={Link} to={`/actions/${action.id}`} dir="auto">
              {action.axisNumber} · {action.title}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              ({t(actionStatusLabels[action.status])})
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The plan's actions on a month grid, by axis or by institution, with today's line; undated actions below. */
export function TimelinePage() {
  const { t } = useT();
  const plan = usePlanContext();
  const [params, setParams] = useSearchParams();
  const grouping: Grouping = params.get('group') === 'institution' ? 'institution' : 'axis';
  const zoom: Zoom = params.get('zoom') === 'quarter' ? 'quarter' : 'month';
  // From the address as it is now, not as it was at the last render, like the reports' pickers.
  const setParam = (name: string, value: string, fallback: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value === fallback) next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };
  const query = useAllActions(plan.id);
  const actions = query.data ?? [];
  const dated = actions.filter((a) => a.plannedStart || a.plannedEnd);
  const undated = actions.filter((a) => !a.plannedStart && !a.plannedEnd);
  const groups = useGroups(plan, dated, grouping);
  const range = rangeOf([
    plan.startsOn,
    plan.endsOn,
    ...dated.flatMap((a) => [a.plannedStart, a.plannedEnd].filter((d): d is string => d !== null)),
  ]);

  return (
    <Stack gap="md">
      <Text c="dimmed" maw="48rem">
        {t('plan:timeline.intro')}
      </Text>
      <Group gap="lg" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="timeline-grouping">
            {t('plan:timeline.groupBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="timeline-grouping"
            value={grouping}
            onChange={(value) => setParam('group', value, 'axis')}
            data={[
              { value: 'axis', label: t('plan:timeline.byAxis') },
              { value: 'institution', label: t('plan:timeline.byInstitution') },
            ]}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="timeline-zoom">
            {t('plan:timeline.zoom')}
          </Text>
          <SegmentedControl
            aria-labelledby="timeline-zoom"
            value={zoom}
            onChange={(value) => setParam('zoom', value, 'month')}
            data={[
              { value: 'month', label: t('plan:timeline.months') },
              { value: 'quarter', label: t('plan:timeline.quarters') },
            ]}
          />
        </Stack>
      </Group>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : actions.length === 0 ? (
        <EmptyMessage title={t('plan:timeline.emptyTitle')} description={t('plan:timeline.emptyHint')} />
      ) : (
        <>
          {range && groups.length > 0 && (
            <section aria-label={t('plan:timeline.chartLabel')}>
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {t('plan:timeline.keyboardHint')}
                </Text>
                <Chart groups={groups} range={range} zoom={zoom} />
                <Legend />
              </Stack>
            </section>
          )}
          <Undated actions={undated} />
        </>
      )}
    </Stack>
  );
}
