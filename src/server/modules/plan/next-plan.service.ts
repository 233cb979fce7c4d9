import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { nextPlanCreate } from '../../../shared/contract/plan.js';
import { assertCanWrite } from '../../auth/policy.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { type ActionRow, unfinishedStatuses } from './actions.repo.js';
import type { IndicatorRow } from './indicators.repo.js';
import * as plans from './plans.repo.js';
import { getPlan } from './plans.service.js';

type NextPlan = z.output<typeof nextPlanCreate>;

/**
 * Prepares the plan that follows `planId`: a new draft for the same group with the same axes, sub-items, axis
 * partners, "does not take part" exceptions and indicators (reports stay with their plan), and the unfinished
 * actions (planned, in progress, postponed) carried over as new actions pointing back at their origin. Done and
 * cancelled actions stay behind. Carried actions keep their lead, owner, visibility, status, participants,
 * partners, funder and budget; their planned dates belonged to the old plan's calendar and are left to be set.
 * One plan has at most one successor, so carried actions are never duplicated.
 */
export async function prepareNextPlan(db: Kysely<DB>, context: AuditContext, planId: string, input: NextPlan) {
  const { actor } = context;
  const previous = await plans.findVisiblePlan(db, actor, planId);
  if (!previous) throw notFound();
  assertCanWrite(actor, null);
  const alreadyPrepared = () => new AppError(409, 'conflict', { reason: 'duplicate' });
  if (await plans.successorOf(db, planId)) throw alreadyPrepared();
  const now = nowIso();
  const stamp = { version: 1, created_at: now, updated_at: now };
  const newPlan: plans.PlanRow = {
    id: randomUUID(),
    group_id: previous.group_id,
    title_fr: input.titleFr,
    title_en: input.titleEn ?? null,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    status: 'draft',
    source_text: null,
    previous_plan_id: previous.id,
    visibility: previous.visibility,
    owner_institution_id: previous.owner_institution_id,
    ...stamp,
  };

  await db.transaction().execute(async (trx) => {
    // Two requests at once: the first takes the plan's row (a no-op update, a portable lock), the second then sees
    // the successor and stops.
    await trx
      .updateTable('plans')
      .set((eb) => ({ version: eb.ref('version') }))
      .where('id', '=', previous.id)
      .execute();
    if (await plans.successorOf(trx, planId)) throw alreadyPrepared();
    await plans.insertPlan(trx, newPlan);
    await recordAudit(trx, context, { entity: 'plan', entityId: newPlan.id, action: 'create', after: newPlan });

    // Axes before their sub-items, so that every parent exists when its children arrive.
    const axes = await plans.axesOf(trx, previous.id);
    const axisIds = new Map<string, string>();
    for (const axis of [...axes.filter((a) => a.parent_id === null), ...axes.filter((a) => a.parent_id !== null)]) {
      const copy: plans.AxisRow = {
        ...axis,
        ...stamp,
        id: randomUUID(),
        plan_id: newPlan.id,
        parent_id: axis.parent_id === null ? null : (axisIds.get(axis.parent_id) ?? null),
      };
      axisIds.set(axis.id, copy.id);
      await plans.insertAxis(trx, copy);
      await recordAudit(trx, context, { entity: 'plan_axis', entityId: copy.id, action: 'create', after: copy });
    }
    const oldAxisIds = axes.map((a) => a.id);
    if (oldAxisIds.length > 0) {
      const partners = await trx
        .selectFrom('plan_axis_partners')
        .selectAll()
        .where('axis_id', 'in', oldAxisIds)
        .execute();
      if (partners.length > 0) {
        await trx
          .insertInto('plan_axis_partners')
          .values(partners.map((p) => ({ ...p, axis_id: axisIds.get(p.axis_id) as string })))
          .execute();
      }
      const exceptions = await plans.exceptionsOf(trx, oldAxisIds);
      if (exceptions.length > 0) {
        await trx
          .insertInto('plan_axis_exceptions')
          .values(exceptions.map((e) => ({ ...e, axis_id: axisIds.get(e.axis_id) as string, created_at: now })))
          .execute();
      }
    }

    // Every unfinished action is carried, whoever prepares the plan: each copy keeps its owner and visibility.
    const unfinished = await trx
      .selectFrom('plan_actions')
      .selectAll()
      .where('plan_id', '=', previous.id)
      .where('status', 'in', unfinishedStatuses)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const actionIds = new Map<string, string>();
    for (const action of unfinished) {
      const copy: ActionRow = {
        ...action,
        ...stamp,
        id: randomUUID(),
        plan_id: newPlan.id,
        axis_id: axisIds.get(action.axis_id) as string,
        planned_start: null,
        planned_end: null,
        completed_on: null,
        carried_from_id: action.id,
      };
      actionIds.set(action.id, copy.id);
      await trx.insertInto('plan_actions').values(copy).execute();
      const participants = await trx
        .selectFrom('plan_action_institutions')
        .select('institution_id')
        .where('action_id', '=', action.id)
        .execute();
      if (participants.length > 0) {
        await trx
          .insertInto('plan_action_institutions')
          .values(participants.map((p) => ({ action_id: copy.id, institution_id: p.institution_id })))
          .execute();
      }
      const partners = await trx
        .selectFrom('plan_action_partners')
        .select('partner_id')
        .where('action_id', '=', action.id)
        .execute();
      if (partners.length > 0) {
        await trx
          .insertInto('plan_action_partners')
          .values(partners.map((p) => ({ action_id: copy.id, partner_id: p.partner_id })))
          .execute();
      }
      await recordAudit(trx, context, {
        entity: 'plan_action',
        entityId: copy.id,
        action: 'carry_over',
        after: copy,
        institutionId: copy.owner_institution_id,
      });
    }

    // Indicators follow their axis; one of an action left behind stays on that action's axis.
    const indicators = await trx.selectFrom('indicators').selectAll().where('plan_id', '=', previous.id).execute();
    for (const indicator of indicators) {
      const copy: IndicatorRow = {
        ...indicator,
        ...stamp,
        id: randomUUID(),
        plan_id: newPlan.id,
        axis_id: indicator.axis_id === null ? null : (axisIds.get(indicator.axis_id) ?? null),
        action_id: indicator.action_id === null ? null : (actionIds.get(indicator.action_id) ?? null),
      };
      await trx.insertInto('indicators').values(copy).execute();
      await recordAudit(trx, context, { entity: 'indicator', entityId: copy.id, action: 'create', after: copy });
    }
  });
  return getPlan(db, actor, newPlan.id);
}
