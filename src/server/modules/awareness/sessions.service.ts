import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type awarenessSessionCreate,
  type awarenessSessionUpdate,
  facilitySettings,
} from '../../../shared/contract/awareness.js';
import type { budget } from '../../../shared/contract/plan.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite, canWrite } from '../../auth/policy.js';
import type { AwarenessSessionTable, DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { institutionIsVisible } from '../partners/partners.repo.js';
import { linkRecord, unlinkEverywhere } from '../plan/actions.repo.js';
import { currencyDigits, toMinorUnits } from '../plan/budget.js';
import { type FieldIssue, invalidField, invalidFields, unknownReference } from '../plan/plan-errors.js';
import { cellsOf, computeReach } from './reach.js';
import { presentSessions, summaryOf } from './sessions.present.js';
import * as repo from './sessions.repo.js';

type Create = z.output<typeof awarenessSessionCreate>;
type Update = z.output<typeof awarenessSessionUpdate>;
type Row = AwarenessSessionTable;

export async function listSessions(db: Kysely<DB>, actor: Actor, query: repo.SessionListQuery) {
  const { rows, total } = await repo.listSessions(db, actor, query);
  const items = await presentSessions(db, actor, rows);
  return { items: items.map(summaryOf), total, page: query.page, pageSize: query.pageSize };
}

export async function getSession(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleSession(db, actor, id);
  if (!row) throw notFound();
  const [session] = await presentSessions(db, actor, [row]);
  if (!session) throw notFound();
  return session;
}

export function getReach(db: Kysely<DB>, actor: Actor, filters: repo.SessionFilters) {
  return computeReach(db, actor, filters);
}

function budgetColumns(value: z.output<typeof budget> | null) {
  if (value === null) return { budget_minor: null, budget_currency: null };
  const digits = currencyDigits(value.currency);
  if (digits === undefined) throw invalidField('body.budget.currency', 'currency_code');
  const minor = toMinorUnits(value.amount, digits);
  if (minor === undefined) throw invalidField('body.budget.amount', 'currency_precision', { limit: digits });
  return { budget_minor: minor, budget_currency: value.currency };
}

const unique = (ids: string[]) => [...new Set(ids)];

interface References {
  partnerIds?: string[] | undefined;
  materialIds?: string[] | undefined;
  funderPartnerId?: string | null | undefined;
  facilityId?: string | null | undefined;
  planActionId?: string | null | undefined;
  ownerInstitutionId?: string | null | undefined;
}

/** Every record a session names must exist and be visible to the writer: otherwise a 400 naming the field. */
async function checkReferences(db: Kysely<DB>, actor: Actor, refs: References): Promise<void> {
  const issues: FieldIssue[] = [];
  const partnerIds = unique([...(refs.partnerIds ?? []), ...(refs.funderPartnerId ? [refs.funderPartnerId] : [])]);
  const [partners, materials, facilities, action, owner] = await Promise.all([
    repo.visiblePartnerIds(db, actor, partnerIds),
    repo.visibleMaterialIds(db, actor, unique(refs.materialIds ?? [])),
    repo.visibleFacilityNames(db, actor, refs.facilityId ? [refs.facilityId] : []),
    refs.planActionId ? repo.actionIsVisible(db, actor, refs.planActionId) : Promise.resolve(true),
    refs.ownerInstitutionId ? institutionIsVisible(db, actor, refs.ownerInstitutionId) : Promise.resolve(true),
  ]);
  refs.partnerIds?.forEach((id, index) => {
    if (!partners.includes(id)) issues.push({ field: `body.partnerIds.${index}`, issue: 'unknown_reference' });
  });
  refs.materialIds?.forEach((id, index) => {
    if (!materials.includes(id)) issues.push({ field: `body.materialIds.${index}`, issue: 'unknown_reference' });
  });
  if (refs.funderPartnerId && !partners.includes(refs.funderPartnerId)) {
    issues.push({ field: 'body.funderPartnerId', issue: 'unknown_reference' });
  }
  if (refs.facilityId && facilities.length === 0) {
    issues.push({ field: 'body.facilityId', issue: 'unknown_reference' });
  }
  if (!action) issues.push({ field: 'body.planActionId', issue: 'unknown_reference' });
  if (!owner) issues.push({ field: 'body.ownerInstitutionId', issue: 'unknown_reference' });
  if (issues.length > 0) throw invalidFields(issues);
}

/**
 * Rules on the session as it will be stored (after an edit, on the merged record): a facility only for a place of
 * reception, transit or accommodation; a media campaign carries an estimated audience and no people met, any other
 * session people met and no audience.
 */
function checkCoherence(row: Row, childrenTotal: number, sent: { children: boolean; adults: boolean }) {
  const issues: FieldIssue[] = [];
  if (row.facility_id && !(facilitySettings as readonly string[]).includes(row.setting)) {
    issues.push({ field: 'body.facilityId', issue: 'facility_setting' });
  }
  if (row.setting === 'media_campaign') {
    if (childrenTotal > 0) issues.push({ field: 'body.children', issue: 'media_people_met' });
    if (row.adults > 0) issues.push({ field: 'body.adults', issue: 'media_people_met' });
  } else if (row.estimated_audience !== null) {
    issues.push({ field: 'body.estimatedAudience', issue: 'audience_media_only' });
  }
  if (issues.length > 0) {
    // Name what was sent first: an edit that only changed the setting is told about the setting.
    if (!sent.children && !sent.adults && issues.some((i) => i.issue === 'media_people_met')) {
      issues.unshift({ field: 'body.setting', issue: 'media_people_met' });
    }
    throw invalidFields(issues);
  }
}

async function written(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findSession(db, id);
  if (!row) throw notFound();
  const [session] = await presentSessions(db, actor, [row]);
  if (!session) throw notFound();
  return session;
}

async function snapshot(db: Kysely<DB>, id: string) {
  const row = await repo.findSession(db, id);
  if (!row) return null;
  const [reach, links, partners, materials] = await Promise.all([
    repo.reachOf(db, [id]),
    repo.actionLinksOf(db, [id]),
    db.selectFrom('awareness_session_partners').select('partner_id').where('session_id', '=', id).execute(),
    db.selectFrom('awareness_session_materials').select('material_id').where('session_id', '=', id).execute(),
  ]);
  return {
    ...row,
    children: reach.map((c) => `${c.status}/${c.sex}/${c.age_band}=${c.count}`).sort(),
    planActionId: links[0]?.action_id ?? null,
    partnerIds: partners.map((p) => p.partner_id).sort(),
    materialIds: materials.map((m) => m.material_id).sort(),
  };
}

export async function createSession(db: Kysely<DB>, context: AuditContext, input: Create) {
  const { actor } = context;
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  let owner: string | null;
  let repeatOf: string | null = null;
  if (input.repeatOfId) {
    // A repeat with the same group joins the series of the session it repeats (its first session), and stays
    // with that institution: the group is the institution's.
    const target = await repo.findVisibleSession(db, actor, input.repeatOfId);
    if (!target) throw unknownReference('body.repeatOfId');
    repeatOf = target.repeat_of_id ?? target.id;
    if (input.ownerInstitutionId !== undefined && input.ownerInstitutionId !== target.owner_institution_id) {
      throw invalidField('body.repeatOfId', 'repeat_institution');
    }
    owner = target.owner_institution_id;
  } else if (input.ownerInstitutionId !== undefined) {
    owner = input.ownerInstitutionId;
  } else {
    owner = canWrite(actor, null) ? null : actor.user.institutionId;
  }
  await checkReferences(db, actor, { ...input, ownerInstitutionId: owner });
  assertCanWrite(actor, owner);
  const now = nowIso();
  const cells = cellsOf(input.children);
  const row: Row = {
    id: randomUUID(),
    title: input.title,
    setting: input.setting,
    channel: input.channel,
    facility_id: input.facilityId ?? null,
    country_code: input.countryCode ?? null,
    place: input.place ?? null,
    starts_on: input.startsOn,
    ends_on: input.endsOn ?? null,
    languages: JSON.stringify(unique(input.languages)),
    funder_partner_id: input.funderPartnerId ?? null,
    ...budgetColumns(input.budget ?? null),
    repeat_of_id: repeatOf,
    estimated_audience: input.estimatedAudience ?? null,
    adults: input.adults,
    notes: input.notes ?? null,
    owner_institution_id: owner,
    visibility: input.visibility,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  checkCoherence(
    row,
    cells.reduce((n, c) => n + c.count, 0),
    { children: true, adults: true },
  );
  await db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, row);
    await repo.replaceReach(trx, row.id, cells);
    await repo.replacePartners(trx, row.id, unique(input.partnerIds));
    await repo.replaceMaterials(trx, row.id, unique(input.materialIds));
    if (input.planActionId) await linkRecord(trx, input.planActionId, repo.SESSION_ENTITY, row.id);
    await recordAudit(trx, context, {
      entity: repo.SESSION_ENTITY,
      entityId: row.id,
      action: 'create',
      after: await snapshot(trx, row.id),
      institutionId: owner,
    });
  });
  return written(db, actor, row.id);
}

