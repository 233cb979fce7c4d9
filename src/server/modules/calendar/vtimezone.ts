import { offsetMinutes } from '../activities/activity-time.js';

/**
 * VTIMEZONE components built from the runtime's own zone rules (ICU), each change of offset as its own observance.
 * Published VTIMEZONEs (tzurl.org's, as in @touch4it/ical-timezones) carry only a zone's current rules, which
 * misplaces past events where the rules changed: Morocco kept UTC+0 in winter until 2018, UTC+1 all year since.
 * The dates here are the ones the server itself converts with, so a calendar reads each event at its true instant.
 */

const DAY = 86_400_000;
const transitionsByYear = new Map<string, Transition[]>();

interface Transition {
  at: number;
  from: number;
  to: number;
}

function transitionsOf(zone: string, year: number): Transition[] {
  const key = `${zone}/${year}`;
  const cached = transitionsByYear.get(key);
  if (cached) return cached;
  const found: Transition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  let at = Date.UTC(year, 0, 1);
  let offset = offsetMinutes(zone, at);
  // Offsets change at most a few times a year, weeks apart: a daily probe finds each change, then a bisection
  // its minute.
  for (let next = at + DAY; next <= end; next += DAY) {
    const after = offsetMinutes(zone, next);
    if (after !== offset) {
      let low = next - DAY;
      let high = next;
      while (high - low > 60_000) {
        const middle = low + Math.floor((high - low) / 120_000) * 60_000;
        if (offsetMinutes(zone, middle) === offset) low = middle;
        else high = middle;
      }
      found.push({ at: high, from: offset, to: after });
      offset = after;
    }
    at = next;
  }
  transitionsByYear.set(key, found);
  return found;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Local wall-clock time of an instant at a given offset, as an iCalendar DATE-TIME without zone. */
function localStamp(instant: number, offset: number): string {
  return new Date(instant + offset * 60_000).toISOString().replace(/[-:]/g, '').slice(0, 15);
}

/**
 * The VTIMEZONE of `zone` for events in the given years: each year opens with the offset in force on 1 January and
 * lists that year's changes, so that years without events need no rules at all.
 */
export function vtimezone(zone: string, years: Iterable<number>): string {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (kind: string, at: number, from: number, to: number) =>
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(at, from)}`,
      `TZOFFSETFROM:${formatOffset(from)}`,
      `TZOFFSETTO:${formatOffset(to)}`,
      `END:${kind}`,
    );
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    const start = Date.UTC(year, 0, 1);
    const offset = offsetMinutes(zone, start);
    observance('STANDARD', start, offset, offset);
    for (const t of transitionsOf(zone, year)) observance(t.to > t.from ? 'DAYLIGHT' : 'STANDARD', t.at, t.from, t.to);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
