import type { FastifyReply } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { type ExportFormat, type ExportListName, MAX_EXPORT_ROWS } from '../../../shared/contract/exports.js';
import type { Engine } from '../../db/connect.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import type { RouteContext } from '../../http/route.js';
import { validationError } from '../../http/validation.js';
import { translate } from '../../i18n/translate.js';
import { recordAudit } from '../audit/record-audit.js';
import { contentDisposition } from '../documents/download.js';
import { type Column, headerOf } from './columns.js';
import { exportLists } from './lists/index.js';
import type { ExportList } from './registry.js';
import { csvWriter, xlsxWriter } from './writers.js';

type Row = Record<string, unknown>;

interface Page {
  items: Row[];
  total: number;
}

/**
 * Rows read per call of the list's handler. Larger than a page of the web app (the list's schema stops at 100): each
 * call counts the matching rows again and skips the earlier ones, so fewer, larger pages make a large export several
 * times faster. The handler takes its paging as given; only the route's schema bounds it.
 */
const EXPORT_PAGE_SIZE = 5000;

/** A read-only snapshot: one read transaction on SQLite (WAL keeps it stable), REPEATABLE READ on PostgreSQL. */
function inSnapshot<T>(db: Kysely<DB>, engine: Engine, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const builder = db.transaction().setAccessMode('read only');
  return (engine === 'postgres' ? builder.setIsolationLevel('repeatable read') : builder).execute(work);
}

const mimeTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function findExportList(name: string): ExportList<Row> {
  if (!Object.hasOwn(exportLists, name)) throw notFound();
  return exportLists[name as ExportListName];
}

/**
 * The list's own query without paging: the same fields, checks and defaults as the list, so a filter the list
 * refuses is refused here too, named under `body.filters`.
 */
function filtersOf(list: ExportList<Row>, filters: Record<string, string>): Record<string, unknown> {
  const query = list.route.query;
  if (!(query instanceof z.ZodObject)) throw new Error(`the query of ${list.route.operationId} is not an object`);
  const parsed = query.omit({ page: true, pageSize: true }).safeParse(filters);
  if (!parsed.success) throw validationError(parsed.error, 'body.filters');
  return parsed.data as Record<string, unknown>;
}

export interface ExportInput {
  format: ExportFormat;
  filters: Record<string, string>;
}

/**
 * Every row of a list that its caller would get with these filters and this sort, read page after page through the
 * list's own handler, written as CSV or XLSX, recorded in the audit trail (format, filters, row count: never the
 * values) and sent as an attachment.
 */
export async function exportList(
  ctx: RouteContext<{ list: string }, unknown, ExportInput>,
  name: string,
  input: ExportInput,
): Promise<void> {
  const list = findExportList(name);
  const filters = filtersOf(list, input.filters);
  const columns = list.columns as Column<never>[];
  const options = {
    headers: columns.map((column) => headerOf(column, ctx.language)),
    sheetName: translate(ctx.language, list.title),
    yes: translate(ctx.language, 'exports:values.yes'),
    no: translate(ctx.language, 'exports:values.no'),
  };
  const writer = input.format === 'csv' ? csvWriter(options) : xlsxWriter(options);

  // Every page from one snapshot, so that rows written meanwhile neither repeat nor go missing between pages.
  const rows = await inSnapshot(ctx.db, ctx.engine, async (trx) => {
    let count = 0;
    for (let page = 1; ; page += 1) {
      const result = (await list.route.handler({
        ...ctx,
        db: trx,
        query: { ...filters, page, pageSize: EXPORT_PAGE_SIZE },
      })) as Page;
      if (result.total > MAX_EXPORT_ROWS) {
        throw new AppError(413, 'export_too_large', { limit: MAX_EXPORT_ROWS, rows: result.total });
      }
      writer.addRows(result.items.map((row) => list.columns.map((column) => column.cell(row))));
      count += result.items.length;
      if (result.items.length < EXPORT_PAGE_SIZE || count >= result.total) return count;
    }
  });
  const file = await writer.finish();

  const user = ctx.actor.kind === 'user' ? ctx.actor.user : null;
  await ctx.db.transaction().execute((trx) =>
    recordAudit(
      trx,
      { actor: ctx.actor, requestId: ctx.requestId },
      {
        entity: list.name,
        entityId: list.name,
        action: 'export',
        after: { format: input.format, filters: input.filters, rows },
        institutionId: user?.institutionId ?? null,
      },
    ),
  );
  sendFile(ctx.reply, file, mimeTypes[input.format], `vigie-${list.name}-${today()}.${input.format}`);
}

const today = () => new Date().toISOString().slice(0, 10);

/** A generated file: an attachment, never sniffed, never kept by a shared cache. */
export function sendFile(reply: FastifyReply, file: Buffer, mime: string, filename: string): void {
  reply
    .status(200)
    .header('content-type', mime)
    .header('content-length', String(file.length))
    .header('content-disposition', contentDisposition('attachment', filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file);
}
