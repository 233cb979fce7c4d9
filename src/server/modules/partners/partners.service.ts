import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { partnerCreate, partnerUpdate } from '../../../shared/contract/network.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite, canWrite } from '../../auth/policy.js';
import type { DB, PartnerTable } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { presentPartner } from './partners.present.js';
import * as repo from './partners.repo.js';

type Create = z.output<typeof partnerCreate>;
type Update = z.output<typeof partnerUpdate>;

function unknownReference(field: string): AppError {
  return new AppError(400, 'validation_failed', { field }, [{ field, issue: 'unknown_reference', message: '' }]);
}

async function assertOwnerExists(db: Kysely<DB>, actor: Actor, owner: string | null): Promise<void> {
  if (owner !== null && !(await repo.institutionIsVisible(db, actor, owner))) {
    throw unknownReference('body.ownerInstitutionId');
  }
}

export async function listPartners(db: Kysely<DB>, actor: Actor, query: repo.PartnerListQuery) {
  const { rows, total } = await repo.listPartners(db, actor, query);
  return {
    items: rows.map((row) => presentPartner(actor, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getPartner(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisiblePartner(db, actor, id);
  if (!row) throw notFound();
  return presentPartner(actor, row);
}

export async function createPartner(db: Kysely<DB>, context: AuditContext, input: Create) {
  const { actor } = context;
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  // An institution's people add partners for their institution; the secretariat's are the network's. Anyone may
  // name the owner instead, within what they may write: their own institution, or the network if they may.
  let owner: string | null;
  if (input.ownerInstitutionId !== undefined) {
    owner = input.ownerInstitutionId;
    await assertOwnerExists(db, actor, owner);
  } else {
    owner = canWrite(actor, null) ? null : actor.user.institutionId;
  }
  assertCanWrite(actor, owner);
  const now = nowIso();
  const row: PartnerTable = {
    id: randomUUID(),
    name_fr: input.nameFr,
    name_en: input.nameEn ?? null,
    acronym_fr: input.acronymFr ?? null,
    acronym_en: input.acronymEn ?? null,
    kind: input.kind,
    country_code: input.countryCode ?? null,
    website: input.website ?? null,
    notes: input.notes ?? null,
    owner_institution_id: owner,
    visibility: input.visibility,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertPartner(trx, row);
    await recordAudit(trx, context, {
      entity: 'partner',
      entityId: row.id,
      action: 'create',
      after: row,
      institutionId: owner,
    });
  });
  return getPartner(db, actor, row.id);
}

export async function updatePartner(db: Kysely<DB>, context: AuditContext, id: string, input: Update) {
  const { actor } = context;
  const current = await repo.findVisiblePartner(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const { version, ...fields } = input;
  if (fields.ownerInstitutionId !== undefined && fields.ownerInstitutionId !== current.owner_institution_id) {
    // Giving a partner away needs the right to write for the new owner too.
    await assertOwnerExists(db, actor, fields.ownerInstitutionId);
    assertCanWrite(actor, fields.ownerInstitutionId);
  }
  const changes: Partial<PartnerTable> = { updated_at: nowIso() };
  if (fields.nameFr !== undefined) changes.name_fr = fields.nameFr;
  if (fields.nameEn !== undefined) changes.name_en = fields.nameEn;
  if (fields.acronymFr !== undefined) changes.acronym_fr = fields.acronymFr;
  if (fields.acronymEn !== undefined) changes.acronym_en = fields.acronymEn;
  if (fields.kind !== undefined) changes.kind = fields.kind;
  if (fields.countryCode !== undefined) changes.country_code = fields.countryCode;
  if (fields.website !== undefined) changes.website = fields.website;
  if (fields.notes !== undefined) changes.notes = fields.notes;
  if (fields.ownerInstitutionId !== undefined) changes.owner_institution_id = fields.ownerInstitutionId;
  if (fields.visibility !== undefined) changes.visibility = fields.visibility;
  // Inside the transaction only `trx` may be used: SQLite has one connection, and `db` would wait for it forever.
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.updatePartner(trx, id, version, changes))) return false;
    const after = await repo.findPartner(trx, id);
    await recordAudit(trx, context, {
      entity: 'partner',
      entityId: id,
      action: 'update',
      before: current,
      after,
      institutionId: after?.owner_institution_id ?? null,
    });
    return true;
  });
  if (!applied)
    throw await staleVersion(db, {
      entity: 'partner',
      entityId: id,
      sentVersion: version,
      current: await getPartner(db, actor, id),
    });
  return getPartner(db, actor, id);
}

export async function deletePartner(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await repo.findVisiblePartner(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  if (current.version !== version)
    throw await staleVersion(db, {
      entity: 'partner',
      entityId: id,
      sentVersion: version,
      current: presentPartner(actor, current),
    });
  if ((await repo.countReferences(db, id)) > 0)
    throw new AppError(409, 'conflict', { reason: 'in_use' }, { reason: 'in_use' });
  const deleted = await db.transaction().execute(async (trx) => {
    if (!(await repo.deletePartner(trx, id, version))) return false;
    await recordAudit(trx, context, {
      entity: 'partner',
      entityId: id,
      action: 'delete',
      before: current,
      institutionId: current.owner_institution_id,
    });
    return true;
  });
  if (!deleted) {
    const now = await repo.findVisiblePartner(db, actor, id);
    if (!now) throw notFound();
    throw await staleVersion(db, {
      entity: 'partner',
      entityId: id,
      sentVersion: version,
      current: presentPartner(actor, now),
    });
  }
}
