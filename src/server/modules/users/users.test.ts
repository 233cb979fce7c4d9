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
} from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';

describe.each(testEngines())('user administration on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let contactFR: Session;
  let staffFR: Session;
  let france: string;
  let morocco: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    france = await institutionId(t.db, 'FR');
    morocco = await institutionId(t.db, 'MA');
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    contactFR = await signIn(
      t.app,
      (await createUser(t.db, 'contact_point', { institutionId: france })).email,
      PASSWORD,
    );
    staffFR = await signIn(t.app, (await createUser(t.db, 'staff', { institutionId: france })).email, PASSWORD);
    await createUser(t.db, 'staff', { institutionId: morocco });
  });
  afterAll(() => t.close());

  it('shows administrators every account and a contact point only their institution’s', async () => {
    const all = await request(t.app, admin)('GET', '/api/v1/users?pageSize=100');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(4);
    const own = await request(t.app, contactFR)('GET', '/api/v1/users?pageSize=100');
    expect(own.json().items.every((u: { institutionId: string }) => u.institutionId === france)).toBe(true);
    expect(own.json().total).toBe(2);
    expect((await request(t.app, staffFR)('GET', '/api/v1/users')).statusCode).toBe(403);
    expect((await request(t.app, null)('GET', '/api/v1/users')).statusCode).toBe(401);
  });

  it('lets a contact point invite staff of their own institution only, never a more powerful role', async () => {
    const staff = await request(t.app, contactFR)('POST', '/api/v1/users', {
      email: 'new.staff@vigie.test',
      name: 'New staff',
      role: 'staff',
      institutionId: france,
    });
    expect(staff.statusCode).toBe(201);
    expect(staff.json().invitation.url).toContain('/invitation#token=');
    const elsewhere = await request(t.app, contactFR)('POST', '/api/v1/users', {
      email: 'x1@vigie.test',
      name: 'X',
      role: 'staff',
      institutionId: morocco,
    });
    expect(elsewhere.statusCode).toBe(403);
    const administrator = await request(t.app, contactFR)('POST', '/api/v1/users', {
      email: 'x2@vigie.test',
      name: 'X',
      role: 'administrator',
    });
    expect(administrator.statusCode).toBe(403);
    const count = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(5);
  });

  it('checks roles against their attachments, with a 400 naming the field', async () => {
    const noInstitution = await request(t.app, admin)('POST', '/api/v1/users', {
      email: 'y@vigie.test',
      name: 'Y',
      role: 'staff',
    });
    expect(noInstitution.statusCode).toBe(400);
    expect(noInstitution.json().error.details[0]).toMatchObject({
      field: 'body.institutionId',
      issue: 'role_needs_institution',
    });
    const duplicate = await request(t.app, admin)('POST', '/api/v1/users', {
      email: ADMIN_EMAIL.toUpperCase(),
      name: 'Y',
      role: 'coordinator',
    });
    expect(duplicate.statusCode).toBe(409);
    const badEmail = await request(t.app, admin)('POST', '/api/v1/users', {
      email: 'not-an-email',
      name: 'Y',
      role: 'coordinator',
    });
    expect(badEmail.json().error.details[0].field).toBe('body.email');
  });

  it('disables an account, which ends its sessions, and keeps at least one active administrator', async () => {
    const victim = await createUser(t.db, 'coordinator');
    const victimSession = await signIn(t.app, victim.email, PASSWORD);
    const current = (await request(t.app, admin)('GET', `/api/v1/users/${victim.id}`)).json();
    const disabled = await request(t.app, admin)('PATCH', `/api/v1/users/${victim.id}`, {
      status: 'disabled',
      version: current.version,
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');
    expect((await request(t.app, victimSession)('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: victim.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(403);

    const me = (await request(t.app, admin)('GET', '/api/v1/auth/me')).json().user;
    const demote = await request(t.app, admin)('PATCH', `/api/v1/users/${me.id}`, {
      role: 'coordinator',
      version: me.version,
    });
    expect(demote.statusCode).toBe(409);
    // The administrator's own language (French) wins over the browser's.
    expect(demote.json().error.message).toBe('Il doit rester au moins un administrateur actif.');
  });

  it('audits account changes without ever copying a password hash', async () => {
    const events = await t.db.selectFrom('audit_events').select('changes').where('entity', '=', 'user').execute();
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(event.changes).not.toContain('argon2');
  });
});
