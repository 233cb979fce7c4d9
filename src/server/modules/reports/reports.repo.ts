import type { Kysely, Selectable } from 'kysely';
import type { ActivityReportTable, DB } from '../../db/schema.js';
import { offsetOf } from '../../http/pagination.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;
export type ReportRow = Selectable<ActivityReportTable>;
export type ReportListRow = Omit<ReportRow, 'pdf' | 'docx'>;

export const REPORT_ENTITY = 'activity_report';

/** Every column but the files: lists and status reads never carry the bytes. */
const listColumns = [
  'id',
  'requested_by',
  'language',
  'period_from',
  'period_to',
  'institution_ids',
  'status',
  'progress',
  'step',
  'error',
  'lease_owner',
  'lease_until',
  'attempts',
  'pdf_size',
  'docx_size',
  'created_at',
  'started_at',
  'finished_at',
] as const;

export interface ReportListQuery {
  page: number;
  pageSize: number;
  sort: 'createdAt' | 'from' | 'status';
  order: 'asc' | 'desc';
}

const sortColumns = { createdAt: 'created_at', from: 'period_from', status: 'status' } as const;

export async function insertReport(db: Executor, row: ActivityReportTable): Promise<void> {
  await db.insertInto('activity_reports').values(row).execute();
}

/** A person's own reports: nobody else's are ever listed, whatever their role. */
export async function listOwn(db: Executor, userId: string, query: ReportListQuery) {
  const base = db.selectFrom('activity_reports').where('requested_by', '=', userId);
  const [rows, count] = await Promise.all([
    base
      .select(listColumns)
      .orderBy(sortColumns[query.sort], query.order)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export function findOwn(db: Executor, userId: string, id: string): Promise<ReportListRow | undefined> {
  return db
    .selectFrom('activity_reports')
    .select(listColumns)
    .where('id', '=', id)
    .where('requested_by', '=', userId)
    .executeTakeFirst();
}

export function findById(db: Executor, id: string): Promise<ReportListRow | undefined> {
  return db.selectFrom('activity_reports').select(listColumns).where('id', '=', id).executeTakeFirst();
}

export async function fileOf(db: Executor, userId: string, id: string, format: 'pdf' | 'docx') {
  const row = await db
    .selectFrom('activity_reports')
    .select(['status', 'period_from', 'period_to', 'language', format])
    .where('id', '=', id)
    .where('requested_by', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    status: row.status,
    from: row.period_from,
    to: row.period_to,
    language: row.language,
    content: (format === 'pdf' ? row.pdf : row.docx) as Uint8Array | null,
  };
}

export async function deleteOwn(db: Executor, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('activity_reports')
    .where('id', '=', id)
    .where('requested_by', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function institutionNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { nameFr: string; nameEn: string | null }>();
  const rows = await db
    .selectFrom('institutions')
    .select(['id', 'name_fr', 'name_en'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { nameFr: r.name_fr, nameEn: r.name_en }]));
}

/** Reports waiting for a process: queued, or running under a claim that expired (its process died). */
export async function claimable(db: Executor, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('activity_reports')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'running'), eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)])]),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Takes a report with one conditional UPDATE: of several processes trying at once, exactly one changes the row.
 * A report under an unexpired claim is left alone.
 */
export async function claim(db: Executor, id: string, owner: string, now: string, until: string): Promise<boolean> {
  const result = await db
    .updateTable('activity_reports')
    .set((eb) => ({
      status: 'running',
      lease_owner: owner,
      lease_until: until,
      attempts: eb('attempts', '+', 1),
      started_at: eb.fn.coalesce('started_at', eb.val(now)),
      progress: 0,
      step: null,
    }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([eb('status', '=', 'running'), eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)])]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Writes how far the claimant got and extends its claim; false when the claim is lost (deleted, taken over). */
export async function advance(
  db: Executor,
  id: string,
  owner: string,
  changes: { progress: number; step: string; lease_until: string },
): Promise<boolean> {
  const result = await db
    .updateTable('activity_reports')
    .set(changes)
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finish(
  db: Executor,
  id: string,
  owner: string,
  changes: Partial<
    Pick<ReportRow, 'status' | 'progress' | 'step' | 'error' | 'pdf' | 'pdf_size' | 'docx' | 'docx_size'>
  > & {
    finished_at: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('activity_reports')
    .set({ ...changes, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
