import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type ActivityKind,
  type activityCreate,
  activityDetailsByKind,
  type activityUpdate,
  axisOfKind,
  cadenceMonths,
  type followUpCreate,
  type followUpUpdate,
  type statementResponseCreate,
  type statementResponseUpdate,
} from '../../../shared/contract/activities.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite, canWrite } from '../../auth/policy.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { validationError } from '../../http/validation.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { detachEverywhere } from '../documents/documents.repo.js';
import { linkRecord, unlinkEverywhere, unlinkRecord } from '../plan/actions.repo.js';
import { presentActivity, presentFollowUp, presentResponse, type Related } from './activities.present.js';
import * as repo from './activities.repo.js';
import { spanOf } from './activity-time.js';
import { sanitizeRichText } from './rich-text.js';

type Create = z.output<typeof activityCreate>;
type Update = z.output<typeof activityUpdate>;
type Common = Omit<Create, 'kind' | 'details'>;
const ENTITY = 'activity';

function invalid(field: string, issue: string): AppError {
  return new AppError(400, 'validation_failed', { field }, [{ field, issue, message: '' }]);
}

async function loadRelated(db: Kysely<DB>, actor: Actor, rows: repo.ActivityListRow[]): Promise<Related> {
  const ids = rows.map((r) => r.id);
  const bodyIds = [...new Set(rows.flatMap((r) => (r.body_id ? [r.body_id] : [])))];
  const [institutions, partners, themes, trainees, actions, followUps, responses, bodies] = await Promise.all([
    repo.institutionsOf(db, actor, ids),
    repo.partnersOf(db, actor, ids),
    repo.themesOf(db, ids),
    repo.traineesOf(db, ids),
    repo.actionsOf(db, actor, ids),
    repo.followUpsOf(db, ids),
    repo.responsesOf(db, ids),
    repo.bodiesOf(db, actor, bodyIds),
  ]);
  return { institutions, partners, themes, trainees, actions, followUps, responses, bodies };
}

