import { visitSummary } from '../../../../shared/contract/monitoring.js';
import { visitRoutes } from '../../monitoring/visits.routes.js';
import { boolean, date, dateTime, number, text, textList } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

export const visitsExport = defineExportList(visitSummary, {
  name: 'visits',
  title: 'exports:lists.visits',
  route: listRoute(visitRoutes, 'listVisits'),
  columns: [
    text('exports:columns.visits.facility', (r) => r.facility.name),
    text('exports:columns.visits.facilityKind', (r) => r.facility.kind),
    text('exports:columns.visits.country', (r) => r.facility.countryCode),
    text('exports:columns.visits.city', (r) => r.facility.city),
    date('exports:columns.visits.startsOn', (r) => r.startsOn),
    date('exports:columns.visits.endsOn', (r) => r.endsOn),
    text('exports:columns.visits.type', (r) => r.type),
    boolean('exports:columns.visits.announced', (r) => r.announced),
    text('exports:columns.visits.status', (r) => r.status),
    text('exports:columns.visits.leadInstitution', (r) => r.leadInstitution?.nameFr),
    textList('exports:columns.visits.institutions', (r) => r.institutions.map((i) => i.nameFr)),
    number('exports:columns.visits.childrenHeld', (r) => r.population.children),
    number('exports:columns.visits.unaccompanied', (r) => r.population.unaccompanied),
    number('exports:columns.visits.findings', (r) => r.counts.findings),
    number('exports:columns.visits.recommendations', (r) => r.counts.recommendations),
    text('exports:columns.common.visibility', (r) => r.visibility),
    dateTime('exports:columns.common.updatedAt', (r) => r.updatedAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
