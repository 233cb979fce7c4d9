import { partner } from '../../../../shared/contract/network.js';
import { partnerRoutes } from '../../partners/partners.routes.js';
import { dateTime, text } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

export const partnersExport = defineExportList(partner, {
  name: 'partners',
  title: 'exports:lists.partners',
  route: listRoute(partnerRoutes, 'listPartners'),
  columns: [
    text('exports:columns.partners.nameFr', (r) => r.nameFr),
    text('exports:columns.partners.nameEn', (r) => r.nameEn),
    text('exports:columns.partners.acronymFr', (r) => r.acronymFr),
    text('exports:columns.partners.acronymEn', (r) => r.acronymEn),
    text('exports:columns.partners.kind', (r) => r.kind),
    text('exports:columns.partners.country', (r) => r.countryCode),
    text('exports:columns.partners.website', (r) => r.website),
    text('exports:columns.common.visibility', (r) => r.visibility),
    dateTime('exports:columns.common.updatedAt', (r) => r.updatedAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
