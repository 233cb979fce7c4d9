import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB, UserRow } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { nowIso } from '../http/versioning.js';
import { type AuditContext, recordAudit } from '../modules/audit/record-audit.js';
import { presentUser } from '../modules/users/users.present.js';
import { findUser } from '../modules/users/users.repo.js';
import { type Actor, anonymous } from './actor.js';
import { toActorUser } from './authenticate.js';
import { findLiveToken, markUsed } from './one-time-links.js';
import { assertStrongPassword } from './password-policy.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { createSession, destroyUserSessions, type NewSession } from './sessions.js';
import { assertNotThrottled, clearFailures, recordFailure } from './throttle.js';

export interface RequestMeta {
  userAgent: string | undefined;
  ip: string | undefined;
  requestId: string;
}

async function openSession(db: Kysely<DB>, config: Config, userId: string, meta: RequestMeta) {
  const session = await createSession(db, config, userId, meta);
  await db.updateTable('users').set({ last_login_at: nowIso() }).where('id', '=', userId).execute();
  const row = await findUser(db, userId);
  if (!row) throw new AppError(401, 'unauthenticated');
  const actor: Actor = {
    kind: 'user',
    user: toActorUser(row),
    via: 'session',
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
  return { session, body: { user: presentUser(actor, row), csrfToken: session.csrfToken } };
}

export async function login(
  db: Kysely<DB>,
  config: Config,
  email: string,
  password: string,
  meta: RequestMeta,
): Promise<{ session: NewSession; body: { user: ReturnType<typeof presentUser>; csrfToken: string } }> {
  const attempt = { email, ip: meta.ip };
  await assertNotThrottled(db, attempt);
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const valid = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !valid) {
    await recordFailure(db, attempt);
    throw new AppError(401, 'invalid_credentials');
  }
  if (user.status !== 'active') throw new AppError(403, 'account_disabled');
  await clearFailures(db, attempt);
  const opened = await openSession(db, config, user.id, meta);
  await recordAudit(
    db,
    {
      actor: { kind: 'user', user: toActorUser(user), via: 'session', sessionId: opened.session.id, csrfToken: '' },
      requestId: meta.requestId,
    },
    { entity: 'session', entityId: opened.session.id, action: 'login', institutionId: user.institution_id },
  );
  return opened;
}

export async function changePassword(
  db: Kysely<DB>,
  context: AuditContext,
  userId: string,
  currentPassword: string,
  newPassword: string,
  keepSessionId: string | null,
) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, currentPassword))) throw new AppError(400, 'invalid_credentials');
  assertStrongPassword(newPassword, user, 'body.newPassword');
  const hash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, updated_at: nowIso(), version: user.version + 1 })
      .where('id', '=', userId)
      .execute();
    // Other sessions end: whoever else held one loses it with the old password.
    let others = trx.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepSessionId) others = others.where('id', '!=', keepSessionId);
    await others.execute();
    await recordAudit(trx, context, {
      entity: 'user',
      entityId: userId,
      action: 'password_changed',
      institutionId: user.institution_id,
    });
  });
}

/** First start without an administrator: the set-up link creates one and signs them in. */
export async function setUp(
  db: Kysely<DB>,
  config: Config,
  input: { token: string; email: string; name: string; password: string },
  meta: RequestMeta,
) {
  const token = await findLiveToken(db, config, input.token, 'setup');
  assertStrongPassword(input.password, input, 'body.password');
  const hash = await hashPassword(input.password);
  const now = nowIso();
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    if (!(await markUsed(trx, token.id))) throw new AppError(400, 'invalid_token');
    const existing = await trx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (existing) throw new AppError(409, 'conflict', { reason: 'duplicate' });
    const row: UserRow = {
      id,
      email: input.email,
      name: input.name,
      password_hash: hash,
      role: 'administrator',
      institution_id: null,
      partner_id: null,
      language: 'fr',
      status: 'active',
      last_login_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('users').values(row).execute();
    await recordAudit(
      trx,
      { actor: anonymous, requestId: meta.requestId, label: 'system:setup-link' },
      {
        entity: 'user',
        entityId: id,
        action: 'create',
        after: row,
      },
    );
  });
  return openSession(db, config, id, meta);
}

/** An invitation or a password reset: the person behind the link chooses a password and is signed in. */
export async function redeemLink(
  db: Kysely<DB>,
  config: Config,
  purpose: 'invitation' | 'password_reset',
  input: { token: string; password: string; name?: string | undefined },
  meta: RequestMeta,
) {
  const token = await findLiveToken(db, config, input.token, purpose);
  const user = token.user_id
    ? await db.selectFrom('users').selectAll().where('id', '=', token.user_id).executeTakeFirst()
    : undefined;
  if (!user || user.status === 'disabled') throw new AppError(400, 'invalid_token');
  assertStrongPassword(input.password, { email: user.email, name: input.name ?? user.name }, 'body.password');
  const hash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    if (!(await markUsed(trx, token.id))) throw new AppError(400, 'invalid_token');
    const changes: Partial<UserRow> = {
      password_hash: hash,
      status: 'active',
      updated_at: nowIso(),
      version: user.version + 1,
    };
    if (input.name) changes.name = input.name;
    await trx.updateTable('users').set(changes).where('id', '=', user.id).execute();
    await destroyUserSessions(trx, user.id);
    await recordAudit(
      trx,
      { actor: anonymous, requestId: meta.requestId, label: user.email },
      {
        entity: 'user',
        entityId: user.id,
        action: purpose === 'invitation' ? 'invitation_accepted' : 'password_reset',
        before: { status: user.status, name: user.name },
        after: { status: 'active', name: changes.name ?? user.name },
        institutionId: user.institution_id,
      },
    );
  });
  await clearFailures(db, { email: user.email, ip: meta.ip });
  return openSession(db, config, user.id, meta);
}
