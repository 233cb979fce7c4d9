import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { institutionId, request, type Session, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { testEngines } from '../../../tests/support/databases.js';
import {
  expectedEditStatus,
  matrix,
  ownedByFrance,
  signInEveryone,
  type Who,
} from '../../../tests/support/policy-matrix.js';
import { type Visibility, visibilities } from '../../shared/roles.js';

/**
 * The policy table on institutions registered by France's staff: every role × every visibility × every action.
 * Lists, counts and details must agree (the filter is in SQL), and only the owner's people (and administrators)
 * may edit. The other owned tables run the same table in their own module tests.
 */
describe.each(testEngines())('visibility and policy on %s', (engine) => {
  let t: TestApp;
  let sessions: Record<Who, Session | null>;
  const records = {} as Record<Visibility, string>;
  const marker = `Policy probe ${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await startTestApp(engine);
    sessions = await signInEveryone(t);
    const france = await institutionId(t.db, 'FR');
    for (const visibility of visibilities) {
      const created = await request(t.app, sessions.staffFR)('POST', '/api/v1/institutions', {
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

  it.each(matrix)('%s × %s: list, count and detail agree with the table', async (who, visibility) => {
    const call = request(t.app, sessions[who]);
    const expected = ownedByFrance.canSee[who].includes(visibility);
    const list = await call('GET', `/api/v1/institutions?q=${encodeURIComponent(`${marker} ${visibility}`)}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(expected ? 1 : 0);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual(expected ? [records[visibility]] : []);
    const detail = await call('GET', `/api/v1/institutions/${records[visibility]}`);
    expect(detail.statusCode).toBe(expected ? 200 : 404);
    if (expected) expect(detail.json().can.edit).toBe(ownedByFrance.canEdit[who]);
  });

  it.each(matrix)('%s × %s: edit is allowed only to the owner’s people and administrators', async (who, visibility) => {
    const id = records[visibility];
    const current = await t.db
      .selectFrom('institutions')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const response = await request(t.app, sessions[who])('PATCH', `/api/v1/institutions/${id}`, {
      notes: `edited by ${who}`,
      version: current.version,
    });
    const expected = expectedEditStatus(ownedByFrance, who, visibility);
    expect(response.statusCode).toBe(expected);
    const after = await t.db
      .selectFrom('institutions')
      .select(['notes', 'version', 'visibility'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // An edit never changes what it did not send: the record keeps its visibility.
    expect(after.visibility).toBe(visibility);
    expect(after.version).toBe(expected === 200 ? current.version + 1 : current.version);
    if (expected === 200) expect(after.notes).toBe(`edited by ${who}`);
  });

  it('counts in the unfiltered list never include another institution’s institution-only records', async () => {
    const total = async (who: Who) =>
      (
        await request(t.app, sessions[who])('GET', `/api/v1/institutions?q=${encodeURIComponent(marker)}&pageSize=100`)
      ).json().total as number;
    expect(await total('staffFR')).toBe(4);
    expect(await total('staffMA')).toBe(3);
    expect(await total('partner')).toBe(2);
    expect(await total('anonymous')).toBe(1);
  });
});
