import { facility } from '../../../../shared/contract/monitoring.js';
import { facilityRoutes } from '../../monitoring/facilities.routes.js';
import { boolean, date, dateTime, number, text } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

export const facilitiesExport = defineExportList(facility, {
  name: 'facilities',
  title: 'exports:lists.facilities',
  route: listRoute(facilityRoutes, 'listFacilities'),
  columns: [
    text('exports:columns.facilities.name', (r) => r.name),
    text('exports:columns.facilities.kind', (r) => r.kind),
    text('exports:columns.facilities.country', (r) => r.countryCode),
    text('exports:columns.facilities.region', (r) => r.region),
    text('exports:columns.facilities.city', (r) => r.city),
    number('exports:columns.facilities.latitude', (r) => r.latitude),
    number('exports:columns.facilities.longitude', (r) => r.longitude),
    text('exports:columns.facilities.operatingAuthority', (r) => r.operatingAuthority),
    number('exports:columns.facilities.capacity', (r) => r.capacity),
    boolean('exports:columns.facilities.holdsChildren', (r) => r.holdsChildren),
    boolean('exports:columns.facilities.isOpen', (r) => r.isOpen),
    number('exports:columns.facilities.visitCount', (r) => r.visitCount),
    date('exports:columns.facilities.lastVisitOn', (r) => r.lastVisitOn),
    text('exports:columns.common.visibility', (r) => r.visibility),
    dateTime('exports:columns.common.updatedAt', (r) => r.updatedAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
