import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { associationUpdate } from '../../../shared/contract/network.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite } from '../../auth/policy.js';
import type { AssociationTable, DB } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { presentAssociation } from './associations.present.js';
import * as repo from './associations.repo.js';

type Update = z.output<typeof associationUpdate>;

export async function listAssociations(db: Kysely<DB>, actor: Actor, query: repo.AssociationListQuery) {
  const { rows, total } = await repo.listAssociations(db, query);
  return {
    items: rows.map((row) => presentAssociation(actor, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getAssociation(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findAssociation(db, id);
  if (!row) throw notFound();
  return presentAssociation(actor, row);
}

export async function updateAssociation(db: Kysely<DB>, context: AuditContext, id: string, input: Update) {
  const { actor } = context;
  const current = await repo.findAssociation(db, id);
  if (!current) throw notFound();
  // Associations belong to the network: administrators and coordinators.
  assertCanWrite(actor, null);
  const { version, ...fields } = input;
  const changes: Partial<AssociationTable> = { updated_at: nowIso() };
  if (fields.nameFr !== undefined) changes.name_fr = fields.nameFr;
  if (fields.nameEn !== undefined) changes.name_en = fields.nameEn;
  if (fields.foundedOn !== undefined) changes.founded_on = fields.foundedOn;
  if (fields.website !== undefined) changes.website = fields.website;
  if (fields.notes !== undefined) changes.notes = fields.notes;
  // Inside the transaction only `trx` may be used: SQLite has one connection, and `db` would wait for it forever.
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateAssociation(trx, id, version, changes))) return false;
    const after = await repo.findAssociation(trx, id);
    await recordAudit(trx, context, { entity: 'association', entityId: id, action: 'update', before: current, after });
    return true;
  });
  if (!applied)
    throw await staleVersion(db, {
      entity: 'association',
      entityId: id,
      sentVersion: version,
      current: await getAssociation(db, actor, id),
    });
  return getAssociation(db, actor, id);
}
