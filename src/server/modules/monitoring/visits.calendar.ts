import type { CalendarEvent } from '../../../shared/contract/activities.js';
import { visibleTo } from '../../auth/visibility.js';
import { nextDay } from '../activities/activity-time.js';
import type { CalendarSource } from '../calendar/sources.js';
import { involvesInstitution } from './visits.repo.js';

/**
 * Monitoring visits in the calendar (axis 5), as whole days: a visit has dates, not times, so its span is read in
 * UTC. Only what the actor may see of them, by the calendar's institution filter (led or joined).
 */
export const visitCalendarSource: CalendarSource = {
  key: 'visit',
  async events(db, actor, window) {
    if (window.kind !== undefined && window.kind !== 'visit') return [];
    if (window.axis !== undefined && window.axis !== 5) return [];
    let query = db
      .selectFrom('visits')
      .innerJoin('facilities', 'facilities.id', 'visits.facility_id')
      .where(visibleTo(actor, 'visits'))
      .where('visits.ends_on', '>=', window.fromUtc.slice(0, 10))
      .where('visits.starts_on', '<=', window.toUtc.slice(0, 10));
    if (window.institutionId) {
      const institution = window.institutionId;
      query = query.where((eb) => involvesInstitution(eb, institution));
    }
    const rows = await query
      .selectAll('visits')
      .select(['facilities.name as facility_name', 'facilities.city', 'facilities.country_code'])
      .orderBy('visits.starts_on')
      .orderBy('visits.id')
      .limit(window.limit)
      .execute();
    return rows
      .map(
        (row): CalendarEvent => ({
          source: 'visit',
          id: row.id,
          kind: 'visit',
          axis: 5,
          title: row.facility_name,
          allDay: true,
          startsAt: row.starts_on,
          endsAt: row.ends_on,
          timeZone: 'UTC',
          startsUtc: `${row.starts_on}T00:00:00.000Z`,
          endsUtc: `${nextDay(row.ends_on)}T00:00:00.000Z`,
          city: row.city,
          countryCode: row.country_code,
          online: false,
          ownerInstitutionId: row.owner_institution_id,
          visibility: row.visibility as CalendarEvent['visibility'],
        }),
      )
      .filter((e) => e.startsUtc < window.toUtc && e.endsUtc > window.fromUtc);
  },
};
