import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type followUpCreate,
  monitoringThemes,
  type RecommendationStatus,
  type recommendationCreate,
  recommendationTransitions,
  type recommendationUpdate,
} from '../../../shared/contract/monitoring.js';
import type { Actor } from '../../auth/actor.js';
import type { DB, RecommendationTable } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { type FieldIssue, invalidField, invalidFields } from './monitoring-errors.js';
import { presentDetail, presentRecommendation } from './recommendations.present.js';
import * as repo from './recommendations.repo.js';
import { writableVisit } from './visit-access.js';

type Create = z.output<typeof recommendationCreate>;
type Update = z.output<typeof recommendationUpdate>;
type FollowUp = z.output<typeof followUpCreate>;

export async function listRecommendations(db: Kysely<DB>, actor: Actor, query: repo.RecommendationListQuery) {
  if (query.from && query.to && query.to < query.from) throw invalidField('query.to', 'end_before_start');
  const today = repo.todayUtc();
  const { rows, total } = await repo.listRecommendations(db, actor, query, today);
  const repeated = await repo.repeatedOf(
    db,
    actor,
    rows.flatMap((r) => (r.repeats_id ? [r.repeats_id] : [])),
  );
  return {
    items: rows.map((row) => presentRecommendation(actor, row, repeated)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getRecommendation(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleRecommendation(db, actor, id, repo.todayUtc());
  if (!row) throw notFound();
  const [repeated, followUps] = await Promise.all([
    repo.repeatedOf(db, actor, row.repeats_id ? [row.repeats_id] : []),
    repo.followUpsOf(db, id),
  ]);
  return presentDetail(actor, row, repeated, followUps);
}

export async function themesByCountry(db: Kysely<DB>, actor: Actor, query: repo.RecommendationFilters) {
  if (query.from && query.to && query.to < query.from) throw invalidField('query.to', 'end_before_start');
  const today = repo.todayUtc();
  const rows = await repo.themesByCountry(db, actor, query, today);
  const countries = [...new Set(rows.map((r) => r.country_code))].sort();
  const present = new Set(rows.map((r) => r.theme));
  return {
    countries,
    themes: monitoringThemes.filter((t) => present.has(t)),
    cells: rows.map((r) => ({
      theme: r.theme as (typeof monitoringThemes)[number],
      countryCode: r.country_code,
      recommendations: Number(r.recommendations),
      open: Number(r.open ?? 0),
      implemented: Number(r.implemented ?? 0),
      repeated: Number(r.repeated ?? 0),
      visits: Number(r.visits),
    })),
    today,
  };
}

/** The finding belongs to the visit; the repeated recommendation is visible, of another visit, and not later. */
async function checkLinks(
  db: Kysely<DB>,
  actor: Actor,
  visitId: string,
  links: { findingId?: string | null | undefined; repeatsId?: string | null | undefined; issuedOn: string },
) {
  const issues: FieldIssue[] = [];
  if (links.findingId) {
    const finding = await db
      .selectFrom('findings')
      .select('visit_id')
      .where('id', '=', links.findingId)
      .executeTakeFirst();
    if (!finding) issues.push({ field: 'body.findingId', issue: 'unknown_reference' });
    else if (finding.visit_id !== visitId) issues.push({ field: 'body.findingId', issue: 'not_of_visit' });
  }
  if (links.repeatsId) {
    const [earlier] = await repo.repeatedOf(db, actor, [links.repeatsId]);
    if (!earlier) issues.push({ field: 'body.repeatsId', issue: 'unknown_reference' });
    else if (earlier.visit_id === visitId || earlier.issued_on > links.issuedOn) {
      issues.push({ field: 'body.repeatsId', issue: 'repeats_not_earlier' });
    }
  }
  if (issues.length > 0) throw invalidFields(issues);
}

/** A new recommendation as stored: issued on its date. Imports build theirs here too. */
export function newRecommendationRow(input: Create, now: string): RecommendationTable {
  return {
    id: randomUUID(),
    visit_id: input.visitId,
    finding_id: input.findingId ?? null,
    addressee: input.addressee,
    text: input.text,
    theme: input.theme,
    priority: input.priority,
    issued_on: input.issuedOn,
    due_on: input.dueOn ?? null,
    repeats_id: input.repeatsId ?? null,
    status: 'issued',
    status_on: input.issuedOn,
    first_reply_on: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

export async function createRecommendation(db: Kysely<DB>, context: AuditContext, input: Create) {
  const { actor } = context;
  const visit = await writableVisit(db, actor, input.visitId);
  await checkLinks(db, actor, input.visitId, input);
  const row = newRecommendationRow(input, nowIso());
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('recommendations').values(row).execute();
    await recordAudit(trx, context, {
      entity: 'recommendation',
      entityId: row.id,
      action: 'create',
      after: row,
      institutionId: visit.owner_institution_id,
    });
  });
  return getRecommendation(db, actor, row.id);
}

async function conflictOf(db: Kysely<DB>, actor: Actor, id: string, sentVersion: number) {
  return staleVersion(db, {
    entity: 'recommendation',
    entityId: id,
    sentVersion,
    current: await getRecommendation(db, actor, id),
  });
}

export async function updateRecommendation(db: Kysely<DB>, context: AuditContext, id: string, input: Update) {
  const { actor } = context;
  const current = await repo.findVisibleRecommendation(db, actor, id, repo.todayUtc());
  if (!current) throw notFound();
  await writableVisit(db, actor, current.visit_id);
  const { version, ...f } = input;
  const issuedOn = f.issuedOn ?? current.issued_on;
  const dueOn = f.dueOn === undefined ? current.due_on : f.dueOn;
  if (dueOn !== null && dueOn < issuedOn) throw invalidField('body.dueOn', 'due_before_issue');
  if (f.issuedOn !== undefined) {
    const first = await repo.firstFollowUpOn(db, id);
    if (first !== null && f.issuedOn > first) throw invalidField('body.issuedOn', 'after_follow_up');
  }
  await checkLinks(db, actor, current.visit_id, {
    findingId: f.findingId,
    repeatsId: f.repeatsId,
    issuedOn,
  });
  const changes: Partial<RecommendationTable> = { updated_at: nowIso() };
  if (f.findingId !== undefined) changes.finding_id = f.findingId;
  if (f.addressee !== undefined) changes.addressee = f.addressee;
  if (f.text !== undefined) changes.text = f.text;
  if (f.theme !== undefined) changes.theme = f.theme;
  if (f.priority !== undefined) changes.priority = f.priority;
  if (f.issuedOn !== undefined) {
    changes.issued_on = f.issuedOn;
    if (current.status === 'issued') changes.status_on = f.issuedOn;
  }
  if (f.dueOn !== undefined) changes.due_on = f.dueOn;
  if (f.repeatsId !== undefined) changes.repeats_id = f.repeatsId;
  const applied = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('recommendations')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    const after = await repo.findRecommendation(trx, id);
    await recordAudit(trx, context, {
      entity: 'recommendation',
      entityId: id,
      action: 'update',
      before: stripJoined(current),
      after,
      institutionId: current.owner_institution_id,
    });
    return true;
  });
  if (!applied) throw await conflictOf(db, actor, id, version);
  return getRecommendation(db, actor, id);
}

/** The stored columns of a tracker row (its joined visit and facility columns left out of the audit). */
function stripJoined(row: repo.RecommendationRow): RecommendationTable {
  return {
    id: row.id,
    visit_id: row.visit_id,
    finding_id: row.finding_id,
    addressee: row.addressee,
    text: row.text,
    theme: row.theme,
    priority: row.priority,
    issued_on: row.issued_on,
    due_on: row.due_on,
    repeats_id: row.repeats_id,
    status: row.status,
    status_on: row.status_on,
    first_reply_on: row.first_reply_on,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export async function deleteRecommendation(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await repo.findVisibleRecommendation(db, actor, id, repo.todayUtc());
  if (!current) throw notFound();
  await writableVisit(db, actor, current.visit_id);
  if (current.version !== version) throw await conflictOf(db, actor, id, version);
  const deleted = await db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('recommendations')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) return false;
    await recordAudit(trx, context, {
      entity: 'recommendation',
      entityId: id,
      action: 'delete',
      before: stripJoined(current),
      institutionId: current.owner_institution_id,
    });
    return true;
  });
  if (!deleted) throw await conflictOf(db, actor, id, version);
}

