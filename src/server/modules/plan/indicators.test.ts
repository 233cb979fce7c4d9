import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startTestApp, type TestApp } from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import type { Indicator, Plan } from '../../../shared/contract/plan.js';
import {
  axisId,
  countRows,
  firstDetail,
  fullCells,
  indicatorId,
  type People,
  periodId,
  seededPlan,
  signInPeople,
} from './plan.fixtures.js';

const unknownId = '00000000-0000-4000-8000-000000000000';

describe.each(testEngines())('indicators on %s', (engine) => {
  let t: TestApp;
  let people: People;
  let plan: Plan;
  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
    plan = await seededPlan(t, people.admin);
  });
  afterAll(() => t.close());

  const define = (body: Record<string, unknown>, session = people.coordinator) =>
    request(t.app, session)('POST', '/api/v1/indicators', {
      planId: plan.id,
      code: '4.d',
      nameFr: 'Matériels diffusés',
      unit: 'exemplaires',
      ...body,
    });

  it('lists the seeded indicators of each axis, with their dimensions; filters and sorts', async () => {
    const call = request(t.app, people.staffFR);
    const all = await call('GET', `/api/v1/indicators?planId=${plan.id}&pageSize=100`);
    expect(all.json().total).toBe(17);
    const axis4 = await call('GET', `/api/v1/indicators?axisId=${axisId(plan, '4')}`);
    expect(axis4.json().items.map((i: Indicator) => i.code)).toEqual(['4.a', '4.b', '4.c']);
    const children = axis4.json().items.find((i: Indicator) => i.code === '4.b');
    expect(children).toMatchObject({
      nameFr: 'Enfants atteints (sans double compte)',
      nameEn: 'Children reached (no double counting)',
      aggregation: 'sum',
      dimensions: ['sex', 'age_band', 'child_status'],
      can: { edit: false },
    });
    expect((await call('GET', '/api/v1/indicators?q=ENFANTS')).json().items.map((i: Indicator) => i.code)).toEqual([
      '4.b',
    ]);
    const byName = await call('GET', `/api/v1/indicators?planId=${plan.id}&sort=name&pageSize=2`);
    expect(byName.json().items[0].nameFr).toBe('Adultes atteints');
    expect((await request(t.app, null)('GET', '/api/v1/indicators')).json().total).toBe(0);
  });

  it('lets the network define indicators; rejects bad ones with a 400 naming the field, writing nothing', async () => {
    const before = await countRows(t, 'indicators');
    expect(firstDetail(await define({ target: -5 }))).toMatchObject({ field: 'body.target', issue: 'too_small' });
    expect(firstDetail(await define({ planId: unknownId }))).toMatchObject({
      field: 'body.planId',
      issue: 'unknown_reference',
    });
    expect(firstDetail(await define({ axisId: unknownId }))).toMatchObject({
      field: 'body.axisId',
      issue: 'unknown_reference',
    });
    expect(firstDetail(await define({ dimensions: ['colour'] })).field).toBe('body.dimensions.0');
    expect(firstDetail(await define({ dimensions: ['sex', 'sex'] }))).toMatchObject({
      field: 'body.dimensions',
      issue: 'duplicate_value',
    });
    expect(
      firstDetail(await define({ dimensions: ['facility_kind', 'age_band', 'profession', 'setting'] })),
    ).toMatchObject({ field: 'body.dimensions', issue: 'too_many_cells', message: expect.stringContaining('2000') });
    expect(firstDetail(await define({ aggregation: 'median' })).field).toBe('body.aggregation');
    expect((await define({ code: '4.a' })).statusCode).toBe(409);
    expect((await define({}, people.staffFR)).statusCode).toBe(403);
    expect((await define({}, people.partner)).statusCode).toBe(403);
    expect(await countRows(t, 'indicators')).toBe(before);

    const created = await define({ axisId: axisId(plan, '4.2'), dimensions: ['setting'], target: 5000, baseline: 0 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: '4.d',
      axisId: axisId(plan, '4.2'),
      actionId: null,
      dimensions: ['setting'],
      target: 5000,
      frequency: 'annual',
      can: { edit: true },
    });
    const underAxis4 = await request(t.app, people.staffFR)('GET', `/api/v1/indicators?axisId=${axisId(plan, '4')}`);
    expect(underAxis4.json().total).toBe(4);
  });

  it('hangs an indicator on an action, under the action’s axis; keeps it from those who cannot see the action', async () => {
    const action = await request(t.app, people.staffFR)('POST', '/api/v1/actions', {
      axisId: axisId(plan, '3.1'),
      title: 'Visite d’étude interne',
      visibility: 'institution',
    });
    const mismatch = await request(t.app, people.admin)('POST', '/api/v1/indicators', {
      planId: plan.id,
      actionId: action.json().id,
      axisId: axisId(plan, '4'),
      code: '3.d',
      nameFr: 'X',
      unit: 'x',
    });
    expect(firstDetail(mismatch)).toMatchObject({ field: 'body.axisId', issue: 'axis_mismatch' });
    // A coordinator cannot see another institution's institution-only action: it does not exist for them.
    const hidden = await request(t.app, people.coordinator)('POST', '/api/v1/indicators', {
      planId: plan.id,
      actionId: action.json().id,
      code: '3.d',
      nameFr: 'X',
      unit: 'x',
    });
    expect(firstDetail(hidden)).toMatchObject({ field: 'body.actionId', issue: 'unknown_reference' });
    const created = await request(t.app, people.admin)('POST', '/api/v1/indicators', {
      planId: plan.id,
      actionId: action.json().id,
      code: '3.d',
      nameFr: 'Participants à la visite',
      unit: 'personnes',
    });
    expect(created.json()).toMatchObject({ actionId: action.json().id, axisId: axisId(plan, '3.1') });
    const forAction = `/api/v1/indicators?actionId=${action.json().id}`;
    expect((await request(t.app, people.staffFR)('GET', forAction)).json().total).toBe(1);
    expect((await request(t.app, people.staffMA)('GET', forAction)).json().total).toBe(0);
    expect((await request(t.app, people.staffMA)('GET', `/api/v1/indicators/${created.json().id}`)).statusCode).toBe(
      404,
    );
    // The indicator follows its action to another axis.
    await request(t.app, people.staffFR)('PATCH', `/api/v1/actions/${action.json().id}`, {
      axisId: axisId(plan, '3.2'),
      version: 1,
    });
    expect((await request(t.app, people.admin)('GET', `/api/v1/indicators/${created.json().id}`)).json().axisId).toBe(
      axisId(plan, '3.2'),
    );
  });

  it('edits with a version; keeps dimensions and the indicator itself once reported', async () => {
    const id = await indicatorId(t, plan.id, '3.b');
    const call = request(t.app, people.coordinator);
    const current = (await call('GET', `/api/v1/indicators/${id}`)).json() as Indicator;
    const edited = await call('PATCH', `/api/v1/indicators/${id}`, { target: 40, version: current.version });
    expect(edited.json()).toMatchObject({ target: 40, version: current.version + 1 });
    expect(firstDetail(await call('PATCH', `/api/v1/indicators/${id}`, { target: -1, version: 2 })).field).toBe(
      'body.target',
    );
    const stale = await call('PATCH', `/api/v1/indicators/${id}`, { target: 50, version: current.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.target).toBe(40);
    expect((await call('PATCH', `/api/v1/indicators/${id}`, { code: '3.a', version: 2 })).statusCode).toBe(409);

    const report = await request(t.app, people.staffFR)('POST', '/api/v1/indicator-reports', {
      indicatorId: id,
      periodId: await periodId(t, plan.id, '2017 S1'),
      institutionId: people.france,
      cells: fullCells(['sex'], () => 2),
    });
    expect(report.statusCode, report.body).toBe(201);
    const redimension = await call('PATCH', `/api/v1/indicators/${id}`, {
      dimensions: ['sex', 'age_band'],
      version: 2,
    });
    expect(redimension.statusCode).toBe(409);
    expect(redimension.json().error.message).toContain('still used');
    expect((await call('PATCH', `/api/v1/indicators/${id}`, { dimensions: ['sex'], version: 2 })).statusCode).toBe(200);
    const inUse = await call('DELETE', `/api/v1/indicators/${id}?version=3`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('conflict');

    const spare = (await define({ code: '9.z' })).json() as Indicator;
    expect(
      (await request(t.app, people.staffFR)('DELETE', `/api/v1/indicators/${spare.id}?version=1`)).statusCode,
    ).toBe(403);
    expect((await call('DELETE', `/api/v1/indicators/${spare.id}?version=1`)).statusCode).toBe(204);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'indicator')
      .where('entity_id', '=', spare.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });
});