export async function listActivities(db: Kysely<DB>, actor: Actor, query: repo.ActivityListQuery) {
  const { rows, total } = await repo.listActivities(db, actor, query, new Date());
  const related = await loadRelated(db, actor, rows);
  return {
    items: rows.map((row) => presentActivity(actor, row, related)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getActivity(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleActivity(db, actor, id, new Date());
  if (!row) throw notFound();
  return presentActivity(actor, row, await loadRelated(db, actor, [row]));
}

/** Dates as entered and the UTC span; the form of each date follows `allDay`, and the end is not before the start. */
function scheduleOf(allDay: boolean, startsAt: string, endsAt: string, timeZone: string) {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
  const issue = allDay ? 'expected_date' : 'expected_date_time';
  if (dateOnly.test(startsAt) !== allDay) throw invalid('body.startsAt', issue);
  if (dateOnly.test(endsAt) !== allDay) throw invalid('body.endsAt', issue);
  const span = spanOf(allDay, startsAt, endsAt, timeZone);
  if (span.endsUtc < span.startsUtc || endsAt < startsAt) throw invalid('body.endsAt', 'end_before_start');
  return span;
}

interface PreparedDetails {
  json: string;
  cadenceMonths: number | null;
  bodyId: string | null;
  trainees: { audience: string; sex: string; count: number }[] | null;
}

/** What a kind's details become: JSON of the scalars (rich text sanitised), columns, and counted rows. */
export function prepareDetails(kind: ActivityKind, raw: unknown): PreparedDetails {
  const parsed = activityDetailsByKind[kind].safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, 'body.details');
  const none = { cadenceMonths: null, bodyId: null, trainees: null };
  switch (kind) {
    case 'dialogue_body': {
      const d = parsed.data as z.output<(typeof activityDetailsByKind)['dialogue_body']>;
      return {
        ...none,
        json: JSON.stringify({ cadence: d.cadence, memberPeople: d.memberPeople }),
        cadenceMonths: cadenceMonths[d.cadence],
      };
    }
    case 'meeting': {
      const d = parsed.data as z.output<(typeof activityDetailsByKind)['meeting']>;
      return {
        ...none,
        json: JSON.stringify({
          agenda: d.agenda ?? null,
          minutesHtml: sanitizeRichText(d.minutesHtml),
          decisions: d.decisions,
        }),
        bodyId: d.bodyId,
      };
    }
    case 'training': {
      const d = parsed.data as z.output<(typeof activityDetailsByKind)['training']>;
      const seen = new Set<string>();
      d.participants.forEach((p, index) => {
        const key = `${p.audience}/${p.sex}`;
        if (seen.has(key)) throw invalid(`body.details.participants.${index}`, 'duplicate_value');
        seen.add(key);
      });
      return {
        ...none,
        json: JSON.stringify({
          audiences: [...new Set(d.audiences)],
          trainers: d.trainers,
          materials: d.materials ?? null,
          evaluation: d.evaluation ?? null,
        }),
        trainees: d.participants.filter((p) => p.count > 0),
      };
    }
    case 'statement': {
      const d = parsed.data as z.output<(typeof activityDetailsByKind)['statement']>;
      return {
        ...none,
        json: JSON.stringify({
          statementType: d.statementType,
          addressee: d.addressee,
          textHtml: sanitizeRichText(d.textHtml),
          publicLink: d.publicLink ?? null,
        }),
      };
    }
    case 'study_visit': {
      const d = parsed.data as z.output<(typeof activityDetailsByKind)['study_visit']>;
      return {
        ...none,
        json: JSON.stringify({
          visitors: d.visitors,
          programme: d.programme ?? null,
          placesVisited: d.placesVisited,
          missionReportHtml: sanitizeRichText(d.missionReportHtml),
          lessonsLearned: d.lessonsLearned ?? null,
        }),
      };
    }
    case 'course': {
      const d = parsed.data as z.output<(typeof activityDetailsByKind)['course']>;
      return {
        ...none,
        json: JSON.stringify({
          courseName: d.courseName,
          courseOrganiser: d.courseOrganiser ?? null,
          participants: d.participants,
          certificate: d.certificate ?? null,
        }),
      };
    }
  }
}

async function assertVisible(
  db: Kysely<DB>,
  actor: Actor,
  table: 'institutions' | 'partners' | 'plan_actions',
  ids: string[],
  field: string,
) {
  const visible = await repo.visibleIds(db, actor, table, ids);
  const index = ids.findIndex((id) => !visible.has(id));
  if (index >= 0) throw invalid(`${field}.${index}`, 'unknown_reference');
}

async function assertBody(db: Kysely<DB>, actor: Actor, bodyId: string | null) {
  if (bodyId !== null && !(await repo.isVisibleBody(db, actor, bodyId))) {
    throw invalid('body.details.bodyId', 'unknown_reference');
  }
}

function institutionLinks(organisers: string[], participants: string[], host: string | null | undefined) {
  const links = new Map<string, { institutionId: string; role: string }>();
  const add = (institutionId: string, role: string) => links.set(`${role}/${institutionId}`, { institutionId, role });
  for (const id of organisers) add(id, 'organiser');
  for (const id of participants) add(id, 'participant');
  if (host) add(host, 'host');
  return [...links.values()];
}

function partnerLinks(partners: { partnerId: string; role: string }[]) {
  const links = new Map<string, { partnerId: string; role: string }>();
  for (const p of partners) links.set(`${p.role}/${p.partnerId}`, p);
  return [...links.values()];
}

async function checkReferences(db: Kysely<DB>, actor: Actor, input: Partial<Common>) {
  if (input.organiserInstitutionIds) {
    await assertVisible(db, actor, 'institutions', input.organiserInstitutionIds, 'body.organiserInstitutionIds');
  }
  if (input.participantInstitutionIds) {
    await assertVisible(db, actor, 'institutions', input.participantInstitutionIds, 'body.participantInstitutionIds');
  }
  if (input.hostInstitutionId) {
    const visible = await repo.visibleIds(db, actor, 'institutions', [input.hostInstitutionId]);
    if (!visible.has(input.hostInstitutionId)) throw invalid('body.hostInstitutionId', 'unknown_reference');
  }
  if (input.partners) {
    const ids = input.partners.map((p) => p.partnerId);
    const visible = await repo.visibleIds(db, actor, 'partners', ids);
    const index = ids.findIndex((id) => !visible.has(id));
    if (index >= 0) throw invalid(`body.partners.${index}.partnerId`, 'unknown_reference');
  }
  if (input.actionIds) await assertVisible(db, actor, 'plan_actions', input.actionIds, 'body.actionIds');
}

/** The activity's lists as the audit trail keeps them. */
async function auditedLists(db: Kysely<DB>, id: string) {
  const [institutions, partners, themes, actionIds] = await Promise.all([
    db.selectFrom('activity_institutions').select(['institution_id', 'role']).where('activity_id', '=', id).execute(),
    db.selectFrom('activity_partners').select(['partner_id', 'role']).where('activity_id', '=', id).execute(),
    db.selectFrom('activity_themes').select('theme').where('activity_id', '=', id).execute(),
    repo.linkedActionIds(db, id),
  ]);
  const sorted = (values: string[]) => [...values].sort();
  return {
    institutions: sorted(institutions.map((i) => `${i.role}:${i.institution_id}`)),
    partners: sorted(partners.map((p) => `${p.role}:${p.partner_id}`)),
    themes: sorted(themes.map((t) => t.theme)),
    actionIds: sorted(actionIds),
  };
}

export async function createActivity(db: Kysely<DB>, context: AuditContext, input: Create) {
  const { actor } = context;
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  let owner: string | null;
  if (input.ownerInstitutionId !== undefined) {
    owner = input.ownerInstitutionId;
    if (owner !== null && !(await repo.visibleIds(db, actor, 'institutions', [owner])).has(owner)) {
      throw invalid('body.ownerInstitutionId', 'unknown_reference');
    }
  } else {
    owner = canWrite(actor, null) ? null : actor.user.institutionId;
  }
  assertCanWrite(actor, owner);
  const span = scheduleOf(input.allDay, input.startsAt, input.endsAt, input.timeZone);
  const details = prepareDetails(input.kind, input.details);
  await checkReferences(db, actor, input);
  await assertBody(db, actor, details.bodyId);
  const now = nowIso();
  const row: repo.ActivityRow = {
    id: randomUUID(),
    kind: input.kind,
    axis: axisOfKind[input.kind],
    title: input.title,
    all_day: input.allDay ? 1 : 0,
    starts_local: input.startsAt,
    ends_local: input.endsAt,
    time_zone: input.timeZone,
    starts_utc: span.startsUtc,
    ends_utc: span.endsUtc,
    city: input.city ?? null,
    country_code: input.countryCode ?? null,
    online: input.online ? 1 : 0,
    body_id: details.bodyId,
    cadence_months: details.cadenceMonths,
    details: details.json,
    notes: input.notes ?? null,
    owner_institution_id: owner,
    visibility: input.visibility,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertActivity(trx, row);
    await repo.replaceInstitutions(
      trx,
      row.id,
      institutionLinks(input.organiserInstitutionIds, input.participantInstitutionIds, input.hostInstitutionId),
    );
    await repo.replacePartners(trx, row.id, partnerLinks(input.partners));
    await repo.replaceThemes(trx, row.id, [...new Set(input.themes)]);
    if (details.trainees) await repo.replaceTrainees(trx, row.id, details.trainees);
    for (const actionId of new Set(input.actionIds)) await linkRecord(trx, actionId, ENTITY, row.id);
    await recordAudit(trx, context, {
      entity: ENTITY,
      entityId: row.id,
      action: 'create',
      after: { ...row, ...(await auditedLists(trx, row.id)) },
      institutionId: owner,
    });
  });
  return getWritten(db, actor, row.id);
}

/** An activity as just written; the writer may have narrowed it out of their own sight (another owner). */
async function getWritten(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleActivity(db, actor, id, new Date());
  if (row) return presentActivity(actor, row, await loadRelated(db, actor, [row]));
  throw notFound();
}

/** Replaces a set of links, leaving those the actor cannot see (they could not have meant to remove them). */
function mergeHidden<T>(sent: T[], current: T[], isVisible: (item: T) => boolean): T[] {
  return [...sent, ...current.filter((item) => !isVisible(item))];
}

export async function updateActivity(
  db: Kysely<DB>,
  context: AuditContext,
  id: string,
  input: Update,
  rawDetails: unknown,
) {
  const { actor } = context;
  const current = await repo.findVisibleActivity(db, actor, id, new Date());
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const { version, details: _parsedDetails, ...fields } = input;
  if (fields.ownerInstitutionId !== undefined && fields.ownerInstitutionId !== current.owner_institution_id) {
    const owner = fields.ownerInstitutionId;
    if (owner !== null && !(await repo.visibleIds(db, actor, 'institutions', [owner])).has(owner)) {
      throw invalid('body.ownerInstitutionId', 'unknown_reference');
    }
    assertCanWrite(actor, owner);
  }
  const kind = current.kind as ActivityKind;
  const changes: Partial<repo.ActivityRow> = { updated_at: nowIso() };
  const allDay = fields.allDay ?? current.all_day === 1;
  const startsAt = fields.startsAt ?? current.starts_local;
  const endsAt = fields.endsAt ?? current.ends_local;
  const timeZone = fields.timeZone ?? current.time_zone;
  if ([fields.allDay, fields.startsAt, fields.endsAt, fields.timeZone].some((v) => v !== undefined)) {
    const span = scheduleOf(allDay, startsAt, endsAt, timeZone);
    Object.assign(changes, {
      all_day: allDay ? 1 : 0,
      starts_local: startsAt,
      ends_local: endsAt,
      time_zone: timeZone,
      starts_utc: span.startsUtc,
      ends_utc: span.endsUtc,
    });
  }
  const details = input.details !== undefined ? prepareDetails(kind, rawDetails) : undefined;
  if (details) {
    changes.details = details.json;
    changes.cadence_months = details.cadenceMonths;
    changes.body_id = details.bodyId;
    if (details.bodyId === id) throw invalid('body.details.bodyId', 'unknown_reference');
    await assertBody(db, actor, details.bodyId);
  }
  if (fields.title !== undefined) changes.title = fields.title;
  if (fields.city !== undefined) changes.city = fields.city;
  if (fields.countryCode !== undefined) changes.country_code = fields.countryCode;
  if (fields.online !== undefined) changes.online = fields.online ? 1 : 0;
  if (fields.notes !== undefined) changes.notes = fields.notes;
  if (fields.ownerInstitutionId !== undefined) changes.owner_institution_id = fields.ownerInstitutionId;
  if (fields.visibility !== undefined) changes.visibility = fields.visibility;
  await checkReferences(db, actor, fields);

  const institutionsSent =
    fields.organiserInstitutionIds !== undefined ||
    fields.participantInstitutionIds !== undefined ||
    fields.hostInstitutionId !== undefined;
  const applied = await db.transaction().execute(async (trx) => {
    const before = { ...(await repo.findActivity(trx, id)), ...(await auditedLists(trx, id)) };
    if (!(await repo.updateActivity(trx, id, version, changes))) return false;
    if (institutionsSent) {
      const stored = await trx
        .selectFrom('activity_institutions')
        .select(['institution_id', 'role'])
        .where('activity_id', '=', id)
        .execute();
      const visible = await repo.visibleIds(
        trx,
        actor,
        'institutions',
        stored.map((s) => s.institution_id),
      );
      const of = (role: string) => stored.filter((s) => s.role === role).map((s) => s.institution_id);
      const hidden = (role: string) => of(role).filter((i) => !visible.has(i));
      const organisers = fields.organiserInstitutionIds
        ? [...fields.organiserInstitutionIds, ...hidden('organiser')]
        : of('organiser');
      const participants = fields.participantInstitutionIds
        ? [...fields.participantInstitutionIds, ...hidden('participant')]
        : of('participant');
      const host = fields.hostInstitutionId !== undefined ? fields.hostInstitutionId : (of('host')[0] ?? null);
      await repo.replaceInstitutions(trx, id, institutionLinks(organisers, participants, host));
    }
    if (fields.partners !== undefined) {
      const stored = await trx
        .selectFrom('activity_partners')
        .select(['partner_id as partnerId', 'role'])
        .where('activity_id', '=', id)
        .execute();
      const visible = await repo.visibleIds(
        trx,
        actor,
        'partners',
        stored.map((s) => s.partnerId),
      );
      await repo.replacePartners(
        trx,
        id,
        partnerLinks(mergeHidden(fields.partners, stored, (p) => visible.has(p.partnerId))),
      );
    }
    if (fields.themes !== undefined) await repo.replaceThemes(trx, id, [...new Set(fields.themes)]);
    if (details?.trainees) await repo.replaceTrainees(trx, id, details.trainees);
    if (fields.actionIds !== undefined) {
      const stored = await repo.linkedActionIds(trx, id);
      const visible = await repo.visibleIds(trx, actor, 'plan_actions', stored);
      const wanted = new Set(fields.actionIds);
      for (const actionId of stored) {
        if (visible.has(actionId) && !wanted.has(actionId)) await unlinkRecord(trx, actionId, ENTITY, id);
      }
      for (const actionId of wanted) await linkRecord(trx, actionId, ENTITY, id);
    }
    const after = { ...(await repo.findActivity(trx, id)), ...(await auditedLists(trx, id)) };
    await recordAudit(trx, context, {
      entity: ENTITY,
      entityId: id,
      action: 'update',
      before,
      after,
      institutionId: after.owner_institution_id ?? null,
    });
    return true;
  });
  if (!applied)
    throw await staleVersion(db, {
      entity: ENTITY,
      entityId: id,
      sentVersion: version,
      current: await getActivity(db, actor, id),
    });
  return getWritten(db, actor, id);
}

export async function deleteActivity(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await repo.findVisibleActivity(db, actor, id, new Date());
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  if (current.version !== version)
    throw await staleVersion(db, {
      entity: ENTITY,
      entityId: id,
      sentVersion: version,
      current: await getActivity(db, actor, id),
    });
  // A body's meetings would lose their body: they are moved or deleted first.
  if (current.kind === 'dialogue_body' && (await repo.countMeetingsOf(db, id)) > 0)
    throw new AppError(409, 'conflict', { reason: 'in_use' }, { reason: 'in_use' });
  const deleted = await db.transaction().execute(async (trx) => {
    const before = { ...(await repo.findActivity(trx, id)), ...(await auditedLists(trx, id)) };
    if (!(await repo.deleteActivity(trx, id, version))) return false;
    await unlinkEverywhere(trx, ENTITY, id);
    // Its documents stay in the library, attached to nothing of this activity any more.
    await detachEverywhere(trx, ENTITY, id);
    await recordAudit(trx, context, {
      entity: ENTITY,
      entityId: id,
      action: 'delete',
      before,
      institutionId: current.owner_institution_id,
    });
    return true;
  });
  if (!deleted) {
    const now = await repo.findVisibleActivity(db, actor, id, new Date());
    if (!now) throw notFound();
    throw await staleVersion(db, {
      entity: ENTITY,
      entityId: id,
      sentVersion: version,
      current: await getActivity(db, actor, id),
    });
  }
}

// Follow-up items: they follow their activity's visibility and its owner's right to write.

async function writableActivity(db: Kysely<DB>, actor: Actor, activityId: string) {
  const activity = await repo.findVisibleActivity(db, actor, activityId, new Date());
  if (!activity) throw notFound();
  assertCanWrite(actor, activity.owner_institution_id);
  return activity;
}

export async function createFollowUp(
  db: Kysely<DB>,
  context: AuditContext,
  activityId: string,
  input: z.output<typeof followUpCreate>,
) {
  const activity = await writableActivity(db, context.actor, activityId);
  const now = nowIso();
  const row: repo.FollowUpRow = {
    id: randomUUID(),
    activity_id: activityId,
    text: input.text,
    owner: input.owner ?? null,
    due_on: input.dueOn ?? null,
    status: input.status,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertFollowUp(trx, row);
    await recordAudit(trx, context, {
      entity: 'activity_follow_up',
      entityId: row.id,
      action: 'create',
      after: row,
      institutionId: activity.owner_institution_id,
    });
  });
  return presentFollowUp(context.actor, activity.owner_institution_id, row);
}

