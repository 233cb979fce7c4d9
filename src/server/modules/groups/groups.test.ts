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

const PLAN_ORDER = ['AL', 'FR', 'BJ', 'BE', 'MA', 'CI', 'ES', 'MK', 'MT', 'TR'];

interface Member {
  membershipId: string;
  position: number;
  status: string;
  statusSince: string | null;
  institution: { id: string; countryCode: string; nameFr: string };
  contactPoint: { id: string; name: string | null; roleTitle: string | null } | null;
  version: number;
  can: { edit: boolean };
}

describe.each(testEngines())('groups and memberships on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  let staff: Session;
  let partner: Session;
  let groupId: string;

  const countries = (body: { items: Member[] }) => body.items.map((m) => m.institution.countryCode);
  async function members(session: Session | null, query = '') {
    const response = await request(t.app, session)('GET', `/api/v1/groups/${groupId}/members${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as { items: Member[]; total: number; page: number; pageSize: number };
  }
  async function member(country: string) {
    const all = await members(null, '?pageSize=100');
    return all.items.find((m) => m.institution.countryCode === country) as Member;
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const c = await createUser(t.db, 'coordinator');
    coordinator = await signIn(t.app, c.email, PASSWORD);
    const s = await createUser(t.db, 'staff', { institutionId: await institutionId(t.db, 'FR') });
    staff = await signIn(t.app, s.email, PASSWORD);
    const p = await createUser(t.db, 'partner');
    partner = await signIn(t.app, p.email, PASSWORD);
    const groups = await request(t.app, null)('GET', '/api/v1/groups');
    groupId = groups.json().items[0].id;
  });
  afterAll(() => t.close());

  it('lists the working group publicly, with its associations and ten members', async () => {
    const list = await request(t.app, null)('GET', '/api/v1/groups');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 25 });
    const one = await request(t.app, null)('GET', `/api/v1/groups/${groupId}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      nameEn: 'AOM/AOMF Working Group on the Rights of Migrant Children',
      memberCount: 10,
      can: { edit: false },
    });
    expect(one.json().associations.map((a: { code: string }) => a.code)).toEqual(['AOM', 'AOMF']);
    expect((await request(t.app, null)('GET', '/api/v1/groups?q=nothing-like-this')).json().total).toBe(0);
    expect((await request(t.app, null)('GET', `/api/v1/groups/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('lists the ten members in the plan’s order, Turkey pending validation', async () => {
    const body = await members(null);
    expect(body.total).toBe(10);
    expect(countries(body)).toEqual(PLAN_ORDER);
    expect(body.items.map((m) => m.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const statuses = Object.fromEntries(body.items.map((m) => [m.institution.countryCode, m.status]));
    expect(statuses.TR).toBe('pending_validation');
    expect(Object.values(statuses).filter((s) => s === 'active')).toHaveLength(9);
    expect(body.items.every((m) => m.can.edit === false)).toBe(true);
  });

  it('filters, sorts and pages the members', async () => {
    const pending = await members(null, '?status=pending_validation');
    expect(pending.total).toBe(1);
    expect(countries(pending)).toEqual(['TR']);
    expect(countries(await members(null, '?sort=country'))).toEqual([...PLAN_ORDER].sort());
    expect(countries(await members(null, '?sort=position&order=desc'))).toEqual([...PLAN_ORDER].reverse());
    const page = await members(null, '?pageSize=3&page=2');
    expect(page).toMatchObject({ total: 10, page: 2, pageSize: 3 });
    expect(countries(page)).toEqual(['BE', 'MA', 'CI']);
    const byName = await members(null, '?sort=name');
    const names = byName.items.map((m) => m.institution.nameFr);
    expect(names).toHaveLength(10);
    expect(countries(byName)).not.toEqual(PLAN_ORDER);
    const bad = await request(t.app, null)('GET', `/api/v1/groups/${groupId}/members?status=asleep&sort=age`);
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['query.status', 'query.sort']));
    expect((await request(t.app, null)('GET', `/api/v1/groups/${randomUUID()}/members`)).statusCode).toBe(404);
  });

  it('shows contact points only to those who may see them (group visibility: not the public, not partners)', async () => {
    const publicView = await members(null);
    expect(publicView.items.every((m) => m.contactPoint === null)).toBe(true);
    const partnerView = await members(partner);
    expect(partnerView.items.every((m) => m.contactPoint === null)).toBe(true);
    const staffView = await members(staff);
    expect(staffView.items.every((m) => m.contactPoint !== null)).toBe(true);
    expect(staffView.items[0]?.contactPoint?.roleTitle).toBe('Représentant de l’institution membre');
    // Made public by its institution, a contact point shows to everyone.
    const morocco = staffView.items.find((m) => m.institution.countryCode === 'MA') as Member;
    await t.db
      .updateTable('contact_points')
      .set({ visibility: 'public' })
      .where('id', '=', morocco.contactPoint?.id as string)
      .execute();
    const after = await members(null);
    expect(after.items.filter((m) => m.contactPoint !== null).map((m) => m.institution.countryCode)).toEqual(['MA']);
  });

  it('changes a membership’s status (coordinators, administrators), keeps the history newest first', async () => {
    const turkey = await member('TR');
    expect(turkey.status).toBe('pending_validation');
    const byStaff = await request(t.app, staff)('PATCH', `/api/v1/memberships/${turkey.membershipId}/status`, {
      status: 'active',
      version: turkey.version,
    });
    expect(byStaff.statusCode).toBe(403);
    const anonymous = await request(t.app, null)('PATCH', `/api/v1/memberships/${turkey.membershipId}/status`, {
      status: 'active',
      version: turkey.version,
    });
    expect(anonymous.statusCode).toBe(401);

    const validated = await request(t.app, coordinator)('PATCH', `/api/v1/memberships/${turkey.membershipId}/status`, {
      status: 'active',
      changedOn: '2018-01-15',
      note: 'Validée par le groupe',
      version: turkey.version,
    });
    expect(validated.statusCode).toBe(200);
    expect(validated.json()).toMatchObject({
      status: 'active',
      statusSince: '2018-01-15',
      version: turkey.version + 1,
      can: { edit: true },
    });

    const stale = await request(t.app, admin)('PATCH', `/api/v1/memberships/${turkey.membershipId}/status`, {
      status: 'withdrawn',
      version: turkey.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(stale.json().error.details.current.status).toBe('active');

    const withdrawn = await request(t.app, admin)('PATCH', `/api/v1/memberships/${turkey.membershipId}/status`, {
      status: 'withdrawn',
      changedOn: '2019-06-30',
      version: turkey.version + 1,
    });
    expect(withdrawn.statusCode).toBe(200);

    const history = await request(t.app, null)('GET', `/api/v1/memberships/${turkey.membershipId}/history`);
    expect(history.statusCode).toBe(200);
    const items = history.json().items as { status: string; changedOn: string | null; note: string | null }[];
    expect(items.map((h) => [h.status, h.changedOn])).toEqual([
      ['withdrawn', '2019-06-30'],
      ['active', '2018-01-15'],
      ['pending_validation', null],
    ]);
    expect(items[1]?.note).toBe('Validée par le groupe');

    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'membership')
      .where('entity_id', '=', turkey.membershipId)
      .where('action', '=', 'status_change')
      .execute();
    expect(audit).toHaveLength(2);

    // A withdrawn member no longer counts, but stays listed with its status.
    const group = await request(t.app, null)('GET', `/api/v1/groups/${groupId}`);
    expect(group.json().memberCount).toBe(9);
    expect((await members(null, '?status=withdrawn')).items.map((m) => m.institution.countryCode)).toEqual(['TR']);

    const badStatus = await request(t.app, admin)('PATCH', `/api/v1/memberships/${turkey.membershipId}/status`, {
      status: 'expelled',
      colour: 'red',
      version: turkey.version + 2,
    });
    expect(badStatus.statusCode).toBe(400);
    const fields = badStatus.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.status', 'body.colour']));
    expect((await request(t.app, null)('GET', `/api/v1/memberships/${randomUUID()}/history`)).statusCode).toBe(404);
  });

  it('admits an institution at the end, with its first status and an empty contact-point slot', async () => {
    const djibouti = await t.db
      .selectFrom('institutions')
      .select('id')
      .where('country_code', '=', 'DJ')
      .executeTakeFirstOrThrow();
    const byStaff = await request(t.app, staff)('POST', `/api/v1/groups/${groupId}/members`, {
      institutionId: djibouti.id,
    });
    expect(byStaff.statusCode).toBe(403);

    const created = await request(t.app, coordinator)('POST', `/api/v1/groups/${groupId}/members`, {
      institutionId: djibouti.id,
      changedOn: '2018-06-19',
      note: 'Candidature après la visite de Bruxelles',
    });
    expect(created.statusCode).toBe(201);
    const admitted = created.json() as Member;
    expect(admitted).toMatchObject({
      position: 11,
      status: 'pending_validation',
      statusSince: '2018-06-19',
      institution: { id: djibouti.id, countryCode: 'DJ' },
      contactPoint: { name: null, roleTitle: null, email: null }, // the slot is empty, and visible to the group
    });
    const asStaff = await member('DJ');
    expect(asStaff.contactPoint).toBeNull(); // the public sees no contact point
    const staffMembers = await members(staff, '?pageSize=100');
    const slot = staffMembers.items.find((m) => m.institution.countryCode === 'DJ')?.contactPoint;
    expect(slot).toMatchObject({ name: null, roleTitle: null });

    const stored = await t.db
      .selectFrom('contact_points')
      .selectAll()
      .where('membership_id', '=', admitted.membershipId)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ owner_institution_id: djibouti.id, visibility: 'group', ends_on: null });

    const history = await request(t.app, null)('GET', `/api/v1/memberships/${admitted.membershipId}/history`);
    expect(history.json().items).toMatchObject([{ status: 'pending_validation', changedOn: '2018-06-19' }]);
    expect(countries(await members(null, '?pageSize=100')).at(-1)).toBe('DJ');

    const again = await request(t.app, admin)('POST', `/api/v1/groups/${groupId}/members`, {
      institutionId: djibouti.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'conflict', details: { reason: 'already_member' } });
    expect(again.json().error.message).toBe('Cette institution est déjà membre du groupe.'); // the administrator reads French

    const unknown = await request(t.app, admin)('POST', `/api/v1/groups/${groupId}/members`, {
      institutionId: randomUUID(),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.institutionId', issue: 'unknown_reference' }),
    ]);
    const noGroup = await request(t.app, admin)('POST', `/api/v1/groups/${randomUUID()}/members`, {
      institutionId: djibouti.id,
    });
    expect(noGroup.statusCode).toBe(404);
  });

  it('gives two institutions admitted at the same moment distinct positions at the end', async () => {
    const others = await t.db
      .selectFrom('institutions')
      .select('id')
      .where('country_code', 'in', ['SN', 'MR'])
      .execute();
    const before = (await request(t.app, null)('GET', `/api/v1/groups/${groupId}`)).json();
    const responses = await Promise.all(
      others.map((o) =>
        request(t.app, coordinator)('POST', `/api/v1/groups/${groupId}/members`, { institutionId: o.id }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201]);
    const last = (await members(null, '?sort=position&order=desc')).items[0]?.position as number;
    expect(responses.map((r) => r.json().position).sort()).toEqual([last - 1, last]);
    // Admitting members does not count as an edit of the group itself.
    expect((await request(t.app, null)('GET', `/api/v1/groups/${groupId}`)).json().version).toBe(before.version);
  });

  it('lets coordinators edit a group’s names and descriptions, versioned; refuses others and unknown fields', async () => {
    const current = (await request(t.app, null)('GET', `/api/v1/groups/${groupId}`)).json();
    const byStaff = await request(t.app, staff)('PATCH', `/api/v1/groups/${groupId}`, {
      descriptionEn: 'x',
      version: current.version,
    });
    expect(byStaff.statusCode).toBe(403);
    const unknown = await request(t.app, coordinator)('PATCH', `/api/v1/groups/${groupId}`, {
      members: [],
      version: current.version,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'body.members', issue: 'unrecognized_key' });
    const edited = await request(t.app, coordinator)('PATCH', `/api/v1/groups/${groupId}`, {
      descriptionEn: 'The group of the 2017–2018 action plan.',
      version: current.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      descriptionEn: 'The group of the 2017–2018 action plan.',
      nameFr: current.nameFr,
      version: current.version + 1,
      can: { edit: true },
    });
    const stale = await request(t.app, admin)('PATCH', `/api/v1/groups/${groupId}`, {
      nameEn: 'Stale',
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('changes')
      .where('entity', '=', 'group')
      .where('entity_id', '=', groupId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(Object.keys(JSON.parse(audit[0]?.changes ?? '{}'))).toEqual(['description_en']);
  });
});
