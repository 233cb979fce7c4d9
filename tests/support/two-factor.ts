import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { expect } from 'vitest';
import { request, type Session } from './app.js';

/** The code an authenticator app shows for this secret, `steps` periods of 30 seconds from now. */
export function totp(secret: string, steps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({
    timestamp: Date.now() + steps * 30_000,
  });
}

/** A six-digit code that is not the right one now, nor one step either side. */
export function wrongCode(secret: string): string {
  const valid = new Set([-1, 0, 1].map((steps) => totp(secret, steps)));
  for (let n = 0; ; n++) {
    const candidate = String((Number(totp(secret)) + 123_457 * (n + 1)) % 1_000_000).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

/** Enrols the session's user through the API; returns the secret and the recovery codes. */
export async function enableTwoFactor(app: FastifyInstance, session: Session) {
  const setup = await request(app, session)('POST', '/api/v1/auth/2fa/setup');
  expect(setup.statusCode).toBe(200);
  const { secret } = setup.json() as { secret: string };
  const enabled = await request(app, session)('POST', '/api/v1/auth/2fa/enable', { code: totp(secret) });
  expect(enabled.statusCode).toBe(200);
  return { secret, recoveryCodes: (enabled.json() as { recoveryCodes: string[] }).recoveryCodes };
}

/** The password step of a user with a second factor: the challenge. */
export async function passwordStep(app: FastifyInstance, email: string, password: string, remoteAddress?: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
  expect(response.statusCode).toBe(200);
  const body = response.json() as { twoFactorRequired: boolean; challenge: string };
  expect(body.twoFactorRequired).toBe(true);
  return body.challenge;
}

/** A session from a finished second step. */
export function sessionFrom(response: { cookies: { name: string; value: string }[]; json(): unknown }): Session {
  const cookie = response.cookies.find((c) => c.name === 'vigie_session');
  if (!cookie) throw new Error('no session cookie');
  const body = response.json() as { csrfToken: string; user: { id: string } };
  return { cookie: `vigie_session=${cookie.value}`, csrfToken: body.csrfToken, userId: body.user.id };
}
