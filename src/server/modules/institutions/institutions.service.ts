import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { institutionCreate, institutionUpdate } from '../../../shared/contract/network.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite, canWrite } from '../../auth/policy.js';
import type { DB, InstitutionRow } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { presentInstitution } from './institutions.present.js';
import * as repo from './institutions.repo.js';

type Create = z.output<typeof institutionCreate>;
type Update = z.output<typeof institutionUpdate>;

async function present(db: Kysely<DB>, actor: Actor, row: InstitutionRow) {
  const [associations, memberships] = await Promise.all([
    repo.associationsOf(db, [row.id]),
    repo.membershipsOf(db, [row.id]),
  ]);
  return presentInstitution(actor, row, associations, memberships);
}

export async function listInstitutions(db: Kysely<DB>, actor: Actor, query: repo.InstitutionListQuery) {
  const { rows, total } = await repo.listInstitutions(db, actor, query);
  const ids = rows.map((r) => r.id);
  const [associations, memberships] = await Promise.all([repo.associationsOf(db, ids), repo.membershipsOf(db, ids)]);
  return {
    items: rows.map((row) => presentInstitution(actor, row, associations, memberships)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getInstitution(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleInstitution(db, actor, id);
  if (!row) throw notFound();
  return present(db, actor, row);
}

async function assertAssociationsExist(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return;
  const found = await db.selectFrom('associations').select('id').where('id', 'in', ids).execute();
  const missing = ids.filter((id) => !found.some((row) => row.id === id));
  if (missing.length > 0) {
    throw new AppError(400, 'validation_failed', { field: 'body.associations' }, [
      { field: 'body.associations', issue: 'unknown_reference', message: '' },
    ]);
  }
}

export async function createInstitution(db: Kysely<DB>, context: AuditContext, input: Create) {
  const { actor } = context;
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  // The network's registry belongs to the secretariat; an institution adding one (say, a peer met at an event)
  // owns that record.
  const owner = canWrite(actor, null) ? null : actor.user.institutionId;
  assertCanWrite(actor, owner);
  await assertAssociationsExist(
    db,
    input.associations.map((a) => a.associationId),
  );
  const id = randomUUID();
  const now = nowIso();
  const row: InstitutionRow = {
    id,
    country_code: input.countryCode,
    name_original: input.nameOriginal ?? null,
    name_fr: input.nameFr,
    name_en: input.nameEn ?? null,
    acronym: input.acronym ?? null,
    kind: input.kind,
    website: input.website ?? null,
    data_status: input.dataStatus,
    notes: input.notes ?? null,
    owner_institution_id: owner,
    visibility: input.visibility,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertInstitution(trx, row);
    await repo.replaceAssociations(trx, id, input.associations);
    await recordAudit(trx, context, {
      entity: 'institution',
      entityId: id,
      action: 'create',
      after: { ...row, associations: input.associations },
      institutionId: owner,
    });
  });
  return getInstitution(db, actor, id);
}

export async function updateInstitution(db: Kysely<DB>, context: AuditContext, id: string, input: Update) {
  const { actor } = context;
  const current = await repo.findVisibleInstitution(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const { version, associations, ...fields } = input;
  if (associations)
    await assertAssociationsExist(
      db,
      associations.map((a) => a.associationId),
    );
  const changes: Partial<InstitutionRow> = { updated_at: nowIso() };
  if (fields.countryCode !== undefined) changes.country_code = fields.countryCode;
  if (fields.nameOriginal !== undefined) changes.name_original = fields.nameOriginal;
  if (fields.nameFr !== undefined) changes.name_fr = fields.nameFr;
  if (fields.nameEn !== undefined) changes.name_en = fields.nameEn;
  if (fields.acronym !== undefined) changes.acronym = fields.acronym;
  if (fields.kind !== undefined) changes.kind = fields.kind;
  if (fields.website !== undefined) changes.website = fields.website;
  if (fields.dataStatus !== undefined) changes.data_status = fields.dataStatus;
  if (fields.notes !== undefined) changes.notes = fields.notes;
  if (fields.visibility !== undefined) changes.visibility = fields.visibility;
  // Inside the transaction only `trx` may be used: SQLite has one connection, and `db` would wait for it forever.
  const applied = await db.transaction().execute(async (trx) => {
    const before = await present(trx, actor, current);
    if (!(await repo.updateInstitution(trx, id, version, changes))) return false;
    if (associations) await repo.replaceAssociations(trx, id, associations);
    const after = await present(trx, actor, (await repo.findInstitution(trx, id)) as InstitutionRow);
    await recordAudit(trx, context, {
      entity: 'institution',
      entityId: id,
      action: 'update',
      before: { ...before, can: undefined },
      after: { ...after, can: undefined },
      institutionId: current.owner_institution_id,
    });
    return true;
  });
  if (!applied)
    throw await staleVersion(db, {
      entity: 'institution',
      entityId: id,
      sentVersion: version,
      current: await getInstitution(db, actor, id),
    });
  return getInstitution(db, actor, id);
}

export async function deleteInstitution(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await repo.findVisibleInstitution(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  if (current.version !== version)
    throw await staleVersion(db, {
      entity: 'institution',
      entityId: id,
      sentVersion: version,
      current: await present(db, actor, current),
    });
  if ((await repo.countReferences(db, id)) > 0) throw new AppError(409, 'conflict', { reason: 'in_use' });
  await db.transaction().execute(async (trx) => {
    await repo.deleteInstitution(trx, id);
    await recordAudit(trx, context, {
      entity: 'institution',
      entityId: id,
      action: 'delete',
      before: current,
      institutionId: current.owner_institution_id,
    });
  });
}
