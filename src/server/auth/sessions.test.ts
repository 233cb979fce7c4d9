import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, request, type Session, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { testEngines } from '../../../tests/support/databases.js';
import { sessionFrom } from '../../../tests/support/two-factor.js';

describe.each(testEngines())('your sessions on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  async function signInFrom(email: string, userAgent: string, remoteAddress: string): Promise<Session> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: PASSWORD },
      headers: { 'user-agent': userAgent },
      remoteAddress,
    });
    expect(response.statusCode).toBe(200);
    return sessionFrom(response);
  }

  const live = async (session: Session) => (await request(t.app, session)('GET', '/api/v1/auth/me')).statusCode;

  it('lists your own sessions with browser, address and which one is this', async () => {
    const user = await createUser(t.db, 'staff');
    const laptop = await signInFrom(user.email, 'Mozilla/5.0 (X11; Linux) Firefox/140.0', '192.0.2.1');
    await signInFrom(user.email, 'Mozilla/5.0 (iPhone) Safari/18', '192.0.2.2');
    const someoneElse = await createUser(t.db, 'staff');
    await signInFrom(someoneElse.email, 'curl/8', '192.0.2.3');

    const list = await request(t.app, laptop)('GET', '/api/v1/auth/sessions');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { userAgent: string; ip: string; current: boolean; id: string }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items.find((s) => s.current)).toMatchObject({
      userAgent: expect.stringContaining('Firefox'),
      ip: '192.0.2.1',
    });
    expect(items.map((s) => s.ip).sort()).toEqual(['192.0.2.1', '192.0.2.2']);
  });

  it('revokes one session, not someone else’s', async () => {
    const user = await createUser(t.db, 'staff');
    const here = await signInFrom(user.email, 'browser one', '192.0.2.4');
    const there = await signInFrom(user.email, 'browser two', '192.0.2.5');
    const other = await createUser(t.db, 'staff');
    const theirs = await signInFrom(other.email, 'their browser', '192.0.2.6');
    const theirId = (await request(t.app, theirs)('GET', '/api/v1/auth/sessions')).json().items[0].id;

    expect((await request(t.app, here)('DELETE', `/api/v1/auth/sessions/${theirId}`)).statusCode).toBe(404);
    expect(await live(theirs)).toBe(200);

    const thereId = (await request(t.app, there)('GET', '/api/v1/auth/sessions'))
      .json()
      .items.find((s: { current: boolean }) => s.current).id;
    expect((await request(t.app, here)('DELETE', `/api/v1/auth/sessions/${thereId}`)).statusCode).toBe(204);
    expect(await live(there)).toBe(401);
    expect(await live(here)).toBe(200);
    expect((await request(t.app, here)('DELETE', `/api/v1/auth/sessions/${thereId}`)).statusCode).toBe(404);
    expect(
      (await request(t.app, here)('DELETE', '/api/v1/auth/sessions/not-a-uuid')).json().error.details[0].field,
    ).toBe('params.id');
    const audited = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'session')
      .where('entity_id', '=', thereId)
      .execute();
    expect(audited.map((e) => e.action)).toContain('revoke');
  });

  it('signs out everywhere else, or everywhere', async () => {
    const user = await createUser(t.db, 'staff');
    const sessions = [
      await signInFrom(user.email, 'one', '192.0.2.7'),
      await signInFrom(user.email, 'two', '192.0.2.8'),
      await signInFrom(user.email, 'three', '192.0.2.9'),
    ] as [Session, Session, Session];
    const others = await request(t.app, sessions[0])('POST', '/api/v1/auth/sessions/revoke-others');
    expect(others.statusCode).toBe(200);
    expect(others.json()).toEqual({ revoked: 2 });
    expect([await live(sessions[0]), await live(sessions[1]), await live(sessions[2])]).toEqual([200, 401, 401]);

    const again = await signInFrom(user.email, 'four', '192.0.2.10');
    const everywhere = await request(t.app, sessions[0])('POST', '/api/v1/auth/logout-everywhere');
    expect(everywhere.statusCode).toBe(204);
    expect(everywhere.cookies.find((c) => c.name === 'vigie_session')?.value).toBe('');
    expect([await live(sessions[0]), await live(again)]).toEqual([401, 401]);
    const actions = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'user')
      .where('entity_id', '=', user.id)
      .execute();
    expect(actions.map((e) => e.action)).toEqual(expect.arrayContaining(['sessions_revoked', 'logout_everywhere']));
    // Signing out everywhere needs a session in the first place.
    expect((await request(t.app, null)('POST', '/api/v1/auth/logout-everywhere')).statusCode).toBe(401);
  });

  it('acts as the session’s user only while that account is active', async () => {
    const user = await createUser(t.db, 'staff', { language: 'es' });
    const session = await signInFrom(user.email, 'curl/8', '192.0.2.4');
    const me = await request(t.app, session)('GET', '/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: user.id, email: user.email });
    // The account's own language, read with the session, wins over the browser's.
    const missing = await request(t.app, session)('GET', '/api/v1/visits/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('Este elemento no existe o no está disponible para usted.');
    // An account no longer active, even with its session row still there, signs nobody in.
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    expect(await live(session)).toBe(401);
    await t.db.updateTable('users').set({ status: 'active' }).where('id', '=', user.id).execute();
    expect(await live(session)).toBe(200);
  });
});
