import ical from 'ical-generator';
import type { CalendarEvent } from '../../../shared/contract/activities.js';
import { nextDay } from '../activities/activity-time.js';
import { vtimezone } from './vtimezone.js';

const year = (local: string) => Number(local.slice(0, 4));

/** Where an event is read in the web app, by source. */
const pathOf: Record<string, (id: string) => string> = {
  activity: (id) => `/activities/${id}`,
  visit: (id) => `/visits/${id}`,
};

/**
 * An iCalendar document of events: timed events at their local time with their zone (a VTIMEZONE for each), all-day
 * events as dates (the end is exclusive in iCalendar: the day after the last one).
 */
export function icsOf(name: string, events: CalendarEvent[], publicUrl: string): string {
  const calendar = ical({ name, prodId: { company: 'Vigie', product: 'Vigie calendar', language: 'EN' } });
  const years = new Map<string, Set<number>>();
  for (const event of events) {
    if (event.allDay) continue;
    const set = years.get(event.timeZone) ?? new Set<number>();
    for (let y = year(event.startsAt); y <= year(event.endsAt); y++) set.add(y);
    years.set(event.timeZone, set);
  }
  calendar.timezone({ name: null, generator: (zone) => vtimezone(zone, years.get(zone) ?? []) });
  for (const event of events) {
    const place = event.online ? 'Online' : [event.city, event.countryCode].filter(Boolean).join(', ');
    const path = pathOf[event.source]?.(event.id);
    calendar.createEvent({
      id: `${event.source}-${event.id}@vigie`,
      // Local wall-clock strings: the library writes them unchanged after the zone's TZID.
      start: event.allDay ? event.startsAt : `${event.startsAt}:00`,
      end: event.allDay ? nextDay(event.endsAt) : `${event.endsAt}:00`,
      allDay: event.allDay,
      timezone: event.allDay ? null : event.timeZone,
      summary: event.title,
      location: place === '' ? null : place,
      url: path ? `${publicUrl}${path}` : null,
    });
  }
  return calendar.toString();
}
