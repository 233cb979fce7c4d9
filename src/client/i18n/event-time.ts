import { useMemo } from 'react';
import { useT } from './use-t';

/** The reader's own time zone, as the browser knows it. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

interface LocalSpan {
  allDay: boolean;
  /** 'YYYY-MM-DD' (all day) or 'YYYY-MM-DDTHH:mm', local to `timeZone`. */
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

/** A local date or date-time as a Date whose UTC fields are the wall clock: formatted in UTC, it shows as written. */
function wallClock(local: string): Date {
  return new Date(local.length === 10 ? `${local}T00:00:00Z` : `${local}:00Z`);
}

/**
 * When an event happens, in the event's own time zone (a training in Casablanca at 9:00 is at 9:00 there), as
 * `text`; `zone` names that zone when it is not the reader's, for the caller to show beside it. All-day events
 * have no time, so no zone.
 */
export function useEventTime() {
  const { i18n } = useT();
  const language = i18n.language;
  return useMemo(() => {
    const days = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    const dateTimes = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    const times = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: 'UTC' });
    const reader = browserTimeZone();
    return {
      span(event: LocalSpan): { text: string; zone: string | null } {
        const start = wallClock(event.startsAt);
        const end = wallClock(event.endsAt);
        if (event.allDay) {
          return { text: start >= end ? days.format(start) : days.formatRange(start, end), zone: null };
        }
        return {
          text: start >= end ? dateTimes.format(start) : dateTimes.formatRange(start, end),
          zone: event.timeZone === reader ? null : event.timeZone,
        };
      },
      /** The start time alone (for a day's cell in a calendar), null for an all-day event. */
      startTime(event: LocalSpan): string | null {
        return event.allDay ? null : times.format(wallClock(event.startsAt));
      },
    };
  }, [language]);
}
