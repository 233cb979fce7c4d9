import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportKind,
  type ImportLayout,
  type ImportPreview,
  type ImportPreviewRow,
  type ImportResult,
  importConfirmFields,
  importPreviewFields,
} from '../../../shared/contract/imports.js';
import type { InterfaceLanguage } from '../../../shared/languages.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB } from '../../db/schema.js';
import { toAppError } from '../../http/error-handler.js';
import { AppError } from '../../http/errors.js';
import { validationError } from '../../http/validation.js';
import { translate } from '../../i18n/translate.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import type { ReceivedUpload } from '../documents/upload.js';
import {
  CellProblem,
  type ColumnSpec,
  catalogOf,
  describeColumn,
  labelOf,
  matchHeaders,
  message,
  readCell,
} from './columns.js';
import { joinedTransaction } from './joined-transaction.js';
import { columnOfPath, type ImportLayoutSpec, layouts } from './layouts.js';
import { readSpreadsheet, type Sheet } from './spreadsheet.js';

interface RowProblem {
  column: string | null;
  issue: string;
  params: Record<string, string | number>;
}

interface PreparedRow {
  row: number;
  cells: Record<string, string>;
  input: unknown;
  problems: RowProblem[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const normalizeName = (name: string) => name.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();

export function layoutOf(kind: ImportKind, language: InterfaceLanguage): ImportLayout {
  return {
    kind,
    columns: layouts[kind].columns.map((column) => describeColumn(kind, column, language)),
    maxRows: IMPORT_MAX_ROWS,
    maxBytes: IMPORT_MAX_BYTES,
  };
}

/** Only someone who may write records (their institution's, or the network's) imports any. */
function assertMayImport(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  if (!canWrite(actor, actor.user.institutionId) && !canWrite(actor, null)) throw new AppError(403, 'forbidden');
}

/**
 * Institutions and partners named in the file, by id, acronym or name, among those the importer sees: read once
 * for the whole file. A name of something invisible finds nothing, exactly like a name of nothing.
 */
async function referenceResolver(db: Kysely<DB>, actor: Actor, layout: ImportLayoutSpec) {
  const refers = new Set(layout.columns.flatMap((column) => (column.refers ? [column.refers] : [])));
  const names = { institution: new Map<string, string>(), partner: new Map<string, string>() };
  if (refers.has('institution')) {
    const rows = await db
      .selectFrom('institutions')
      .select(['id', 'name_fr', 'name_en', 'name_original', 'acronym'])
      .where(visibleTo(actor, 'institutions'))
      .execute();
    for (const row of rows) {
      for (const name of [row.id, row.name_fr, row.name_en, row.name_original, row.acronym]) {
        if (name) names.institution.set(normalizeName(name), row.id);
      }
    }
  }
  if (refers.has('partner')) {
    const rows = await db
      .selectFrom('partners')
      .select(['id', 'name_fr', 'name_en', 'acronym_fr', 'acronym_en'])
      .where(visibleTo(actor, 'partners'))
      .execute();
    for (const row of rows) {
      for (const name of [row.id, row.name_fr, row.name_en, row.acronym_fr, row.acronym_en]) {
        if (name) names.partner.set(normalizeName(name), row.id);
      }
    }
  }
  return (column: ColumnSpec, name: string): string => {
    if (!column.refers) return name;
    const found = names[column.refers].get(normalizeName(name));
    if (found) return found;
    // An id passes on: the create service answers for it, as it does through the API.
    if (UUID.test(name)) return name;
    throw new CellProblem('unknown_reference');
  };
}

/**
 * The column of a request path: the column of that field, or, for a field several columns make up (the children
 * met, `body.children`), the first of them the row fills.
 */
function columnOf(layout: ImportLayoutSpec, path: string, filled: Record<string, string>): string | null {
  const exact = columnOfPath(layout, path);
  if (exact) return exact;
  const part = layout.columns.find(
    (column) => column.key in filled && column.paths.some((p) => p.startsWith(`${path}.`)),
  );
  return part?.key ?? null;
}

function problemsOfError(layout: ImportLayoutSpec, error: unknown, filled: Record<string, string>): RowProblem[] {
  const known = toAppError(error);
  if (!known) throw error;
  if (Array.isArray(known.details)) {
    return (known.details as { field?: string; issue: string; params?: Record<string, string | number> }[]).map(
      (detail) => ({
        column: detail.field ? columnOf(layout, detail.field, filled) : null,
        issue: detail.issue,
        params: detail.params ?? {},
      }),
    );
  }
  // Refusals without a field: a record the importer may not write for, or one it does not see (never told apart
  // from one that does not exist).
  if (known.status === 403) return [{ column: layout.ownerColumn, issue: 'not_writable', params: {} }];
  if (known.status === 404) return [{ column: layout.ownerColumn, issue: 'unknown_reference', params: {} }];
  return [{ column: null, issue: 'row_refused', params: { code: known.code } }];
}

async function prepareRows(
  db: Kysely<DB>,
  actor: Actor,
  layout: ImportLayoutSpec,
  sheet: Sheet,
  language: InterfaceLanguage,
  defaults: { visitId?: string | undefined },
): Promise<{ columns: (ColumnSpec | null)[]; rows: PreparedRow[] }> {
  const columns = matchHeaders(layout.kind, layout.columns, sheet.header, language);
  const resolve = await referenceResolver(db, actor, layout);
  const rows = sheet.rows.map(({ row, cells }): PreparedRow => {
    const values = new Map<string, unknown>();
    const raw: Record<string, string> = {};
    const problems: RowProblem[] = [];
    cells.forEach((cell, index) => {
      const column = columns[index];
      if (cell === '') return;
      if (!column) {
        if (index >= columns.length || sheet.header[index] === '') {
          problems.push({ column: null, issue: 'cell_without_column', params: { position: index + 1 } });
        }
        return;
      }
      raw[column.key] = cell;
      // What neither engine can store alike (a NUL, a lone surrogate from an XLSX character reference) is refused.
      if (cell.includes('\u0000') || /\p{Cs}/u.test(cell)) {
        problems.push({ column: column.key, issue: 'invalid_characters', params: {} });
        return;
      }
      try {
        const value = readCell(column, cell);
        values.set(
          column.key,
          column.format === 'reference'
            ? resolve(column, value as string)
            : column.format === 'references'
              ? (value as string[]).map((item) => resolve(column, item))
              : value,
        );
      } catch (problem) {
        if (!(problem instanceof CellProblem)) throw problem;
        problems.push({ column: column.key, issue: problem.issue, params: problem.params });
      }
    });
    let input: unknown;
    try {
      input = layout.build(values, defaults);
    } catch (thrown) {
      if (!(thrown instanceof Map)) throw thrown;
      for (const [column, problem] of thrown as Map<string, CellProblem>) {
        problems.push({ column, issue: problem.issue, params: problem.params });
      }
    }
    if (problems.length === 0) {
      // The API's own create schema, strict: what a request would be refused for, the row is refused for.
      const parsed = layout.schema.safeParse(input);
      if (parsed.success) input = parsed.data;
      else problems.push(...problemsOfError(layout, validationError(parsed.error, 'body'), raw));
    }
    return { row, cells: raw, input, problems };
  });
  return { columns, rows };
}

/**
 * Creates every valid row. Rows a layout can write in bulk (same rules, checked once for all) go first, in one
 * pass (a preview only checks them); the others each through the API's own create service. For a preview (`everyRow`) each of those is in a
 * savepoint of the one transaction, so that a row the service refuses leaves nothing behind and the next one is
 * still checked (PostgreSQL refuses any statement after a failed one outside a savepoint). A confirm stops at the
 * first refusal instead: the whole transaction is rolled back anyway, and two statements a row are saved.
 * The ids come back in the file's order.
 */
async function createRows(
  trx: Transaction<DB>,
  context: AuditContext,
  layout: ImportLayoutSpec,
  rows: PreparedRow[],
  everyRow: boolean,
): Promise<string[]> {
  const db = joinedTransaction(trx);
  const created = new Map<PreparedRow, string>();
  const pending = rows.filter((row) => row.problems.length === 0);
  const { bulk } = layout;
  const inBulk = new Set(bulk ? pending.filter((row) => bulk.accepts(row.input)) : []);
  if (bulk && inBulk.size > 0) {
    const batch = [...inBulk];
    const results = await bulk.create(
      trx,
      db,
      context,
      batch.map((row) => row.input),
      !everyRow,
    );
    results.forEach((result, index) => {
      const row = batch[index] as PreparedRow;
      if ('id' in result) created.set(row, result.id);
      else row.problems.push(...problemsOfError(layout, result.error, row.cells));
    });
    if (!everyRow && batch.some((row) => row.problems.length > 0)) return [];
  }
  for (const row of pending) {
    if (inBulk.has(row)) continue;
    if (everyRow) await sql`savepoint import_row`.execute(trx);
    try {
      const record = await layout.create(db, context, row.input as never);
      created.set(row, record.id);
      if (everyRow) await sql`release savepoint import_row`.execute(trx);
    } catch (error) {
      row.problems.push(...problemsOfError(layout, error, row.cells));
      if (!everyRow) break;
      await sql`rollback to savepoint import_row`.execute(trx);
      await sql`release savepoint import_row`.execute(trx);
    }
  }
  return rows.flatMap((row) => {
    const id = created.get(row);
    return id === undefined ? [] : [id];
  });
}

function localize(
  layout: ImportLayoutSpec,
  language: InterfaceLanguage,
  row: number,
  problem: RowProblem,
): { column: string | null; issue: string; message: string; field: string } {
  const spec = problem.column ? layout.columns.find((c) => c.key === problem.column) : undefined;
  const field = spec
    ? labelOf(layout.kind, spec, language)
    : message(language, catalogOf(language).template.row, { row });
  const reason = problem.issue === 'row_refused' ? translate(language, `errors:${String(problem.params.code)}`) : '';
  return {
    column: problem.column,
    issue: problem.issue,
    field,
    message: translate(language, `errors:validation.${problem.issue}`, { ...problem.params, field, reason, row }),
  };
}

class PreviewRollback extends Error {}
const PREVIEW_CHUNK = 250;

async function readRequest(
  db: Kysely<DB>,
  actor: Actor,
  kind: ImportKind,
  upload: ReceivedUpload,
  language: InterfaceLanguage,
  fieldsSchema: typeof importPreviewFields | typeof importConfirmFields,
) {
  assertMayImport(actor);
  const fields = fieldsSchema.safeParse(upload.fields);
  if (!fields.success) throw validationError(fields.error, 'body');
  if (!upload.file) {
    throw new AppError(400, 'validation_failed', { field: 'body.file' }, [
      { field: 'body.file', issue: 'file_required', message: '' },
    ]);
  }
  const sheet = await readSpreadsheet(upload.file.bytes);
  const layout = layouts[kind];
  const prepared = await prepareRows(db, actor, layout, sheet, language, { visitId: fields.data.visitId });
  return { layout, sheet, fields: fields.data, ...prepared };
}

/**
 * Every row as read, with its errors: first the cells and the API's request schema, then the API's create service
 * itself, run in a transaction that is always rolled back. The preview writes nothing.
 */
export async function previewImport(
  db: Kysely<DB>,
  context: AuditContext,
  kind: ImportKind,
  upload: ReceivedUpload,
  language: InterfaceLanguage,
): Promise<ImportPreview> {
  const { layout, sheet, columns, rows } = await readRequest(
    db,
    context.actor,
    kind,
    upload,
    language,
    importPreviewFields,
  );
  // Rows are checked independently of each other, so the preview goes chunk by chunk, each in a transaction
  // rolled back: between chunks other requests get the database (SQLite has one connection and one writer).
  for (let start = 0; start < rows.length; start += PREVIEW_CHUNK) {
    await db
      .transaction()
      .execute(async (trx) => {
        await createRows(trx, context, layout, rows.slice(start, start + PREVIEW_CHUNK), true);
        throw new PreviewRollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof PreviewRollback)) throw error;
      });
  }
  const previewRows: ImportPreviewRow[] = rows.map((row) => ({
    row: row.row,
    values: row.cells,
    errors: row.problems.map((problem) => {
      const { field: _field, ...shown } = localize(layout, language, row.row, problem);
      return shown;
    }),
  }));
  const shown = columns.filter((column): column is ColumnSpec => column !== null);
  return {
    kind,
    format: sheet.format,
    checksum: sheet.checksum,
    columns: shown.map((column) => ({ key: column.key, label: labelOf(kind, column, language) })),
    rows: previewRows,
    total: rows.length,
    invalid: rows.filter((row) => row.problems.length > 0).length,
  };
}

