import type { Kysely } from 'kysely';
import type { CalendarEvent } from '../../../shared/contract/activities.js';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { activityCalendarSource } from '../activities/activities.calendar.js';
import { visitCalendarSource } from '../monitoring/visits.calendar.js';

export interface CalendarWindow {
  /** Events overlapping [fromUtc, toUtc) (ISO instants). */
  fromUtc: string;
  toUtc: string;
  kind?: string | undefined;
  axis?: number | undefined;
  /** Events the institution organises, takes part in, hosts or owns. */
  institutionId?: string | undefined;
  /** At most this many events, earliest first. */
  limit: number;
}

/**
 * A module whose records appear in the calendar. It returns only what the actor may see (visibility in its SQL),
 * with dates as entered, their zone and their UTC span. A module adds itself to `calendarSources` with one line.
 */
export interface CalendarSource {
  key: string;
  events(db: Kysely<DB>, actor: Actor, window: CalendarWindow): Promise<CalendarEvent[]>;
}

export const calendarSources: CalendarSource[] = [activityCalendarSource, visitCalendarSource];
