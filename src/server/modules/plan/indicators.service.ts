import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DimensionKey, indicatorCreate, indicatorUpdate } from '../../../shared/contract/plan.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite } from '../../auth/policy.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso, versionConflict } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { findVisibleAction, todayUtc } from './actions.repo.js';
import { presentIndicator } from './indicators.present.js';
import * as repo from './indicators.repo.js';
import { invalidField, unknownReference } from './plan-errors.js';
import { findVisibleAxis, findVisiblePlan } from './plans.repo.js';
import { cellCount, MAX_CELLS, parseDimensions } from './report-cells.js';

type IndicatorCreate = z.output<typeof indicatorCreate>;
type IndicatorUpdate = z.output<typeof indicatorUpdate>;

export async function listIndicators(db: Kysely<DB>, actor: Actor, query: repo.IndicatorListQuery) {
  const { rows, total } = await repo.listIndicators(db, actor, query);
  return { items: rows.map((row) => presentIndicator(actor, row)), total, page: query.page, pageSize: query.pageSize };
}

export async function getIndicator(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleIndicator(db, actor, id);
  if (!row) throw notFound();
  return presentIndicator(actor, row);
}

function checkDimensions(dimensions: DimensionKey[]) {
  if (new Set(dimensions).size !== dimensions.length) throw invalidField('body.dimensions', 'duplicate_value');
  // A report gives every combination: keep that within what one report can carry.
  if (cellCount(dimensions) > MAX_CELLS) throw invalidField('body.dimensions', 'too_many_cells', { limit: MAX_CELLS });
}

/**
 * Where the indicator hangs: an axis (or sub-item) of the plan, an action of the plan, or the plan itself. An
 * indicator of an action carries the action's axis, so that it counts under that axis.
 */
async function placement(
  db: Kysely<DB>,
  actor: Actor,
  planId: string,
  axisId: string | null | undefined,
  actionId: string | null | undefined,
) {
  let axis: string | null = axisId ?? null;
  if (axisId) {
    const found = await findVisibleAxis(db, actor, axisId);
    if (!found) throw unknownReference('body.axisId');
    if (found.plan_id !== planId) throw invalidField('body.axisId', 'not_in_plan');
  }
  if (actionId) {
    const action = await findVisibleAction(db, actor, actionId, todayUtc());
    if (!action) throw unknownReference('body.actionId');
    if (action.plan_id !== planId) throw invalidField('body.actionId', 'not_in_plan');
    if (axisId && axisId !== action.axis_id) throw invalidField('body.axisId', 'axis_mismatch');
    axis = action.axis_id;
  }
  return { axis_id: axis, action_id: actionId ?? null };
}

const duplicateCode = () => new AppError(409, 'conflict', { reason: 'duplicate' });

export async function createIndicator(db: Kysely<DB>, context: AuditContext, input: IndicatorCreate) {
  const { actor } = context;
  assertCanWrite(actor, null);
  if (!(await findVisiblePlan(db, actor, input.planId))) throw unknownReference('body.planId');
  const place = await placement(db, actor, input.planId, input.axisId, input.actionId);
  checkDimensions(input.dimensions);
  if (await repo.findIndicatorByCode(db, input.planId, input.code)) throw duplicateCode();
  const now = nowIso();
  const row: repo.IndicatorRow = {
    id: randomUUID(),
    plan_id: input.planId,
    ...place,
    code: input.code,
    name_fr: input.nameFr,
    name_en: input.nameEn ?? null,
    unit: input.unit,
    aggregation: input.aggregation,
    baseline: input.baseline ?? null,
    target: input.target ?? null,
    frequency: input.frequency,
    dimensions: JSON.stringify(input.dimensions),
    notes: input.notes ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertIndicator(trx, row);
    await recordAudit(trx, context, { entity: 'indicator', entityId: row.id, action: 'create', after: row });
  });
  return getIndicator(db, actor, row.id);
}

export async function updateIndicator(db: Kysely<DB>, context: AuditContext, id: string, input: IndicatorUpdate) {
  const { actor } = context;
  const current = await repo.findVisibleIndicator(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, null);
  const changes: Partial<repo.IndicatorRow> = { updated_at: nowIso() };
  if (input.axisId !== undefined || input.actionId !== undefined) {
    const actionId = input.actionId !== undefined ? input.actionId : current.action_id;
    // Moving to another action takes that action's axis unless an axis is named too.
    const axisId = input.axisId !== undefined ? input.axisId : input.actionId ? undefined : current.axis_id;
    Object.assign(changes, await placement(db, actor, current.plan_id, axisId, actionId));
  }
  if (input.dimensions !== undefined) {
    checkDimensions(input.dimensions);
    const before = parseDimensions(current.dimensions);
    const same = before.length === input.dimensions.length && before.every((d, i) => d === input.dimensions?.[i]);
    // Reports' cells are the cross-classification of the dimensions: they would no longer fit.
    if (!same && (await repo.countReports(db, id)) > 0) throw new AppError(409, 'conflict', { reason: 'in_use' });
    changes.dimensions = JSON.stringify(input.dimensions);
  }
  if (input.code !== undefined && input.code !== current.code) {
    if (await repo.findIndicatorByCode(db, current.plan_id, input.code)) throw duplicateCode();
    changes.code = input.code;
  }
  if (input.nameFr !== undefined) changes.name_fr = input.nameFr;
  if (input.nameEn !== undefined) changes.name_en = input.nameEn;
  if (input.unit !== undefined) changes.unit = input.unit;
  if (input.aggregation !== undefined) changes.aggregation = input.aggregation;
  if (input.baseline !== undefined) changes.baseline = input.baseline;
  if (input.target !== undefined) changes.target = input.target;
  if (input.frequency !== undefined) changes.frequency = input.frequency;
  if (input.notes !== undefined) changes.notes = input.notes;
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateIndicator(trx, id, input.version, changes))) return false;
    await recordAudit(trx, context, {
      entity: 'indicator',
      entityId: id,
      action: 'update',
      before: current,
      after: await repo.findIndicator(trx, id),
    });
    return true;
  });
  if (!applied) throw versionConflict(await getIndicator(db, actor, id), Object.keys(input));
  return getIndicator(db, actor, id);
}

export async function deleteIndicator(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await repo.findVisibleIndicator(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, null);
  if (current.version !== version) throw versionConflict(presentIndicator(actor, current), []);
  // Reported values are kept: an indicator with reports stays.
  if ((await repo.countReports(db, id)) > 0) throw new AppError(409, 'conflict', { reason: 'in_use' });
  await db.transaction().execute(async (trx) => {
    await repo.deleteIndicator(trx, id);
    await recordAudit(trx, context, { entity: 'indicator', entityId: id, action: 'delete', before: current });
  });
}
