import { activityKinds, type CalendarEvent } from '../../../shared/contract/activities.js';
import type { CalendarSource } from '../calendar/sources.js';
import { filteredActivities } from './activities.repo.js';

/** Activities in the calendar: what the actor may see of them, by the list's own filters. */
export const activityCalendarSource: CalendarSource = {
  key: 'activity',
  async events(db, actor, window) {
    if (window.kind !== undefined && !(activityKinds as readonly string[]).includes(window.kind)) return [];
    const rows = await filteredActivities(
      db,
      actor,
      { kind: window.kind, axis: window.axis, institutionId: window.institutionId },
      new Date(),
    )
      .where('activities.ends_utc', '>', window.fromUtc)
      .where('activities.starts_utc', '<', window.toUtc)
      .selectAll('activities')
      .orderBy('activities.starts_utc')
      .orderBy('activities.id')
      .limit(window.limit)
      .execute();
    return rows.map(
      (row): CalendarEvent => ({
        source: 'activity',
        id: row.id,
        kind: row.kind,
        axis: row.axis,
        title: row.title,
        allDay: row.all_day === 1,
        startsAt: row.starts_local,
        endsAt: row.ends_local,
        timeZone: row.time_zone,
        startsUtc: row.starts_utc,
        endsUtc: row.ends_utc,
        city: row.city,
        countryCode: row.country_code,
        online: row.online === 1,
        ownerInstitutionId: row.owner_institution_id,
        visibility: row.visibility as CalendarEvent['visibility'],
      }),
    );
  },
};
