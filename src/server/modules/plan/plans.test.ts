import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Session, startTestApp, type TestApp } from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import {
  expectedEditStatus,
  matrix,
  ownedByNetwork,
  signInEveryone,
  type Who,
} from '../../../../tests/support/policy-matrix.js';
import type { Axis, Plan } from '../../../shared/contract/plan.js';
import { type Visibility, visibilities } from '../../../shared/roles.js';
import { planSourceText } from '../../seed/plan.data.js';
import { countRows, firstDetail, type People, seededPlan, signInPeople } from './plan.fixtures.js';

// The founding document's five axes, in its own (bold) words.
const foundingTitles = [
  "Création d'instances de dialogue et de partenariats",
  'Sensibilisation des autorités',
  'Renforcement des capacités',
  'Sensibilisation des enfants migrants',
  'Organisation de visites de vérifications sur place',
];

describe.each(testEngines())('plans on %s', (engine) => {
  let t: TestApp;
  let people: People;
  let plan: Plan;
  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
    plan = await seededPlan(t, people.admin);
  });
  afterAll(() => t.close());

  const axis = (number: string) => plan.axes.find((a) => a.number === number) as Axis;

  it('holds the 2017–2018 plan: five axes in the founding document’s French, sub-items, English translation', async () => {
    const list = await request(t.app, people.staffFR)('GET', '/api/v1/plans');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        titleFr: "Projet de plan d'action 2017-2018",
        titleEn: 'Draft action plan 2017–2018',
        startsOn: '2017-01-01',
        endsOn: '2018-12-31',
        status: 'draft',
        visibility: 'group',
        can: { edit: false, prepareNext: false, managePeriods: false },
      }),
    ]);
    expect(plan.axes.map((a) => a.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(plan.axes.map((a) => a.titleFr)).toEqual(foundingTitles);
    for (const a of plan.axes) {
      expect(a.textFr && planSourceText.includes(a.textFr)).toBe(true);
      expect(a.titleEn).toBeTruthy();
      expect(a.textEn).toBeTruthy();
    }
    expect(plan.axes.flatMap((a) => a.subItems.map((s) => s.number))).toEqual(['3.1', '3.2', '4.1', '4.2', '4.3']);
    expect(axis('3').subItems[1]?.titleFr).toContain('cours de Moncton');
    expect(axis('3').subItems[1]?.titleEn).toContain('Moncton course');
    expect(axis('4').subItems.map((s) => s.titleEn)).toEqual([
      'In countries of origin / departure',
      'In places of reception, transit or accommodation of children, in schools or community centres',
      'Through campaigns / media',
    ]);
    expect(plan.sourceText).toBe(planSourceText);
    expect(axis('1').eachInstitution).toBe(true);
    expect(axis('5').eachInstitution).toBe(true);
  });

  it('names the partners as data: UNHCR funds axis 4, UNHCR and IOM take part in axis 3', () => {
    expect(axis('4').partners).toEqual([expect.objectContaining({ acronymEn: 'UNHCR', role: 'funder' })]);
    expect(
      axis('3')
        .partners.map((p) => `${p.acronymEn}:${p.role}`)
        .sort(),
    ).toEqual(['IOM:participant', 'UNHCR:participant']);
    expect(axis('1').partners).toEqual([]);
  });

  it('lists every member as a participant of each axis, in the group’s order, Turkey pending validation', () => {
    for (const a of plan.axes) {
      expect(a.participants.map((p) => p.countryCode)).toEqual([
        'AL',
        'FR',
        'BJ',
        'BE',
        'MA',
        'CI',
        'ES',
        'MK',
        'MT',
        'TR',
      ]);
      expect(a.participants.every((p) => p.participates)).toBe(true);
    }
    const turkey = axis('1').participants.find((p) => p.countryCode === 'TR');
    expect(turkey).toMatchObject({ membershipStatus: 'pending_validation', participates: true });
    expect(axis('1').participants.find((p) => p.countryCode === 'FR')?.membershipStatus).toBe('active');
  });

  it('records and removes "does not take part", audited; only the network may, only for members', async () => {
    const url = `/api/v1/plan-axes/${axis('5').id}/exceptions/${people.turkey}`;
    expect((await request(t.app, people.staffFR)('PUT', url, { note: 'x' })).statusCode).toBe(403);
    const recorded = await request(t.app, people.coordinator)('PUT', url, { note: 'En attente de validation' });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json().participants.find((p: { countryCode: string }) => p.countryCode === 'TR')).toMatchObject({
      participates: false,
      note: 'En attente de validation',
    });
    const detail = (await request(t.app, people.staffMA)('GET', `/api/v1/plans/${plan.id}`)).json() as Plan;
    const axis5 = detail.axes.find((a) => a.number === '5') as Axis;
    expect(axis5.participants.filter((p) => !p.participates).map((p) => p.countryCode)).toEqual(['TR']);
    expect(detail.axes.find((a) => a.number === '4')?.participants.every((p) => p.participates)).toBe(true);
    // Idempotent, and a sub-item follows its axis.
    expect((await request(t.app, people.coordinator)('PUT', url)).statusCode).toBe(200);
    const removed = await request(t.app, people.coordinator)('DELETE', url);
    expect(removed.json().participants.every((p: { participates: boolean }) => p.participates)).toBe(true);
    const canada = await t.db
      .selectFrom('institutions')
      .select('id')
      .where('country_code', '=', 'CA')
      .executeTakeFirstOrThrow();
    const notMember = await request(t.app, people.coordinator)(
      'PUT',
      `/api/v1/plan-axes/${axis('5').id}/exceptions/${canada.id}`,
    );
    expect(notMember.statusCode).toBe(404);
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'institution_id'])
      .where('entity', '=', 'plan_axis')
      .where('entity_id', '=', axis('5').id)
      .orderBy('at')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['exception_recorded', 'exception_recorded', 'exception_removed']);
    expect(events[0]?.institution_id).toBe(people.turkey);
  });

  it('lets coordinators create plans; refuses others; filters and sorts', async () => {
    const groupId = plan.groupId;
    const body = { groupId, titleFr: 'Plan 2019-2020', startsOn: '2019-01-01', endsOn: '2020-12-31' };
    expect((await request(t.app, people.staffFR)('POST', '/api/v1/plans', body)).statusCode).toBe(403);
    expect((await request(t.app, people.partner)('POST', '/api/v1/plans', body)).statusCode).toBe(403);
    expect((await request(t.app, null)('POST', '/api/v1/plans', body)).statusCode).toBe(401);
    const created = await request(t.app, people.coordinator)('POST', '/api/v1/plans', { ...body, status: 'adopted' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'adopted', visibility: 'group', axes: [], previousPlanId: null });
    const call = request(t.app, people.coordinator);
    const adopted = await call('GET', '/api/v1/plans?status=adopted');
    expect(adopted.json().items.map((p: Plan) => p.titleFr)).toEqual(['Plan 2019-2020']);
    const byTitle = await call('GET', `/api/v1/plans?groupId=${groupId}&sort=title&order=desc`);
    expect(byTitle.json().items.map((p: Plan) => p.titleFr)).toEqual([
      "Projet de plan d'action 2017-2018",
      'Plan 2019-2020',
    ]);
    expect((await call('GET', '/api/v1/plans?sort=owner')).statusCode).toBe(400);
    // Group-visible plans are not for the public or partners.
    expect((await request(t.app, null)('GET', '/api/v1/plans')).json().total).toBe(0);
    expect((await request(t.app, people.partner)('GET', `/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
  });

  it('rejects bad plans with a 400 naming the field and writes nothing', async () => {
    const before = await countRows(t, 'plans');
    const call = request(t.app, people.admin);
    const reversed = await call('POST', '/api/v1/plans', {
      groupId: plan.groupId,
      titleFr: 'X',
      startsOn: '2020-01-01',
      endsOn: '2019-01-01',
    });
    expect(firstDetail(reversed)).toMatchObject({ field: 'body.endsOn', issue: 'end_before_start' });
    const unknownGroup = await call('POST', '/api/v1/plans', {
      groupId: '00000000-0000-4000-8000-000000000000',
      titleFr: 'X',
      startsOn: '2019-01-01',
      endsOn: '2020-01-01',
    });
    expect(firstDetail(unknownGroup)).toMatchObject({ field: 'body.groupId', issue: 'unknown_reference' });
    expect(await countRows(t, 'plans')).toBe(before);
    // An edit of one date is checked against the stored other.
    const current = (await call('GET', `/api/v1/plans/${plan.id}`)).json();
    const endOnly = await call('PATCH', `/api/v1/plans/${plan.id}`, { endsOn: '2016-12-31', version: current.version });
    expect(firstDetail(endOnly)).toMatchObject({ field: 'body.endsOn', issue: 'end_before_start' });
    const startOnly = await call('PATCH', `/api/v1/plans/${plan.id}`, {
      startsOn: '2019-01-01',
      version: current.version,
    });
    expect(firstDetail(startOnly)).toMatchObject({ field: 'body.startsOn', issue: 'end_before_start' });
    // The administrator's own language (French) wins over the request's.
    expect(endOnly.json().error.details[0].message).toBe('La date de fin ne peut pas précéder la date de début.');
    const stored = await t.db.selectFrom('plans').selectAll().where('id', '=', plan.id).executeTakeFirstOrThrow();
    expect([stored.starts_on, stored.ends_on, stored.version]).toEqual(['2017-01-01', '2018-12-31', current.version]);
  });

  it('edits a plan with its version, audited; a stale version gets 409 and changes nothing', async () => {
    const call = request(t.app, people.coordinator);
    const current = (await call('GET', `/api/v1/plans/${plan.id}`)).json();
    expect(current.can).toEqual({ edit: true, prepareNext: true, managePeriods: true });
    const edited = await call('PATCH', `/api/v1/plans/${plan.id}`, {
      titleEn: 'Action plan 2017–2018',
      version: current.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ titleEn: 'Action plan 2017–2018', version: current.version + 1 });
    expect(edited.json().axes).toHaveLength(5);
    const stale = await call('PATCH', `/api/v1/plans/${plan.id}`, { status: 'closed', version: current.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(stale.json().error.details.current.status).toBe('draft');
    const event = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'plan')
      .where('entity_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.changes)).toEqual({
      title_en: { before: 'Draft action plan 2017–2018', after: 'Action plan 2017–2018' },
    });
    expect((await request(t.app, people.staffFR)('PATCH', `/api/v1/plans/${plan.id}`, { version: 2 })).statusCode).toBe(
      403,
    );
  });

  it('adds axes and numbered sub-items, checks their numbers, edits them with a version', async () => {
    const call = request(t.app, people.coordinator);
    const before = await countRows(t, 'plan_axes');
    const badNumber = await call('POST', `/api/v1/plans/${plan.id}/axes`, { number: '6.1', titleFr: 'X' });
    expect(firstDetail(badNumber)).toMatchObject({ field: 'body.number', issue: 'axis_number' });
    const wrongParent = await call('POST', `/api/v1/plans/${plan.id}/axes`, {
      parentId: axis('3').id,
      number: '4.4',
      titleFr: 'X',
    });
    expect(firstDetail(wrongParent)).toMatchObject({ field: 'body.number', issue: 'axis_number' });
    const tooDeep = await call('POST', `/api/v1/plans/${plan.id}/axes`, {
      parentId: axis('3').subItems[0]?.id,
      number: '3.1.1',
      titleFr: 'X',
    });
    expect(firstDetail(tooDeep).field).toBe('body.number');
    const deep = await call('POST', `/api/v1/plans/${plan.id}/axes`, {
      parentId: axis('3').subItems[0]?.id,
      number: '3.3',
      titleFr: 'X',
    });
    expect(firstDetail(deep)).toMatchObject({ field: 'body.parentId', issue: 'axis_level' });
    const unknownParent = await call('POST', `/api/v1/plans/${plan.id}/axes`, {
      parentId: '00000000-0000-4000-8000-000000000000',
      number: '3.3',
      titleFr: 'X',
    });
    expect(firstDetail(unknownParent)).toMatchObject({ field: 'body.parentId', issue: 'unknown_reference' });
    const duplicate = await call('POST', `/api/v1/plans/${plan.id}/axes`, { number: '5', titleFr: 'X' });
    expect(duplicate.statusCode).toBe(409);
    expect(await countRows(t, 'plan_axes')).toBe(before);
    expect(
      (await request(t.app, people.staffFR)('POST', `/api/v1/plans/${plan.id}/axes`, { number: '6', titleFr: 'X' }))
        .statusCode,
    ).toBe(403);

    const sub = await call('POST', `/api/v1/plans/${plan.id}/axes`, {
      parentId: axis('3').id,
      number: '3.3',
      titleFr: 'Échanges de pratiques',
      titleEn: 'Exchanges of practice',
    });
    expect(sub.statusCode).toBe(201);
    expect(sub.json()).toMatchObject({ parentId: axis('3').id, position: 3, subItems: [] });
    const edited = await call('PATCH', `/api/v1/plan-axes/${sub.json().id}`, {
      textFr: 'Échanges de pratiques entre institutions',
      version: 1,
    });
    expect(edited.json()).toMatchObject({ textFr: 'Échanges de pratiques entre institutions', version: 2 });
    expect((await call('PATCH', `/api/v1/plan-axes/${sub.json().id}`, { titleFr: 'Y', version: 1 })).statusCode).toBe(
      409,
    );
    const detail = (await call('GET', `/api/v1/plans/${plan.id}`)).json() as Plan;
    expect(detail.axes.find((a) => a.number === '3')?.subItems.map((s) => s.number)).toEqual(['3.1', '3.2', '3.3']);
  });

  describe('policy table: plans (the network’s) of each visibility', () => {
    let sessions: Record<Who, Session | null>;
    const plans = {} as Record<Visibility, string>;
    beforeAll(async () => {
      sessions = await signInEveryone(t);
      for (const visibility of visibilities) {
        const created = await request(t.app, people.admin)('POST', '/api/v1/plans', {
          groupId: plan.groupId,
          titleFr: `Plan ${visibility}`,
          startsOn: '2021-01-01',
          endsOn: '2021-12-31',
          visibility,
        });
        plans[visibility] = created.json().id;
      }
    });

    it.each(matrix)('%s × %s: list, count and detail agree; edit as the policy says', async (who, visibility) => {
      const call = request(t.app, sessions[who]);
      const visible = ownedByNetwork.canSee[who].includes(visibility);
      const list = (await call('GET', '/api/v1/plans?pageSize=100')).json();
      expect(list.items.some((p: Plan) => p.id === plans[visibility])).toBe(visible);
      expect(list.total).toBe(list.items.length);
      const detail = await call('GET', `/api/v1/plans/${plans[visibility]}`);
      expect(detail.statusCode).toBe(visible ? 200 : 404);
      if (visible) expect(detail.json().can.edit).toBe(ownedByNetwork.canEdit[who]);
      const { version } = await t.db
        .selectFrom('plans')
        .select('version')
        .where('id', '=', plans[visibility])
        .executeTakeFirstOrThrow();
      const edit = await call('PATCH', `/api/v1/plans/${plans[visibility]}`, { titleEn: who, version });
      expect(edit.statusCode).toBe(expectedEditStatus(ownedByNetwork, who, visibility));
    });
  });
});
