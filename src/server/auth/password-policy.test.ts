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
import { ConfigError, loadConfig } from '../config.js';
import { passwordWeakness } from './password-policy.js';
import { hashToken, newToken } from './secrets.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('password policy', () => {
  it.each([
    'password1234',
    'Password123!',
    'qwertyuiop123',
    '1qaz2wsx3edc',
    'iloveyou1234',
    'abcdefghijkl',
    'trustno1trustno1',
  ])('refuses the common or guessable %s', (password) => {
    expect(passwordWeakness(password)).toBe('password_too_common');
  });

  it('refuses passwords made from the person’s own email address or name', () => {
    const owner = { email: 'marie.dupont@defenseur.example', name: 'Marie Dupont' };
    for (const password of [
      'marie.dupont@defenseur.example',
      'Marie Dupont 2024!',
      'mariedupont1987',
      'dupont-defenseur',
    ]) {
      expect(passwordWeakness(password, owner), password).toBe('password_too_common');
    }
    expect(passwordWeakness('Marie walks the long harbour road', owner)).toBeNull();
  });

  it('accepts long phrases of unrelated words, and says when a password is too short', () => {
    expect(passwordWeakness('correct horse battery staple')).toBeNull();
    expect(passwordWeakness('tides of amber lanterns')).toBeNull();
    expect(passwordWeakness('short one')).toBe('password_too_short');
  });

  it('refuses to start with a guessable VIGIE_ADMIN_PASSWORD, and says why', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-policy-'));
    try {
      const load = (password: string) =>
        loadConfig({
          VIGIE_DATA_DIR: dataDir,
          VIGIE_ADMIN_EMAIL: 'secretariat@aomf.example',
          VIGIE_ADMIN_PASSWORD: password,
        });
      expect(() => load('password123456')).toThrow(ConfigError);
      expect(() => load('secretariat@aomf.example')).toThrow(/VIGIE_ADMIN_PASSWORD is too easy to guess/);
      expect(load('lantern ferry orchard velvet').adminPassword).toBe('lantern ferry orchard velvet');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a guessable password given to the command line', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-policy-cli-'));
    const env = { PATH: process.env.PATH ?? '', VIGIE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const cli = path.join(root, 'src/server/cli.ts');
    try {
      // Operators' commands other than db:migrate need an existing database.
      expect(spawnSync(process.execPath, ['--import', 'tsx', cli, 'db:migrate'], { cwd: root, env }).status).toBe(0);
      const result = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          cli,
          'user:create',
          '--email',
          'ana@example.org',
          '--name',
          'Ana',
          '--role',
          'coordinator',
          '--password-env',
          'NEW_PASSWORD',
        ],
        {
          cwd: root,
          env: { ...env, NEW_PASSWORD: 'iloveyou123456' },
          encoding: 'utf8',
        },
      );
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('$NEW_PASSWORD holds a password too easy to guess');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.each(testEngines())('password policy wherever a password is chosen on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  const expectTooCommon = (response: { statusCode: number; json(): unknown }, field: string) => {
    expect(response.statusCode).toBe(400);
    const { error } = response.json() as {
      error: { code: string; details: { field: string; issue: string; message: string }[] };
    };
    expect(error.code).toBe('validation_failed');
    expect(error.details[0]).toMatchObject({ field, issue: 'password_too_common' });
    expect(error.details[0]?.message).toContain('too easy to guess');
  };

  it('on changing one’s password', async () => {
    const user = await createUser(t.db, 'staff');
    const session = await signIn(t.app, user.email, PASSWORD);
    const weak = await request(t.app, session)('POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'password123456',
    });
    expectTooCommon(weak, 'body.newPassword');
    const personal = await request(t.app, session)('POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: `${user.email}!!`,
    });
    expectTooCommon(personal, 'body.newPassword');
    // Nothing changed: the old password still works.
    await signIn(t.app, user.email, PASSWORD);
  });

  it('on accepting an invitation and on a password reset', async () => {
    const admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const invited = await request(t.app, admin)('POST', '/api/v1/users', {
      email: 'leila.haddad@vigie.test',
      name: 'Leila Haddad',
      role: 'coordinator',
    });
    const invitation = new URL(invited.json().invitation.url).hash.replace('#token=', '');
    const french = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invitation',
      headers: { 'accept-language': 'fr' },
      payload: { token: invitation, password: 'Leila Haddad 1990' },
    });
    expect(french.statusCode).toBe(400);
    expect(french.json().error.details[0]).toMatchObject({ field: 'body.password', issue: 'password_too_common' });
    expect(french.json().error.details[0].message).toContain('trop facile à deviner');
    // The link still works for a good password.
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/accept-invitation',
      payload: { token: invitation, password: 'olive groves under snow' },
    });
    expect(accepted.statusCode).toBe(200);

    const user = await createUser(t.db, 'staff');
    const link = await request(t.app, admin)('POST', `/api/v1/users/${user.id}/password-reset`);
    const token = new URL(link.json().url).hash.replace('#token=', '');
    const reset = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/reset-password',
        headers: { 'accept-language': 'en' },
        payload: { token, password },
      });
    expectTooCommon(await reset('qwertyuiop123'), 'body.password');
    expect((await reset('a quiet library at dawn')).statusCode).toBe(200);
  });

  it('on setting up the first administrator', async () => {
    const token = newToken();
    const now = new Date();
    await t.db
      .insertInto('one_time_tokens')
      .values({
        id: crypto.randomUUID(),
        purpose: 'setup',
        token_hash: hashToken(t.config.sessionSecret, token),
        user_id: null,
        created_by: null,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + 3_600_000).toISOString(),
        used_at: null,
      })
      .execute();
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/setup',
      headers: { 'accept-language': 'en' },
      payload: { token, email: 'first@admin.test', name: 'First Admin', password: 'iloveyou123456' },
    });
    expectTooCommon(setup, 'body.password');
    // The link was not spent by the refusal.
    const check = await t.app.inject({ method: 'POST', url: '/api/v1/auth/check-token', payload: { token } });
    expect(check.statusCode).toBe(200);
  });
});
