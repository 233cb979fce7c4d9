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
import type { Figure, NetworkDashboard } from '../../../shared/contract/dashboard.js';

// Responses are checked against the contract by the app itself (checkResponses); the test reads them as JSON.
type Json = Record<string, unknown>;

/** Every figure of a dashboard with where it sits (`visits.byFacilityKind.hotspot`). */
function figuresOf(value: unknown, path = ''): [string, Figure][] {
  if (value === null || typeof value !== 'object') return [];
  if ('value' in value && 'link' in value) return [[path, value as Figure]];
  return Object.entries(value).flatMap(([key, inner]) => figuresOf(inner, path ? `${path}.${key}` : key));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

describe.each(testEngines())('network dashboard on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let staffES: Session;
  let france: string;
  let spain: string;
  let morocco: string;

  beforeAll(async () => {
    t = await startTestApp(engine, { VIGIE_DEMO: '1' });
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    france = await institutionId(t.db, 'FR');
    spain = await institutionId(t.db, 'ES');
    morocco = await institutionId(t.db, 'MA');
    const staff = await createUser(t.db, 'staff', { institutionId: spain });
    staffES = await signIn(t.app, staff.email, PASSWORD);
  });
  afterAll(() => t?.close());

  async function dashboard(session: Session | null, query: string) {
    const response = await request(t.app, session)('GET', `/api/v1/dashboard${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as NetworkDashboard;
  }

  async function list(session: Session, api: string, query: Record<string, string>, pageSize = 1) {
    const search = new URLSearchParams(
      api.endsWith('/reach') ? query : { ...query, pageSize: String(pageSize) },
    ).toString();
    const response = await request(t.app, session)('GET', `${api}?${search}`);
    expect(response.statusCode, `${api}?${search}: ${response.body}`).toBe(200);
    return response.json() as Json;
  }

  /** The figure as the list behind it counts it, asked independently through the list API with the figure's query. */
  async function countedByList(session: Session, path: string, figure: Figure): Promise<number> {
    const link = figure.link;
    if (!link) throw new Error(`${path} has no link`);
    if (link.list === 'awarenessReach') {
      return (await list(session, link.api, link.query)).childrenTotal as number;
    }
    if (path === 'trainings.people') {
      const page = await list(session, link.api, link.query, 100);
      expect(page.total as number).toBeLessThanOrEqual(100);
      return (page.items as { details: { participants: { count: number }[] } }[])
        .flatMap((item) => item.details.participants)
        .reduce((sum, p) => sum + p.count, 0);
    }
    return (await list(session, link.api, link.query)).total as number;
  }

  /** Each figure equals the list's count, and its link's page matches its list. */
  async function expectListsAgree(session: Session, board: NetworkDashboard) {
    const all = figuresOf(board);
    expect(all.length).toBeGreaterThan(10);
    for (const [path, figure] of all) {
      expect(`${path} = ${await countedByList(session, path, figure)}`).toBe(`${path} = ${figure.value}`);
      const pages = {
        actions: /^\/plans\/[0-9a-f-]+\/actions$/,
        activities: /^\/activities$/,
        awarenessSessions: /^\/awareness-sessions$/,
        awarenessReach: /^\/awareness-reach$/,
        visits: /^\/visits$/,
        recommendations: /^\/recommendations$/,
      };
      expect(figure.link?.page).toMatch(pages[figure.link?.list ?? 'visits']);
    }
  }

  const filterSets = [
    '',
    '?from=2018-01-01&to=2018-12-31',
    '?from=2016-01-01&to=2017-12-31&country=MK',
    '?country=FR',
    '?axis=4',
    '?axis=5&from=2017-01-01',
  ];

  it('gives, for an administrator, every figure as the list API counts it with the same filters', async () => {
    for (const query of filterSets) await expectListsAgree(admin, await dashboard(admin, query));
    const franceOnly = await dashboard(admin, `?institutionId=${france}`);
    expect(
      figuresOf(franceOnly).every(
        ([, f]) => f.link?.query.institutionId === france || f.link?.query.institution === france,
      ),
    ).toBe(true);
    await expectListsAgree(admin, franceOnly);
  });

  it('gives a staff member of one institution the same agreement, over what they see (less)', async () => {
    for (const query of [...filterSets, `?institutionId=${morocco}`]) {
      await expectListsAgree(staffES, await dashboard(staffES, query));
    }
    const seenByAdmin = await dashboard(admin, '');
    const seenByStaff = await dashboard(staffES, '');
    // France's institution-only session: the administrator counts its 22 children, Spain's staff does not.
    expect(seenByAdmin.awareness?.children.value).toBe((seenByStaff.awareness?.children.value ?? 0) + 22);
    expect(seenByAdmin.awareness?.sessions.value).toBe((seenByStaff.awareness?.sessions.value ?? 0) + 1);
  });

  it('counts children once per group, media audiences apart, and says what the demonstration data hold', async () => {
    const board = await dashboard(admin, '');
    const awareness = board.awareness;
    if (!awareness) throw new Error('no awareness section');
    // Morocco's class met twice: 13 + 9 + 4 (largest per cell), not 11 + 9 + 4 + 13 + 7.
    expect(awareness.bySetting.school.children.value).toBe(26);
    expect(awareness.bySetting.school.sessions.value).toBe(2);
    expect(awareness.children.value).toBe(22 + 26 + 16);
    expect(awareness.groups).toBe(4);
    expect(awareness.mediaAudience).toBe(25_000);
    expect(awareness.bySex.girls + awareness.bySex.boys + awareness.bySex.other).toBe(awareness.children.value);
    // Visits: the AOM's five, none announced otherwise, none joint; Malta and France among member countries.
    expect(board.visits?.total.value).toBe(5);
    expect(board.visits?.byFacilityKind.transit_centre.value).toBe(2);
    expect(board.map.memberCountries).toEqual(expect.arrayContaining(['FR', 'MT', 'MA', 'ES']));
    expect(board.map.facilities.map((f) => f.name)).toContain('Hotspot de Trapani-Milo');
    expect(board.map.countries.find((c) => c.country === 'MK')?.visits?.value).toBe(3);
  });

  it('gives the median days to reply from the statements themselves', async () => {
    const board = await dashboard(admin, '');
    const statements = board.statements;
    if (!statements?.statements.link) throw new Error('no statements');
    const page = await list(admin, statements.statements.link.api, statements.statements.link.query, 100);
    const days = (page.items as { daysToReply: number | null }[]).flatMap((s) =>
      s.daysToReply === null ? [] : [s.daysToReply],
    );
    expect(statements.replied.value).toBe(days.length);
    expect(statements.medianDaysToReply).toBe(median(days));
  });

  it('lists keep the filters the figures need: activities by country and statements by reply', async () => {
    const inMorocco = await list(admin, '/api/v1/activities', { country: 'MA' }, 100);
    const items = inMorocco.items as { countryCode: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((a) => a.countryCode === 'MA')).toBe(true);
    const all = (await list(admin, '/api/v1/activities', {}, 100)).total as number;
    expect(inMorocco.total as number).toBeLessThan(all);
    const replied = await list(admin, '/api/v1/activities', { replied: 'true' }, 100);
    const waiting = await list(admin, '/api/v1/activities', { replied: 'false' }, 100);
    expect((replied.items as { kind: string; responses: unknown[] }[]).every((a) => a.responses.length > 0)).toBe(true);
    expect(
      (waiting.items as { kind: string; responses: unknown[] }[]).every(
        (a) => a.kind === 'statement' && a.responses.length === 0,
      ),
    ).toBe(true);
    const statements = (await list(admin, '/api/v1/activities', { kind: 'statement' })).total as number;
    expect((replied.total as number) + (waiting.total as number)).toBe(statements);
    expect(replied.total as number).toBeGreaterThan(0);
  });

  it('takes several institutions as any of them, without links the lists could not follow', async () => {
    const one = await dashboard(admin, `?institutionId=${france}`);
    const other = await dashboard(admin, `?institutionId=${morocco}`);
    const both = await dashboard(admin, `?institutionId=${france}&institutionId=${morocco}`);
    // Awareness sessions belong to one institution each: the two together are the sum.
    expect(both.awareness?.sessions.value).toBe(
      (one.awareness?.sessions.value ?? 0) + (other.awareness?.sessions.value ?? 0),
    );
    expect(both.filters.institutionIds).toEqual([france, morocco]);
    expect(figuresOf(both).every(([, f]) => f.link === null)).toBe(true);
  });

  it('keeps to one axis when asked', async () => {
    const board = await dashboard(admin, '?axis=4');
    expect(board.awareness).not.toBeNull();
    expect([board.dialogue, board.trainings, board.statements, board.visits, board.recommendations]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(board.actions.every((plan) => plan.total.link?.query.axisId)).toBe(true);
  });

  it('refuses the public and bad filters with a clear error', async () => {
    expect((await request(t.app, null)('GET', '/api/v1/dashboard')).statusCode).toBe(401);
    // In the administrator's own language, French.
    const axis = (await request(t.app, admin)('GET', '/api/v1/dashboard?axis=9')).json().error;
    expect(axis.details).toEqual([expect.objectContaining({ field: 'query.axis', issue: 'plan_axis' })]);
    expect(axis.details[0].message).toContain('de 1 à 5');
    const order = (await request(t.app, admin)('GET', '/api/v1/dashboard?from=2019-01-01&to=2018-01-01')).json().error;
    expect(order.details).toEqual([expect.objectContaining({ field: 'query.to', issue: 'end_before_start' })]);
    expect(order.details[0].message).toContain('date de fin');
    for (const query of [
      '?axis=9',
      '?from=2018-13-01',
      '?country=fr',
      '?institutionId=nope',
      '?from=2019-01-01&to=2018-01-01',
      '?sort=title',
      '?axis=',
      '?axis=2&axis=3',
      '?from=2018-01-01&from=2019-01-01',
      '?institutionId=',
      `?${Array.from({ length: 21 }, () => `institutionId=${crypto.randomUUID()}`).join('&')}`,
      '?country=%00F',
    ]) {
      const response = await request(t.app, admin)('GET', `/api/v1/dashboard${query}`);
      expect(response.statusCode, query).toBe(400);
      const error = response.json().error;
      expect(error.code, query).toBe('validation_failed');
      expect(typeof error.message, query).toBe('string');
      expect(Array.isArray(error.details) || typeof error.details === 'object', query).toBe(true);
    }
  });
});
