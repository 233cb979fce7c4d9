import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createUser,
  institutionId,
  PASSWORD,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../../../tests/support/app.js';
import { testEngines } from '../../../tests/support/databases.js';
import { purgeExpiredSessions } from './sessions.js';

describe.each(testEngines())('authentication on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  it('answers /healthz', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', engine });
  });

  it('signs in the administrator from the environment and returns a CSRF token and a secure cookie', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toMatchObject({ email: ADMIN_EMAIL, role: 'administrator', status: 'active' });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = response.cookies.find((c) => c.name === 'vigie_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await request(t.app, {
      cookie: `vigie_session=${cookie?.value}`,
      csrfToken: body.csrfToken,
      userId: '',
    })('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(ADMIN_EMAIL);
  });

  it('refuses a wrong password with 401, then throttles with 429 after repeated failures', async () => {
    const user = await createUser(t.db, 'coordinator');
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: 'wrong password!' },
      });
    const first = await attempt();
    expect(first.statusCode).toBe(401);
    expect(first.json().error.code).toBe('invalid_credentials');
    for (let i = 0; i < 4; i++) expect((await attempt()).statusCode).toBe(401);
    const throttled = await attempt();
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBeDefined();
    // Even the right password waits out the window: guessing cannot continue.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: PASSWORD },
    });
    expect(right.statusCode).toBe(429);
  });

  it('rejects malformed JSON, unknown fields and non-JSON bodies with clear 4xx errors', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "x@y.z", ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('invalid_json');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'fr' },
      payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, admin: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('body.admin');
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'body.admin', issue: 'unrecognized_key' });
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=x',
    });
    expect(text.statusCode).toBe(415);
  });

  it('requires the CSRF header on cookie writes but not on API-token writes', async () => {
    const session = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const withoutHeader = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie: session.cookie },
      payload: { name: 'script' },
    });
    expect(withoutHeader.statusCode).toBe(403);
    expect(withoutHeader.json().error.code).toBe('csrf_failed');
    const created = await request(t.app, session)('POST', '/api/v1/auth/tokens', { name: 'script' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^vigie_/);
    const stored = await t.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    const viaToken = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        language: 'ar',
        version: (await request(t.app, session)('GET', '/api/v1/auth/me')).json().user.version,
      },
    });
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.json().language).toBe('ar');
    expect((await request(t.app, session)('DELETE', `/api/v1/auth/tokens/${id}`)).statusCode).toBe(204);
    const revoked = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.statusCode).toBe(401);
  });

  it('ends a session left idle too long, and one past its absolute lifetime', async () => {
    const idle = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const old = new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000).toISOString();
    await t.db.updateTable('sessions').set({ last_seen_at: old }).where('csrf_token', '=', idle.csrfToken).execute();
    expect((await request(t.app, idle)('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const expired = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('csrf_token', '=', expired.csrfToken)
      .execute();
    expect((await request(t.app, expired)('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const fresh = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect((await request(t.app, fresh)('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    // The hourly purge removes dead sessions and keeps live ones.
    const stale = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    await t.db.updateTable('sessions').set({ last_seen_at: old }).where('csrf_token', '=', stale.csrfToken).execute();
    expect(await purgeExpiredSessions(t.db, t.config)).toBeGreaterThan(0);
    const left = (await t.db.selectFrom('sessions').select('csrf_token').execute()).map((s) => s.csrf_token);
    expect(left).toContain(fresh.csrfToken);
    expect(left).not.toContain(stale.csrfToken);
  });

  it('ends the session on logout', async () => {
    const session = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect((await request(t.app, session)('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await request(t.app, session)('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('invites a person, who accepts with a one-time link that works once', async () => {
    const admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const france = await institutionId(t.db, 'FR');
    const invited = await request(t.app, admin)('POST', '/api/v1/users', {
      email: 'Staff.France@vigie.test',
      name: 'Staff France',
      role: 'staff',
      institutionId: france,
    });
    expect(invited.statusCode).toBe(201);
    const { user, invitation } = invited.json();
    expect(user).toMatchObject({ email: 'staff.france@vigie.test', status: 'invited', institutionId: france });
    const token = new URL(invitation.url).hash.replace('#token=', '');
    const check = await t.app.inject({ method: 'POST', url: '/api/v1/auth/check-token', payload: { token } });
    expect(check.json()).toEqual({ purpose: 'invitation', email: 'staff.france@vigie.test' });
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invitation',
      payload: { token, password: 'my own new password' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.status).toBe('active');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invitation',
      payload: { token, password: 'another password!!' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');
    await signIn(t.app, 'staff.france@vigie.test', 'my own new password');
  });

  it('lets an administrator issue a password-reset link; the old password stops working', async () => {
    const admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const target = await createUser(t.db, 'coordinator');
    const oldSession = await signIn(t.app, target.email, PASSWORD);
    const link = await request(t.app, admin)('POST', `/api/v1/users/${target.id}/password-reset`);
    expect(link.statusCode).toBe(201);
    const token = new URL(link.json().url).hash.replace('#token=', '');
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { token, password: 'brand new password' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await request(t.app, oldSession)('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: target.email, password: PASSWORD },
    });
    expect(old.statusCode).toBe(401);
  });

  it('translates errors into the caller’s language', async () => {
    const fr = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
    });
    expect(fr.statusCode).toBe(401);
    expect(fr.json().error.message).toBe('Vous devez vous connecter.');
    const ar = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { 'accept-language': 'ar' } });
    expect(ar.json().error.message).toBe('يجب عليك تسجيل الدخول.');
  });
});
