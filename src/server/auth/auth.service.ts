import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
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
import {
  assertCodesNotThrottled,
  claimChallenge,
  codeError,
  countWrongCode,
  createChallenge,
  findLiveChallenge,
  hasTwoFactor,
  type SecondFactor,
  spendSecondFactor,
} from './two-factor.js';

export interface RequestMeta {
  userAgent: string | undefined;
  ip: string | undefined;
  requestId: string;
}

async function sessionBody(db: Kysely<DB>, userId: string, session: NewSession) {
  const row = await findUser(db, userId);
  if (!row) throw new AppError(401, 'unauthenticated');
  const actor: Actor = {
    kind: 'user',
    user: toActorUser(row),
    via: 'session',
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
  return { user: presentUser(actor, row), csrfToken: session.csrfToken };
}

async function openSession(db: Kysely<DB>, config: Config, userId: string, meta: RequestMeta) {
  const session = await createSession(db, config, userId, meta);
  await db.updateTable('users').set({ last_login_at: nowIso() }).where('id', '=', userId).execute();
  return { session, body: await sessionBody(db, userId, session) };
}

type OpenedSession = { kind: 'session' } & Awaited<ReturnType<typeof openSession>>;

/** Signing in, or a link that signs in: a session, or — when the account has a second factor — a challenge. */
export type LoginOutcome = OpenedSession | { kind: 'challenge'; body: { twoFactorRequired: true; challenge: string } };

/** A session, its last sign-in time and its audit event in one transaction; then the body to send. */
async function signedIn(
  db: Kysely<DB>,
  config: Config,
  user: UserRow,
  meta: RequestMeta,
  claim?: (trx: Transaction<DB>) => Promise<Record<string, string> | null>,
): Promise<OpenedSession | null> {
  const session = await db.transaction().execute(async (trx) => {
    const factor = claim ? await claim(trx) : {};
    if (factor === null) return null;
    const opened = await createSession(trx, config, user.id, meta);
    await trx.updateTable('users').set({ last_login_at: nowIso() }).where('id', '=', user.id).execute();
    await recordAudit(
      trx,
      {
        actor: { kind: 'user', user: toActorUser(user), via: 'session', sessionId: opened.id, csrfToken: '' },
        requestId: meta.requestId,
      },
      { entity: 'session', entityId: opened.id, action: 'login', after: factor, institutionId: user.institution_id },
    );
    return opened;
  });
  if (!session) return null;
  return { kind: 'session', session, body: await sessionBody(db, user.id, session) };
}

export async function login(
  db: Kysely<DB>,
  config: Config,
  email: string,
  password: string,
  meta: RequestMeta,
): Promise<LoginOutcome> {
  const attempt = { email, ip: meta.ip };
  await assertNotThrottled(db, attempt);
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const valid = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !valid) {
    await recordFailure(db, attempt);
    throw new AppError(401, 'invalid_credentials');
  }
  if (user.status !== 'active') throw new AppError(403, 'account_disabled');
  if (await hasTwoFactor(db, user.id)) {
    // Failures are forgiven only once the second factor is right too: a known password alone buys no more tries.
    return {
      kind: 'challenge',
      body: { twoFactorRequired: true, challenge: await createChallenge(db, config, user.id) },
    };
  }
  await clearFailures(db, attempt);
  const opened = await signedIn(db, config, user, meta);
  if (!opened) throw new Error('A sign-in without a second factor cannot be refused at this point.');
  return opened;
}

/** The second step: the challenge from the password step and a code from the authenticator, or a recovery code. */
export async function completeTwoFactorLogin(
  db: Kysely<DB>,
  config: Config,
  input: { challenge: string } & SecondFactor,
  meta: RequestMeta,
): Promise<OpenedSession> {
  const challenge = await findLiveChallenge(db, config, input.challenge);
  const user = await db.selectFrom('users').selectAll().where('id', '=', challenge.user_id).executeTakeFirst();
  if (user?.status !== 'active') throw new AppError(401, 'login_challenge_invalid');
  const attempt = { email: user.email, ip: meta.ip };
  await assertNotThrottled(db, attempt);
  if (input.code !== undefined) await assertCodesNotThrottled(db, user.id);
  const factor: SecondFactor =
    input.code !== undefined ? { code: input.code } : { recoveryCode: input.recoveryCode as string };
  const outcome = await signedIn(db, config, user, meta, async (trx) => {
    const spent = await spendSecondFactor(trx, config, user.id, factor);
    if (!spent) return null;
    // Two requests with right codes for one challenge: only one session.
    if (!(await claimChallenge(trx, challenge.id))) throw new AppError(401, 'login_challenge_invalid');
    return { second_factor: spent };
  });
  if (!outcome) {
    await recordFailure(db, attempt);
    await countWrongCode(db, challenge.id);
    throw codeError(401, input.code !== undefined ? 'body.code' : 'body.recoveryCode');
  }
  await clearFailures(db, attempt);
  return outcome;
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
    // The password checked above is still the one stored (hashing the new one takes a while): else it was changed
    // meanwhile and no longer proves anything. The version moves on from whatever it is now, so an administrator's
    // edit made in between keeps its own.
    const changed = await trx
      .updateTable('users')
      .set({ password_hash: hash, updated_at: nowIso(), version: sql`version + 1` })
      .where('id', '=', userId)
      .where('password_hash', '=', user.password_hash as string)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) throw new AppError(400, 'invalid_credentials');
    // Other sessions end: whoever else held one loses it with the old password.
    let others = trx.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepSessionId) others = others.where('id', '!=', keepSessionId);
    await others.execute();
    // A second step begun with the old password cannot be finished any more.
    await trx.deleteFrom('login_challenges').where('user_id', '=', userId).execute();
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
): Promise<LoginOutcome> {
  const token = await findLiveToken(db, config, input.token, purpose);
  const user = token.user_id
    ? await db.selectFrom('users').selectAll().where('id', '=', token.user_id).executeTakeFirst()
    : undefined;
  if (!user || user.status === 'disabled') throw new AppError(400, 'invalid_token');
  assertStrongPassword(input.password, { email: user.email, name: input.name ?? user.name }, 'body.password');
  const hash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    if (!(await markUsed(trx, token.id))) throw new AppError(400, 'invalid_token');
    const changes: Partial<UserRow> = { password_hash: hash, status: 'active', updated_at: nowIso() };
    if (input.name) changes.name = input.name;
    // An account disabled since the link was checked stays disabled; the version moves on from whatever it is now.
    const applied = await trx
      .updateTable('users')
      .set({ ...changes, version: sql`version + 1` })
      .where('id', '=', user.id)
      .where('status', '!=', 'disabled')
      .executeTakeFirst();
    if (Number(applied.numUpdatedRows) !== 1) throw new AppError(400, 'invalid_token');
    await destroyUserSessions(trx, user.id);
    await trx.deleteFrom('login_challenges').where('user_id', '=', user.id).execute();
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
  // A link proves the email, not the second factor: with one on, the link leads to the second step.
  if (await hasTwoFactor(db, user.id)) {
    return {
      kind: 'challenge',
      body: { twoFactorRequired: true, challenge: await createChallenge(db, config, user.id) },
    };
  }
  return { kind: 'session', ...(await openSession(db, config, user.id, meta)) };
}
