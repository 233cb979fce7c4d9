import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../shared/contract/common.js';
import {
  acceptInvitationBody,
  apiToken,
  apiTokenCreate,
  apiTokenCreated,
  currentSession,
  loginBody,
  loginResult,
  loginTwoFactorBody,
  meUpdate,
  passwordChange,
  resetPasswordBody,
  session,
  setupBody,
  tokenCheck,
  tokenInfo,
  user,
} from '../../shared/contract/users.js';
import type { Config } from '../config.js';
import { AppError } from '../http/errors.js';
import { defineRoute } from '../http/route.js';
import { nowIso } from '../http/versioning.js';
import { recordAudit } from '../modules/audit/record-audit.js';
import { staleVersion } from '../modules/audit/stale-version.js';
import { presentUser } from '../modules/users/users.present.js';
import { findUser, updateUser } from '../modules/users/users.repo.js';
import type { Actor } from './actor.js';
import * as auth from './auth.service.js';
import { findLiveToken } from './one-time-links.js';
import { hashToken, newToken } from './secrets.js';
import { destroySession, type NewSession, SESSION_COOKIE } from './sessions.js';
import { twoFactorState } from './two-factor.js';

const tag = 'auth';

function meta(request: FastifyRequest): auth.RequestMeta {
  return { userAgent: request.headers['user-agent'], ip: request.ip, requestId: request.id };
}

function setSessionCookie(reply: FastifyReply, config: Config, opened: NewSession) {
  reply.setCookie(SESSION_COOKIE, opened.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    expires: opened.expiresAt,
  });
}

/** Sets the cookie when the outcome is a session; the body is the session, or the second step's challenge. */
function answer(reply: FastifyReply, config: Config, outcome: auth.LoginOutcome) {
  if (outcome.kind === 'session') setSessionCookie(reply, config, outcome.session);
  return outcome.body;
}

function signedIn(actor: Actor) {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  return actor;
}

