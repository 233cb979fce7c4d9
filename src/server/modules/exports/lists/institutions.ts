import { institution } from '../../../../shared/contract/network.js';
import { institutionRoutes } from '../../institutions/institutions.routes.js';
import { dateTime, text, textList } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

export const institutionsExport = defineExportList(institution, {
  name: 'institutions',
  title: 'exports:lists.institutions',
  route: listRoute(institutionRoutes, 'listInstitutions'),
  columns: [
    text('exports:columns.institutions.country', (r) => r.countryCode),
    text('exports:columns.institutions.nameFr', (r) => r.nameFr),
    text('exports:columns.institutions.nameEn', (r) => r.nameEn),
    text('exports:columns.institutions.nameOriginal', (r) => r.nameOriginal),
    text('exports:columns.institutions.acronym', (r) => r.acronym),
    text('exports:columns.institutions.kind', (r) => r.kind),
    text('exports:columns.institutions.website', (r) => r.website),
    textList('exports:columns.institutions.associations', (r) => r.associations.map((a) => a.code)),
    text('exports:columns.institutions.dataStatus', (r) => r.dataStatus),
    text('exports:columns.common.visibility', (r) => r.visibility),
    dateTime('exports:columns.common.updatedAt', (r) => r.updatedAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
