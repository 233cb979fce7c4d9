import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createUser,
  institutionId,
  PASSWORD,
  request,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from '../../../tests/support/app.js';
import { testEngines } from '../../../tests/support/databases.js';

const NEW_PASSWORD = 'violet orchard lantern seventeen';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An account changed by two requests at once: its owner (a password change, a reset link) and an administrator
 * (disabling it, renaming it). Hashing the new password takes a while, and the administrator's edit lands in
 * between: it must not be undone, and each write must move the version on.
 */
describe.each(testEngines())('account writes racing an administrator on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let france: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    france = await institutionId(t.db, 'FR');
  });
  afterAll(() => t.close());

  const row = (id: string) =>
    t.db.selectFrom('users').select(['status', 'version', 'name']).where('id', '=', id).executeTakeFirstOrThrow();

  it('a reset link redeemed while an administrator disables the account does not bring it back', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const user = await createUser(t.db, 'staff', { institutionId: france });
      const link = await request(t.app, admin)('POST', `/api/v1/users/${user.id}/password-reset`);
      const token = new URL(link.json().url).hash.replace('#token=', '');
      const [reset, first] = await Promise.all([
        request(t.app, null)('POST', '/api/v1/auth/reset-password', { token, password: NEW_PASSWORD }),
        pause(15).then(() =>
          request(t.app, admin)('PATCH', `/api/v1/users/${user.id}`, { status: 'disabled', version: 1 }),
        ),
      ]);
      // Under load the reset may land first: the administrator then sees a 409 and disables the current version.
      let disable = first;
      if (first.statusCode === 409) {
        expect(reset.statusCode).toBe(200);
        disable = await request(t.app, admin)('PATCH', `/api/v1/users/${user.id}`, {
          status: 'disabled',
          version: (await row(user.id)).version,
        });
      }
      expect(disable.statusCode, disable.body).toBe(200);
      const after = await row(user.id);
      // The administrator was told the account is disabled: it stays so, whatever the link did before or after.
      expect(after.status).toBe('disabled');
      expect(after.version).toBe(1 + 1 + (reset.statusCode === 200 ? 1 : 0));
      if (reset.statusCode !== 200) expect(reset.json().error.code).toBe('invalid_token');
    }
  });

  it('a password change while an administrator renames the account: every acknowledged write has its own version', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const user = await createUser(t.db, 'staff', { institutionId: france });
      const own = await signIn(t.app, user.email, PASSWORD);
      const [change, rename] = await Promise.all([
        request(t.app, own)('POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
        pause(15).then(() =>
          request(t.app, admin)('PATCH', `/api/v1/users/${user.id}`, { name: 'Renamed', version: 1 }),
        ),
      ]);
      expect(change.statusCode, change.body).toBe(204);
      // The rename made from version 1 wins if it lands before the password is written, else it is stale (409).
      const renamed = rename.statusCode === 200;
      if (!renamed) expect(rename.json().error.code).toBe('version_conflict');
      const after = await row(user.id);
      expect(after.version).toBe(1 + 1 + (renamed ? 1 : 0));
      if (renamed) expect(after.name).toBe('Renamed');
    }
  });
});
