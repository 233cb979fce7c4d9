import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  axisCreate,
  axisExceptionBody,
  axisUpdate,
  planCreate,
  planUpdate,
} from '../../../shared/contract/plan.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite } from '../../auth/policy.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso, versionConflict } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { invalidField, unknownReference } from './plan-errors.js';
import { type AxisParts, presentAxis, presentPlan, presentPlanSummary } from './plans.present.js';
import * as repo from './plans.repo.js';

type PlanCreate = z.output<typeof planCreate>;
type PlanUpdate = z.output<typeof planUpdate>;
type AxisCreate = z.output<typeof axisCreate>;
type AxisUpdate = z.output<typeof axisUpdate>;
type ExceptionBody = z.output<typeof axisExceptionBody>;

async function partsOf(db: Kysely<DB>, actor: Actor, plan: repo.PlanRow, axes: repo.AxisRow[]): Promise<AxisParts> {
  const axisIds = axes.map((a) => a.id);
  const [partners, members, exceptions] = await Promise.all([
    repo.axisPartnersOf(db, actor, axisIds),
    repo.groupMembersOf(db, actor, plan.group_id),
    repo.exceptionsOf(db, axisIds),
  ]);
  return { partners, members, exceptions };
}

async function present(db: Kysely<DB>, actor: Actor, plan: repo.PlanRow) {
  const [axes, withSuccessor] = await Promise.all([repo.axesOf(db, plan.id), repo.plansWithSuccessor(db, [plan.id])]);
  return presentPlan(actor, plan, withSuccessor.has(plan.id), axes, await partsOf(db, actor, plan, axes));
}

export async function listPlans(db: Kysely<DB>, actor: Actor, query: repo.PlanListQuery) {
  const { rows, total } = await repo.listPlans(db, actor, query);
  const withSuccessor = await repo.plansWithSuccessor(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) => presentPlanSummary(actor, row, withSuccessor.has(row.id))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getPlan(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisiblePlan(db, actor, id);
  if (!row) throw notFound();
  return present(db, actor, row);
}

export async function createPlan(db: Kysely<DB>, context: AuditContext, input: PlanCreate) {
  const { actor } = context;
  // Plans are the network's: administrators and coordinators.
  assertCanWrite(actor, null);
  if (!(await repo.findGroup(db, input.groupId))) throw unknownReference('body.groupId');
  const now = nowIso();
  const row: repo.PlanRow = {
    id: randomUUID(),
    group_id: input.groupId,
    title_fr: input.titleFr,
    title_en: input.titleEn ?? null,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    status: input.status,
    source_text: null,
    previous_plan_id: null,
    visibility: input.visibility,
    owner_institution_id: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertPlan(trx, row);
    await recordAudit(trx, context, { entity: 'plan', entityId: row.id, action: 'create', after: row });
  });
  return getPlan(db, actor, row.id);
}

export async function updatePlan(db: Kysely<DB>, context: AuditContext, id: string, input: PlanUpdate) {
  const { actor } = context;
  const current = await repo.findVisiblePlan(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  // The schema compares the dates sent together; an edit of one of them is checked against the stored other.
  const startsOn = input.startsOn ?? current.starts_on;
  const endsOn = input.endsOn ?? current.ends_on;
  if (endsOn < startsOn) {
    throw invalidField(input.endsOn !== undefined ? 'body.endsOn' : 'body.startsOn', 'end_before_start');
  }
  const changes: Partial<repo.PlanRow> = { updated_at: nowIso() };
  if (input.titleFr !== undefined) changes.title_fr = input.titleFr;
  if (input.titleEn !== undefined) changes.title_en = input.titleEn;
  if (input.startsOn !== undefined) changes.starts_on = input.startsOn;
  if (input.endsOn !== undefined) changes.ends_on = input.endsOn;
  if (input.status !== undefined) changes.status = input.status;
  if (input.visibility !== undefined) changes.visibility = input.visibility;
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.updatePlan(trx, id, input.version, changes))) return false;
    await recordAudit(trx, context, {
      entity: 'plan',
      entityId: id,
      action: 'update',
      before: current,
      after: await repo.findPlan(trx, id),
    });
    return true;
  });
  if (!applied) throw versionConflict(await getPlan(db, actor, id), Object.keys(input));
  return getPlan(db, actor, id);
}

/** One axis or sub-item as the plan shows it: with its partners, participants and sub-items. */
export async function getAxis(db: Kysely<DB>, actor: Actor, id: string) {
  const found = await repo.findVisibleAxis(db, actor, id);
  if (!found) throw notFound();
  const plan = await repo.findPlan(db, found.plan_id);
  const axes = await repo.axesOf(db, plan.id);
  const row = axes.find((a) => a.id === id) as repo.AxisRow;
  return presentAxis(actor, plan.owner_institution_id, row, axes, await partsOf(db, actor, plan, axes));
}

