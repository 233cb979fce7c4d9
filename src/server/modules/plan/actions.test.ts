import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Session, startTestApp, type TestApp } from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import {
  expectedEditStatus,
  matrix,
  ownedByFrance,
  ownedByNetwork,
  signInEveryone,
  type Who,
} from '../../../../tests/support/policy-matrix.js';
import type { Action, Plan } from '../../../shared/contract/plan.js';
import { type Visibility, visibilities } from '../../../shared/roles.js';
import { linkRecord, unlinkEverywhere, unlinkRecord } from './actions.repo.js';
import {
  axisId,
  countRows,
  firstDetail,
  type People,
  recordActivity,
  seededPlan,
  signInPeople,
} from './plan.fixtures.js';

const unknownId = '00000000-0000-4000-8000-000000000000';

describe.each(testEngines())('plan actions on %s', (engine) => {
  let t: TestApp;
  let people: People;
  let plan: Plan;
  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
    plan = await seededPlan(t, people.admin);
  });
  afterAll(() => t.close());

  const create = (session: Session | null, body: Record<string, unknown>) =>
    request(t.app, session)('POST', '/api/v1/actions', { axisId: axisId(plan, '1'), ...body });

  it('lets staff create actions led by their own institution only; coordinators name any lead or none', async () => {
    const own = await create(people.staffFR, { title: 'Instance de dialogue avec la société civile' });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({
      planId: plan.id,
      axisNumber: '1',
      leadInstitutionId: people.france,
      ownerInstitutionId: people.france,
      leadInstitutionName: expect.stringContaining('Défenseur des droits'),
      status: 'planned',
      visibility: 'group',
      overdue: false,
      budget: null,
      links: [],
      carriedFromId: null,
      version: 1,
      can: { edit: true },
    });
    expect((await create(people.staffFR, { title: 'X', leadInstitutionId: people.morocco })).statusCode).toBe(403);
    expect((await create(people.contactPointFR, { title: 'X', leadInstitutionId: people.france })).statusCode).toBe(
      201,
    );
    const forMorocco = await create(people.coordinator, {
      title: 'Visites au Maroc',
      leadInstitutionId: people.morocco,
    });
    expect(forMorocco.json()).toMatchObject({ leadInstitutionId: people.morocco, ownerInstitutionId: people.morocco });
    expect(forMorocco.json().can.edit).toBe(false);
    const network = await create(people.coordinator, { title: 'Réunion annuelle du groupe' });
    expect(network.json()).toMatchObject({ leadInstitutionId: null, ownerInstitutionId: null, can: { edit: true } });
    expect((await create(people.partner, { title: 'X' })).statusCode).toBe(403);
    expect((await create(null, { title: 'X' })).statusCode).toBe(401);
    // A lead may be handed over by the network, not by an institution's staff.
    const handOver = await request(t.app, people.staffFR)('PATCH', `/api/v1/actions/${own.json().id}`, {
      leadInstitutionId: people.morocco,
      version: 1,
    });
    expect(handOver.statusCode).toBe(403);
    const byAdmin = await request(t.app, people.admin)('PATCH', `/api/v1/actions/${forMorocco.json().id}`, {
      leadInstitutionId: people.france,
      version: 1,
    });
    expect(byAdmin.json()).toMatchObject({ leadInstitutionId: people.france, ownerInstitutionId: people.france });
  });

  it('rejects bad input with a 400 naming the field, and writes nothing', async () => {
    const before = await countRows(t, 'plan_actions');
    const call = (body: Record<string, unknown>) => create(people.coordinator, { title: 'X', ...body });
    expect(firstDetail(await call({ participantInstitutionIds: [people.france, unknownId] }))).toMatchObject({
      field: 'body.participantInstitutionIds.1',
      issue: 'unknown_reference',
    });
    expect(firstDetail(await call({ leadInstitutionId: unknownId }))).toMatchObject({
      field: 'body.leadInstitutionId',
      issue: 'unknown_reference',
    });
    expect(firstDetail(await call({ partnerIds: [unknownId] })).field).toBe('body.partnerIds.0');
    expect(firstDetail(await call({ funderPartnerId: unknownId })).field).toBe('body.funderPartnerId');
    expect(firstDetail(await call({ axisId: unknownId }))).toMatchObject({
      field: 'body.axisId',
      issue: 'unknown_reference',
    });
    expect(firstDetail(await call({ plannedStart: '2018-03-01', plannedEnd: '2018-02-01' }))).toMatchObject({
      field: 'body.plannedEnd',
      issue: 'end_before_start',
    });
    expect(firstDetail(await call({ budget: { amount: '10.5', currency: 'XOF' } }))).toMatchObject({
      field: 'body.budget.amount',
      issue: 'currency_precision',
    });
    expect(firstDetail(await call({ budget: { amount: '10', currency: 'ABC' } }))).toMatchObject({
      field: 'body.budget.currency',
      issue: 'currency_code',
    });
    expect(firstDetail(await call({ budget: { amount: '-10', currency: 'EUR' } })).field).toBe('body.budget.amount');
    expect(firstDetail(await call({ status: 'finished' })).field).toBe('body.status');
    expect(firstDetail(await call({ owner: people.france }))).toMatchObject({
      field: 'body.owner',
      issue: 'unrecognized_key',
    });
    expect(await countRows(t, 'plan_actions')).toBe(before);

    const action = (await call({ plannedStart: '2018-03-01' })).json() as Action;
    const reversed = await request(t.app, people.coordinator)('PATCH', `/api/v1/actions/${action.id}`, {
      plannedEnd: '2018-01-31',
      version: action.version,
    });
    expect(firstDetail(reversed)).toMatchObject({ field: 'body.plannedEnd', issue: 'end_before_start' });
    const other = await request(t.app, people.coordinator)('POST', '/api/v1/plans', {
      groupId: plan.groupId,
      titleFr: 'Autre plan',
      startsOn: '2019-01-01',
      endsOn: '2019-12-31',
    });
    const otherAxis = await request(t.app, people.coordinator)('POST', `/api/v1/plans/${other.json().id}/axes`, {
      number: '1',
      titleFr: 'Axe',
    });
    const moved = await request(t.app, people.coordinator)('PATCH', `/api/v1/actions/${action.id}`, {
      axisId: otherAxis.json().id,
      version: action.version,
    });
    expect(firstDetail(moved)).toMatchObject({ field: 'body.axisId', issue: 'not_in_plan' });
    const stored = await t.db
      .selectFrom('plan_actions')
      .selectAll()
      .where('id', '=', action.id)
      .executeTakeFirstOrThrow();
    expect([stored.planned_end, stored.axis_id, stored.version]).toEqual([null, action.axisId, 1]);
  });

  it('stores budgets in minor units and shows them as decimal strings with their currency', async () => {
    const eur = await create(people.coordinator, {
      title: 'Campagne média',
      axisId: axisId(plan, '4.3'),
      funderPartnerId: people.unhcr,
      budget: { amount: '12500.5', currency: 'EUR' },
    });
    expect(eur.json().budget).toEqual({ amount: '12500.50', currency: 'EUR' });
    expect(eur.json().funderPartnerId).toBe(people.unhcr);
    const stored = await t.db
      .selectFrom('plan_actions')
      .select(['budget_minor', 'budget_currency'])
      .where('id', '=', eur.json().id)
      .executeTakeFirstOrThrow();
    expect([Number(stored.budget_minor), stored.budget_currency]).toEqual([1_250_050, 'EUR']);
    const xof = await create(people.coordinator, { title: 'Sessions', budget: { amount: '150000', currency: 'XOF' } });
    expect(xof.json().budget).toEqual({ amount: '150000', currency: 'XOF' });
    const cleared = await request(t.app, people.coordinator)('PATCH', `/api/v1/actions/${xof.json().id}`, {
      budget: null,
      version: 1,
    });
    expect(cleared.json().budget).toBeNull();
  });

  describe('overdue, filters and sorts', () => {
    const marker = `Suivi ${randomUUID().slice(0, 6)}`;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      const specs: [string, Record<string, unknown>][] = [
        ['late', { plannedStart: '2017-03-01', plannedEnd: '2017-06-30', status: 'in_progress' }],
        [
          'lateDone',
          { plannedStart: '2017-01-15', plannedEnd: '2017-06-30', status: 'done', completedOn: '2017-06-20' },
        ],
        ['lateCancelled', { plannedEnd: '2017-02-01', status: 'cancelled' }],
        ['latePostponed', { plannedStart: '2018-01-01', plannedEnd: '2018-02-01', status: 'postponed' }],
        ['future', { plannedStart: '2998-01-01', plannedEnd: '2999-01-01' }],
        ['undated', {}],
        [
          'moncton',
          {
            axisId: axisId(plan, '3.2'),
            plannedStart: '2017-06-05',
            plannedEnd: '2017-06-16',
            participantInstitutionIds: [people.morocco, people.france],
            description: 'Cours de MONCTON sur les droits des enfants vulnérables',
          },
        ],
      ];
      for (const [key, body] of specs) {
        const created = await create(people.staffFR, { title: `${marker} ${key}`, ...body });
        expect(created.statusCode, created.body).toBe(201);
        ids[key] = created.json().id;
      }
    });

    const list = async (query: string, session: Session = people.staffFR) => {
      const params = new URLSearchParams({ q: marker, pageSize: '100' });
      for (const [key, value] of new URLSearchParams(query)) params.set(key, value);
      const response = await request(t.app, session)('GET', `/api/v1/actions?${params}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { items: Action[]; total: number };
    };
    const keys = (page: { items: Action[] }) => page.items.map((a) => a.title.replace(`${marker} `, ''));

    it('computes overdue (past the planned end, neither done nor cancelled) and filters on it in SQL', async () => {
      const overdue = await list('overdue=true&sort=title');
      expect(keys(overdue).sort()).toEqual(['late', 'latePostponed', 'moncton']);
      expect(overdue.total).toBe(3);
      expect(overdue.items.every((a) => a.overdue)).toBe(true);
      const onTime = await list('overdue=false&sort=title');
      expect(keys(onTime).sort()).toEqual(['future', 'lateCancelled', 'lateDone', 'undated']);
      expect(onTime.items.some((a) => a.overdue)).toBe(false);
      expect((await list('')).total).toBe(7);
    });

    it('filters by axis (with its sub-items), institution (lead or participant), status, text and dates', async () => {
      expect(keys(await list(`axisId=${axisId(plan, '3')}`))).toEqual(['moncton']);
      expect(keys(await list(`axisId=${axisId(plan, '3.2')}`))).toEqual(['moncton']);
      expect((await list(`axisId=${axisId(plan, '4')}`)).total).toBe(0);
      expect(keys(await list(`institutionId=${people.morocco}`))).toEqual(['moncton']);
      expect((await list(`institutionId=${people.france}`)).total).toBe(7);
      expect(keys(await list('status=postponed'))).toEqual(['latePostponed']);
      expect(keys(await list(`planId=${plan.id}&q=${encodeURIComponent(`${marker} MONCTON`)}`))).toEqual(['moncton']);
      const q = await request(t.app, people.staffFR)('GET', '/api/v1/actions?q=cours%20de%20moncton');
      expect(q.json().items.map((a: Action) => a.id)).toEqual([ids.moncton]);
      expect(keys(await list('from=2017-06-01&to=2017-06-30&sort=title'))).toEqual(['late', 'lateDone', 'moncton']);
      expect(keys(await list('from=2998-06-01'))).toEqual(['future']);
      expect(keys(await list('to=2017-02-15&sort=title'))).toEqual(['lateCancelled', 'lateDone']);
      const reversed = await request(t.app, people.staffFR)('GET', '/api/v1/actions?from=2018-01-01&to=2017-01-01');
      expect(firstDetail(reversed)).toMatchObject({ field: 'query.to', issue: 'end_before_start' });
      expect(firstDetail(await request(t.app, people.staffFR)('GET', '/api/v1/actions?overdue=yes')).field).toBe(
        'query.overdue',
      );
    });

    it('sorts by title, dates (undated last), status, update and the plan’s axis order', async () => {
      expect(keys(await list('sort=title&order=desc'))[0]).toBe('undated');
      const byEnd = keys(await list('sort=plannedEnd'));
      expect(byEnd[0]).toBe('lateCancelled');
      expect(byEnd.slice(-1)).toEqual(['undated']);
      expect(keys(await list('sort=plannedEnd&order=desc')).slice(0, 1)).toEqual(['future']);
      expect(
        keys(await list('sort=plannedStart'))
          .slice(-2)
          .sort(),
      ).toEqual(['lateCancelled', 'undated']);
      expect(keys(await list('sort=status'))[0]).toBe('late');
      const byAxis = (await list('sort=axis')).items.map((a) => a.axisNumber);
      expect(byAxis).toEqual(['1', '1', '1', '1', '1', '1', '3.2']);
      const page = await list('sort=title&pageSize=2&page=2');
      expect(page.items).toHaveLength(2);
      expect(page.total).toBe(7);
    });
  });

  it('counts linked activities as far as the caller may see them; refuses to delete an action still linked', async () => {
    const action = (await create(people.staffFR, { title: 'Formation des agents' })).json() as Action;
    const meeting = await recordActivity(t, people.staffFR, { kind: 'meeting' });
    const training = await recordActivity(t, people.staffFR, { kind: 'training' });
    const secret = await recordActivity(t, people.staffFR, { kind: 'study_visit', visibility: 'institution' });
    await t.db.transaction().execute(async (trx) => {
      await linkRecord(trx, action.id, 'activity', meeting);
      await linkRecord(trx, action.id, 'activity', meeting);
      await linkRecord(trx, action.id, 'activity', training);
      await linkRecord(trx, action.id, 'activity', secret);
    });
    const linksFor = async (session: Session) =>
      (await request(t.app, session)('GET', `/api/v1/actions/${action.id}`)).json().links;
    expect(await linksFor(people.staffFR)).toEqual([{ entity: 'activity', count: 3 }]);
    // Another institution's staff do not count France's institution-only visit.
    expect(await linksFor(people.staffMA)).toEqual([{ entity: 'activity', count: 2 }]);
    const inUse = await request(t.app, people.staffFR)('DELETE', `/api/v1/actions/${action.id}?version=1`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error).toMatchObject({ code: 'conflict' });
    expect(await unlinkRecord(t.db, action.id, 'activity', meeting)).toBe(true);
    expect(await unlinkRecord(t.db, action.id, 'activity', meeting)).toBe(false);
    // A deleted activity leaves every action it served.
    await unlinkEverywhere(t.db, 'activity', training);
    expect(await linksFor(people.staffFR)).toEqual([{ entity: 'activity', count: 1 }]);
    expect(await linksFor(people.staffMA)).toEqual([]);
    await unlinkEverywhere(t.db, 'activity', secret);
    expect(await linksFor(people.staffFR)).toEqual([]);
    expect((await request(t.app, people.staffMA)('DELETE', `/api/v1/actions/${action.id}?version=1`)).statusCode).toBe(
      403,
    );
    const stale = await request(t.app, people.staffFR)('PATCH', `/api/v1/actions/${action.id}`, {
      status: 'in_progress',
      version: 1,
    });
    expect(stale.statusCode).toBe(200);
    const staleEdit = await request(t.app, people.staffFR)('PATCH', `/api/v1/actions/${action.id}`, {
      status: 'done',
      version: 1,
    });
    expect(staleEdit.statusCode).toBe(409);
    expect(staleEdit.json().error.details.current.status).toBe('in_progress');
    expect((await request(t.app, people.staffFR)('DELETE', `/api/v1/actions/${action.id}?version=1`)).statusCode).toBe(
      409,
    );
    expect((await request(t.app, people.staffFR)('DELETE', `/api/v1/actions/${action.id}?version=2`)).statusCode).toBe(
      204,
    );
    expect((await request(t.app, people.staffFR)('GET', `/api/v1/actions/${action.id}`)).statusCode).toBe(404);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'institution_id', 'changes'])
      .where('entity', '=', 'plan_action')
      .where('entity_id', '=', action.id)
      .orderBy('at')
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(audit.every((e) => e.institution_id === people.france)).toBe(true);
    expect(JSON.parse(audit[1]?.changes ?? '{}')).toEqual({ status: { before: 'planned', after: 'in_progress' } });
  });

  it('keeps an institution-only action of France from Morocco’s staff in lists, counts and detail', async () => {
    const marker = `Confidentiel ${randomUUID().slice(0, 6)}`;
    const secret = await create(people.staffFR, { title: marker, visibility: 'institution' });
    expect(secret.statusCode).toBe(201);
    const search = `/api/v1/actions?q=${encodeURIComponent(marker)}`;
    expect((await request(t.app, people.staffFR)('GET', search)).json().total).toBe(1);
    expect((await request(t.app, people.contactPointFR)('GET', search)).json().total).toBe(1);
    expect((await request(t.app, people.admin)('GET', search)).json().total).toBe(1);
    for (const outsider of [people.staffMA, people.contactPointMA, people.coordinator, people.partner]) {
      expect((await request(t.app, outsider)('GET', search)).json()).toMatchObject({ total: 0, items: [] });
      expect((await request(t.app, outsider)('GET', `/api/v1/actions/${secret.json().id}`)).statusCode).toBe(404);
    }
    const all = async (session: Session) =>
      (await request(t.app, session)('GET', `/api/v1/actions?planId=${plan.id}&institutionId=${people.france}`)).json()
        .total;
    expect(await all(people.staffFR)).toBe((await all(people.staffMA)) + 1);
  });

  describe('policy table: actions of each visibility in a public plan', () => {
    let sessions: Record<Who, Session | null>;
    const ofFrance = {} as Record<Visibility, string>;
    const ofNetwork = {} as Record<Visibility, string>;
    const marker = `Probe ${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      sessions = await signInEveryone(t);
      const publicPlan = await request(t.app, people.admin)('POST', '/api/v1/plans', {
        groupId: plan.groupId,
        titleFr: 'Plan public',
        startsOn: '2019-01-01',
        endsOn: '2019-12-31',
        visibility: 'public',
      });
      const axis = await request(t.app, people.admin)('POST', `/api/v1/plans/${publicPlan.json().id}/axes`, {
        number: '1',
        titleFr: 'Axe public',
      });
      for (const visibility of visibilities) {
        const body = { axisId: axis.json().id, visibility };
        const fr = await request(t.app, sessions.staffFR)('POST', '/api/v1/actions', {
          ...body,
          title: `${marker} FR ${visibility}`,
        });
        expect(fr.json()).toMatchObject({ ownerInstitutionId: people.france, visibility });
        ofFrance[visibility] = fr.json().id;
        const network = await request(t.app, sessions.coordinator)('POST', '/api/v1/actions', {
          ...body,
          title: `${marker} NET ${visibility}`,
        });
        expect(network.json()).toMatchObject({ ownerInstitutionId: null, visibility });
        ofNetwork[visibility] = network.json().id;
      }
    });

    it.each(matrix)('%s × %s: list, count and detail agree; edit as the policy says', async (who, visibility) => {
      const call = request(t.app, sessions[who]);
      for (const [owner, table, records] of [
        ['FR', ownedByFrance, ofFrance],
        ['NET', ownedByNetwork, ofNetwork],
      ] as const) {
        const visible = table.canSee[who].includes(visibility);
        const found = await call('GET', `/api/v1/actions?q=${encodeURIComponent(`${marker} ${owner} ${visibility}`)}`);
        expect(found.json().total).toBe(visible ? 1 : 0);
        expect(found.json().items.map((a: Action) => a.id)).toEqual(visible ? [records[visibility]] : []);
        const detail = await call('GET', `/api/v1/actions/${records[visibility]}`);
        expect(detail.statusCode).toBe(visible ? 200 : 404);
        if (visible) expect(detail.json().can.edit).toBe(table.canEdit[who]);
        const { version } = await t.db
          .selectFrom('plan_actions')
          .select('version')
          .where('id', '=', records[visibility])
          .executeTakeFirstOrThrow();
        const edit = await call('PATCH', `/api/v1/actions/${records[visibility]}`, { comments: who, version });
        expect(edit.statusCode).toBe(expectedEditStatus(table, who, visibility));
      }
    });
  });
});
