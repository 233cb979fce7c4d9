import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createUser,
  PASSWORD,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../../../tests/support/app.js';
import { testEngines } from '../../../tests/support/databases.js';
import { enableTwoFactor, passwordStep, sessionFrom, totp, wrongCode } from '../../../tests/support/two-factor.js';

describe.each(testEngines())('two-factor authentication on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  const secondStep = (payload: object, remoteAddress?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login/2fa',
      payload,
      headers: { 'accept-language': 'en' },
      ...(remoteAddress ? { remoteAddress } : {}),
    });

  it('enrols with a QR code and a secret kept encrypted, then confirms with a code and shows recovery codes once', async () => {
    const user = await createUser(t.db, 'coordinator');
    const session = await signIn(t.app, user.email, PASSWORD);
    const as = request(t.app, session);
    expect((await as('GET', '/api/v1/auth/2fa')).json()).toMatchObject({ enabled: false, required: false });

    const setup = await as('POST', '/api/v1/auth/2fa/setup');
    expect(setup.statusCode).toBe(200);
    expect(setup.headers['cache-control']).toBe('no-store');
    const { secret, uri, qrCode } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Vigie:/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('issuer=Vigie');
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrCode.split(',')[1], 'base64').toString('utf8')).toContain('<svg');

    // At rest: AES-256-GCM, never the secret itself.
    const stored = await t.db
      .selectFrom('user_two_factor')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.enabled_at).toBeNull();
    expect(stored.secret_encrypted).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(stored.secret_encrypted).not.toContain(secret);
    expect(stored.secret_encrypted.toUpperCase()).not.toContain(secret);

    // Not on until confirmed: signing in still gives a session directly.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password: PASSWORD },
        })
      ).json(),
    ).toHaveProperty('csrfToken');

    const wrong = await as('POST', '/api/v1/auth/2fa/enable', { code: wrongCode(secret) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('invalid_two_factor_code');
    expect(wrong.json().error.details[0]).toMatchObject({ field: 'body.code', issue: 'invalid_two_factor_code' });
    const malformed = await as('POST', '/api/v1/auth/2fa/enable', { code: '12ab56' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].field).toBe('body.code');

    const enabled = await as('POST', '/api/v1/auth/2fa/enable', { code: totp(secret) });
    expect(enabled.statusCode).toBe(200);
    const codes: string[] = enabled.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
    const hashes = await t.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes)
      for (const code of codes) expect(code_hash).not.toContain(code.replace('-', ''));

    expect((await as('GET', '/api/v1/auth/2fa')).json()).toMatchObject({ enabled: true, recoveryCodesRemaining: 10 });
    expect((await as('GET', '/api/v1/auth/me')).json().twoFactor).toEqual({ enabled: true, required: false });
    // A second enrolment would silently replace the app in use: refused while on.
    expect((await as('POST', '/api/v1/auth/2fa/setup')).json().error.code).toBe('two_factor_already_enabled');

    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('entity', '=', 'user')
      .where('entity_id', '=', user.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['two_factor_setup_started', 'two_factor_enabled']),
    );
    for (const event of events) expect(event.changes).not.toContain(secret);
  });

  it('asks for a code after the password, refuses a replayed code and completes with a fresh one', async () => {
    const user = await createUser(t.db, 'staff');
    const { secret } = await enableTwoFactor(t.app, await signIn(t.app, user.email, PASSWORD));

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect(Object.keys(login.json()).sort()).toEqual(['challenge', 'twoFactorRequired']);
    expect(login.json().twoFactorRequired).toBe(true);
    // No session before the second factor.
    expect(login.cookies.find((c) => c.name === 'vigie_session')).toBeUndefined();
    const { challenge } = login.json();

    // The code used to enable is spent: replaying it within its window fails.
    const replayed = await secondStep({ challenge, code: totp(secret) });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().error.code).toBe('invalid_two_factor_code');

    const next = totp(secret, 1);
    const done = await secondStep({ challenge, code: next });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.email).toBe(user.email);
    const session = sessionFrom(done);
    const me = await request(t.app, session)('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().twoFactor).toEqual({ enabled: true, required: false });

    // The challenge is spent, and so is the code, even with a new challenge.
    expect((await secondStep({ challenge, code: next })).json().error.code).toBe('login_challenge_invalid');
    const again = await secondStep({ challenge: await passwordStep(t.app, user.email, PASSWORD), code: next });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('invalid_two_factor_code');

    const login2fa = await t.db
      .selectFrom('audit_events')
      .select('changes')
      .where('entity', '=', 'session')
      .where('action', '=', 'login')
      .where('actor_user_id', '=', user.id)
      .execute();
    expect(login2fa.map((e) => JSON.parse(e.changes).second_factor?.after)).toContain('totp');
  });

  it('accepts each recovery code once, and regenerated codes replace the old ones', async () => {
    const user = await createUser(t.db, 'staff');
    const session = await signIn(t.app, user.email, PASSWORD);
    const { recoveryCodes } = await enableTwoFactor(t.app, session);
    const [first, second] = recoveryCodes as [string, string];

    const used = await secondStep({
      challenge: await passwordStep(t.app, user.email, PASSWORD),
      // As someone might type it.
      recoveryCode: ` ${first.toUpperCase().replace('-', ' ')} `,
    });
    expect(used.statusCode).toBe(200);
    const reused = await secondStep({
      challenge: await passwordStep(t.app, user.email, PASSWORD),
      recoveryCode: first,
    });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error.details[0].field).toBe('body.recoveryCode');
    expect((await request(t.app, session)('GET', '/api/v1/auth/2fa')).json().recoveryCodesRemaining).toBe(9);

    const wrongPassword = await request(t.app, session)('POST', '/api/v1/auth/2fa/recovery-codes', {
      password: 'not my password at all',
    });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().error.details[0].field).toBe('body.password');
    const regenerated = await request(t.app, session)('POST', '/api/v1/auth/2fa/recovery-codes', {
      password: PASSWORD,
    });
    expect(regenerated.statusCode).toBe(200);
    expect(regenerated.json().recoveryCodes).toHaveLength(10);
    const old = await secondStep({ challenge: await passwordStep(t.app, user.email, PASSWORD), recoveryCode: second });
    expect(old.statusCode).toBe(401);
    const fresh = await secondStep({
      challenge: await passwordStep(t.app, user.email, PASSWORD),
      recoveryCode: regenerated.json().recoveryCodes[0],
    });
    expect(fresh.statusCode).toBe(200);
  });

  it('counts wrong codes toward the sign-in throttle, and a challenge expires', async () => {
    const user = await createUser(t.db, 'staff');
    const { secret } = await enableTwoFactor(t.app, await signIn(t.app, user.email, PASSWORD));
    const address = '198.51.100.20';
    const challenge = await passwordStep(t.app, user.email, PASSWORD, address);
    for (let i = 0; i < 5; i++) {
      const response = await secondStep({ challenge, code: wrongCode(secret) }, address);
      expect(response.statusCode).toBe(401);
    }
    // Five wrong codes: this account is throttled from this address, password step included.
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: PASSWORD },
      remoteAddress: address,
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // ... and the challenge itself is worn out.
    const worn = await t.db
      .selectFrom('login_challenges')
      .select(['attempts', 'used_at'])
      .where('user_id', '=', user.id)
      .execute();
    expect(worn.some((c) => c.attempts === 5 && c.used_at !== null)).toBe(true);

    const late = await passwordStep(t.app, user.email, PASSWORD);
    await t.db
      .updateTable('login_challenges')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    const expired = await secondStep({ challenge: late, code: totp(secret, 1) });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('login_challenge_invalid');
  });

  it('stops code guessing spread over many addresses, while recovery codes still let the owner in', async () => {
    const user = await createUser(t.db, 'staff');
    const { secret, recoveryCodes } = await enableTwoFactor(t.app, await signIn(t.app, user.email, PASSWORD));
    // Someone who has the password guesses codes from three addresses, below each address's own limit.
    for (const [address, guesses] of [
      ['203.0.113.1', 4],
      ['203.0.113.2', 4],
      ['203.0.113.3', 2],
    ] as const) {
      const challenge = await passwordStep(t.app, user.email, PASSWORD, address);
      for (let i = 0; i < guesses; i++) {
        expect((await secondStep({ challenge, code: wrongCode(secret) }, address)).statusCode).toBe(401);
      }
    }
    const fresh = '192.0.2.50';
    const blocked = await secondStep(
      { challenge: await passwordStep(t.app, user.email, PASSWORD, fresh), code: totp(secret, 1) },
      fresh,
    );
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const owner = await secondStep(
      { challenge: await passwordStep(t.app, user.email, PASSWORD, fresh), recoveryCode: recoveryCodes[0] },
      fresh,
    );
    expect(owner.statusCode).toBe(200);
  });

  it('refuses malformed second steps with 400s naming the field', async () => {
    const neither = await secondStep({ challenge: 'x'.repeat(43) });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.details[0]).toMatchObject({ field: 'body.code', issue: 'code_or_recovery_code' });
    const both = await secondStep({ challenge: 'x'.repeat(43), code: '123456', recoveryCode: 'abcde-fghjk' });
    expect(both.statusCode).toBe(400);
    const letters = await secondStep({ challenge: 'x'.repeat(43), code: 'abcdef' });
    expect(letters.statusCode).toBe(400);
    expect(letters.json().error.details[0].field).toBe('body.code');
    const extra = await secondStep({ challenge: 'x'.repeat(43), code: '123456', remember: true });
    expect(extra.json().error.details[0]).toMatchObject({ field: 'body.remember', issue: 'unrecognized_key' });
    const unknown = await secondStep({ challenge: 'x'.repeat(43), code: '123456' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('login_challenge_invalid');
  });

  it('turns off with the password and a code, after which the password alone signs in', async () => {
    const user = await createUser(t.db, 'staff');
    const session = await signIn(t.app, user.email, PASSWORD);
    const { secret } = await enableTwoFactor(t.app, session);
    const as = request(t.app, session);
    const noCode = await as('POST', '/api/v1/auth/2fa/disable', { password: PASSWORD });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json().error.details[0].field).toBe('body.code');
    const badPassword = await as('POST', '/api/v1/auth/2fa/disable', {
      password: 'not my password at all',
      code: totp(secret, 1),
    });
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json().error.code).toBe('invalid_credentials');
    const badCode = await as('POST', '/api/v1/auth/2fa/disable', { password: PASSWORD, code: wrongCode(secret) });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.code).toBe('invalid_two_factor_code');
    expect(
      (await as('POST', '/api/v1/auth/2fa/disable', { password: PASSWORD, code: totp(secret, 1) })).statusCode,
    ).toBe(204);
    expect(await t.db.selectFrom('user_two_factor').select('user_id').where('user_id', '=', user.id).execute()).toEqual(
      [],
    );
    expect(await t.db.selectFrom('recovery_codes').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    await signIn(t.app, user.email, PASSWORD);
    expect(
      (await as('POST', '/api/v1/auth/2fa/disable', { password: PASSWORD, code: '123456' })).json().error.code,
    ).toBe('two_factor_not_enabled');
  });

  it('lets an operator turn it off for someone who lost both their app and their codes', async () => {
    const user = await createUser(t.db, 'staff');
    await enableTwoFactor(t.app, await signIn(t.app, user.email, PASSWORD));
    const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-2fa-cli-'));
    try {
      const root = path.resolve(import.meta.dirname, '../../..');
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(root, 'src/server/cli.ts'), 'user:disable-2fa', '--email', user.email],
        {
          cwd: root,
          env: {
            PATH: process.env.PATH ?? '',
            LOG_LEVEL: 'silent',
            VIGIE_DATA_DIR: t.testDatabase.file ? path.dirname(t.testDatabase.file) : dataDir,
            ...(t.testDatabase.url ? { DATABASE_URL: t.testDatabase.url } : {}),
          },
          encoding: 'utf8',
        },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Two-factor authentication is off for ${user.email}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // The password alone signs in again; the change is in the trail, by the operator's command.
    await signIn(t.app, user.email, PASSWORD);
    const event = await t.db
      .selectFrom('audit_events')
      .select(['actor_label'])
      .where('entity_id', '=', user.id)
      .where('action', '=', 'two_factor_disabled')
      .executeTakeFirstOrThrow();
    expect(event.actor_label).toBe('cli:user:disable-2fa');
  });

  it('leads a password-reset link to the second step when a second factor is on', async () => {
    const admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const user = await createUser(t.db, 'staff');
    const { secret } = await enableTwoFactor(t.app, await signIn(t.app, user.email, PASSWORD));
    const link = await request(t.app, admin)('POST', `/api/v1/users/${user.id}/password-reset`);
    const token = new URL(link.json().url).hash.replace('#token=', '');
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { token, password: 'a whole new passphrase here' },
    });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().twoFactorRequired).toBe(true);
    expect(reset.cookies.find((c) => c.name === 'vigie_session')).toBeUndefined();
    const done = await secondStep({ challenge: reset.json().challenge, code: totp(secret, 1) });
    expect(done.statusCode).toBe(200);
  });
});