export async function createAxis(db: Kysely<DB>, context: AuditContext, planId: string, input: AxisCreate) {
  const { actor } = context;
  const plan = await repo.findVisiblePlan(db, actor, planId);
  if (!plan) throw notFound();
  assertCanWrite(actor, plan.owner_institution_id);
  const parentId = input.parentId ?? null;
  let parentNumber: string | null = null;
  if (parentId !== null) {
    const parent = await repo.findVisibleAxis(db, actor, parentId);
    if (!parent) throw unknownReference('body.parentId');
    if (parent.plan_id !== planId) throw invalidField('body.parentId', 'not_in_plan');
    // Two levels, as in the founding document: axes (3) and their numbered sub-items (3.1).
    if (parent.parent_id !== null) throw invalidField('body.parentId', 'axis_level');
    parentNumber = parent.number;
  }
  const numberFits =
    parentNumber === null
      ? /^\d+$/.test(input.number)
      : input.number.startsWith(`${parentNumber}.`) && /^\d+\.\d+$/.test(input.number);
  if (!numberFits) throw invalidField('body.number', 'axis_number');
  if (await repo.findAxisByNumber(db, planId, input.number)) {
    throw new AppError(409, 'conflict', { reason: 'duplicate' });
  }
  const now = nowIso();
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    const row: repo.AxisRow = {
      id,
      plan_id: planId,
      parent_id: parentId,
      number: input.number,
      position: await repo.nextAxisPosition(trx, planId, parentId),
      title_fr: input.titleFr,
      title_en: input.titleEn ?? null,
      text_fr: input.textFr ?? null,
      text_en: input.textEn ?? null,
      each_institution: input.eachInstitution ? 1 : 0,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertAxis(trx, row);
    await recordAudit(trx, context, { entity: 'plan_axis', entityId: id, action: 'create', after: row });
  });
  return getAxis(db, actor, id);
}

export async function updateAxis(db: Kysely<DB>, context: AuditContext, id: string, input: AxisUpdate) {
  const { actor } = context;
  const current = await repo.findVisibleAxis(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.plan_owner_institution_id);
  const changes: Partial<repo.AxisRow> = { updated_at: nowIso() };
  if (input.titleFr !== undefined) changes.title_fr = input.titleFr;
  if (input.titleEn !== undefined) changes.title_en = input.titleEn;
  if (input.textFr !== undefined) changes.text_fr = input.textFr;
  if (input.textEn !== undefined) changes.text_en = input.textEn;
  if (input.eachInstitution !== undefined) changes.each_institution = input.eachInstitution ? 1 : 0;
  const applied = await db.transaction().execute(async (trx) => {
    const before = await repo.findAxis(trx, id);
    if (!(await repo.updateAxis(trx, id, input.version, changes))) return false;
    await recordAudit(trx, context, {
      entity: 'plan_axis',
      entityId: id,
      action: 'update',
      before,
      after: await repo.findAxis(trx, id),
    });
    return true;
  });
  if (!applied) throw versionConflict(await getAxis(db, actor, id), Object.keys(input));
  return getAxis(db, actor, id);
}

async function participantAxis(db: Kysely<DB>, actor: Actor, axisId: string, institutionId: string) {
  const axis = await repo.findVisibleAxis(db, actor, axisId);
  if (!axis) throw notFound();
  assertCanWrite(actor, axis.plan_owner_institution_id);
  // Only a member of the plan's group can be recorded as not taking part; anything else is not there to change.
  const member = await repo.isGroupMember(db, axis.group_id, institutionId);
  if (!member) throw notFound();
  return axis;
}

/** Records that a member does not take part in an axis (or sub-item); idempotent, the note is replaced. */
export async function recordException(
  db: Kysely<DB>,
  context: AuditContext,
  axisId: string,
  institutionId: string,
  input: ExceptionBody | undefined,
) {
  const { actor } = context;
  await participantAxis(db, actor, axisId, institutionId);
  const note = input?.note ?? null;
  await db.transaction().execute(async (trx) => {
    const before = (await repo.exceptionsOf(trx, [axisId])).find((e) => e.institution_id === institutionId);
    await repo.upsertException(trx, axisId, institutionId, note);
    await recordAudit(trx, context, {
      entity: 'plan_axis',
      entityId: axisId,
      action: 'exception_recorded',
      before: before
        ? { institutionId, participates: false, note: before.note }
        : { institutionId, participates: true },
      after: { institutionId, participates: false, note },
      institutionId,
    });
  });
  return getAxis(db, actor, axisId);
}

/** Removes a "does not take part": the member takes part again. Idempotent. */
export async function removeException(db: Kysely<DB>, context: AuditContext, axisId: string, institutionId: string) {
  const { actor } = context;
  await participantAxis(db, actor, axisId, institutionId);
  await db.transaction().execute(async (trx) => {
    const before = (await repo.exceptionsOf(trx, [axisId])).find((e) => e.institution_id === institutionId);
    if (!(await repo.deleteException(trx, axisId, institutionId))) return;
    await recordAudit(trx, context, {
      entity: 'plan_axis',
      entityId: axisId,
      action: 'exception_removed',
      before: { institutionId, participates: false, note: before?.note ?? null },
      after: { institutionId, participates: true },
      institutionId,
    });
  });
  return getAxis(db, actor, axisId);
}
