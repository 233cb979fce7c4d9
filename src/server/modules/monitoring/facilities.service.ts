import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { facilityCreate, facilityUpdate } from '../../../shared/contract/monitoring.js';
import { visibilities } from '../../../shared/roles.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite, canWrite } from '../../auth/policy.js';
import type { DB, FacilityTable } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { institutionIsVisible } from '../partners/partners.repo.js';
import { detachAttachments } from './attachments.js';
import { presentFacility } from './facilities.present.js';
import * as repo from './facilities.repo.js';
import { unknownReference, visibilityRank } from './monitoring-errors.js';

type Create = z.output<typeof facilityCreate>;
type Update = z.output<typeof facilityUpdate>;

export async function listFacilities(db: Kysely<DB>, actor: Actor, query: repo.FacilityListQuery) {
  const { rows, total } = await repo.listFacilities(db, actor, query);
  return { items: rows.map((row) => presentFacility(actor, row)), total, page: query.page, pageSize: query.pageSize };
}

export async function getFacility(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleFacility(db, actor, id);
  if (!row) throw notFound();
  return presentFacility(actor, row);
}

/** The owner of a new record: as asked (checked), else the caller's institution, or the network for coordinators. */
export async function ownerOnCreate(
  db: Kysely<DB>,
  actor: Actor,
  requested: string | null | undefined,
  field = 'body.ownerInstitutionId',
): Promise<string | null> {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  let owner: string | null;
  if (requested !== undefined) {
    owner = requested;
    if (owner !== null && !(await institutionIsVisible(db, actor, owner))) throw unknownReference(field);
  } else {
    owner = canWrite(actor, null) ? null : actor.user.institutionId;
  }
  assertCanWrite(actor, owner);
  return owner;
}

export async function createFacility(db: Kysely<DB>, context: AuditContext, input: Create) {
  const { actor } = context;
  const owner = await ownerOnCreate(db, actor, input.ownerInstitutionId);
  const now = nowIso();
  const row: FacilityTable = {
    id: randomUUID(),
    name: input.name,
    kind: input.kind,
    country_code: input.countryCode,
    region: input.region ?? null,
    city: input.city ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    operating_authority: input.operatingAuthority ?? null,
    capacity: input.capacity ?? null,
    holds_children: input.holdsChildren ? 1 : 0,
    is_open: input.isOpen ? 1 : 0,
    notes: input.notes ?? null,
    owner_institution_id: owner,
    visibility: input.visibility,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertFacility(trx, row);
    await recordAudit(trx, context, {
      entity: 'facility',
      entityId: row.id,
      action: 'create',
      after: row,
      institutionId: owner,
    });
  });
  return getFacility(db, actor, row.id);
}

export async function updateFacility(db: Kysely<DB>, context: AuditContext, id: string, input: Update) {
  const { actor } = context;
  const current = await repo.findVisibleFacility(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const { version, ...f } = input;
  const changes: Partial<FacilityTable> = { updated_at: nowIso() };
  if (f.name !== undefined) changes.name = f.name;
  if (f.kind !== undefined) changes.kind = f.kind;
  if (f.countryCode !== undefined) changes.country_code = f.countryCode;
  if (f.region !== undefined) changes.region = f.region;
  if (f.city !== undefined) changes.city = f.city;
  if (f.latitude !== undefined) changes.latitude = f.latitude;
  if (f.longitude !== undefined) changes.longitude = f.longitude;
  if (f.operatingAuthority !== undefined) changes.operating_authority = f.operatingAuthority;
  if (f.capacity !== undefined) changes.capacity = f.capacity;
  if (f.holdsChildren !== undefined) changes.holds_children = f.holdsChildren ? 1 : 0;
  if (f.isOpen !== undefined) changes.is_open = f.isOpen ? 1 : 0;
  if (f.notes !== undefined) changes.notes = f.notes;
  if (f.visibility !== undefined) changes.visibility = f.visibility;
  const applied = await db.transaction().execute(async (trx) => {
    if (f.visibility !== undefined) {
      // A visit names its facility: the facility may not be hidden from people who see its visits.
      const wider = visibilities.filter((v) => visibilityRank(v) > visibilityRank(f.visibility as string));
      if ((await repo.countVisitsWiderThan(trx, id, wider)) > 0) {
        throw new AppError(409, 'visits_wider_than_facility');
      }
    }
    if (!(await repo.updateFacility(trx, id, version, changes))) return false;
    const after = await repo.findFacility(trx, id);
    await recordAudit(trx, context, {
      entity: 'facility',
      entityId: id,
      action: 'update',
      before: current,
      after,
      institutionId: after?.owner_institution_id ?? null,
    });
    return true;
  });
  if (!applied) {
    throw await staleVersion(db, {
      entity: 'facility',
      entityId: id,
      sentVersion: version,
      current: await getFacility(db, actor, id),
    });
  }
  return getFacility(db, actor, id);
}

export async function deleteFacility(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await repo.findVisibleFacility(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const stale = async () =>
    staleVersion(db, {
      entity: 'facility',
      entityId: id,
      sentVersion: version,
      current: await getFacility(db, actor, id),
    });
  if (current.version !== version) throw await stale();
  if ((await repo.countVisits(db, id)) > 0)
    throw new AppError(409, 'conflict', { reason: 'in_use' }, { reason: 'in_use' });
  const deleted = await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteFacility(trx, id, version))) return false;
    await detachAttachments(trx, 'facility', id);
    await recordAudit(trx, context, {
      entity: 'facility',
      entityId: id,
      action: 'delete',
      before: current,
      institutionId: current.owner_institution_id,
    });
    return true;
  });
  if (!deleted) throw await stale();
}
