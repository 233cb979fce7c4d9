import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { reportCreate } from '../../../shared/contract/reports.js';
import { type Actor, userOf } from '../../auth/actor.js';
import type { ActivityReportTable, DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { institutionIsVisible } from '../partners/partners.repo.js';
import { stateConflict, unknownReference } from '../plan/plan-errors.js';
import { institutionIdsOf, presentReport } from './reports.present.js';
import * as repo from './reports.repo.js';

type Create = z.output<typeof reportCreate>;

function requester(actor: Actor) {
  const user = userOf(actor);
  if (!user) throw new AppError(401, 'unauthenticated');
  return user;
}

async function present(db: Kysely<DB>, rows: repo.ReportListRow[]) {
  const names = await repo.institutionNames(db, [...new Set(rows.flatMap(institutionIdsOf))]);
  return rows.map((row) => presentReport(row, names));
}

export async function listReports(db: Kysely<DB>, actor: Actor, query: repo.ReportListQuery) {
  const { rows, total } = await repo.listOwn(db, requester(actor).id, query);
  return { items: await present(db, rows), total, page: query.page, pageSize: query.pageSize };
}

/** A report is read by its requester only: for anyone else, administrators included, it does not exist. */
export async function getReport(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findOwn(db, requester(actor).id, id);
  if (!row) throw notFound();
  const [report] = await present(db, [row]);
  if (!report) throw notFound();
  return report;
}

/** Queues a report; the caller starts generating it (and any process's job would otherwise). */
export async function createReport(db: Kysely<DB>, context: AuditContext, input: Create) {
  const user = requester(context.actor);
  const institutionIds = [...new Set(input.institutionIds ?? [])];
  for (const institutionId of institutionIds) {
    if (!(await institutionIsVisible(db, context.actor, institutionId))) throw unknownReference('body.institutionIds');
  }
  const row: ActivityReportTable = {
    id: randomUUID(),
    requested_by: user.id,
    language: input.language,
    period_from: input.from,
    period_to: input.to,
    institution_ids: JSON.stringify(institutionIds),
    status: 'queued',
    progress: 0,
    step: null,
    error: null,
    lease_owner: null,
    lease_until: null,
    attempts: 0,
    pdf: null,
    pdf_size: null,
    docx: null,
    docx_size: null,
    created_at: nowIso(),
    started_at: null,
    finished_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertReport(trx, row);
    await recordAudit(trx, context, {
      entity: repo.REPORT_ENTITY,
      entityId: row.id,
      action: 'create',
      after: { language: row.language, from: row.period_from, to: row.period_to, institutionIds },
      institutionId: user.institutionId,
    });
  });
  return { id: row.id, status: 'queued' as const };
}

/** A finished report's file, for its requester; 409 while it is not done yet (or failed). */
export async function reportFile(db: Kysely<DB>, actor: Actor, id: string, format: 'pdf' | 'docx') {
  const file = await repo.fileOf(db, requester(actor).id, id, format);
  if (!file) throw notFound();
  if (file.status !== 'done' || !file.content) throw stateConflict(file.status);
  const stem = file.language === 'fr' ? 'rapport-activite' : 'activity-report';
  return { filename: `${stem}-${file.from}-${file.to}.${format}`, content: file.content };
}

/** Deletes a report, whatever its state: a generation under way notices it lost its claim and stops. */
export async function deleteReport(db: Kysely<DB>, context: AuditContext, id: string) {
  const user = requester(context.actor);
  await db.transaction().execute(async (trx) => {
    const row = await repo.findOwn(trx, user.id, id);
    if (!row) throw notFound();
    await repo.deleteOwn(trx, user.id, id);
    await recordAudit(trx, context, {
      entity: repo.REPORT_ENTITY,
      entityId: id,
      action: 'delete',
      before: {
        status: row.status,
        language: row.language,
        from: row.period_from,
        to: row.period_to,
        institutionIds: institutionIdsOf(row),
      },
      institutionId: user.institutionId,
    });
  });
}