export async function updateFollowUp(
  db: Kysely<DB>,
  context: AuditContext,
  activityId: string,
  id: string,
  input: z.output<typeof followUpUpdate>,
) {
  const activity = await writableActivity(db, context.actor, activityId);
  const current = await repo.findFollowUp(db, activityId, id);
  if (!current) throw notFound();
  const { version, ...fields } = input;
  const changes: Partial<repo.FollowUpRow> = { updated_at: nowIso() };
  if (fields.text !== undefined) changes.text = fields.text;
  if (fields.owner !== undefined) changes.owner = fields.owner;
  if (fields.dueOn !== undefined) changes.due_on = fields.dueOn;
  if (fields.status !== undefined) changes.status = fields.status;
  const after = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateFollowUp(trx, id, version, changes))) return undefined;
    const written = await repo.findFollowUp(trx, activityId, id);
    await recordAudit(trx, context, {
      entity: 'activity_follow_up',
      entityId: id,
      action: 'update',
      before: current,
      after: written,
      institutionId: activity.owner_institution_id,
    });
    return written;
  });
  if (!after) {
    const now = await repo.findFollowUp(db, activityId, id);
    if (!now) throw notFound();
    throw await staleVersion(db, {
      entity: 'activity_follow_up',
      entityId: id,
      sentVersion: version,
      current: presentFollowUp(context.actor, activity.owner_institution_id, now),
    });
  }
  return presentFollowUp(context.actor, activity.owner_institution_id, after);
}

