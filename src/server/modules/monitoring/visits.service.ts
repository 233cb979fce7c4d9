import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type VisitStatus,
  type visitCreate,
  type visitTransition,
  visitTransitions,
  type visitUpdate,
} from '../../../shared/contract/monitoring.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite } from '../../auth/policy.js';
import type { DB, VisitTable } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { linkRecord, unlinkRecord, visibleInstitutions, visiblePartners } from '../plan/actions.repo.js';
import { detachAttachments } from './attachments.js';
import { findVisibleFacility } from './facilities.repo.js';
import { ownerOnCreate } from './facilities.service.js';
import { type FieldIssue, invalidFields, transitionNotAllowed, visibilityRank } from './monitoring-errors.js';
import { populationColumns, presentVisit, presentVisitSummary } from './visits.present.js';
import * as repo from './visits.repo.js';

type Create = z.output<typeof visitCreate>;
type Update = z.output<typeof visitUpdate>;
type Transition = z.output<typeof visitTransition>;
type TeamInput = Create['team'];

export async function listVisits(db: Kysely<DB>, actor: Actor, query: repo.VisitListQuery) {
  if (query.from && query.to && query.to < query.from)
    throw invalidFields([{ field: 'query.to', issue: 'end_before_start' }]);
  const { rows, total } = await repo.listVisits(db, actor, query);
  const ids = rows.map((r) => r.id);
  const [institutions, partners] = await Promise.all([repo.institutionsOf(db, ids), repo.partnersOf(db, actor, ids)]);
  return {
    items: rows.map((row) => presentVisitSummary(actor, row, { institutions, partners })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getVisit(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleVisit(db, actor, id);
  if (!row) throw notFound();
  const [institutions, partners, team, actionIds, history, statusChangedByName] = await Promise.all([
    repo.institutionsOf(db, [id]),
    repo.partnersOf(db, actor, [id]),
    repo.teamOf(db, id),
    repo.actionIdsOf(db, actor, id),
    repo.statusHistoryOf(db, id),
    repo.userName(db, row.status_changed_by),
  ]);
  return presentVisit(actor, row, { institutions, partners }, { team, actionIds, history, statusChangedByName });
}

interface References {
  facilityId?: string | undefined;
  visibility?: string | undefined;
  institutionIds?: string[] | undefined;
  partnerIds?: string[] | undefined;
  team?: TeamInput | undefined;
  actionIds?: string[] | undefined;
}

/** Every record named exists and is visible to the actor (each unknown one named); the visibility fits the facility. */
async function checkReferences(db: Kysely<DB>, actor: Actor, refs: References, facilityVisibility: string | null) {
  const issues: FieldIssue[] = [];
  const teamInstitutions = (refs.team ?? []).flatMap((m) => (m.institutionId ? [m.institutionId] : []));
  const [institutions, partners, actions] = await Promise.all([
    visibleInstitutions(db, actor, [...new Set([...(refs.institutionIds ?? []), ...teamInstitutions])]),
    visiblePartners(db, actor, [...new Set(refs.partnerIds ?? [])]),
    repo.visibleActions(db, actor, [...new Set(refs.actionIds ?? [])]),
  ]);
  if (refs.facilityId !== undefined && facilityVisibility === null) {
    issues.push({ field: 'body.facilityId', issue: 'unknown_reference' });
  }
  refs.institutionIds?.forEach((id, i) => {
    if (!institutions.includes(id)) issues.push({ field: `body.institutionIds.${i}`, issue: 'unknown_reference' });
  });
  refs.partnerIds?.forEach((id, i) => {
    if (!partners.includes(id)) issues.push({ field: `body.partnerIds.${i}`, issue: 'unknown_reference' });
  });
  refs.team?.forEach((m, i) => {
    if (m.institutionId && !institutions.includes(m.institutionId)) {
      issues.push({ field: `body.team.${i}.institutionId`, issue: 'unknown_reference' });
    }
  });
  refs.actionIds?.forEach((id, i) => {
    if (!actions.includes(id)) issues.push({ field: `body.actionIds.${i}`, issue: 'unknown_reference' });
  });
  // The visit names its facility: whoever sees the visit must be allowed to see the facility too.
  if (
    facilityVisibility !== null &&
    refs.visibility !== undefined &&
    visibilityRank(refs.visibility) > visibilityRank(facilityVisibility)
  ) {
    issues.push({ field: 'body.visibility', issue: 'wider_than_facility' });
  }
  if (issues.length > 0) throw invalidFields(issues);
}

const unique = (ids: string[]) => [...new Set(ids)];
const teamRows = (team: TeamInput) =>
  team.map((m) => ({ name: m.name, role: m.role ?? null, institutionId: m.institutionId ?? null }));

/** The plan links of a visit become `wanted`, among the actions the actor may see (others' links stay). */
async function relink(trx: Kysely<DB>, actor: Actor, visitId: string, wanted: string[]) {
  const current = await repo.actionIdsOf(trx, actor, visitId);
  for (const id of current) if (!wanted.includes(id)) await unlinkRecord(trx, id, 'visit', visitId);
  for (const id of wanted) await linkRecord(trx, id, 'visit', visitId);
}

export async function createVisit(db: Kysely<DB>, context: AuditContext, input: Create) {
  const { actor } = context;
  const owner = await ownerOnCreate(db, actor, input.ownerInstitutionId);
  const facility = await findVisibleFacility(db, actor, input.facilityId);
  await checkReferences(db, actor, input, facility?.visibility ?? null);
  const now = nowIso();
  const userId = actor.kind === 'user' ? actor.user.id : null;
  const row: VisitTable = {
    id: randomUUID(),
    facility_id: input.facilityId,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    type: input.type,
    announced: input.announced ? 1 : 0,
    status: 'planned',
    status_changed_at: now,
    status_changed_by: userId,
    objectives: input.objectives ?? null,
    summary: input.summary ?? null,
    ...populationColumns(input.population),
    checklist_template_id: null,
    checklist_started_at: null,
    owner_institution_id: owner,
    visibility: input.visibility,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const institutionIds = unique(input.institutionIds).filter((id) => id !== owner);
  await db.transaction().execute(async (trx) => {
    await repo.insertVisit(trx, row);
    await repo.insertStatusChange(trx, { visitId: row.id, from: null, to: 'planned', note: null, at: now, by: userId });
    await repo.replaceInstitutions(trx, row.id, institutionIds);
    await repo.replacePartners(trx, row.id, unique(input.partnerIds));
    await repo.replaceTeam(trx, row.id, teamRows(input.team));
    for (const actionId of unique(input.actionIds)) await linkRecord(trx, actionId, 'visit', row.id);
    await recordAudit(trx, context, {
      entity: 'visit',
      entityId: row.id,
      action: 'create',
      after: { ...row, institutionIds, partnerIds: input.partnerIds, team: input.team, actionIds: input.actionIds },
      institutionId: owner,
    });
  });
  return getVisit(db, actor, row.id);
}

async function conflictOf(db: Kysely<DB>, actor: Actor, id: string, sentVersion: number) {
  const current = await repo.findVisibleVisit(db, actor, id);
  if (!current) return notFound();
  return staleVersion(db, { entity: 'visit', entityId: id, sentVersion, current: await getVisit(db, actor, id) });
}

export async function updateVisit(db: Kysely<DB>, context: AuditContext, id: string, input: Update) {
  const { actor } = context;
  const current = await repo.findVisibleVisit(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const { version, ...f } = input;
  const facilityId = f.facilityId ?? current.facility_id;
  const facility = await findVisibleFacility(db, actor, facilityId);
  await checkReferences(
    db,
    actor,
    { ...f, visibility: f.visibility ?? current.visibility, facilityId },
    facility?.visibility ?? null,
  );
  const startsOn = f.startsOn ?? current.starts_on;
  const endsOn = f.endsOn ?? current.ends_on;
  if (endsOn < startsOn) throw invalidFields([{ field: 'body.endsOn', issue: 'end_before_start' }]);
  const changes: Partial<VisitTable> = { updated_at: nowIso() };
  if (f.facilityId !== undefined) changes.facility_id = f.facilityId;
  if (f.startsOn !== undefined) changes.starts_on = f.startsOn;
  if (f.endsOn !== undefined) changes.ends_on = f.endsOn;
  if (f.type !== undefined) changes.type = f.type;
  if (f.announced !== undefined) changes.announced = f.announced ? 1 : 0;
  if (f.objectives !== undefined) changes.objectives = f.objectives;
  if (f.summary !== undefined) changes.summary = f.summary;
  if (f.population !== undefined) Object.assign(changes, populationColumns(f.population));
  if (f.visibility !== undefined) changes.visibility = f.visibility;
  const owner = current.owner_institution_id;
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateVisit(trx, id, version, changes))) return false;
    if (f.institutionIds !== undefined) {
      await repo.replaceInstitutions(
        trx,
        id,
        unique(f.institutionIds).filter((i) => i !== owner),
      );
    }
    if (f.partnerIds !== undefined) await repo.replacePartners(trx, id, unique(f.partnerIds));
    if (f.team !== undefined) await repo.replaceTeam(trx, id, teamRows(f.team));
    if (f.actionIds !== undefined) await relink(trx, actor, id, unique(f.actionIds));
    const after = await repo.findVisit(trx, id);
    await recordAudit(trx, context, {
      entity: 'visit',
      entityId: id,
      action: 'update',
      before: current,
      after: {
        ...after,
        ...(f.institutionIds === undefined ? {} : { institutionIds: f.institutionIds }),
        ...(f.partnerIds === undefined ? {} : { partnerIds: f.partnerIds }),
        ...(f.team === undefined ? {} : { team: f.team }),
        ...(f.actionIds === undefined ? {} : { actionIds: f.actionIds }),
      },
      institutionId: owner,
    });
    return true;
  });
  if (!applied) throw await conflictOf(db, actor, id, version);
  return getVisit(db, actor, id);
}

export async function transitionVisit(db: Kysely<DB>, context: AuditContext, id: string, input: Transition) {
  const { actor } = context;
  const current = await repo.findVisibleVisit(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  if (current.version !== input.version) throw await conflictOf(db, actor, id, input.version);
  const from = current.status as VisitStatus;
  if (!visitTransitions[from].includes(input.to)) throw transitionNotAllowed(from, input.to);
  const now = nowIso();
  const userId = actor.kind === 'user' ? actor.user.id : null;
  const applied = await db.transaction().execute(async (trx) => {
    const changes = { status: input.to, status_changed_at: now, status_changed_by: userId, updated_at: now };
    if (!(await repo.updateVisit(trx, id, input.version, changes))) return false;
    await repo.insertStatusChange(trx, {
      visitId: id,
      from,
      to: input.to,
      note: input.note ?? null,
      at: now,
      by: userId,
    });
    await recordAudit(trx, context, {
      entity: 'visit',
      entityId: id,
      action: 'status_change',
      before: { status: from },
      after: { status: input.to, note: input.note ?? null },
      institutionId: current.owner_institution_id,
      version: input.version + 1,
    });
    return true;
  });
  if (!applied) throw await conflictOf(db, actor, id, input.version);
  return getVisit(db, actor, id);
}

export async function deleteVisit(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await repo.findVisibleVisit(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  if (current.version !== version) throw await conflictOf(db, actor, id, version);
  // Recommendations are followed for years: a visit that issued some is closed, not deleted.
  if ((await repo.countRecommendations(db, id)) > 0) {
    throw new AppError(409, 'conflict', { reason: 'in_use' }, { reason: 'in_use' });
  }
  const deleted = await db.transaction().execute(async (trx) => {
    const before = await repo.findVisit(trx, id);
    if (!(await repo.deleteVisit(trx, id, version))) return false;
    await detachAttachments(trx, 'visit', id);
    await recordAudit(trx, context, {
      entity: 'visit',
      entityId: id,
      action: 'delete',
      before: before ?? null,
      institutionId: current.owner_institution_id,
    });
    return true;
  });
  if (!deleted) throw await conflictOf(db, actor, id, version);
}
