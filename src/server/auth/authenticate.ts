import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { defaultLanguage, isInterfaceLanguage, negotiateLanguage } from '../../shared/languages.js';
import type { Role } from '../../shared/roles.js';
import type { Config } from '../config.js';
import type { DB, UserRow } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { type Actor, type ActorUser, anonymous } from './actor.js';
import { hashToken, sameSecret } from './secrets.js';
import { findLiveSession, SESSION_COOKIE } from './sessions.js';
import { enrollmentPending } from './two-factor.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    language: import('../../shared/languages.js').InterfaceLanguage;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';
// Signing in does not act on a session's authority, and a stale cookie must not block it. Login CSRF is
// prevented by accepting JSON bodies only, which a cross-site form cannot send.
const CSRF_EXEMPT = new Set([
  '/api/v1/auth/login',
  '/api/v1/auth/login/2fa',
  '/api/v1/auth/check-token',
  '/api/v1/auth/setup',
  '/api/v1/auth/accept-invitation',
  '/api/v1/auth/reset-password',
]);

export function toActorUser(
  row: Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'institution_id' | 'partner_id' | 'language'>,
): ActorUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    institutionId: row.institution_id,
    partnerId: row.partner_id,
    language: isInterfaceLanguage(row.language) ? row.language : defaultLanguage,
  };
}

async function activeUser(db: Kysely<DB>, userId: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', userId).where('status', '=', 'active').executeTakeFirst();
}

export async function resolveActor(db: Kysely<DB>, config: Config, request: FastifyRequest): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new AppError(401, 'invalid_token');
    const token = await db
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'last_used_at'])
      .where('token_hash', '=', hashToken(config.sessionSecret, match[1]))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const user = token ? await activeUser(db, token.user_id) : undefined;
    if (!token || !user) throw new AppError(401, 'invalid_token');
    const now = new Date();
    if (!token.last_used_at || now.getTime() - Date.parse(token.last_used_at) > 60_000) {
      await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', token.id).execute();
    }
    return { kind: 'user', user: toActorUser(user), via: 'token', tokenId: token.id };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return anonymous;
  const session = await findLiveSession(db, config, cookie);
  const user = session?.user;
  if (!session || !user) return anonymous;
  return {
    kind: 'user',
    user: toActorUser(user),
    via: 'session',
    sessionId: session.id,
    csrfToken: session.csrf_token,
  };
}

/**
 * What someone whose role requires a second factor, and who has none yet, may reach: enrolment, who they are,
 * signing out. Everything else answers 403 `two_factor_enrollment_required` until they enable it.
 */
const OPEN_DURING_ENROLLMENT = new Set([
  '/api/v1/auth/me',
  '/api/v1/auth/logout',
  '/api/v1/auth/2fa',
  '/api/v1/auth/2fa/setup',
  '/api/v1/auth/2fa/enable',
]);

/**
 * Resolves who is asking on every request and enforces CSRF protection: a write authenticated by the session
 * cookie must carry the session's token in `x-csrf-token`. API tokens are not sent by browsers on their own,
 * so they need no such header. Then holds back whoever must enrol a second factor first.
 */
export function registerAuthentication(app: FastifyInstance, db: Kysely<DB>, config: Config): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('language', defaultLanguage);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymous;
    request.language = negotiateLanguage(request.headers['accept-language']) ?? defaultLanguage;
    if (!request.url.startsWith('/api/')) return;
    const actor = await resolveActor(db, config, request);
    request.actor = actor;
    if (actor.kind === 'user') request.language = actor.user.language;
    const path = request.url.split('?')[0] ?? '';
    if (
      actor.kind === 'user' &&
      actor.via === 'session' &&
      !SAFE_METHODS.has(request.method) &&
      !CSRF_EXEMPT.has(path)
    ) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !sameSecret(header, actor.csrfToken)) throw new AppError(403, 'csrf_failed');
    }
    // The matched route's pattern where there is one: what routes is what is checked, however the URL is spelled.
    const route = request.routeOptions.url ?? path;
    if (actor.kind === 'user' && !OPEN_DURING_ENROLLMENT.has(route) && (await enrollmentPending(db, actor.user))) {
      throw new AppError(403, 'two_factor_enrollment_required');
    }
  });
}