/**
 * A dated step of the authority's follow-up. Only the transitions of the workflow are allowed, in date order and
 * not in the future; the first step out of `issued` is the authority's first reply.
 */
export async function addFollowUp(db: Kysely<DB>, context: AuditContext, id: string, input: FollowUp) {
  const { actor } = context;
  const current = await repo.findVisibleRecommendation(db, actor, id, repo.todayUtc());
  if (!current) throw notFound();
  await writableVisit(db, actor, current.visit_id);
  if (current.version !== input.version) throw await conflictOf(db, actor, id, input.version);
  const from = current.status as RecommendationStatus;
  if (!recommendationTransitions[from].includes(input.status)) throw invalidField('body.status', 'status_not_allowed');
  const last = (await repo.lastFollowUpOn(db, id)) ?? current.issued_on;
  if (input.happenedOn < last || input.happenedOn < current.issued_on) {
    throw invalidField('body.happenedOn', 'before_last_step');
  }
  if (input.happenedOn > repo.todayUtc()) throw invalidField('body.happenedOn', 'date_in_future');
  const now = nowIso();
  const firstReply = current.first_reply_on ?? (from === 'issued' ? input.happenedOn : null);
  const applied = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('recommendations')
      .set({
        status: input.status,
        status_on: input.happenedOn,
        first_reply_on: firstReply,
        updated_at: now,
        version: input.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    const followUpId = randomUUID();
    await trx
      .insertInto('recommendation_follow_ups')
      .values({
        id: followUpId,
        recommendation_id: id,
        happened_on: input.happenedOn,
        from_status: from,
        to_status: input.status,
        note: input.note ?? null,
        evidence: input.evidence ?? null,
        created_at: now,
        created_by: actor.kind === 'user' ? actor.user.id : null,
      })
      .execute();
    await recordAudit(trx, context, {
      entity: 'recommendation',
      entityId: id,
      action: 'follow_up',
      before: { status: from, first_reply_on: current.first_reply_on },
      after: {
        status: input.status,
        first_reply_on: firstReply,
        follow_up: { id: followUpId, happenedOn: input.happenedOn, note: input.note ?? null },
      },
      institutionId: current.owner_institution_id,
      version: input.version + 1,
    });
    return true;
  });
  if (!applied) throw await conflictOf(db, actor, id, input.version);
  return getRecommendation(db, actor, id);
}