/**
 * Deletes one versioned item of an activity (a follow-up item, a response) with its audit event, in one
 * transaction; a stale version is a 409 carrying the item as it is now, a vanished one a 404.
 */
async function deleteActivityItem<Row>(
  db: Kysely<DB>,
  context: AuditContext,
  item: {
    entity: string;
    id: string;
    version: number;
    institutionId: string | null;
    find(): Promise<Row | undefined>;
    remove(trx: Kysely<DB>): Promise<boolean>;
    present(row: Row): unknown;
  },
) {
  const current = await item.find();
  if (!current) throw notFound();
  const deleted = await db.transaction().execute(async (trx) => {
    if (!(await item.remove(trx))) return false;
    await recordAudit(trx, context, {
      entity: item.entity,
      entityId: item.id,
      action: 'delete',
      before: current,
      institutionId: item.institutionId,
    });
    return true;
  });
  if (!deleted) {
    const now = await item.find();
    if (!now) throw notFound();
    throw await staleVersion(db, {
      entity: item.entity,
      entityId: item.id,
      sentVersion: item.version,
      current: item.present(now),
    });
  }
}

export async function deleteFollowUp(
  db: Kysely<DB>,
  context: AuditContext,
  activityId: string,
  id: string,
  version: number,
) {
  const activity = await writableActivity(db, context.actor, activityId);
  await deleteActivityItem(db, context, {
    entity: 'activity_follow_up',
    id,
    version,
    institutionId: activity.owner_institution_id,
    find: () => repo.findFollowUp(db, activityId, id),
    remove: (trx) => repo.deleteFollowUp(trx, id, version),
    present: (row) => presentFollowUp(context.actor, activity.owner_institution_id, row),
  });
}

