import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  indicatorReportCreate,
  indicatorReportUpdate,
  reportingPeriodCreate,
} from '../../../shared/contract/plan.js';
import { roleHas } from '../../../shared/roles.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { nowIso, versionConflict } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { findVisibleIndicator } from './indicators.repo.js';
import { invalidField, periodClosed, stateConflict, unknownReference } from './plan-errors.js';
import { findVisiblePlan, isGroupMember } from './plans.repo.js';
import { checkCells, parseDimensions, totalOf } from './report-cells.js';
import { mayClosePeriods, mayReopenPeriods, mayValidate, presentPeriod, presentReport } from './reports.present.js';
import * as repo from './reports.repo.js';

type PeriodCreate = z.output<typeof reportingPeriodCreate>;
type ReportCreate = z.output<typeof indicatorReportCreate>;
type ReportUpdate = z.output<typeof indicatorReportUpdate>;

function userIdOf(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.user.id : null;
}

// Reporting periods

export async function listPeriods(db: Kysely<DB>, actor: Actor, planId: string) {
  if (!(await findVisiblePlan(db, actor, planId))) throw notFound();
  const rows = await repo.periodsOf(db, planId);
  return { items: rows.map((row) => presentPeriod(actor, row)) };
}

export async function createPeriod(db: Kysely<DB>, context: AuditContext, planId: string, input: PeriodCreate) {
  const { actor } = context;
  if (!(await findVisiblePlan(db, actor, planId))) throw notFound();
  if (!mayClosePeriods(actor)) throw forbidden();
  if (await repo.findPeriodByLabel(db, planId, input.label))
    throw new AppError(409, 'conflict', { reason: 'duplicate' });
  const now = nowIso();
  const row: repo.PeriodRow = {
    id: randomUUID(),
    plan_id: planId,
    label: input.label,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    status: 'open',
    closed_at: null,
    closed_by: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertPeriod(trx, row);
    await recordAudit(trx, context, { entity: 'reporting_period', entityId: row.id, action: 'create', after: row });
  });
  return presentPeriod(actor, row);
}

async function transitionPeriod(
  db: Kysely<DB>,
  context: AuditContext,
  id: string,
  version: number,
  to: 'open' | 'closed',
) {
  const { actor } = context;
  const current = await repo.findVisiblePeriod(db, actor, id);
  if (!current) throw notFound();
  if (!(to === 'closed' ? mayClosePeriods(actor) : mayReopenPeriods(actor))) throw forbidden();
  if (current.status === to) throw stateConflict(current.status);
  const now = nowIso();
  const changes: Partial<repo.PeriodRow> =
    to === 'closed'
      ? { status: 'closed', closed_at: now, closed_by: userIdOf(actor), updated_at: now }
      : { status: 'open', closed_at: null, closed_by: null, updated_at: now };
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.updatePeriod(trx, id, version, changes))) return false;
    await recordAudit(trx, context, {
      entity: 'reporting_period',
      entityId: id,
      action: to === 'closed' ? 'close' : 'reopen',
      before: current,
      after: await repo.findPeriod(trx, id),
    });
    return true;
  });
  if (!applied) throw versionConflict(presentPeriod(actor, await repo.findPeriod(db, id)), ['status']);
  return presentPeriod(actor, await repo.findPeriod(db, id));
}

export const closePeriod = (db: Kysely<DB>, context: AuditContext, id: string, version: number) =>
  transitionPeriod(db, context, id, version, 'closed');

export const reopenPeriod = (db: Kysely<DB>, context: AuditContext, id: string, version: number) =>
  transitionPeriod(db, context, id, version, 'open');

// Indicator reports

export async function listReports(db: Kysely<DB>, actor: Actor, query: repo.ReportListQuery) {
  const { rows, total } = await repo.listReports(db, actor, query);
  return { items: rows.map((row) => presentReport(actor, row)), total, page: query.page, pageSize: query.pageSize };
}

export async function getReport(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleReport(db, actor, id);
  if (!row) throw notFound();
  return presentReport(actor, row);
}

async function written(db: Kysely<DB>, actor: Actor, id: string) {
  return presentReport(actor, await repo.findWrittenReport(db, id));
}

