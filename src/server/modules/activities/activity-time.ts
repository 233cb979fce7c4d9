/**
 * Local dates and times of activities (as entered, in the activity's IANA zone) to UTC instants, with the zone's
 * rules as the runtime (ICU) knows them, history included: 2016 Rabat was UTC+0 in winter, UTC+1 since 2018.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in minutes (east positive). */
export function offsetMinutes(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

function wallClock(local: string): number {
  const [date, time = '00:00'] = local.split('T');
  const [y, m, d] = (date ?? '').split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, h ?? 0, min ?? 0);
}

/**
 * The instant of a local date-time ('YYYY-MM-DDTHH:mm', or a date for its midnight) in `timeZone`. A time skipped
 * by a change to summer time is read with the offset before the change (02:30 becomes 03:30), as calendars do.
 */
export function localToUtc(local: string, timeZone: string): Date {
  const wall = wallClock(local);
  const first = wall - offsetMinutes(timeZone, wall) * 60_000;
  // Read again with the offset in force at the first guess: exact away from a change, and the offset before a
  // change when the time falls in its gap.
  return new Date(wall - offsetMinutes(timeZone, first) * 60_000);
}

/** The day after a 'YYYY-MM-DD' date. */
export function nextDay(date: string): string {
  return new Date(wallClock(date) + 86_400_000).toISOString().slice(0, 10);
}

/** The instants an activity spans: an all-day activity runs from the midnight of its first day to the one after its last. */
export function spanOf(allDay: boolean, startsAt: string, endsAt: string, timeZone: string) {
  const start = localToUtc(startsAt, timeZone);
  const end = allDay ? localToUtc(nextDay(endsAt), timeZone) : localToUtc(endsAt, timeZone);
  return { startsUtc: start.toISOString(), endsUtc: end.toISOString() };
}

/** Whole days from one 'YYYY-MM-DD' date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((wallClock(to) - wallClock(from)) / 86_400_000);
}
