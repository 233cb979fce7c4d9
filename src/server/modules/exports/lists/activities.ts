import { activity } from '../../../../shared/contract/activities.js';
import { activityRoutes } from '../../activities/activities.routes.js';
import { boolean, dateTime, number, text, textList } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

/** The columns an activity has whatever its kind; an import of activities reads the same headers. */
export const activitiesExport = defineExportList(activity, {
  name: 'activities',
  title: 'exports:lists.activities',
  route: listRoute(activityRoutes, 'listActivities'),
  columns: [
    text('exports:columns.activities.kind', (r) => r.kind),
    number('exports:columns.activities.axis', (r) => r.axis),
    text('exports:columns.activities.title', (r) => r.title),
    text('exports:columns.activities.startsAt', (r) => r.startsAt),
    text('exports:columns.activities.endsAt', (r) => r.endsAt),
    text('exports:columns.activities.timeZone', (r) => r.timeZone),
    boolean('exports:columns.activities.allDay', (r) => r.allDay),
    dateTime('exports:columns.activities.startsUtc', (r) => r.startsUtc),
    dateTime('exports:columns.activities.endsUtc', (r) => r.endsUtc),
    text('exports:columns.activities.city', (r) => r.city),
    text('exports:columns.activities.country', (r) => r.countryCode),
    boolean('exports:columns.activities.online', (r) => r.online),
    textList('exports:columns.activities.institutions', (r) => r.institutions.map((i) => i.nameFr)),
    textList('exports:columns.activities.partners', (r) => r.partners.map((p) => p.acronymFr ?? p.nameFr)),
    textList('exports:columns.activities.themes', (r) => r.themes),
    text('exports:columns.common.visibility', (r) => r.visibility),
    dateTime('exports:columns.common.updatedAt', (r) => r.updatedAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
