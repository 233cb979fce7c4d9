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
import {
  everyone,
  expectedEditStatus,
  matrix,
  ownedByFrance,
  signInEveryone,
  type Who,
} from '../../../../tests/support/policy-matrix.js';
import { type Visibility, visibilities } from '../../../shared/roles.js';

interface ContactPoint {
  id: string;
  membershipId: string;
  institutionId: string;
  name: string | null;
  email: string | null;
  languages: string[];
  startsOn: string | null;
  endsOn: string | null;
  visibility: string;
  version: number;
  can: { edit: boolean };
}

describe.each(testEngines())('contact points on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  let franceStaff: Session;
  let moroccoStaff: Session;
  let partner: Session;
  const membership: Record<string, string> = {};

  async function current(country: string, session: Session = admin): Promise<ContactPoint> {
    const list = await request(t.app, session)('GET', `/api/v1/memberships/${membership[country]}/contact-points`);
    expect(list.statusCode).toBe(200);
    return list.json().items[0];
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const c = await createUser(t.db, 'coordinator');
    coordinator = await signIn(t.app, c.email, PASSWORD);
    const fr = await createUser(t.db, 'staff', { institutionId: await institutionId(t.db, 'FR') });
    franceStaff = await signIn(t.app, fr.email, PASSWORD);
    const ma = await createUser(t.db, 'contact_point', { institutionId: await institutionId(t.db, 'MA') });
    moroccoStaff = await signIn(t.app, ma.email, PASSWORD);
    const p = await createUser(t.db, 'partner');
    partner = await signIn(t.app, p.email, PASSWORD);
    const rows = await t.db
      .selectFrom('group_memberships')
      .innerJoin('institutions', 'institutions.id', 'group_memberships.institution_id')
      .select(['group_memberships.id', 'institutions.country_code'])
      .execute();
    for (const row of rows) membership[row.country_code] = row.id;
  });
  afterAll(() => t.close());

  it('shows a member’s group-visible contact point to the group, not to partners or the public', async () => {
    const france = await current('FR', franceStaff);
    expect(france).toMatchObject({
      membershipId: membership.FR,
      institutionId: await institutionId(t.db, 'FR'),
      name: null,
      languages: [],
      endsOn: null,
      visibility: 'group',
      version: 1,
      can: { edit: true },
    });
    expect((await current('MA', franceStaff)).can.edit).toBe(false);
    for (const outsider of [null, partner]) {
      const list = await request(t.app, outsider)('GET', `/api/v1/memberships/${membership.FR}/contact-points`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([]);
      expect((await request(t.app, outsider)('GET', `/api/v1/contact-points/${france.id}`)).statusCode).toBe(404);
    }
    expect((await request(t.app, null)('GET', `/api/v1/contact-points/${randomUUID()}`)).statusCode).toBe(404);
    expect((await request(t.app, null)('GET', `/api/v1/memberships/${randomUUID()}/contact-points`)).statusCode).toBe(
      404,
    );
  });

  it('lets France’s staff edit France’s contact point (audited with the changed fields) but not Morocco’s', async () => {
    const france = await current('FR', franceStaff);
    const edited = await request(t.app, franceStaff)('PATCH', `/api/v1/contact-points/${france.id}`, {
      name: 'Chargée de mission enfants migrants',
      email: 'enfants.migrants@example.org',
      languages: ['fr', 'en'],
      version: france.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      name: 'Chargée de mission enfants migrants',
      email: 'enfants.migrants@example.org',
      languages: ['fr', 'en'],
      visibility: 'group', // untouched
      version: france.version + 1,
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'contact_point')
      .where('entity_id', '=', france.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_user_id).toBe(franceStaff.userId);
    expect(audit[0]?.institution_id).toBe(await institutionId(t.db, 'FR'));
    const changes = JSON.parse(audit[0]?.changes ?? '{}');
    expect(Object.keys(changes).sort()).toEqual(['email', 'languages', 'name']);
    expect(changes.name).toEqual({ before: null, after: 'Chargée de mission enfants migrants' });

    const morocco = await current('MA', franceStaff);
    const forbidden = await request(t.app, franceStaff)('PATCH', `/api/v1/contact-points/${morocco.id}`, {
      name: 'Not mine',
      version: morocco.version,
    });
    expect(forbidden.statusCode).toBe(403);
    expect((await current('MA')).name).toBeNull();
  });

  it('leaves a member’s contact point to its institution and administrators, not to coordinators', async () => {
    const morocco = await current('MA');
    const byCoordinator = await request(t.app, coordinator)('PATCH', `/api/v1/contact-points/${morocco.id}`, {
      phone: '+212 5 00 00 00 00',
      version: morocco.version,
    });
    expect(byCoordinator.statusCode).toBe(403);
    const byAdmin = await request(t.app, admin)('PATCH', `/api/v1/contact-points/${morocco.id}`, {
      phone: '+212 5 00 00 00 00',
      version: morocco.version,
    });
    expect(byAdmin.statusCode).toBe(200);
    // Its own contact point makes it public: now the public and partners see it.
    const published = await request(t.app, moroccoStaff)('PATCH', `/api/v1/contact-points/${morocco.id}`, {
      roleTitle: 'Point focal',
      visibility: 'public',
      version: morocco.version + 1,
    });
    expect(published.statusCode).toBe(200);
    const seen = await request(t.app, partner)('GET', `/api/v1/contact-points/${morocco.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ roleTitle: 'Point focal', phone: '+212 5 00 00 00 00', can: { edit: false } });
  });

  it('refuses a stale version (409), unknown fields and bad values (400), anonymous edits (401)', async () => {
    const france = await current('FR');
    const stale = await request(t.app, franceStaff)('PATCH', `/api/v1/contact-points/${france.id}`, {
      name: 'Stale',
      version: france.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { current: { id: france.id } } });
    const unknown = await request(t.app, franceStaff)('PATCH', `/api/v1/contact-points/${france.id}`, {
      nickname: 'x',
      version: france.version,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.nickname', issue: 'unrecognized_key' }),
    ]);
    const bad = await request(t.app, franceStaff)('PATCH', `/api/v1/contact-points/${france.id}`, {
      email: 'not an email',
      languages: ['French'],
      visibility: 'everyone',
      version: france.version,
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.email', 'body.languages.0', 'body.visibility']));
    const anonymous = await request(t.app, null)('PATCH', `/api/v1/contact-points/${france.id}`, {
      name: 'x',
      version: france.version,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await current('FR')).version).toBe(france.version);
  });

  it('hands over: the current one ends when the new one starts, and stays in the history', async () => {
    const before = await current('FR', franceStaff);
    const first = await request(t.app, franceStaff)('POST', `/api/v1/memberships/${membership.FR}/contact-points`, {
      name: 'Première personne',
      email: 'premiere@example.org',
      languages: ['fr'],
      startsOn: '2017-01-01',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      name: 'Première personne',
      startsOn: '2017-01-01',
      endsOn: null,
      visibility: 'group',
      institutionId: await institutionId(t.db, 'FR'),
      version: 1,
    });
    const second = await request(t.app, franceStaff)('POST', `/api/v1/memberships/${membership.FR}/contact-points`, {
      name: 'Deuxième personne',
      startsOn: '2018-03-15',
    });
    expect(second.statusCode).toBe(201);

    const list = await request(t.app, franceStaff)('GET', `/api/v1/memberships/${membership.FR}/contact-points`);
    const items = list.json().items as ContactPoint[];
    expect(items.map((c) => [c.name, c.startsOn, c.endsOn])).toEqual([
      ['Deuxième personne', '2018-03-15', null],
      ['Première personne', '2017-01-01', '2018-03-15'],
      [before.name, null, '2017-01-01'],
    ]);
    const members = await request(t.app, franceStaff)('GET', `/api/v1/groups/${await groupId()}/members?pageSize=100`);
    const franceMember = members.json().items.find((m: { membershipId: string }) => m.membershipId === membership.FR);
    expect(franceMember.contactPoint).toMatchObject({ id: second.json().id, name: 'Deuxième personne' });

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['entity_id', 'changes'])
      .where('entity', '=', 'contact_point')
      .where('action', '=', 'handover')
      .where('institution_id', '=', await institutionId(t.db, 'FR'))
      .execute();
    expect(audit).toHaveLength(4);
    const ended = audit.find((a) => a.entity_id === first.json().id && JSON.parse(a.changes).ends_on);
    expect(JSON.parse(ended?.changes ?? '{}').ends_on).toEqual({ before: null, after: '2018-03-15' });
  });

  it('refuses a handover starting before the current contact point did, or by another institution', async () => {
    const backwards = await request(t.app, franceStaff)('POST', `/api/v1/memberships/${membership.FR}/contact-points`, {
      name: 'Trop tôt',
      startsOn: '2018-03-14',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.startsOn', issue: 'end_before_start' }),
    ]);
    const byMorocco = await request(t.app, moroccoStaff)(
      'POST',
      `/api/v1/memberships/${membership.FR}/contact-points`,
      { name: 'Pas chez nous', startsOn: '2019-01-01' },
    );
    expect(byMorocco.statusCode).toBe(403);
    const missing = await request(t.app, franceStaff)('POST', `/api/v1/memberships/${membership.FR}/contact-points`, {
      startsOn: '2019-01-01',
      extra: true,
    });
    expect(missing.statusCode).toBe(400);
    const fields = missing.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.extra']));
    const items = (await request(t.app, admin)('GET', `/api/v1/memberships/${membership.FR}/contact-points`)).json()
      .items;
    expect(items).toHaveLength(3);
  });

  async function groupId(): Promise<string> {
    return (await request(t.app, null)('GET', '/api/v1/groups')).json().items[0].id;
  }

  describe('policy table: France’s contact points of each visibility', () => {
    let sessions: Record<Who, Session | null>;
    const records = {} as Record<Visibility, string>;

    beforeAll(async () => {
      sessions = await signInEveryone(t);
      // Handed over widest first, so that the current one is institution-only.
      const order = [...visibilities].reverse();
      for (const [i, visibility] of order.entries()) {
        const created = await request(t.app, sessions.contactPointFR)(
          'POST',
          `/api/v1/memberships/${membership.FR}/contact-points`,
          { name: `Probe ${visibility}`, startsOn: `2020-0${i + 1}-01`, visibility },
        );
        expect(created.statusCode).toBe(201);
        records[visibility] = created.json().id;
      }
    });

    it.each(matrix)('%s × %s: list and detail agree; edit as the policy says', async (who, visibility) => {
      const call = request(t.app, sessions[who]);
      const visible = ownedByFrance.canSee[who].includes(visibility);
      const listed = await call('GET', `/api/v1/memberships/${membership.FR}/contact-points`);
      expect(listed.json().items.some((c: ContactPoint) => c.id === records[visibility])).toBe(visible);
      const detail = await call('GET', `/api/v1/contact-points/${records[visibility]}`);
      expect(detail.statusCode).toBe(visible ? 200 : 404);
      if (visible) expect(detail.json().can.edit).toBe(ownedByFrance.canEdit[who]);
      const { version } = await t.db
        .selectFrom('contact_points')
        .select('version')
        .where('id', '=', records[visibility])
        .executeTakeFirstOrThrow();
      const edit = await call('PATCH', `/api/v1/contact-points/${records[visibility]}`, { notes: who, version });
      expect(edit.statusCode).toBe(expectedEditStatus(ownedByFrance, who, visibility));
    });

    it.each(everyone)(
      '%s sees France’s institution-only current contact point in the member list only if allowed',
      async (who) => {
        const groups = await request(t.app, null)('GET', '/api/v1/groups');
        const list = await request(t.app, sessions[who])(
          'GET',
          `/api/v1/groups/${groups.json().items[0].id}/members?pageSize=100`,
        );
        const france = list.json().items.find((m: { membershipId: string }) => m.membershipId === membership.FR);
        const visible = ownedByFrance.canSee[who].includes('institution');
        expect(france.contactPoint?.id ?? null).toBe(visible ? records.institution : null);
      },
    );
  });
});
