import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { actionCreate, actionUpdate, budget } from '../../../shared/contract/plan.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite, canWrite } from '../../auth/policy.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { nowIso, versionConflict } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { presentAction } from './actions.present.js';
import * as repo from './actions.repo.js';
import { currencyDigits, toMinorUnits } from './budget.js';
import { type FieldIssue, invalidField, invalidFields, unknownReference } from './plan-errors.js';
import { findVisibleAxis } from './plans.repo.js';

type ActionCreate = z.output<typeof actionCreate>;
type ActionUpdate = z.output<typeof actionUpdate>;
type Budget = z.output<typeof budget>;

async function presentRows(db: Kysely<DB>, actor: Actor, rows: repo.ActionListRow[]) {
  const ids = rows.map((r) => r.id);
  const [participants, partners, links] = await Promise.all([
    repo.participantsOf(db, ids),
    repo.partnersOf(db, ids),
    repo.linkCountsOf(db, actor, ids),
  ]);
  return rows.map((row) => presentAction(actor, row, { participants, partners, links }));
}

export async function listActions(db: Kysely<DB>, actor: Actor, query: repo.ActionListQuery) {
  if (query.from && query.to && query.to < query.from) throw invalidField('query.to', 'end_before_start');
  const { rows, total } = await repo.listActions(db, actor, query, repo.todayUtc());
  return { items: await presentRows(db, actor, rows), total, page: query.page, pageSize: query.pageSize };
}

async function presentOne(db: Kysely<DB>, actor: Actor, row: repo.ActionListRow) {
  const [presented] = await presentRows(db, actor, [row]);
  return presented as NonNullable<typeof presented>;
}

export async function getAction(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleAction(db, actor, id, repo.todayUtc());
  if (!row) throw notFound();
  return presentOne(db, actor, row);
}

/** What the actor has just stored: shown even when the edit took the action out of their sight. */
async function written(db: Kysely<DB>, actor: Actor, id: string) {
  return presentOne(db, actor, await repo.findWrittenAction(db, actor, id, repo.todayUtc()));
}

/**
 * Who leads a new action. An action belongs to its lead institution: contact points and staff create actions led
 * by their own institution only; administrators and coordinators name any lead, or none (the network's action).
 */
function leadOnCreate(actor: Actor, requested: string | null | undefined): string | null {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  if (canWrite(actor, null)) return requested ?? null;
  const own = actor.user.institutionId;
  if (own === null || !canWrite(actor, own)) throw forbidden();
  if (requested && requested !== own) throw forbidden();
  return own;
}

function leadOnUpdate(actor: Actor, requested: string | null): string | null {
  if (canWrite(actor, null)) return requested;
  if (actor.kind === 'anonymous' || requested === null || requested !== actor.user.institutionId) throw forbidden();
  return requested;
}

/** Every institution and partner named exists and is visible to the actor; each unknown one is named. */
async function checkReferences(
  db: Kysely<DB>,
  actor: Actor,
  refs: {
    lead?: string | null | undefined;
    participants?: string[] | undefined;
    partners?: string[] | undefined;
    funder?: string | null | undefined;
  },
) {
  const institutions = [...(refs.lead ? [refs.lead] : []), ...(refs.participants ?? [])];
  const partners = [...(refs.funder ? [refs.funder] : []), ...(refs.partners ?? [])];
  const [knownInstitutions, knownPartners] = await Promise.all([
    repo.visibleInstitutions(db, actor, [...new Set(institutions)]),
    repo.visiblePartners(db, actor, [...new Set(partners)]),
  ]);
  const issues: FieldIssue[] = [];
  const missing = (id: string, known: string[]) => !known.includes(id);
  if (refs.lead && missing(refs.lead, knownInstitutions)) {
    issues.push({ field: 'body.leadInstitutionId', issue: 'unknown_reference' });
  }
  refs.participants?.forEach((id, index) => {
    if (missing(id, knownInstitutions)) {
      issues.push({ field: `body.participantInstitutionIds.${index}`, issue: 'unknown_reference' });
    }
  });
  refs.partners?.forEach((id, index) => {
    if (missing(id, knownPartners)) issues.push({ field: `body.partnerIds.${index}`, issue: 'unknown_reference' });
  });
  if (refs.funder && missing(refs.funder, knownPartners)) {
    issues.push({ field: 'body.funderPartnerId', issue: 'unknown_reference' });
  }
  if (issues.length > 0) throw invalidFields(issues);
}

/** A budget as stored: minor units of an ISO 4217 currency, with no more decimals than the currency has. */
function budgetColumns(value: Budget | null) {
  if (value === null) return { budget_minor: null, budget_currency: null };
  const digits = currencyDigits(value.currency);
  if (digits === undefined) throw invalidField('body.budget.currency', 'currency_code');
  const minor = toMinorUnits(value.amount, digits);
  if (minor === undefined) throw invalidField('body.budget.amount', 'currency_precision', { limit: digits });
  return { budget_minor: minor, budget_currency: value.currency };
}

const unique = (ids: string[]) => [...new Set(ids)];

