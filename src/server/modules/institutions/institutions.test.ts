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

describe.each(testEngines())('institutions on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let staffFR: Session;
  let staffMA: Session;
  let france: string;
  let morocco: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    france = await institutionId(t.db, 'FR');
    morocco = await institutionId(t.db, 'MA');
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    staffFR = await signIn(t.app, (await createUser(t.db, 'staff', { institutionId: france })).email, PASSWORD);
    staffMA = await signIn(t.app, (await createUser(t.db, 'staff', { institutionId: morocco })).email, PASSWORD);
  });
  afterAll(() => t.close());

  it('lists the seeded registry publicly: ten members and six others, with association memberships kept unknown', async () => {
    const all = await request(t.app, null)('GET', '/api/v1/institutions?pageSize=100');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(16);
    const members = await request(t.app, null)('GET', '/api/v1/institutions?member=true&pageSize=100&sort=country');
    expect(members.json().items.map((i: { countryCode: string }) => i.countryCode)).toEqual([
      'AL',
      'BE',
      'BJ',
      'CI',
      'ES',
      'FR',
      'MA',
      'MK',
      'MT',
      'TR',
    ]);
    const turkey = members.json().items.find((i: { countryCode: string }) => i.countryCode === 'TR');
    expect(turkey.memberships[0].status).toBe('pending_validation');
    expect(turkey.associations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'AOM', status: 'member' }),
        expect.objectContaining({ code: 'AOMF', status: 'unknown' }),
      ]),
    );
    const belgium = members.json().items.find((i: { countryCode: string }) => i.countryCode === 'BE');
    expect(belgium.dataStatus).toBe('to_confirm');
  });

  it('filters by association, membership status, kind and text, and sorts both ways', async () => {
    const call = request(t.app, null);
    const aomf = await call('GET', '/api/v1/institutions?association=AOMF&associationStatus=member&pageSize=100');
    expect(
      aomf
        .json()
        .items.map((i: { countryCode: string }) => i.countryCode)
        .sort(),
    ).toEqual(['AL', 'BJ', 'CI', 'FR', 'MA']);
    const pending = await call('GET', '/api/v1/institutions?membershipStatus=pending_validation');
    expect(pending.json().items.map((i: { countryCode: string }) => i.countryCode)).toEqual(['TR']);
    const text = await call('GET', `/api/v1/institutions?q=${encodeURIComponent('DÉFENSEUR DES')}`);
    expect(text.json().items.map((i: { countryCode: string }) => i.countryCode)).toContain('FR');
    const asc = await call('GET', '/api/v1/institutions?sort=country&order=asc&pageSize=3');
    const desc = await call('GET', '/api/v1/institutions?sort=country&order=desc&pageSize=3');
    expect(asc.json().items[0].countryCode).toBe('AL');
    expect(desc.json().items[0].countryCode).toBe('TR');
    const page2 = await call('GET', '/api/v1/institutions?sort=country&pageSize=5&page=2');
    expect(page2.json()).toMatchObject({ page: 2, pageSize: 5, total: 16 });
    expect(page2.json().items).toHaveLength(5);
    const wildcard = await call('GET', `/api/v1/institutions?q=${encodeURIComponent('%')}`);
    expect(wildcard.json().total).toBe(0);
  });

  it('rejects bad filters and bad bodies with a 400 naming the field, and writes nothing', async () => {
    const call = request(t.app, admin);
    const badSort = await call('GET', '/api/v1/institutions?sort=password');
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().error.details[0].field).toBe('query.sort');
    const unknownQuery = await call('GET', '/api/v1/institutions?owner=me');
    expect(unknownQuery.json().error.details[0]).toMatchObject({ field: 'query.owner', issue: 'unrecognized_key' });
    const before = await t.db
      .selectFrom('institutions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const badCountry = await call('POST', '/api/v1/institutions', {
      countryCode: 'france',
      nameFr: 'X',
      kind: 'other',
    });
    expect(badCountry.statusCode).toBe(400);
    expect(badCountry.json().error.details[0]).toMatchObject({ field: 'body.countryCode', issue: 'country_code' });
    const unknownAssociation = await call('POST', '/api/v1/institutions', {
      countryCode: 'IT',
      nameFr: 'X',
      kind: 'other',
      associations: [{ associationId: '00000000-0000-4000-8000-000000000000', status: 'member' }],
    });
    expect(unknownAssociation.statusCode).toBe(400);
    expect(unknownAssociation.json().error.details[0].issue).toBe('unknown_reference');
    const notUuid = await call('GET', '/api/v1/institutions/not-a-uuid');
    expect(notUuid.statusCode).toBe(400);
    const after = await t.db
      .selectFrom('institutions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('lets France’s staff edit France’s record but not Morocco’s, and audits the change with before and after', async () => {
    const fr = await request(t.app, staffFR)('GET', `/api/v1/institutions/${france}`);
    expect(fr.json().can.edit).toBe(true);
    const edited = await request(t.app, staffFR)('PATCH', `/api/v1/institutions/${france}`, {
      website: 'https://www.defenseurdesdroits.fr',
      version: fr.json().version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      website: 'https://www.defenseurdesdroits.fr',
      visibility: 'public',
      version: fr.json().version + 1,
    });
    const event = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'institution')
      .where('entity_id', '=', france)
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.changes)).toEqual({
      website: { before: null, after: 'https://www.defenseurdesdroits.fr' },
    });
    const ma = await request(t.app, staffFR)('GET', `/api/v1/institutions/${morocco}`);
    expect(ma.json().can.edit).toBe(false);
    const refused = await request(t.app, staffFR)('PATCH', `/api/v1/institutions/${morocco}`, {
      notes: 'x',
      version: ma.json().version,
    });
    expect(refused.statusCode).toBe(403);
    const moroccoOwn = await request(t.app, staffMA)('PATCH', `/api/v1/institutions/${morocco}`, {
      notes: 'ok',
      version: ma.json().version,
    });
    expect(moroccoOwn.statusCode).toBe(200);
  });

  it('refuses a stale version with 409 and the current record, changing nothing', async () => {
    const current = (await request(t.app, admin)('GET', `/api/v1/institutions/${france}`)).json();
    const first = await request(t.app, admin)('PATCH', `/api/v1/institutions/${france}`, {
      acronym: 'DDD',
      version: current.version,
    });
    expect(first.statusCode).toBe(200);
    const stale = await request(t.app, admin)('PATCH', `/api/v1/institutions/${france}`, {
      acronym: 'OLD',
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(stale.json().error.details.current.acronym).toBe('DDD');
    expect(stale.json().error.details.changedFields).toEqual(['acronym']);
    const stored = await t.db
      .selectFrom('institutions')
      .select('acronym')
      .where('id', '=', france)
      .executeTakeFirstOrThrow();
    expect(stored.acronym).toBe('DDD');
  });

  it('creates and deletes a registry entry; refuses to delete a member institution still in use', async () => {
    const created = await request(t.app, admin)('POST', '/api/v1/institutions', {
      countryCode: 'IT',
      nameOriginal: 'Garante nazionale dei diritti delle persone private della libertà personale',
      nameFr: 'Garant national des droits des personnes privées de liberté (Italie)',
      kind: 'human_rights_institution',
      dataStatus: 'to_confirm',
    });
    expect(created.statusCode).toBe(201);
    const { id, version, ownerInstitutionId } = created.json();
    expect(ownerInstitutionId).toBeNull();
    expect((await request(t.app, admin)('DELETE', `/api/v1/institutions/${id}?version=${version}`)).statusCode).toBe(
      204,
    );
    expect((await request(t.app, admin)('GET', `/api/v1/institutions/${id}`)).statusCode).toBe(404);
    const fr = (await request(t.app, admin)('GET', `/api/v1/institutions/${france}`)).json();
    const inUse = await request(t.app, admin)('DELETE', `/api/v1/institutions/${france}?version=${fr.version}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('conflict');
  });

  it('refuses writes to the anonymous public and to partners', async () => {
    const anonymous = await request(t.app, null)('POST', '/api/v1/institutions', {
      countryCode: 'IT',
      nameFr: 'X',
      kind: 'other',
    });
    expect(anonymous.statusCode).toBe(401);
    const unhcr = await t.db
      .selectFrom('partners')
      .select('id')
      .where('acronym_en', '=', 'UNHCR')
      .executeTakeFirstOrThrow();
    const partner = await signIn(t.app, (await createUser(t.db, 'partner', { partnerId: unhcr.id })).email, PASSWORD);
    const refused = await request(t.app, partner)('POST', '/api/v1/institutions', {
      countryCode: 'IT',
      nameFr: 'X',
      kind: 'other',
    });
    expect(refused.statusCode).toBe(403);
  });
});