// An authority's responses to a statement.

async function writableStatement(db: Kysely<DB>, actor: Actor, activityId: string) {
  const activity = await writableActivity(db, actor, activityId);
  // Only statements have responses: elsewhere the collection does not exist.
  if (activity.kind !== 'statement') throw notFound();
  return activity;
}

function assertAfterStatement(activity: repo.ActivityRow, receivedOn: string | undefined) {
  if (receivedOn !== undefined && receivedOn < activity.starts_local.slice(0, 10)) {
    throw invalid('body.receivedOn', 'before_statement');
  }
}

export async function createResponse(
  db: Kysely<DB>,
  context: AuditContext,
  activityId: string,
  input: z.output<typeof statementResponseCreate>,
) {
  const activity = await writableStatement(db, context.actor, activityId);
  assertAfterStatement(activity, input.receivedOn);
  const now = nowIso();
  const row: repo.ResponseRow = {
    id: randomUUID(),
    activity_id: activityId,
    received_on: input.receivedOn,
    summary: input.summary ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertResponse(trx, row);
    await recordAudit(trx, context, {
      entity: 'statement_response',
      entityId: row.id,
      action: 'create',
      after: row,
      institutionId: activity.owner_institution_id,
    });
  });
  return presentResponse(context.actor, activity.owner_institution_id, row);
}

