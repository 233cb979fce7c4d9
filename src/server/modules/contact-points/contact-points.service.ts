import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { contactPointHandover, contactPointUpdate } from '../../../shared/contract/network.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite } from '../../auth/policy.js';
import type { ContactPointTable, DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { presentContactPoint } from './contact-points.present.js';
import * as repo from './contact-points.repo.js';

type Update = z.output<typeof contactPointUpdate>;
type Handover = z.output<typeof contactPointHandover>;

export async function listContactPoints(db: Kysely<DB>, actor: Actor, membershipId: string) {
  if (!(await repo.findVisibleMembership(db, actor, membershipId))) throw notFound();
  const rows = await repo.listContactPoints(db, actor, membershipId);
  return { items: rows.map((row) => presentContactPoint(actor, row)) };
}

export async function getContactPoint(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleContactPoint(db, actor, id);
  if (!row) throw notFound();
  return presentContactPoint(actor, row);
}

/** Stored columns only, for the audit trail. */
function stored({ institution_id: _, ...row }: repo.ContactPointRow): ContactPointTable {
  return row;
}

export async function updateContactPoint(db: Kysely<DB>, context: AuditContext, id: string, input: Update) {
  const { actor } = context;
  const current = await repo.findVisibleContactPoint(db, actor, id);
  if (!current) throw notFound();
  // The institution keeps its own contact point; coordinators only the network's; administrators any.
  assertCanWrite(actor, current.owner_institution_id);
  const { version, ...fields } = input;
  const changes: Partial<ContactPointTable> = { updated_at: nowIso() };
  if (fields.name !== undefined) changes.name = fields.name;
  if (fields.roleTitle !== undefined) changes.role_title = fields.roleTitle;
  if (fields.email !== undefined) changes.email = fields.email;
  if (fields.phone !== undefined) changes.phone = fields.phone;
  if (fields.languages !== undefined) changes.languages = JSON.stringify(fields.languages);
  if (fields.notes !== undefined) changes.notes = fields.notes;
  if (fields.visibility !== undefined) changes.visibility = fields.visibility;
  // Inside the transaction only `trx` may be used: SQLite has one connection, and `db` would wait for it forever.
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateContactPoint(trx, id, version, changes))) return false;
    const after = (await repo.findContactPoint(trx, id)) as repo.ContactPointRow;
    await recordAudit(trx, context, {
      entity: 'contact_point',
      entityId: id,
      action: 'update',
      before: stored(current),
      after: stored(after),
      institutionId: current.institution_id,
    });
    return true;
  });
  if (!applied)
    throw await staleVersion(db, {
      entity: 'contact_point',
      entityId: id,
      sentVersion: version,
      current: await getContactPoint(db, actor, id),
    });
  return getContactPoint(db, actor, id);
}

/**
 * Hands the member's contact point over to someone new: the current one ends on the day the new one starts, and
 * stays in the history. Both rows change in one transaction; "one current contact point per member" is also a
 * partial unique index, so two simultaneous handovers cannot both succeed.
 */
export async function handOver(db: Kysely<DB>, context: AuditContext, membershipId: string, input: Handover) {
  const { actor } = context;
  const membership = await repo.findVisibleMembership(db, actor, membershipId);
  if (!membership) throw notFound();
  assertCanWrite(actor, membership.institution_id);
  const current = await repo.findCurrentContactPoint(db, membershipId);
  if (current) assertCanWrite(actor, current.owner_institution_id);
  if (current?.starts_on && input.startsOn < current.starts_on) {
    throw new AppError(400, 'validation_failed', { field: 'body.startsOn' }, [
      { field: 'body.startsOn', issue: 'end_before_start', message: '' },
    ]);
  }
  const now = nowIso();
  const row: ContactPointTable = {
    id: randomUUID(),
    membership_id: membershipId,
    name: input.name,
    role_title: input.roleTitle ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    languages: JSON.stringify(input.languages),
    starts_on: input.startsOn,
    ends_on: null,
    notes: input.notes ?? null,
    owner_institution_id: membership.institution_id,
    visibility: input.visibility,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const handedOver = await db.transaction().execute(async (trx) => {
    if (current) {
      if (!(await repo.endContactPoint(trx, current.id, input.startsOn, now))) return false;
      const ended = (await repo.findContactPoint(trx, current.id)) as repo.ContactPointRow;
      await recordAudit(trx, context, {
        entity: 'contact_point',
        entityId: current.id,
        action: 'handover',
        before: stored(current),
        after: stored(ended),
        institutionId: membership.institution_id,
      });
    }
    await repo.insertContactPoint(trx, row);
    await recordAudit(trx, context, {
      entity: 'contact_point',
      entityId: row.id,
      action: 'handover',
      after: { ...row, previous_id: current?.id ?? null },
      institutionId: membership.institution_id,
    });
    return true;
  });
  if (!handedOver) throw new AppError(409, 'conflict', { reason: 'other' }, { reason: 'other' });
  return getContactPoint(db, actor, row.id);
}
