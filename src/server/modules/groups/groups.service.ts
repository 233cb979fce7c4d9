import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { groupUpdate, membershipCreate, membershipStatusUpdate } from '../../../shared/contract/network.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite, assertRole } from '../../auth/policy.js';
import type { DB, GroupMembershipTable, GroupTable } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { canManageMembership, presentGroup, presentMember, presentStatusChange } from './groups.present.js';
import * as repo from './groups.repo.js';

type GroupUpdate = z.output<typeof groupUpdate>;
type MembershipCreate = z.output<typeof membershipCreate>;
type StatusUpdate = z.output<typeof membershipStatusUpdate>;

const today = () => nowIso().slice(0, 10);

function unknownReference(field: string): AppError {
  return new AppError(400, 'validation_failed', { field }, [{ field, issue: 'unknown_reference', message: '' }]);
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

export async function listGroups(db: Kysely<DB>, actor: Actor, query: repo.GroupListQuery) {
  const { rows, total } = await repo.listGroups(db, query);
  const ids = rows.map((r) => r.id);
  const [associations, counts] = await Promise.all([
    repo.associationsOfGroups(db, ids),
    repo.memberCounts(db, actor, ids),
  ]);
  return {
    items: rows.map((row) => presentGroup(actor, row, associations, counts)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getGroup(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findGroup(db, id);
  if (!row) throw notFound();
  const [associations, counts] = await Promise.all([
    repo.associationsOfGroups(db, [id]),
    repo.memberCounts(db, actor, [id]),
  ]);
  return presentGroup(actor, row, associations, counts);
}

export async function updateGroup(db: Kysely<DB>, context: AuditContext, id: string, input: GroupUpdate) {
  const { actor } = context;
  const current = await repo.findGroup(db, id);
  if (!current) throw notFound();
  // Groups belong to the network: administrators and coordinators.
  assertCanWrite(actor, null);
  const { version, ...fields } = input;
  const changes: Partial<GroupTable> = { updated_at: nowIso() };
  if (fields.nameFr !== undefined) changes.name_fr = fields.nameFr;
  if (fields.nameEn !== undefined) changes.name_en = fields.nameEn;
  if (fields.descriptionFr !== undefined) changes.description_fr = fields.descriptionFr;
  if (fields.descriptionEn !== undefined) changes.description_en = fields.descriptionEn;
  // Inside the transaction only `trx` may be used: SQLite has one connection, and `db` would wait for it forever.
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateGroup(trx, id, version, changes))) return false;
    const after = await repo.findGroup(trx, id);
    await recordAudit(trx, context, { entity: 'group', entityId: id, action: 'update', before: current, after });
    return true;
  });
  if (!applied)
    throw await staleVersion(db, {
      entity: 'group',
      entityId: id,
      sentVersion: version,
      current: await getGroup(db, actor, id),
    });
  return getGroup(db, actor, id);
}