export async function createReport(db: Kysely<DB>, context: AuditContext, input: ReportCreate) {
  const { actor } = context;
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  // Partners and the public report nothing.
  if (!roleHas(actor.user.role, 'write:record:own') && !roleHas(actor.user.role, 'write:record:any')) {
    throw forbidden();
  }
  const indicator = await findVisibleIndicator(db, actor, input.indicatorId);
  if (!indicator) throw unknownReference('body.indicatorId');
  const period = await repo.findVisiblePeriod(db, actor, input.periodId);
  if (!period) throw unknownReference('body.periodId');
  if (period.plan_id !== indicator.plan_id) throw invalidField('body.periodId', 'not_in_plan');
  const plan = await findVisiblePlan(db, actor, indicator.plan_id);
  if (!plan) throw unknownReference('body.indicatorId');
  if (!(await isGroupMember(db, plan.group_id, input.institutionId))) {
    const exists = await db
      .selectFrom('institutions')
      .select('id')
      .where('id', '=', input.institutionId)
      .executeTakeFirst();
    throw invalidField('body.institutionId', exists ? 'not_a_member' : 'unknown_reference');
  }
  // An institution reports for itself: its staff and contact point, and administrators for any.
  if (!canWrite(actor, input.institutionId)) throw forbidden();
  if (period.status === 'closed') throw periodClosed();
  const cells = checkCells(parseDimensions(indicator.dimensions), input.cells);
  if (await repo.findReportByKey(db, indicator.id, period.id, input.institutionId)) {
    throw new AppError(409, 'conflict', { reason: 'duplicate' });
  }
  const now = nowIso();
  const row: repo.ReportRow = {
    id: randomUUID(),
    indicator_id: indicator.id,
    period_id: period.id,
    institution_id: input.institutionId,
    status: 'draft',
    cells: JSON.stringify(cells),
    total: totalOf(cells),
    notes: input.notes ?? null,
    submitted_at: null,
    submitted_by: null,
    validated_at: null,
    validated_by: null,
    owner_institution_id: input.institutionId,
    visibility: input.visibility,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    if (!(await repo.lockOpenPeriod(trx, period.id))) throw periodClosed();
    await repo.insertReport(trx, row);
    await recordAudit(trx, context, {
      entity: 'indicator_report',
      entityId: row.id,
      action: 'create',
      after: row,
      institutionId: row.institution_id,
    });
  });
  return written(db, actor, row.id);
}

/** The report, writable by the actor, in an open period: 404, 403 and 423 otherwise, in that order. */
async function writableReport(db: Kysely<DB>, actor: Actor, id: string, allowed: (row: repo.ReportListRow) => boolean) {
  const current = await repo.findVisibleReport(db, actor, id);
  if (!current) throw notFound();
  if (!allowed(current)) throw forbidden();
  if (current.period_status === 'closed') throw periodClosed();
  return current;
}

async function applyReportChange(
  db: Kysely<DB>,
  context: AuditContext,
  current: repo.ReportListRow,
  version: number,
  changes: Partial<repo.ReportRow>,
  action: string,
  changedFields: string[],
) {
  const { actor } = context;
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.lockOpenPeriod(trx, current.period_id))) throw periodClosed();
    if (!(await repo.updateReport(trx, current.id, version, changes))) return false;
    const after = await repo.findWrittenReport(trx, current.id);
    await recordAudit(trx, context, {
      entity: 'indicator_report',
      entityId: current.id,
      action,
      before: { ...current, indicator_dimensions: undefined, institution_name: undefined },
      after: { ...after, indicator_dimensions: undefined, institution_name: undefined },
      institutionId: current.institution_id,
    });
    return true;
  });
  if (!applied) throw versionConflict(await getReport(db, actor, current.id), changedFields);
  return written(db, actor, current.id);
}

export async function updateReport(db: Kysely<DB>, context: AuditContext, id: string, input: ReportUpdate) {
  const { actor } = context;
  const current = await writableReport(db, actor, id, (row) => canWrite(actor, row.owner_institution_id));
  const now = nowIso();
  const changes: Partial<repo.ReportRow> = { updated_at: now };
  if (input.cells !== undefined) {
    const cells = checkCells(parseDimensions(current.indicator_dimensions), input.cells);
    changes.cells = JSON.stringify(cells);
    changes.total = totalOf(cells);
  }
  if (input.notes !== undefined) changes.notes = input.notes;
  if (input.visibility !== undefined) changes.visibility = input.visibility;
  // What was submitted or validated is no longer what is there: back to draft, to be submitted and validated again.
  if (current.status !== 'draft') {
    Object.assign(changes, {
      status: 'draft',
      submitted_at: null,
      submitted_by: null,
      validated_at: null,
      validated_by: null,
    });
  }
  return applyReportChange(db, context, current, input.version, changes, 'update', Object.keys(input));
}

export async function submitReport(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await writableReport(db, actor, id, (row) => canWrite(actor, row.owner_institution_id));
  if (current.status !== 'draft') throw stateConflict(current.status);
  const now = nowIso();
  return applyReportChange(
    db,
    context,
    current,
    version,
    { status: 'submitted', submitted_at: now, submitted_by: userIdOf(actor), updated_at: now },
    'submit',
    ['status'],
  );
}

export async function validateReport(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await writableReport(db, actor, id, (row) => mayValidate(actor, row.institution_id));
  if (current.status !== 'submitted') throw stateConflict(current.status);
  const now = nowIso();
  return applyReportChange(
    db,
    context,
    current,
    version,
    { status: 'validated', validated_at: now, validated_by: userIdOf(actor), updated_at: now },
    'validate',
    ['status'],
  );
}

/** A report not yet validated can be withdrawn by its institution while the period is open. */
export async function deleteReport(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await writableReport(db, actor, id, (row) => canWrite(actor, row.owner_institution_id));
  if (current.version !== version) throw versionConflict(presentReport(actor, current), []);
  if (current.status === 'validated') throw stateConflict(current.status);
  await db.transaction().execute(async (trx) => {
    if (!(await repo.lockOpenPeriod(trx, current.period_id))) throw periodClosed();
    await repo.deleteReport(trx, id);
    await recordAudit(trx, context, {
      entity: 'indicator_report',
      entityId: id,
      action: 'delete',
      before: { ...current, indicator_dimensions: undefined, institution_name: undefined },
      institutionId: current.institution_id,
    });
  });
}