export async function updateSession(db: Kysely<DB>, context: AuditContext, id: string, input: Update) {
  const { actor } = context;
  const current = await repo.findVisibleSession(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const { version, ...fields } = input;
  if (fields.ownerInstitutionId !== undefined && fields.ownerInstitutionId !== current.owner_institution_id) {
    // A series stays with one institution: neither a repeat nor a first session with repeats changes hands.
    if (current.repeat_of_id !== null || (await repo.countRepeats(db, id)) > 0) {
      throw invalidField('body.ownerInstitutionId', 'repeat_institution');
    }
    assertCanWrite(actor, fields.ownerInstitutionId);
  }
  await checkReferences(db, actor, fields);
  const changes: Partial<Row> = { updated_at: nowIso() };
  if (fields.title !== undefined) changes.title = fields.title;
  if (fields.setting !== undefined) changes.setting = fields.setting;
  if (fields.channel !== undefined) changes.channel = fields.channel;
  if (fields.facilityId !== undefined) changes.facility_id = fields.facilityId;
  if (fields.countryCode !== undefined) changes.country_code = fields.countryCode;
  if (fields.place !== undefined) changes.place = fields.place;
  if (fields.startsOn !== undefined) changes.starts_on = fields.startsOn;
  if (fields.endsOn !== undefined) changes.ends_on = fields.endsOn;
  if (fields.languages !== undefined) changes.languages = JSON.stringify(unique(fields.languages));
  if (fields.funderPartnerId !== undefined) changes.funder_partner_id = fields.funderPartnerId;
  if (fields.budget !== undefined) Object.assign(changes, budgetColumns(fields.budget));
  if (fields.estimatedAudience !== undefined) changes.estimated_audience = fields.estimatedAudience;
  if (fields.adults !== undefined) changes.adults = fields.adults;
  if (fields.notes !== undefined) changes.notes = fields.notes;
  if (fields.ownerInstitutionId !== undefined) changes.owner_institution_id = fields.ownerInstitutionId;
  if (fields.visibility !== undefined) changes.visibility = fields.visibility;
  const merged = { ...current, ...changes };
  if (merged.ends_on && merged.ends_on < merged.starts_on) {
    throw invalidField(fields.endsOn !== undefined ? 'body.endsOn' : 'body.startsOn', 'end_before_start');
  }
  const cells = fields.children ? cellsOf(fields.children) : undefined;
  const childrenTotal = cells
    ? cells.reduce((n, c) => n + c.count, 0)
    : (await repo.reachOf(db, [id])).reduce((n, c) => n + c.count, 0);
  checkCoherence(merged, childrenTotal, { children: cells !== undefined, adults: fields.adults !== undefined });
  // Inside the transaction only `trx` may be used: SQLite has one connection, and `db` would wait for it forever.
  const applied = await db.transaction().execute(async (trx) => {
    const before = await snapshot(trx, id);
    if (!(await repo.updateSession(trx, id, version, changes))) return false;
    if (cells) await repo.replaceReach(trx, id, cells);
    if (fields.partnerIds) await repo.replacePartners(trx, id, unique(fields.partnerIds));
    if (fields.materialIds) await repo.replaceMaterials(trx, id, unique(fields.materialIds));
    if (fields.planActionId !== undefined) {
      await unlinkEverywhere(trx, repo.SESSION_ENTITY, id);
      if (fields.planActionId) await linkRecord(trx, fields.planActionId, repo.SESSION_ENTITY, id);
    }
    const after = await snapshot(trx, id);
    await recordAudit(trx, context, {
      entity: repo.SESSION_ENTITY,
      entityId: id,
      action: 'update',
      before,
      after,
      institutionId: after?.owner_institution_id ?? null,
    });
    return true;
  });
  if (!applied) {
    throw await staleVersion(db, {
      entity: repo.SESSION_ENTITY,
      entityId: id,
      sentVersion: version,
      current: await getSession(db, actor, id),
    });
  }
  return written(db, actor, id);
}

export async function deleteSession(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await repo.findVisibleSession(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const stale = async () =>
    staleVersion(db, {
      entity: repo.SESSION_ENTITY,
      entityId: id,
      sentVersion: version,
      current: await getSession(db, actor, id),
    });
  if (current.version !== version) throw await stale();
  // The repeats count their children through this session's series: they go first.
  if ((await repo.countRepeats(db, id)) > 0) {
    throw new AppError(409, 'conflict', { reason: 'in_use' }, { reason: 'in_use' });
  }
  const deleted = await db.transaction().execute(async (trx) => {
    const before = await snapshot(trx, id);
    if (!(await repo.deleteSession(trx, id, version))) return false;
    await unlinkEverywhere(trx, repo.SESSION_ENTITY, id);
    await trx
      .deleteFrom('document_links')
      .where('entity', '=', repo.SESSION_ENTITY)
      .where('entity_id', '=', id)
      .execute();
    await recordAudit(trx, context, {
      entity: repo.SESSION_ENTITY,
      entityId: id,
      action: 'delete',
      before,
      institutionId: current.owner_institution_id,
    });
    return true;
  });
  if (!deleted) {
    if (!(await repo.findVisibleSession(db, actor, id))) throw notFound();
    throw await stale();
  }
}
