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

describe.each(testEngines())('text that cannot be stored on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  const partners = async () =>
    Number(
      (
        await t.db
          .selectFrom('partners')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  it('a NUL character or a lone surrogate is a 400 naming the field, on both engines alike, and nothing is stored', async () => {
    const before = await partners();
    const nul = await request(t.app, admin)('POST', '/api/v1/partners', { nameFr: 'a\u0000b', kind: 'other' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.details).toEqual([
      expect.objectContaining({
        field: 'body.nameFr',
        issue: 'invalid_characters',
        message: expect.stringContaining('NUL'),
      }),
    ]);
    // A lone surrogate, escaped in the JSON text as a client would send it.
    const surrogate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
      payload: '{"nameFr":"x\\ud800y","kind":"other"}',
    });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().error.details[0]).toMatchObject({ field: 'body.nameFr', issue: 'invalid_characters' });
    const inKey = await request(t.app, admin)('POST', '/api/v1/partners', { nameFr: 'x', kind: 'other', 'a\u0000': 1 });
    expect(inKey.json().error.details[0]).toMatchObject({ field: 'body.a\u0000', issue: 'invalid_characters' });
    expect(await partners()).toBe(before);

    const search = await request(t.app, null)('GET', '/api/v1/partners?q=a%00b');
    expect(search.statusCode).toBe(400);
    expect(search.json().error.details[0]).toMatchObject({ field: 'query.q', issue: 'invalid_characters' });

    // Astral characters, right-to-left text and combining marks are text like any other.
    const fine = await request(t.app, admin)('POST', '/api/v1/partners', {
      nameFr: 'مرحبا 😀 e\u0301 \u202eok\u202c',
      kind: 'other',
    });
    expect(fine.statusCode).toBe(201);
    expect(fine.json().nameFr).toBe('مرحبا 😀 e\u0301 \u202eok\u202c');
  });
});
