/**
 * The timeline's geometry, in months of equal width: a date is placed by its month and its day within the month,
 * as a percentage of the whole range. Positions are `inset-inline-start` percentages, so the browser mirrors the
 * time axis in right-to-left languages without the components knowing the direction.
 */

export interface Month {
  /** 0-based count of months since year 0: easy arithmetic, no time zones. */
  index: number;
  year: number;
  /** 0–11 */
  month: number;
}

function monthIndexOf(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) - 1;
  return year * 12 + month;
}

function daysInMonth(index: number): number {
  const year = Math.floor(index / 12);
  const month = index % 12;
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

export function monthOf(index: number): Month {
  return { index, year: Math.floor(index / 12), month: index % 12 };
}

export interface TimeRange {
  first: number;
  /** Exclusive: the month after the last one shown. */
  end: number;
  months: Month[];
}

/**
 * Whole quarters covering every date given (the plan's own period and the actions' dates), so that the range
 * always has a multiple of three months and quarter lines fall the same from either edge.
 */
export function rangeOf(dates: string[]): TimeRange | null {
  if (dates.length === 0) return null;
  const indexes = dates.map(monthIndexOf);
  const first = Math.floor(Math.min(...indexes) / 3) * 3;
  const end = Math.floor(Math.max(...indexes) / 3) * 3 + 3;
  const months = Array.from({ length: end - first }, (_, i) => monthOf(first + i));
  return { first, end, months };
}

/** Where a calendar date starts, as a percentage of the range (0 at its first day, 100 after its last). */
export function positionOf(range: TimeRange, iso: string): number {
  const index = monthIndexOf(iso);
  const day = Number(iso.slice(8, 10));
  const offset = index - range.first + (day - 1) / daysInMonth(index);
  return (offset / (range.end - range.first)) * 100;
}

/** Where a date ends (the end of its day), as a percentage of the range. */
export function endPositionOf(range: TimeRange, iso: string): number {
  const index = monthIndexOf(iso);
  const day = Number(iso.slice(8, 10));
  const offset = index - range.first + day / daysInMonth(index);
  return (offset / (range.end - range.first)) * 100;
}

/** A span of whole months, as `[start, size]` percentages. */
export function monthSpan(range: TimeRange, fromIndex: number, count: number): [number, number] {
  const total = range.end - range.first;
  return [((fromIndex - range.first) / total) * 100, (count / total) * 100];
}

export function isWithin(range: TimeRange, iso: string): boolean {
  const index = monthIndexOf(iso);
  return index >= range.first && index < range.end;
}
