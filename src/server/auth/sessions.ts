import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { hashToken, newToken } from './secrets.js';

export const SESSION_COOKIE = 'vigie_session';
// Writing last_seen_at on every request would turn every read into a write; a minute's precision is enough.
const TOUCH_AFTER_MS = 60_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  id: string;
  expiresAt: Date;
}

export async function createSession(
  db: Kysely<DB>,
  config: Config,
  userId: string,
  meta: { userAgent: string | undefined; ip: string | undefined },
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000);
  const id = randomUUID();
  await db
    .insertInto('sessions')
    .values({
      id,
      token_hash: hashToken(config.sessionSecret, token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip ?? null,
    })
    .execute();
  return { token, csrfToken, id, expiresAt };
}

/**
 * The live session for a cookie value, or undefined when unknown, idle too long or past its absolute expiry; with its
 * user when that account is active. Both are read in one query: this runs before every request.
 */
export async function findLiveSession(db: Kysely<DB>, config: Config, token: string) {
  const row = await db
    .selectFrom('sessions')
    .leftJoin('users', (join) => join.onRef('users.id', '=', 'sessions.user_id').on('users.status', '=', 'active'))
    .selectAll('sessions')
    .select([
      'users.id as active_user_id',
      'users.email as user_email',
      'users.name as user_name',
      'users.role as user_role',
      'users.institution_id as user_institution_id',
      'users.partner_id as user_partner_id',
      'users.language as user_language',
    ])
    .where('sessions.token_hash', '=', hashToken(config.sessionSecret, token))
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    active_user_id,
    user_email,
    user_name,
    user_role,
    user_institution_id,
    user_partner_id,
    user_language,
    ...session
  } = row;
  const user =
    active_user_id !== null && user_email !== null && user_name !== null && user_role !== null && user_language !== null
      ? {
          id: active_user_id,
          email: user_email,
          name: user_name,
          role: user_role,
          institution_id: user_institution_id,
          partner_id: user_partner_id,
          language: user_language,
        }
      : undefined;
  const now = Date.now();
  const idleLimit = Date.parse(session.last_seen_at) + config.sessionIdleMinutes * 60_000;
  if (now > Date.parse(session.expires_at) || now > idleLimit) {
    await db.deleteFrom('sessions').where('id', '=', session.id).execute();
    return undefined;
  }
  if (now - Date.parse(session.last_seen_at) > TOUCH_AFTER_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id', '=', session.id)
      .execute();
  }
  return { ...session, user };
}

export async function destroySession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function destroyUserSessions(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Deletes sessions past their absolute lifetime or idle for too long: they can no longer be used anyway. */
export async function purgeExpiredSessions(db: Kysely<DB>, config: Config): Promise<number> {
  const now = Date.now();
  const result = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<', new Date(now).toISOString()),
        eb('last_seen_at', '<', new Date(now - config.sessionIdleMinutes * 60_000).toISOString()),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A user's sessions still in force (neither idle too long nor past their absolute expiry), latest used first. */
export async function listLiveSessions(db: Kysely<DB>, config: Config, userId: string) {
  const now = Date.now();
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'ip'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date(now).toISOString())
    .where('last_seen_at', '>', new Date(now - config.sessionIdleMinutes * 60_000).toISOString())
    .orderBy('last_seen_at', 'desc')
    .orderBy('id')
    .execute();
  return rows;
}
