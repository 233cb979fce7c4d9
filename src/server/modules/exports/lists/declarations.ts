import { declaration } from '../../../../shared/contract/network.js';
import { declarationRoutes } from '../../declarations/declarations.routes.js';
import { date, dateTime, text, textList } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

export const declarationsExport = defineExportList(declaration, {
  name: 'declarations',
  title: 'exports:lists.declarations',
  route: listRoute(declarationRoutes, 'listDeclarations'),
  columns: [
    text('exports:columns.declarations.titleFr', (r) => r.titleFr),
    text('exports:columns.declarations.titleEn', (r) => r.titleEn),
    date('exports:columns.declarations.adoptedOn', (r) => r.adoptedOn),
    text('exports:columns.declarations.place', (r) => r.place),
    textList('exports:columns.declarations.associations', (r) => r.associations.map((a) => a.code)),
    text('exports:columns.declarations.link', (r) => r.link),
    text('exports:columns.common.visibility', (r) => r.visibility),
    dateTime('exports:columns.common.updatedAt', (r) => r.updatedAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
