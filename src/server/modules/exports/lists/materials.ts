import { material } from '../../../../shared/contract/awareness.js';
import { awarenessRoutes } from '../../awareness/awareness.routes.js';
import { dateTime, number, text, textList } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

export const materialsExport = defineExportList(material, {
  name: 'materials',
  title: 'exports:lists.materials',
  route: listRoute(awarenessRoutes, 'listMaterials'),
  columns: [
    text('exports:columns.materials.title', (r) => r.title),
    text('exports:columns.materials.kind', (r) => r.kind),
    textList('exports:columns.materials.languages', (r) => r.languages),
    number('exports:columns.materials.ageMin', (r) => r.ageMin),
    number('exports:columns.materials.ageMax', (r) => r.ageMax),
    text('exports:columns.materials.status', (r) => r.approvalStatus),
    number('exports:columns.materials.sessions', (r) => r.sessions),
    text('exports:columns.common.visibility', (r) => r.visibility),
    dateTime('exports:columns.common.updatedAt', (r) => r.updatedAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
