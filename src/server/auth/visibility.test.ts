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
} from '../../../tests/support/app.js';
import { testEngines } from '../../../tests/support/databases.js';
import { type Visibility, visibilities } from '../../shared/roles.js';

/**
 * The policy table: every role × every visibility of a record owned by France × every action. Lists, counts
 * and details must agree (the filter is in SQL), and only the owner's people (and administrators) may edit.
 */
type Who = 'administrator' | 'coordinator' | 'contactPointFR' | 'staffFR' | 'staffMA' | 'partner' | 'anonymous';

const canSee: Record<Who, Visibility[]> = {
  administrator: ['institution', 'group', 'partners', 'public'],
  coordinator: ['group', 'partners', 'public'],
  contactPointFR: ['institution', 'group', 'partners', 'public'],
  staffFR: ['institution', 'group', 'partners', 'public'],
  staffMA: ['group', 'partners', 'public'],
  partner: ['partners', 'public'],
  anonymous: ['public'],
};
const canEdit: Record<Who, boolean> = {
  administrator: true,
  coordinator: false,
  contactPointFR: true,
  staffFR: true,
  staffMA: false,
  partner: false,
  anonymous: false,
};

describe.each(testEngines())('visibility and policy on %s', (engine) => {
  let t: TestApp;
  const sessions = {} as Record<Who, Session | null>;
  const records = {} as Record<Visibility, string>;
  const marker = `Policy probe ${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const france = await institutionId(t.db, 'FR');
    const morocco = await institutionId(t.db, 'MA');
    const unhcr = await t.db
      .selectFrom('partners')
      .select('id')
      .where('acronym_en', '=', 'UNHCR')
      .executeTakeFirstOrThrow();
    const users = {
      coordinator: await createUser(t.db, 'coordinator'),
      contactPointFR: await createUser(t.db, 'contact_point', { institutionId: france }),
      staffFR: await createUser(t.db, 'staff', { institutionId: france }),
      staffMA: await createUser(t.db, 'staff', { institutionId: morocco }),
      partner: await createUser(t.db, 'partner', { partnerId: unhcr.id }),
    };
    sessions.administrator = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    for (const [who, user] of Object.entries(users)) sessions[who as Who] = await signIn(t.app, user.email, PASSWORD);
    sessions.anonymous = null;
    const staff = request(t.app, sessions.staffFR);
    for (const visibility of visibilities) {
      const created = await staff('POST', '/api/v1/institutions', {
        countryCode: 'IT',
        nameFr: `${marker} ${visibility}`,
        kind: 'other',
        visibility,
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().ownerInstitutionId).toBe(france);
      records[visibility] = created.json().id;
    }
  });
  afterAll(() => t.close());

  const cases = (Object.keys(canSee) as Who[]).flatMap((who) => visibilities.map((v) => [who, v] as const));

  it.each(cases)('%s × %s: list, count and detail agree with the table', async (who, visibility) => {
    const call = request(t.app, sessions[who]);
    const expected = canSee[who].includes(visibility);
    const list = await call('GET', `/api/v1/institutions?q=${encodeURIComponent(`${marker} ${visibility}`)}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(expected ? 1 : 0);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual(expected ? [records[visibility]] : []);
    const detail = await call('GET', `/api/v1/institutions/${records[visibility]}`);
    expect(detail.statusCode).toBe(expected ? 200 : 404);
    if (expected) expect(detail.json().can.edit).toBe(canEdit[who]);
  });

  it.each(cases)('%s × %s: edit is allowed only to the owner’s people and administrators', async (who, visibility) => {
    const call = request(t.app, sessions[who]);
    const id = records[visibility];
    const current = await t.db
      .selectFrom('institutions')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const response = await call('PATCH', `/api/v1/institutions/${id}`, {
      notes: `edited by ${who}`,
      version: current.version,
    });
    const visible = canSee[who].includes(visibility);
    const expected = who === 'anonymous' ? 401 : !visible ? 404 : canEdit[who] ? 200 : 403;
    expect(response.statusCode).toBe(expected);
    const after = await t.db
      .selectFrom('institutions')
      .select(['notes', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (expected === 200) {
      expect(after).toEqual({ notes: `edited by ${who}`, version: current.version + 1 });
    } else {
      expect(after.version).toBe(current.version);
    }
  });

  it('counts in the unfiltered list never include another institution’s institution-only records', async () => {
    const all = async (who: Who) =>
      (
        await request(t.app, sessions[who])('GET', `/api/v1/institutions?q=${encodeURIComponent(marker)}&pageSize=100`)
      ).json().total as number;
    expect(await all('staffFR')).toBe(4);
    expect(await all('staffMA')).toBe(3);
    expect(await all('partner')).toBe(2);
    expect(await all('anonymous')).toBe(1);
  });
});
