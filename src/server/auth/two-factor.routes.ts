import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  recoveryCodes,
  recoveryCodesRegenerateBody,
  twoFactorDisableBody,
  twoFactorEnableBody,
  twoFactorSetup,
  twoFactorStatus,
} from '../../shared/contract/users.js';
import { AppError } from '../http/errors.js';
import { defineRoute } from '../http/route.js';
import type { Actor } from './actor.js';
import * as twoFactor from './two-factor.js';

const tag = 'auth';

/** Secrets in the answer (a TOTP key, recovery codes): no cache anywhere may keep them. */
function noStore(reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
}

function signedIn(actor: Actor) {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  return actor;
}

/** Your own second factor. Enrolment stays open to someone whose role requires one they do not have yet. */
export const twoFactorRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/auth/2fa',
    operationId: 'getTwoFactorStatus',
    summary: 'Whether your two-factor authentication is on, required of your role, and how many recovery codes remain',
    tag,
    access: 'user',
    response: twoFactorStatus,
    handler: async ({ db, actor }) => twoFactor.twoFactorStatus(db, signedIn(actor).user),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/2fa/setup',
    operationId: 'setUpTwoFactor',
    summary:
      'Start enrolling an authenticator app: a new secret (base32), its otpauth URI and a QR code. It takes ' +
      'effect once confirmed with a code (POST /api/v1/auth/2fa/enable); the secret is stored encrypted',
    tag,
    access: 'user',
    response: twoFactorSetup,
    handler: async ({ db, config, actor, requestId, reply }) => {
      noStore(reply);
      return twoFactor.startEnrollment(db, config, { actor, requestId }, signedIn(actor).user.id);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/2fa/enable',
    operationId: 'enableTwoFactor',
    summary:
      'Confirm enrolment with a code from the app: two-factor authentication is on, and the ten single-use ' +
      'recovery codes are returned — this once only',
    tag,
    access: 'user',
    body: twoFactorEnableBody,
    response: recoveryCodes,
    handler: async ({ db, config, actor, requestId, body, reply }) => {
      noStore(reply);
      return twoFactor.enable(db, config, { actor, requestId }, signedIn(actor).user.id, body.code);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/2fa/disable',
    operationId: 'disableTwoFactor',
    summary: 'Turn two-factor authentication off, with your password and a current code (or a recovery code)',
    tag,
    access: 'user',
    body: twoFactorDisableBody,
    response: z.null(),
    status: 204,
    handler: async ({ db, config, actor, requestId, body, request }) => {
      const factor = body.code !== undefined ? { code: body.code } : { recoveryCode: body.recoveryCode as string };
      await twoFactor.disable(
        db,
        config,
        { actor, requestId },
        signedIn(actor).user.id,
        { password: body.password, ...factor },
        request.ip,
      );
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/auth/2fa/recovery-codes',
    operationId: 'regenerateRecoveryCodes',
    summary: 'Replace your recovery codes with ten new ones (the old ones stop working), with your password',
    tag,
    access: 'user',
    body: recoveryCodesRegenerateBody,
    response: recoveryCodes,
    handler: async ({ db, config, actor, requestId, body, request, reply }) => {
      noStore(reply);
      return twoFactor.regenerateRecoveryCodes(
        db,
        config,
        { actor, requestId },
        signedIn(actor).user.id,
        body.password,
        request.ip,
      );
    },
  }),
];
