import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  request,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from '../../../tests/support/app.js';
import { testEngines } from '../../../tests/support/databases.js';
import { MAX_VERSION } from '../../shared/contract/common.js';

describe.each(testEngines())('versions a client may name on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  it('a version past what the database holds is a 400 naming it, not a 500 on PostgreSQL', async () => {
    const call = request(t.app, admin);
    const partner = (await call('GET', '/api/v1/partners')).json().items[0];
    for (const version of [MAX_VERSION + 1, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER]) {
      const edit = await call('PATCH', `/api/v1/partners/${partner.id}`, { notes: 'x', version });
      expect(edit.statusCode).toBe(400);
      expect(edit.json().error.details[0]).toMatchObject({ field: 'body.version', issue: 'too_big' });
      const remove = await call('DELETE', `/api/v1/partners/${partner.id}?version=${version}`);
      expect(remove.statusCode).toBe(400);
      expect(remove.json().error.details[0]).toMatchObject({ field: 'query.version', issue: 'too_big' });
    }
    const me = await call('PATCH', '/api/v1/auth/me', { name: 'x', version: 2 ** 32 });
    expect(me.json().error.details[0]).toMatchObject({ field: 'body.version', issue: 'too_big' });
    const security = await call('PUT', '/api/v1/settings/security', { requireTwoFactorFor: [], version: 2 ** 31 });
    expect(security.json().error.details[0]).toMatchObject({ field: 'body.version', issue: 'too_big' });
    const retention = await call('PUT', '/api/v1/admin/retention', { version: 2 ** 31, days: {} });
    expect(retention.json().error.details[0]).toMatchObject({ field: 'body.version', issue: 'too_big' });
    // The largest version a client may name is still an ordinary stale version.
    const largest = await call('PATCH', `/api/v1/partners/${partner.id}`, { notes: 'x', version: MAX_VERSION });
    expect(largest.statusCode).toBe(409);
    expect(largest.json().error.code).toBe('version_conflict');
  });
});