function rowsRefused(layout: ImportLayoutSpec, language: InterfaceLanguage, rows: PreparedRow[]): AppError {
  const invalid = rows.filter((row) => row.problems.length > 0);
  const details = invalid.flatMap((row) =>
    row.problems.map((problem) => {
      const shown = localize(layout, language, row.row, problem);
      return {
        field: `rows.${row.row}${problem.column ? `.${problem.column}` : ''}`,
        issue: problem.issue,
        message: '',
        row: row.row,
        column: problem.column,
        // The error handler words each detail from these: the column's label in the caller's language.
        params: { ...problem.params, field: shown.field, reason: '', row: row.row },
      };
    }),
  );
  const first = details[0];
  return new AppError(
    422,
    'import_rows_invalid',
    { count: invalid.length, row: first?.row ?? 0, column: first?.params.field ?? '' },
    details,
  );
}

/**
 * Creates every row in one transaction, each through the API's create service with its audit event, plus one
 * `import` event: all or nothing. The file must be the one previewed (its checksum), and any row refused refuses
 * the whole import (422 naming each row and column).
 */
export async function confirmImport(
  db: Kysely<DB>,
  context: AuditContext,
  kind: ImportKind,
  upload: ReceivedUpload,
  language: InterfaceLanguage,
): Promise<ImportResult> {
  const { layout, sheet, fields, rows } = await readRequest(
    db,
    context.actor,
    kind,
    upload,
    language,
    importConfirmFields,
  );
  const { checksum } = fields as { checksum: string };
  if (checksum !== sheet.checksum) throw new AppError(409, 'import_file_changed');
  if (rows.some((row) => row.problems.length > 0)) throw rowsRefused(layout, language, rows);
  const ids = await db.transaction().execute(async (trx) => {
    const created = await createRows(trx, context, layout, rows, false);
    // Throwing rolls back every row created before the refused one.
    if (rows.some((row) => row.problems.length > 0)) throw rowsRefused(layout, language, rows);
    const actor = context.actor as Extract<Actor, { kind: 'user' }>;
    await recordAudit(trx, context, {
      entity: 'import',
      entityId: randomUUID(),
      action: 'import',
      after: {
        kind,
        format: sheet.format,
        fileName: upload.file?.filename ?? null,
        rows: created.length,
        checksum: sheet.checksum,
      },
      institutionId: actor.user.institutionId,
    });
    return created;
  });
  return { kind, checksum: sheet.checksum, created: ids.length, ids };
}