export async function createAction(db: Kysely<DB>, context: AuditContext, input: ActionCreate) {
  const { actor } = context;
  const lead = leadOnCreate(actor, input.leadInstitutionId);
  const axis = await findVisibleAxis(db, actor, input.axisId);
  if (!axis) throw unknownReference('body.axisId');
  await checkReferences(db, actor, {
    lead,
    participants: input.participantInstitutionIds,
    partners: input.partnerIds,
    funder: input.funderPartnerId,
  });
  const now = nowIso();
  const row: repo.ActionRow = {
    id: randomUUID(),
    plan_id: axis.plan_id,
    axis_id: axis.id,
    title: input.title,
    description: input.description ?? null,
    lead_institution_id: lead,
    status: input.status,
    planned_start: input.plannedStart ?? null,
    planned_end: input.plannedEnd ?? null,
    completed_on: input.completedOn ?? null,
    funder_partner_id: input.funderPartnerId ?? null,
    ...budgetColumns(input.budget ?? null),
    comments: input.comments ?? null,
    carried_from_id: null,
    // Owned by its lead institution; without a lead, by the network.
    owner_institution_id: lead,
    visibility: input.visibility,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const participants = unique(input.participantInstitutionIds);
  const partners = unique(input.partnerIds);
  await db.transaction().execute(async (trx) => {
    await repo.insertAction(trx, row);
    await repo.replaceParticipants(trx, row.id, participants);
    await repo.replacePartners(trx, row.id, partners);
    await recordAudit(trx, context, {
      entity: 'plan_action',
      entityId: row.id,
      action: 'create',
      after: { ...row, participantInstitutionIds: participants, partnerIds: partners },
      institutionId: row.owner_institution_id,
    });
  });
  return written(db, actor, row.id);
}

export async function updateAction(db: Kysely<DB>, context: AuditContext, id: string, input: ActionUpdate) {
  const { actor } = context;
  const today = repo.todayUtc();
  const current = await repo.findVisibleAction(db, actor, id, today);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const changes: Partial<repo.ActionRow> = { updated_at: nowIso() };
  if (input.leadInstitutionId !== undefined) {
    const lead = leadOnUpdate(actor, input.leadInstitutionId);
    changes.lead_institution_id = lead;
    changes.owner_institution_id = lead;
  }
  if (input.axisId !== undefined) {
    const axis = await findVisibleAxis(db, actor, input.axisId);
    if (!axis) throw unknownReference('body.axisId');
    if (axis.plan_id !== current.plan_id) throw invalidField('body.axisId', 'not_in_plan');
    changes.axis_id = axis.id;
  }
  const plannedStart = input.plannedStart !== undefined ? input.plannedStart : current.planned_start;
  const plannedEnd = input.plannedEnd !== undefined ? input.plannedEnd : current.planned_end;
  if (plannedStart && plannedEnd && plannedEnd < plannedStart) {
    throw invalidField(input.plannedEnd !== undefined ? 'body.plannedEnd' : 'body.plannedStart', 'end_before_start');
  }
  await checkReferences(db, actor, {
    lead: input.leadInstitutionId,
    participants: input.participantInstitutionIds,
    partners: input.partnerIds,
    funder: input.funderPartnerId,
  });
  if (input.budget !== undefined) Object.assign(changes, budgetColumns(input.budget));
  if (input.title !== undefined) changes.title = input.title;
  if (input.description !== undefined) changes.description = input.description;
  if (input.status !== undefined) changes.status = input.status;
  if (input.plannedStart !== undefined) changes.planned_start = input.plannedStart;
  if (input.plannedEnd !== undefined) changes.planned_end = input.plannedEnd;
  if (input.completedOn !== undefined) changes.completed_on = input.completedOn;
  if (input.funderPartnerId !== undefined) changes.funder_partner_id = input.funderPartnerId;
  if (input.comments !== undefined) changes.comments = input.comments;
  if (input.visibility !== undefined) changes.visibility = input.visibility;
  const applied = await db.transaction().execute(async (trx) => {
    const before = await presentOne(trx, actor, current);
    if (!(await repo.updateAction(trx, id, input.version, changes))) return false;
    if (input.participantInstitutionIds) {
      await repo.replaceParticipants(trx, id, unique(input.participantInstitutionIds));
    }
    if (input.partnerIds) await repo.replacePartners(trx, id, unique(input.partnerIds));
    if (changes.axis_id && changes.axis_id !== current.axis_id) await repo.moveIndicatorsOf(trx, id, changes.axis_id);
    const after = await presentOne(trx, actor, await repo.findWrittenAction(trx, actor, id, today));
    await recordAudit(trx, context, {
      entity: 'plan_action',
      entityId: id,
      action: 'update',
      before: { ...before, can: undefined, overdue: undefined },
      after: { ...after, can: undefined, overdue: undefined },
      institutionId: after.ownerInstitutionId,
    });
    return true;
  });
  if (!applied) {
    const latest = await repo.findVisibleAction(db, actor, id, today);
    throw versionConflict(latest ? await getAction(db, actor, id) : null, Object.keys(input));
  }
  return written(db, actor, id);
}

export async function deleteAction(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await repo.findVisibleAction(db, actor, id, repo.todayUtc());
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  if (current.version !== version) throw versionConflict(await getAction(db, actor, id), []);
  // Indicators, linked meetings or visits, and actions carried over into a later plan keep their history.
  if ((await repo.countReferences(db, id)) > 0) throw new AppError(409, 'conflict', { reason: 'in_use' });
  await db.transaction().execute(async (trx) => {
    const before = await presentOne(trx, actor, current);
    await repo.deleteAction(trx, id);
    await recordAudit(trx, context, {
      entity: 'plan_action',
      entityId: id,
      action: 'delete',
      before: { ...before, can: undefined },
      institutionId: current.owner_institution_id,
    });
  });
}
