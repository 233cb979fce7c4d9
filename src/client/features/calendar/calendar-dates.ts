/**
 * Calendar days as 'YYYY-MM-DD' strings, computed in UTC so that no browser time zone ever shifts a day. Events are
 * placed on the days of their own local dates (a training in Rabat from the 22nd to the 24th sits on those three
 * days wherever the reader is).
 */

export type CalendarView = 'month' | 'week' | 'list';
export const calendarViews: readonly CalendarView[] = ['month', 'week', 'list'];

const dayMs = 86_400_000;

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isDay(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toDate(value).getTime());
}

export function addDays(day: string, days: number): string {
  return toDay(new Date(toDate(day).getTime() + days * dayMs));
}

export function addMonths(day: string, months: number): string {
  const date = toDate(day);
  // The first of the month: the 31st plus one month would otherwise spill into the month after.
  return toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
}

/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(day: string): number {
  return toDate(day).getUTCDay();
}

/** The first day of the week in this language's region (Monday in most of the network), Monday if unknown. */
export function firstDayOfWeek(language: string): number {
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    // Intl counts 1 = Monday … 7 = Sunday.
    return info ? info.firstDay % 7 : 1;
  } catch {
    return 1;
  }
}

export function startOfWeek(day: string, firstDay: number): string {
  return addDays(day, -((weekdayOf(day) - firstDay + 7) % 7));
}

export function startOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The seven days of the week holding `day`. */
export function weekOf(day: string, firstDay: number): string[] {
  const start = startOfWeek(day, firstDay);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** Whole weeks covering the month of `day`: four to six rows of seven days. */
export function monthGrid(day: string, firstDay: number): string[][] {
  const first = startOfMonth(day);
  const nextMonth = addMonths(first, 1);
  const weeks: string[][] = [];
  for (let start = startOfWeek(first, firstDay); start < nextMonth; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

/** The days a view shows around `day`, first and last included. */
export function rangeOf(view: CalendarView, day: string, firstDay: number): { from: string; to: string } {
  if (view === 'week') {
    const days = weekOf(day, firstDay);
    return { from: days[0] as string, to: days[6] as string };
  }
  if (view === 'month') {
    const weeks = monthGrid(day, firstDay);
    return { from: weeks[0]?.[0] as string, to: weeks.at(-1)?.[6] as string };
  }
  // The list shows the month, without the neighbouring days the grid pads its weeks with.
  const first = startOfMonth(day);
  return { from: first, to: addDays(addMonths(first, 1), -1) };
}

/** Where "previous" and "next" go from `day`: a month or a week away. */
export function stepFrom(view: CalendarView, day: string, direction: -1 | 1): string {
  return view === 'week' ? addDays(day, 7 * direction) : addMonths(day, direction);
}

/** Whether an event running from `start` to `end` (local days, both included) touches `day`. */
export function covers(start: string, end: string, day: string): boolean {
  return start <= day && day <= end;
}

/** Names of the week's days in the interface language, starting at `firstDay`. */
export function weekdayNames(language: string, firstDay: number, width: 'long' | 'short'): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => format.format(toDate(addDays('2023-01-01', (firstDay + i) % 7))));
}
