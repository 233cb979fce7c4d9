import { randomUUID } from 'node:crypto';
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

describe.each(testEngines())('associations on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  let staff: Session;
  const codes = (body: { items: { code: string }[] }) => body.items.map((a) => a.code);

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const c = await createUser(t.db, 'coordinator');
    coordinator = await signIn(t.app, c.email, PASSWORD);
    const s = await createUser(t.db, 'staff', { institutionId: await institutionId(t.db, 'FR') });
    staff = await signIn(t.app, s.email, PASSWORD);
  });
  afterAll(() => t.close());

  it('lists the associations to the public, by code, with paging, sorting and a text filter', async () => {
    const all = await request(t.app, null)('GET', '/api/v1/associations');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 4, page: 1, pageSize: 25 });
    expect(codes(all.json())).toEqual(['AOM', 'AOMF', 'FIO', 'IOI']);
    expect(all.json().items[0].can).toEqual({ edit: false });

    const second = await request(t.app, null)('GET', '/api/v1/associations?pageSize=2&page=2');
    expect(second.json()).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(codes(second.json())).toEqual(['FIO', 'IOI']);

    const byCodeDesc = await request(t.app, null)('GET', '/api/v1/associations?order=desc');
    expect(codes(byCodeDesc.json())).toEqual(['IOI', 'FIO', 'AOMF', 'AOM']);

    const francophonie = await request(t.app, null)('GET', '/api/v1/associations?q=francophonie');
    expect(francophonie.json().total).toBe(1);
    expect(codes(francophonie.json())).toEqual(['AOMF']);

    const bad = await request(t.app, null)('GET', '/api/v1/associations?sort=colour&extra=1');
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['query.sort', 'query.extra']));
  });

  it('shows one association, 404 for an unknown id and 400 for a malformed one', async () => {
    const list = await request(t.app, null)('GET', '/api/v1/associations');
    const aom = list.json().items[0];
    const one = await request(t.app, coordinator)('GET', `/api/v1/associations/${aom.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ code: 'AOM', website: 'https://www.ombudsman-med.org', can: { edit: true } });
    expect((await request(t.app, null)('GET', `/api/v1/associations/${randomUUID()}`)).statusCode).toBe(404);
    const malformed = await request(t.app, null)('GET', '/api/v1/associations/not-a-uuid');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].field).toBe('params.id');
  });

  it('lets coordinators and administrators edit an association, versioned and audited', async () => {
    const list = await request(t.app, null)('GET', '/api/v1/associations?q=AOMF');
    const aomf = list.json().items[0];
    const edited = await request(t.app, coordinator)('PATCH', `/api/v1/associations/${aomf.id}`, {
      foundedOn: '1998-05-01',
      notes: '  ',
      version: aomf.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ foundedOn: '1998-05-01', notes: null, version: aomf.version + 1 });

    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'association')
      .where('entity_id', '=', aomf.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(Object.keys(JSON.parse(audit[0]?.changes ?? '{}')).sort()).toEqual(['founded_on', 'notes']);

    const stale = await request(t.app, admin)('PATCH', `/api/v1/associations/${aomf.id}`, {
      nameEn: 'Stale edit',
      version: aomf.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(stale.json().error.details.current.version).toBe(aomf.version + 1);

    const byAdmin = await request(t.app, admin)('PATCH', `/api/v1/associations/${aomf.id}`, {
      nameEn: 'Association of Ombudsmen and Mediators of the Francophonie',
      version: aomf.version + 1,
    });
    expect(byAdmin.statusCode).toBe(200);
  });

  it('refuses staff (403), the anonymous public (401), unknown fields and bad values (400)', async () => {
    const list = await request(t.app, null)('GET', '/api/v1/associations');
    const fio = list.json().items[2];
    const byStaff = await request(t.app, staff)('PATCH', `/api/v1/associations/${fio.id}`, {
      notes: 'x',
      version: fio.version,
    });
    expect(byStaff.statusCode).toBe(403);
    const anonymous = await request(t.app, null)('PATCH', `/api/v1/associations/${fio.id}`, {
      notes: 'x',
      version: fio.version,
    });
    expect(anonymous.statusCode).toBe(401);
    const unknown = await request(t.app, admin)('PATCH', `/api/v1/associations/${fio.id}`, {
      code: 'XXX',
      version: fio.version,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.code', issue: 'unrecognized_key' }),
    ]);
    const badDate = await request(t.app, admin)('PATCH', `/api/v1/associations/${fio.id}`, {
      foundedOn: '2016-02-30x',
      website: 'ftp://example.org',
      version: fio.version,
    });
    expect(badDate.statusCode).toBe(400);
    const fields = badDate.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.foundedOn', 'body.website']));
    const unchanged = await request(t.app, null)('GET', `/api/v1/associations/${fio.id}`);
    expect(unchanged.json().version).toBe(fio.version);
  });
});
