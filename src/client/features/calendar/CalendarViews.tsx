import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CalendarEvent } from '../../../shared/contract/activities';
import { useEventTime } from '../../i18n/event-time';
import { useT } from '../../i18n/use-t';
import classes from './Calendar.module.css';
import { covers, monthGrid, weekdayNames, weekOf } from './calendar-dates';

/** Where each source's events open; a source without a page of its own shows its events as text. */
const pathOf: Record<string, string> = { activity: '/activities', visit: '/visits' };

/** The local days an event covers, first and last: an all-day event's end is its last day. */
function daysOf(event: CalendarEvent): { first: string; last: string } {
  const first = event.startsAt.slice(0, 10);
  const last = event.endsAt.slice(0, 10);
  // A malformed span (end before start) still shows, on its first day.
  if (last < first) return { first, last: first };
  return { first, last };
}

export function eventsOn(events: CalendarEvent[], day: string): CalendarEvent[] {
  return events
    .filter((event) => {
      const { first, last } = daysOf(event);
      return covers(first, last, day);
    })
    .sort((a, b) => a.startsUtc.localeCompare(b.startsUtc) || a.title.localeCompare(b.title));
}

/** An event as a link: its title, its time in its own zone, the zone named when it is not the reader's. */
function EventLink({ event, withDates }: { event: CalendarEvent; withDates?: boolean }) {
  const { t } = useT();
  const eventTime = useEventTime();
  const span = eventTime.span(event);
  const time = withDates ? span.text : eventTime.startTime(event);
  const when = time && span.zone ? t('calendar:event.timeInZone', { time, zone: span.zone }) : time;
  const base = pathOf[event.source];
  const title = base ? (
    <Anchor component={Link} to={`${base}/${event.id}`} size="sm" className={classes.eventLink} dir="auto">
      {event.title}
    </Anchor>
  ) : (
    <Text span size="sm" dir="auto">
      {event.title}
    </Text>
  );
  return (
    <div className={classes.event} data-axis={event.axis ?? undefined}>
      {title}
      {when && (
        <Text size="xs" c="dimmed">
          {when}
        </Text>
      )}
    </div>
  );
}

interface ViewProps {
  events: CalendarEvent[];
  day: string;
  firstDay: number;
  today: string;
}

function DayCell({
  day,
  events,
  muted,
  today,
  label,
}: {
  day: string;
  events: CalendarEvent[];
  muted: boolean;
  today: string;
  label: string;
}) {
  const dayEvents = eventsOn(events, day);
  return (
    <li
      className={classes.day}
      data-muted={muted || undefined}
      data-today={day === today || undefined}
      aria-current={day === today ? 'date' : undefined}
    >
      <div className={classes.dayNumber} aria-hidden="true">
        {Number(day.slice(8, 10))}
      </div>
      <h3 className={classes.srOnly}>{label}</h3>
      {dayEvents.length > 0 && (
        <ul className={classes.events}>
          {dayEvents.map((event) => (
            <li key={`${event.source}-${event.id}`}>
              <EventLink event={event} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function useDayLabel() {
  const { i18n } = useT();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' });
  return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
}

function WeekdayHeader({ firstDay }: { firstDay: number }) {
  const { i18n } = useT();
  return (
    <div className={classes.weekdays} aria-hidden="true">
      {weekdayNames(i18n.language, firstDay, 'short').map((name) => (
        <div key={name}>{name}</div>
      ))}
    </div>
  );
}

/** The month as weeks of seven days; each day names itself in full for screen readers. */
export function MonthView({ events, day, firstDay, today }: ViewProps) {
  const dayLabel = useDayLabel();
  const month = day.slice(0, 7);
  return (
    <div className={classes.grid} data-testid="calendar-month">
      <WeekdayHeader firstDay={firstDay} />
      <ol className={classes.days}>
        {monthGrid(day, firstDay)
          .flat()
          .map((d) => (
            <DayCell
              key={d}
              day={d}
              events={events}
              muted={d.slice(0, 7) !== month}
              today={today}
              label={dayLabel(d)}
            />
          ))}
      </ol>
    </div>
  );
}

export function WeekView({ events, day, firstDay, today }: ViewProps) {
  const dayLabel = useDayLabel();
  return (
    <div className={classes.grid} data-testid="calendar-week">
      <WeekdayHeader firstDay={firstDay} />
      <ol className={`${classes.days} ${classes.week}`}>
        {weekOf(day, firstDay).map((d) => (
          <DayCell key={d} day={d} events={events} muted={false} today={today} label={dayLabel(d)} />
        ))}
      </ol>
    </div>
  );
}

/** The month's events day by day, with full dates and times: the view for reading aloud or printing. */
export function ListView({
  events,
  from,
  to,
  empty,
}: {
  events: CalendarEvent[];
  from: string;
  to: string;
  empty: ReactNode;
}) {
  const dayLabel = useDayLabel();
  const days = new Map<string, CalendarEvent[]>();
  for (const event of [...events].sort((a, b) => a.startsUtc.localeCompare(b.startsUtc))) {
    const first = daysOf(event).first;
    // An event begun before the range is listed on the range's first day.
    const day = first < from ? from : first;
    if (day > to) continue;
    days.set(day, [...(days.get(day) ?? []), event]);
  }
  if (days.size === 0) return <>{empty}</>;
  return (
    <Stack gap="md" data-testid="calendar-list">
      {[...days].map(([day, dayEvents]) => (
        <section key={day} aria-label={dayLabel(day)}>
          <Title order={3} size="h5" mb={4}>
            {dayLabel(day)}
          </Title>
          <ul className={classes.events}>
            {dayEvents.map((event) => (
              <li key={`${event.source}-${event.id}`}>
                <EventLink event={event} withDates />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Stack>
  );
}