export async function listMembers(db: Kysely<DB>, actor: Actor, groupId: string, query: repo.MemberListQuery) {
  if (!(await repo.findGroup(db, groupId))) throw notFound();
  const { rows, total } = await repo.listMembers(db, actor, groupId, query);
  const contactPoints = await repo.currentContactPoints(
    db,
    actor,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) => presentMember(actor, row, contactPoints)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getMember(db: Kysely<DB>, actor: Actor, membershipId: string) {
  const row = await repo.findVisibleMembership(db, actor, membershipId);
  if (!row) throw notFound();
  return presentMember(actor, row, await repo.currentContactPoints(db, actor, [row.id]));
}

/**
 * Admits an institution to the group, at the end of the plan's order: records its first status and opens an
 * empty contact-point slot that the institution fills in itself.
 */
export async function addMember(db: Kysely<DB>, context: AuditContext, groupId: string, input: MembershipCreate) {
  const { actor } = context;
  if (!(await repo.findGroup(db, groupId))) throw notFound();
  assertRole(actor, canManageMembership);
  const institution = await repo.findVisibleInstitution(db, actor, input.institutionId);
  if (!institution) throw unknownReference('body.institutionId');
  const alreadyMember = new AppError(409, 'conflict', { reason: 'already_member' }, { reason: 'already_member' });
  if (await repo.findMembershipOf(db, groupId, input.institutionId)) throw alreadyMember;
  const id = randomUUID();
  const now = nowIso();
  const changedOn = input.changedOn ?? today();
  const stamp = { version: 1, created_at: now, updated_at: now };
  try {
    // Inside the transaction only `trx` may be used: SQLite has one connection.
    await db.transaction().execute(async (trx) => {
      await repo.lockGroup(trx, groupId);
      const membership: GroupMembershipTable = {
        id,
        group_id: groupId,
        institution_id: input.institutionId,
        position: await repo.nextPosition(trx, groupId),
        status: input.status,
        status_since: changedOn,
        ...stamp,
      };
      await repo.insertMembership(trx, membership);
      await repo.insertStatusChange(trx, {
        id: randomUUID(),
        membership_id: id,
        status: input.status,
        changed_on: changedOn,
        note: input.note ?? null,
        actor_user_id: actor.kind === 'user' ? actor.user.id : null,
        created_at: now,
      });
      const contactPoint = {
        id: randomUUID(),
        membership_id: id,
        name: null,
        role_title: null,
        email: null,
        phone: null,
        languages: '[]',
        starts_on: null,
        ends_on: null,
        notes: null,
        owner_institution_id: input.institutionId,
        visibility: 'group',
        ...stamp,
      };
      await repo.insertContactPoint(trx, contactPoint);
      await recordAudit(trx, context, {
        entity: 'membership',
        entityId: id,
        action: 'create',
        after: { ...membership, note: input.note ?? null },
        institutionId: input.institutionId,
      });
      await recordAudit(trx, context, {
        entity: 'contact_point',
        entityId: contactPoint.id,
        action: 'create',
        after: contactPoint,
        institutionId: input.institutionId,
      });
    });
  } catch (error) {
    // Two secretaries admitting the same institution at once: the unique constraint decides.
    if (isUniqueViolation(error)) throw alreadyMember;
    throw error;
  }
  return getMember(db, actor, id);
}

export async function changeMembershipStatus(
  db: Kysely<DB>,
  context: AuditContext,
  membershipId: string,
  input: StatusUpdate,
) {
  const { actor } = context;
  const current = await repo.findVisibleMembership(db, actor, membershipId);
  if (!current) throw notFound();
  assertRole(actor, canManageMembership);
  const changedOn = input.changedOn ?? today();
  // A note on an unchanged status is recorded in the history but does not move the "since" date.
  const statusSince = input.status === current.status ? current.status_since : changedOn;
  const now = nowIso();
  const applied = await db.transaction().execute(async (trx) => {
    const updated = await repo.updateMembershipStatus(trx, membershipId, input.version, {
      status: input.status,
      status_since: statusSince,
      updated_at: now,
    });
    if (!updated) return false;
    await repo.insertStatusChange(trx, {
      id: randomUUID(),
      membership_id: membershipId,
      status: input.status,
      changed_on: changedOn,
      note: input.note ?? null,
      actor_user_id: actor.kind === 'user' ? actor.user.id : null,
      created_at: now,
    });
    await recordAudit(trx, context, {
      entity: 'membership',
      entityId: membershipId,
      action: 'status_change',
      version: input.version + 1,
      before: { status: current.status, status_since: current.status_since },
      after: { status: input.status, status_since: statusSince, note: input.note ?? null },
      institutionId: current.institution_id,
    });
    return true;
  });
  if (!applied)
    throw await staleVersion(db, {
      entity: 'membership',
      entityId: membershipId,
      sentVersion: input.version,
      current: await getMember(db, actor, membershipId),
    });
  return getMember(db, actor, membershipId);
}

export async function membershipHistory(db: Kysely<DB>, actor: Actor, membershipId: string) {
  const membership = await repo.findVisibleMembership(db, actor, membershipId);
  if (!membership) throw notFound();
  const rows = await repo.statusHistory(db, membershipId);
  return { items: rows.map(presentStatusChange) };
}
