import { z } from 'zod';
import { idParams } from '../../shared/contract/common.js';
import { revokedSessions, sessionInfo } from '../../shared/contract/users.js';
import { AppError } from '../http/errors.js';
import { defineRoute } from '../http/route.js';
import { recordAudit } from '../modules/audit/record-audit.js';
import type { Actor } from './actor.js';
import { listLiveSessions, SESSION_COOKIE } from './sessions.js';

const tag = 'auth';

function signedIn(actor: Actor) {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  return actor;
}

const currentSessionId = (actor: Actor) => (actor.kind === 'user' && actor.via === 'session' ? actor.sessionId : null);

/** Where you are signed in, and ending those sessions. */
export const sessionRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/auth/sessions',
    operationId: 'listSessions',
    summary: 'Your open sessions: when they began, were last used, from which browser and address',
    tag,
    access: 'user',
    response: z.object({ items: z.array(sessionInfo) }),
    handler: async ({ db, config, actor }) => {
      const current = signedIn(actor);
      const rows = await listLiveSessions(db, config, current.user.id);
      const here = currentSessionId(actor);
      return {
        items: rows.map((row) => ({
          id: row.id,
          createdAt: row.created_at,
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
          userAgent: row.user_agent,
          ip: row.ip,
          current: row.id === here,
        })),
      };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/auth/sessions/{id}',
    operationId: 'revokeSession',
    summary: 'End one of your sessions (this one too: then you are signed out)',
    tag,
    access: 'user',
    params: idParams,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params, reply }) => {
      const current = signedIn(actor);
      const done = await db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('sessions')
          .where('id', '=', params.id)
          .where('user_id', '=', current.user.id)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) !== 1) return false;
        await recordAudit(
          trx,
          { actor, requestId },
          { entity: 'session', entityId: params.id, action: 'revoke', institutionId: current.user.institutionId },
        );
        return true;
      });
      // Someone else's session, or one already ended: nothing to say about it.
      if (!done) throw new AppError(404, 'not_found');
      if (params.id === currentSessionId(actor)) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/sessions/revoke-others',
    operationId: 'revokeOtherSessions',
    summary: 'End all your sessions except this one',
    tag,
    access: 'user',
    response: revokedSessions,
    handler: async ({ db, actor, requestId }) => {
      const current = signedIn(actor);
      const here = currentSessionId(actor);
      const revoked = await db.transaction().execute(async (trx) => {
        let others = trx.deleteFrom('sessions').where('user_id', '=', current.user.id);
        if (here) others = others.where('id', '!=', here);
        const deleted = Number((await others.executeTakeFirst()).numDeletedRows);
        await recordAudit(
          trx,
          { actor, requestId },
          {
            entity: 'user',
            entityId: current.user.id,
            action: 'sessions_revoked',
            after: { sessions_ended: deleted },
            institutionId: current.user.institutionId,
          },
        );
        return deleted;
      });
      return { revoked };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/logout-everywhere',
    operationId: 'logoutEverywhere',
    summary: 'Sign out everywhere: end all your sessions, this one included, and any sign-in waiting for its code',
    tag,
    access: 'user',
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, reply }) => {
      const current = signedIn(actor);
      await db.transaction().execute(async (trx) => {
        const deleted = await trx.deleteFrom('sessions').where('user_id', '=', current.user.id).executeTakeFirst();
        await trx.deleteFrom('login_challenges').where('user_id', '=', current.user.id).execute();
        await recordAudit(
          trx,
          { actor, requestId },
          {
            entity: 'user',
            entityId: current.user.id,
            action: 'logout_everywhere',
            after: { sessions_ended: Number(deleted.numDeletedRows) },
            institutionId: current.user.institutionId,
          },
        );
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  }),
];
