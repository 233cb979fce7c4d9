import { documentSummary } from '../../../../shared/contract/documents.js';
import { documentRoutes } from '../../documents/documents.routes.js';
import { dateTime, number, text } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

export const documentsExport = defineExportList(documentSummary, {
  name: 'documents',
  title: 'exports:lists.documents',
  route: listRoute(documentRoutes, 'listDocuments'),
  columns: [
    text('exports:columns.documents.title', (r) => r.title),
    text('exports:columns.documents.language', (r) => r.language),
    text('exports:columns.documents.filename', (r) => r.current.filename),
    text('exports:columns.documents.type', (r) => r.current.mime),
    number('exports:columns.documents.size', (r) => r.current.size),
    number('exports:columns.documents.fileVersion', (r) => r.current.number),
    text('exports:columns.documents.sha256', (r) => r.current.sha256),
    text('exports:columns.common.visibility', (r) => r.visibility),
    dateTime('exports:columns.common.updatedAt', (r) => r.updatedAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