export async function updateResponse(
  db: Kysely<DB>,
  context: AuditContext,
  activityId: string,
  id: string,
  input: z.output<typeof statementResponseUpdate>,
) {
  const activity = await writableStatement(db, context.actor, activityId);
  const current = await repo.findResponse(db, activityId, id);
  if (!current) throw notFound();
  assertAfterStatement(activity, input.receivedOn);
  const { version, ...fields } = input;
  const changes: Partial<repo.ResponseRow> = { updated_at: nowIso() };
  if (fields.receivedOn !== undefined) changes.received_on = fields.receivedOn;
  if (fields.summary !== undefined) changes.summary = fields.summary;
  const after = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateResponse(trx, id, version, changes))) return undefined;
    const written = await repo.findResponse(trx, activityId, id);
    await recordAudit(trx, context, {
      entity: 'statement_response',
      entityId: id,
      action: 'update',
      before: current,
      after: written,
      institutionId: activity.owner_institution_id,
    });
    return written;
  });
  if (!after) {
    const now = await repo.findResponse(db, activityId, id);
    if (!now) throw notFound();
    throw await staleVersion(db, {
      entity: 'statement_response',
      entityId: id,
      sentVersion: version,
      current: presentResponse(context.actor, activity.owner_institution_id, now),
    });
  }
  return presentResponse(context.actor, activity.owner_institution_id, after);
}

export async function deleteResponse(
  db: Kysely<DB>,
  context: AuditContext,
  activityId: string,
  id: string,
  version: number,
) {
  const activity = await writableStatement(db, context.actor, activityId);
  await deleteActivityItem(db, context, {
    entity: 'statement_response',
    id,
    version,
    institutionId: activity.owner_institution_id,
    find: () => repo.findResponse(db, activityId, id),
    remove: (trx) => repo.deleteResponse(trx, id, version),
    present: (row) => presentResponse(context.actor, activity.owner_institution_id, row),
  });
}
