import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createUser,
  PASSWORD,
  request,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import { totp } from '../../../../tests/support/two-factor.js';

describe.each(testEngines())('security settings and required two-factor authentication on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  const settings = () => request(t.app, admin)('GET', '/api/v1/settings/security');

  it('lets administrators only read and change them, with a version against lost updates', async () => {
    const initial = await settings();
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toMatchObject({ requireTwoFactorFor: [], version: 1 });

    const coordinator = await signIn(t.app, (await createUser(t.db, 'coordinator')).email, PASSWORD);
    expect((await request(t.app, coordinator)('GET', '/api/v1/settings/security')).statusCode).toBe(403);
    const attempt = await request(t.app, coordinator)('PUT', '/api/v1/settings/security', {
      requireTwoFactorFor: [],
      version: 1,
    });
    expect(attempt.statusCode).toBe(403);
    expect((await request(t.app, null)('GET', '/api/v1/settings/security')).statusCode).toBe(401);

    const badRole = await request(t.app, admin)('PUT', '/api/v1/settings/security', {
      requireTwoFactorFor: ['king'],
      version: 1,
    });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.details[0].field).toBe('body.requireTwoFactorFor.0');
    const twice = await request(t.app, admin)('PUT', '/api/v1/settings/security', {
      requireTwoFactorFor: ['staff', 'staff'],
      version: 1,
    });
    expect(twice.json().error.details[0]).toMatchObject({
      field: 'body.requireTwoFactorFor',
      issue: 'duplicate_value',
    });
    const noVersion = await request(t.app, admin)('PUT', '/api/v1/settings/security', { requireTwoFactorFor: [] });
    expect(noVersion.json().error.details[0].field).toBe('body.version');

    const saved = await request(t.app, admin)('PUT', '/api/v1/settings/security', {
      requireTwoFactorFor: ['partner'],
      version: 1,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ requireTwoFactorFor: ['partner'], version: 2 });
    const stale = await request(t.app, admin)('PUT', '/api/v1/settings/security', {
      requireTwoFactorFor: [],
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(stale.json().error.details.current).toMatchObject({ requireTwoFactorFor: ['partner'], version: 2 });

    const event = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'settings')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      entity_id: 'security',
      action: 'update',
      actor_user_id: admin.userId,
      entity_version: 2,
    });
    expect(JSON.parse(event.changes)).toEqual({ requireTwoFactorFor: { before: [], after: ['partner'] } });
  });

  it('holds back a member of a required role until they enrol, then lets them in', async () => {
    const current = (await settings()).json();
    expect(
      (
        await request(t.app, admin)('PUT', '/api/v1/settings/security', {
          requireTwoFactorFor: ['coordinator'],
          version: current.version,
        })
      ).statusCode,
    ).toBe(200);
    const user = await createUser(t.db, 'coordinator');
    // Signing in still works, with the usual answer...
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toHaveProperty('csrfToken');
    const session = await signIn(t.app, user.email, PASSWORD);
    const as = request(t.app, session);

    // ... but the session reaches enrolment, who they are and signing out only.
    const me = await as('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().twoFactor).toEqual({ enabled: false, required: true });
    for (const [method, url] of [
      ['GET', '/api/v1/institutions'],
      ['GET', '/api/v1/plans'],
      ['GET', '/api/v1/auth/sessions'],
      ['POST', '/api/v1/auth/tokens'],
      ['GET', '/api/v1/no-such-route'],
    ] as const) {
      const response = await as(method, url, method === 'POST' ? { name: 'a way around' } : undefined);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().error.code).toBe('two_factor_enrollment_required');
      expect(response.json().error.message).toContain('two-factor authentication');
    }
    // An API token made before the rule does not get around it.
    const tokenRow = { id: crypto.randomUUID(), name: 'old script' };
    const { hashToken } = await import('../../auth/secrets.js');
    await t.db
      .insertInto('api_tokens')
      .values({
        ...tokenRow,
        user_id: user.id,
        token_hash: hashToken(t.config.sessionSecret, 'vigie_old_script_token_value_long_enough'),
        created_at: new Date().toISOString(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    const viaToken = await t.app.inject({
      method: 'GET',
      url: '/api/v1/institutions',
      headers: { authorization: 'Bearer vigie_old_script_token_value_long_enough' },
    });
    expect(viaToken.statusCode).toBe(403);
    expect(viaToken.json().error.code).toBe('two_factor_enrollment_required');

    const setup = await as('POST', '/api/v1/auth/2fa/setup');
    expect(setup.statusCode).toBe(200);
    expect((await as('POST', '/api/v1/auth/2fa/enable', { code: totp(setup.json().secret) })).statusCode).toBe(200);
    expect((await as('GET', '/api/v1/institutions')).statusCode).toBe(200);
    expect((await as('GET', '/api/v1/auth/me')).json().twoFactor).toEqual({ enabled: true, required: true });

    // Other roles are not concerned.
    const staff = await signIn(t.app, (await createUser(t.db, 'staff')).email, PASSWORD);
    expect((await request(t.app, staff)('GET', '/api/v1/institutions')).statusCode).toBe(200);
    // Logging out stays possible for whoever is held back.
    const heldBack = await signIn(t.app, (await createUser(t.db, 'coordinator')).email, PASSWORD);
    expect((await request(t.app, heldBack)('POST', '/api/v1/auth/logout')).statusCode).toBe(204);
  });
});