export const authRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/login',
    operationId: 'login',
    summary:
      'Sign in with email and password: sets the session cookie and returns the CSRF token for writes. With ' +
      'two-factor authentication on, answers `{twoFactorRequired, challenge}` instead, without a session: finish ' +
      'with POST /api/v1/auth/login/2fa within five minutes',
    tag,
    access: 'public',
    body: loginBody,
    response: loginResult,
    handler: async ({ db, config, body, request, reply }) =>
      answer(reply, config, await auth.login(db, config, body.email, body.password, meta(request))),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/login/2fa',
    operationId: 'loginSecondFactor',
    summary:
      'Second step of signing in: the challenge and a code from the authenticator app (or one recovery code); ' +
      'sets the session cookie. Wrong codes count toward the sign-in throttle',
    tag,
    access: 'public',
    body: loginTwoFactorBody,
    response: session,
    handler: async ({ db, config, body, request, reply }) => {
      const factor = body.code !== undefined ? { code: body.code } : { recoveryCode: body.recoveryCode as string };
      const opened = await auth.completeTwoFactorLogin(
        db,
        config,
        { challenge: body.challenge, ...factor },
        meta(request),
      );
      setSessionCookie(reply, config, opened.session);
      return opened.body;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/logout',
    operationId: 'logout',
    summary: 'Sign out: ends this session',
    tag,
    access: 'public',
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, reply }) => {
      if (actor.kind === 'user' && actor.via === 'session') {
        const sessionId = actor.sessionId;
        await db.transaction().execute(async (trx) => {
          await destroySession(trx, sessionId);
          await recordAudit(
            trx,
            { actor, requestId },
            {
              entity: 'session',
              entityId: sessionId,
              action: 'logout',
              institutionId: actor.user.institutionId,
            },
          );
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/auth/me',
    operationId: 'me',
    summary:
      'The signed-in user, for a cookie session the CSRF token to send with writes, and whether two-factor ' +
      'authentication is on and required of the user’s role (required and off: only enrolment is open)',
    tag,
    access: 'user',
    response: currentSession,
    handler: async ({ db, actor }) => {
      const current = signedIn(actor);
      const row = await findUser(db, current.user.id);
      if (!row) throw new AppError(401, 'unauthenticated');
      return {
        user: presentUser(actor, row),
        csrfToken: current.via === 'session' ? current.csrfToken : null,
        twoFactor: await twoFactorState(db, current.user),
      };
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/auth/me',
    operationId: 'updateMe',
    summary: 'Change your own name or interface language',
    tag,
    access: 'user',
    body: meUpdate,
    response: user,
    handler: async ({ db, actor, requestId, body }) => {
      const current = signedIn(actor);
      const before = await findUser(db, current.user.id);
      if (!before) throw new AppError(401, 'unauthenticated');
      const changes = {
        updated_at: nowIso(),
        ...(body.name ? { name: body.name } : {}),
        ...(body.language ? { language: body.language } : {}),
      };
      const applied = await db.transaction().execute(async (trx) => {
        if (!(await updateUser(trx, current.user.id, body.version, changes))) return false;
        await recordAudit(
          trx,
          { actor, requestId },
          {
            entity: 'user',
            entityId: current.user.id,
            action: 'update',
            before,
            after: { ...before, ...changes },
            institutionId: before.institution_id,
          },
        );
        return true;
      });
      const after = await findUser(db, current.user.id);
      if (!after) throw new AppError(401, 'unauthenticated');
      if (!applied)
        throw await staleVersion(db, {
          entity: 'user',
          entityId: current.user.id,
          sentVersion: body.version,
          current: presentUser(actor, after),
        });
      return presentUser(actor, after);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/password',
    operationId: 'changePassword',
    summary: 'Change your own password (your other sessions end)',
    tag,
    access: 'user',
    body: passwordChange,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, body }) => {
      const current = signedIn(actor);
      await auth.changePassword(
        db,
        { actor, requestId },
        current.user.id,
        body.currentPassword,
        body.newPassword,
        current.via === 'session' ? current.sessionId : null,
      );
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/auth/tokens',
    operationId: 'listApiTokens',
    summary: 'Your personal API tokens (never their values)',
    tag,
    access: 'user',
    response: z.object({ items: z.array(apiToken) }),
    handler: async ({ db, actor }) => {
      const current = signedIn(actor);
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', current.user.id)
        .orderBy('created_at', 'desc')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          createdAt: r.created_at,
          lastUsedAt: r.last_used_at,
          revokedAt: r.revoked_at,
        })),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/tokens',
    operationId: 'createApiToken',
    summary: 'Create a personal API token for scripts; its value is shown once, only its hash is kept',
    tag,
    access: 'user',
    body: apiTokenCreate,
    response: apiTokenCreated,
    status: 201,
    handler: async ({ db, config, actor, requestId, body }) => {
      const current = signedIn(actor);
      const token = newToken('vigie_');
      const row = {
        id: randomUUID(),
        user_id: current.user.id,
        name: body.name,
        token_hash: hashToken(config.sessionSecret, token),
        created_at: nowIso(),
        last_used_at: null,
        revoked_at: null,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('api_tokens').values(row).execute();
        await recordAudit(
          trx,
          { actor, requestId },
          {
            entity: 'api_token',
            entityId: row.id,
            action: 'create',
            after: { name: row.name, user_id: row.user_id },
            institutionId: current.user.institutionId,
          },
        );
      });
      return { id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: null, revokedAt: null, token };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/auth/tokens/{id}',
    operationId: 'revokeApiToken',
    summary: 'Revoke one of your API tokens',
    tag,
    access: 'user',
    params: idParams,
    response: z.null(),
    status: 204,
    handler: async ({ db, actor, requestId, params }) => {
      const current = signedIn(actor);
      const done = await db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('api_tokens')
          .set({ revoked_at: nowIso() })
          .where('id', '=', params.id)
          .where('user_id', '=', current.user.id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return false;
        await recordAudit(
          trx,
          { actor, requestId },
          {
            entity: 'api_token',
            entityId: params.id,
            action: 'revoke',
            institutionId: current.user.institutionId,
          },
        );
        return true;
      });
      if (!done) throw new AppError(404, 'not_found');
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/check-token',
    operationId: 'checkOneTimeToken',
    summary: 'Tell what a one-time link is for (set-up, invitation, password reset) and whether it still works',
    tag,
    access: 'public',
    body: tokenCheck,
    response: tokenInfo,
    handler: async ({ db, config, body }) => {
      const token = await findLiveToken(db, config, body.token);
      const owner = token.user_id
        ? await db.selectFrom('users').select('email').where('id', '=', token.user_id).executeTakeFirst()
        : undefined;
      return { purpose: token.purpose as 'setup' | 'invitation' | 'password_reset', email: owner?.email ?? null };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/setup',
    operationId: 'setUp',
    summary: 'Create the first administrator with the one-time set-up link printed at start',
    tag,
    access: 'public',
    body: setupBody,
    response: session,
    status: 201,
    handler: async ({ db, config, body, request, reply }) => {
      const opened = await auth.setUp(db, config, body, meta(request));
      setSessionCookie(reply, config, opened.session);
      return opened.body;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/accept-invitation',
    operationId: 'acceptInvitation',
    summary: 'Accept an invitation: choose a password and sign in',
    tag,
    access: 'public',
    body: acceptInvitationBody,
    response: loginResult,
    handler: async ({ db, config, body, request, reply }) =>
      answer(reply, config, await auth.redeemLink(db, config, 'invitation', body, meta(request))),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/reset-password',
    operationId: 'resetPassword',
    summary:
      'Choose a new password with a one-time reset link and sign in (other sessions end); with two-factor ' +
      'authentication on, the answer is the second step’s challenge',
    tag,
    access: 'public',
    body: resetPasswordBody,
    response: loginResult,
    handler: async ({ db, config, body, request, reply }) =>
      answer(reply, config, await auth.redeemLink(db, config, 'password_reset', body, meta(request))),
  }),
];
