import { z } from 'zod';
import { idParams } from '../../../shared/contract/common.js';
import { exportParams, exportRequest } from '../../../shared/contract/exports.js';
import { defineRoute } from '../../http/route.js';
import { exportList, sendFile } from './exports.service.js';
import { exportInstitutionData } from './portability.js';

const tag = 'exports';

/** Lists as CSV or XLSX, and an institution's own data as JSON. Both are audited, hence POSTs. */
export const exportRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/exports/{list}',
    operationId: 'exportList',
    summary:
      'Every row of a list the caller may see, with the list’s filters and sort, as CSV (UTF-8 with BOM) or XLSX; audited',
    tag,
    access: 'user',
    params: exportParams,
    body: exportRequest,
    response: z.string().describe('The file, as an attachment'),
    raw: true,
    handler: async (ctx) => {
      await exportList(ctx, ctx.params.list, ctx.body);
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/institutions/{id}/data-export',
    operationId: 'exportInstitutionData',
    summary:
      'Everything the institution owns, with the rows that hang off it, as JSON (administrators and its contact points); secrets left out; audited',
    tag,
    access: 'user',
    params: idParams,
    response: z.string().describe('The JSON file, as an attachment'),
    raw: true,
    handler: async ({ db, engine, actor, requestId, params, reply }) => {
      const file = await exportInstitutionData(db, engine, { actor, requestId }, params.id);
      const date = file.generatedAt.slice(0, 10);
      sendFile(
        reply,
        Buffer.from(JSON.stringify(file, null, 2), 'utf8'),
        'application/json; charset=utf-8',
        `vigie-institution-${params.id}-${date}.json`,
      );
      return undefined;
    },
  }),
];
