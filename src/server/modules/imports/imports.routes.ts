import { z } from 'zod';
import {
  IMPORT_MAX_BYTES,
  importConfirmFields,
  importKindParams,
  importLayout,
  importPreview,
  importPreviewFields,
  importResult,
} from '../../../shared/contract/imports.js';
import { AppError } from '../../http/errors.js';
import { defineRoute } from '../../http/route.js';
import { contentDisposition } from '../documents/download.js';
import { readUpload } from '../documents/upload.js';
import { confirmImport, layoutOf, previewImport } from './imports.service.js';
import { csvTemplate, xlsxTemplate } from './template.js';

const tag = 'imports';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Imports of activities, awareness sessions and recommendations from CSV or XLSX: preview first, then all or nothing. */
export const importRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/imports/{kind}/columns',
    operationId: 'getImportLayout',
    summary: 'The columns an import of this kind reads: keys, labels in the caller’s language, formats, allowed values',
    tag,
    access: 'user',
    params: importKindParams,
    response: importLayout,
    handler: async ({ params, language, actor }) => {
      if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
      return layoutOf(params.kind, language);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/imports/{kind}/template.csv',
    operationId: 'downloadImportTemplateCsv',
    summary: 'A CSV template: the headers in the caller’s language and an example row',
    tag,
    access: 'user',
    params: importKindParams,
    response: z.unknown(),
    raw: true,
    handler: async ({ params, language, reply }) => {
      const bytes = csvTemplate(params.kind, language);
      reply
        .status(200)
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', `vigie-${params.kind}.csv`))
        .header('cache-control', 'private, no-store')
        .send(bytes);
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/imports/{kind}/template.xlsx',
    operationId: 'downloadImportTemplateXlsx',
    summary: 'An XLSX template: the data sheet (headers, an example row) and a sheet explaining each column',
    tag,
    access: 'user',
    params: importKindParams,
    response: z.unknown(),
    raw: true,
    handler: async ({ params, language, reply }) => {
      const bytes = await xlsxTemplate(params.kind, language);
      reply
        .status(200)
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition('attachment', `vigie-${params.kind}.xlsx`))
        .header('cache-control', 'private, no-store')
        .send(bytes);
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/imports/{kind}/preview',
    operationId: 'previewImport',
    summary:
      'Read a CSV or XLSX file (multipart: the `file` part) and show each row with its errors, checked by the same ' +
      'rules as the API; writes nothing',
    tag,
    access: 'user',
    params: importKindParams,
    multipart: importPreviewFields,
    response: importPreview,
    handler: async ({ db, actor, requestId, params, request, language }) =>
      previewImport(db, { actor, requestId }, params.kind, await readUpload(request, IMPORT_MAX_BYTES), language),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/imports/{kind}',
    operationId: 'confirmImport',
    summary:
      'Import the previewed file (multipart: `checksum` from the preview, then the `file` part): every row ' +
      'created in one transaction, or none (422 naming each row and column)',
    tag,
    access: 'user',
    params: importKindParams,
    multipart: importConfirmFields,
    response: importResult,
    status: 201,
    handler: async ({ db, actor, requestId, params, request, language }) =>
      confirmImport(db, { actor, requestId }, params.kind, await readUpload(request, IMPORT_MAX_BYTES), language),
  }),
];
