import { z } from 'zod';
import { idParams } from '../../../shared/contract/common.js';
import { reportCreate, reportCreated, reportSorts, reportSummary } from '../../../shared/contract/reports.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import { contentDisposition } from '../documents/download.js';
import { startGenerating } from './generation.js';
import * as reports from './reports.service.js';

const tag = 'reports';

const types = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

function fileRoute(format: keyof typeof types) {
  return defineRoute({
    method: 'GET',
    path: `/api/v1/reports/{id}/report.${format}`,
    operationId: format === 'pdf' ? 'getActivityReportPdf' : 'getActivityReportDocx',
    summary:
      format === 'pdf'
        ? 'A finished consolidated report as PDF (409 while it is being generated)'
        : 'A finished consolidated report as an editable Word document (409 while it is being generated)',
    tag,
    access: 'user',
    params: idParams,
    response: z.string().describe(types[format]),
    raw: true,
    handler: async ({ db, actor, params, reply }) => {
      const file = await reports.reportFile(db, actor, params.id, format);
      reply
        .status(200)
        .header('content-type', types[format])
        .header('content-length', String(file.content.length))
        .header('content-disposition', contentDisposition('attachment', file.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength));
      return undefined;
    },
  });
}

/** Consolidated activity reports: requested, generated in the background, kept for their requester to download. */
export const reportRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/reports',
    operationId: 'listActivityReports',
    summary: 'The consolidated reports the caller requested, with their status and progress',
    tag,
    access: 'user',
    query: listQuery(reportSorts, 'createdAt', {}),
    response: pageOf(reportSummary),
    handler: ({ db, actor, query }) => reports.listReports(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/reports/{id}',
    operationId: 'getActivityReport',
    summary: 'One of the caller’s reports: status, progress and current step, or why it failed',
    tag,
    access: 'user',
    params: idParams,
    response: reportSummary,
    handler: ({ db, actor, params }) => reports.getReport(db, actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/reports',
    operationId: 'createActivityReport',
    summary:
      'Request the consolidated activity report of a period (per axis and per institution, as the caller sees the data), in French or English; generated in the background',
    tag,
    access: 'user',
    body: reportCreate,
    response: reportCreated,
    status: 202,
    handler: async ({ db, actor, requestId, body, request }) => {
      const created = await reports.createReport(db, { actor, requestId }, body);
      startGenerating(db, request.log);
      return created;
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/reports/{id}',
    operationId: 'deleteActivityReport',
    summary: 'Delete one of the caller’s reports (one being generated stops)',
    tag,
    access: 'user',
    params: idParams,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params }) => {
      await reports.deleteReport(db, { actor, requestId }, params.id);
      return undefined;
    },
  }),
  fileRoute('pdf'),
  fileRoute('docx'),
];
