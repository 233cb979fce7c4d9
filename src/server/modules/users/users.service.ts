import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { userCreate, userUpdate } from '../../../shared/contract/users.js';
import { institutionRoles, type Role } from '../../../shared/roles.js';
import type { Actor } from '../../auth/actor.js';
import { issueLink } from '../../auth/one-time-links.js';
import { destroyUserSessions } from '../../auth/sessions.js';
import type { Config } from '../../config.js';
import type { DB, UserRow } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { emailAccountLink } from '../notifications/account-emails.js';
import { canListUsers, canManageUser } from './users.policy.js';
import { presentUser } from './users.present.js';
import * as repo from './users.repo.js';

type Create = z.output<typeof userCreate>;
type Update = z.output<typeof userUpdate>;

function fieldError(field: string, issue: string) {
  return new AppError(400, 'validation_failed', { field }, [{ field, issue, message: '' }]);
}

/** Institution roles need an institution, the partner role a partner; no other role carries either. */
async function checkAttachment(
  db: Kysely<DB>,
  role: Role,
  institutionId: string | null,
  partnerId: string | null,
): Promise<{ institutionId: string | null; partnerId: string | null }> {
  if (institutionRoles.includes(role)) {
    if (!institutionId) throw fieldError('body.institutionId', 'role_needs_institution');
    const found = await db.selectFrom('institutions').select('id').where('id', '=', institutionId).executeTakeFirst();
    if (!found) throw fieldError('body.institutionId', 'unknown_reference');
    return { institutionId, partnerId: null };
  }
  if (role === 'partner') {
    if (!partnerId) throw fieldError('body.partnerId', 'role_needs_partner');
    const found = await db.selectFrom('partners').select('id').where('id', '=', partnerId).executeTakeFirst();
    if (!found) throw fieldError('body.partnerId', 'unknown_reference');
    return { institutionId: null, partnerId };
  }
  // Coordinators may belong to an institution (the secretariat's own); administrators need none.
  if (institutionId) {
    const found = await db.selectFrom('institutions').select('id').where('id', '=', institutionId).executeTakeFirst();
    if (!found) throw fieldError('body.institutionId', 'unknown_reference');
  }
  return { institutionId: institutionId ?? null, partnerId: null };
}

function assertCanList(actor: Actor) {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  if (!canListUsers(actor)) throw new AppError(403, 'forbidden');
}

export async function listUsers(db: Kysely<DB>, actor: Actor, query: repo.UserListQuery) {
  assertCanList(actor);
  const { rows, total } = await repo.listUsers(db, actor, query);
  return { items: rows.map((row) => presentUser(actor, row)), total, page: query.page, pageSize: query.pageSize };
}

export async function getUser(db: Kysely<DB>, actor: Actor, id: string) {
  if (actor.kind === 'user' && actor.user.id === id) {
    const self = await repo.findUser(db, id);
    if (self) return presentUser(actor, self);
  }
  assertCanList(actor);
  const row = await repo.findScopedUser(db, actor, id);
  if (!row) throw notFound();
  return presentUser(actor, row);
}

export async function createUser(db: Kysely<DB>, config: Config, context: AuditContext, input: Create) {
  const { actor } = context;
  assertCanList(actor);
  const attachment = await checkAttachment(db, input.role, input.institutionId ?? null, input.partnerId ?? null);
  if (!canManageUser(actor, { institution_id: attachment.institutionId, role: input.role })) {
    throw new AppError(403, 'forbidden');
  }
  if (await repo.findUserByEmail(db, input.email)) throw new AppError(409, 'conflict', { reason: 'duplicate' });
  const now = nowIso();
  const row: UserRow = {
    id: randomUUID(),
    email: input.email,
    name: input.name,
    password_hash: null,
    role: input.role,
    institution_id: attachment.institutionId,
    partner_id: attachment.partnerId,
    language: input.language,
    status: 'invited',
    last_login_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const invitation = await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(row).execute();
    await recordAudit(trx, context, {
      entity: 'user',
      entityId: row.id,
      action: 'create',
      after: row,
      institutionId: row.institution_id,
    });
    const link = await issueLink(trx, config, 'invitation', row.id, actor.kind === 'user' ? actor.user.id : null);
    await emailAccountLink(trx, config, row, 'invitation', link);
    return link;
  });
  return { user: await getUser(db, actor, row.id), invitation };
}

export async function updateUser(db: Kysely<DB>, context: AuditContext, id: string, input: Update) {
  const { actor } = context;
  assertCanList(actor);
  const current = await repo.findScopedUser(db, actor, id);
  if (!current) throw notFound();
  if (!canManageUser(actor, current)) throw new AppError(403, 'forbidden');
  const role = (input.role ?? current.role) as Role;
  const attachment = await checkAttachment(
    db,
    role,
    input.institutionId === undefined ? current.institution_id : input.institutionId,
    input.partnerId === undefined ? current.partner_id : input.partnerId,
  );
  if (!canManageUser(actor, { institution_id: attachment.institutionId, role })) throw new AppError(403, 'forbidden');
  const status = input.status ?? current.status;
  const leavesAdministration = current.role === 'administrator' && (role !== 'administrator' || status !== 'active');
  if (leavesAdministration && current.status === 'active' && (await repo.countActiveAdministrators(db)) <= 1) {
    throw new AppError(409, 'conflict', { reason: 'last_administrator' });
  }
  const changes: Partial<UserRow> = {
    updated_at: nowIso(),
    role,
    institution_id: attachment.institutionId,
    partner_id: attachment.partnerId,
  };
  if (input.name !== undefined) changes.name = input.name;
  if (input.language !== undefined) changes.language = input.language;
  // An invited account stays invited until its owner accepts; only active/disabled can be chosen.
  if (input.status !== undefined && !(current.status === 'invited' && input.status === 'active')) {
    changes.status = input.status;
  }
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateUser(trx, id, input.version, changes))) return false;
    if (changes.status === 'disabled' || changes.role !== current.role) await destroyUserSessions(trx, id);
    const after = await repo.findUser(trx, id);
    await recordAudit(trx, context, {
      entity: 'user',
      entityId: id,
      action: 'update',
      before: current,
      after: after ?? null,
      institutionId: attachment.institutionId ?? current.institution_id,
    });
    return true;
  });
  if (!applied)
    throw await staleVersion(db, {
      entity: 'user',
      entityId: id,
      sentVersion: input.version,
      current: await getUser(db, actor, id),
    });
  return getUser(db, actor, id);
}

export async function passwordResetLink(db: Kysely<DB>, config: Config, context: AuditContext, id: string) {
  const { actor } = context;
  assertCanList(actor);
  const target = await repo.findScopedUser(db, actor, id);
  if (!target) throw notFound();
  if (!canManageUser(actor, target) || target.status === 'disabled') throw new AppError(403, 'forbidden');
  return db.transaction().execute(async (trx) => {
    const purpose = target.status === 'invited' ? 'invitation' : 'password_reset';
    const link = await issueLink(trx, config, purpose, id, actor.kind === 'user' ? actor.user.id : null);
    await emailAccountLink(trx, config, target, purpose, link);
    await recordAudit(trx, context, {
      entity: 'user',
      entityId: id,
      action: purpose === 'invitation' ? 'invitation_reissued' : 'password_reset_requested',
      institutionId: target.institution_id,
    });
    return link;
  });
}
