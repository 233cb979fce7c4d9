import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Session, startTestApp, type TestApp } from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import type { Action, Axis, Indicator, Plan } from '../../../shared/contract/plan.js';
import {
  axisId,
  countRows,
  firstDetail,
  indicatorId,
  type People,
  periodId,
  seededPlan,
  signInPeople,
} from './plan.fixtures.js';

describe.each(testEngines())('preparing the next plan on %s', (engine) => {
  let t: TestApp;
  let people: People;
  let plan: Plan;
  const actions: Record<string, Action> = {};
  const next = {
    titleFr: "Plan d'action 2019-2020",
    titleEn: 'Action plan 2019–2020',
    startsOn: '2019-01-01',
    endsOn: '2020-12-31',
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
    plan = await seededPlan(t, people.admin);
    const act = async (key: string, session: Session, body: Record<string, unknown>) => {
      const created = await request(t.app, session)('POST', '/api/v1/actions', { title: key, ...body });
      expect(created.statusCode, created.body).toBe(201);
      actions[key] = created.json();
    };
    await act('planned', people.staffFR, {
      axisId: axisId(plan, '4.1'),
      participantInstitutionIds: [people.morocco],
      partnerIds: [people.unhcr],
      funderPartnerId: people.unhcr,
      budget: { amount: '8000', currency: 'EUR' },
      plannedStart: '2018-09-01',
      plannedEnd: '2018-12-15',
    });
    await act('in_progress', people.staffMA, { axisId: axisId(plan, '1'), status: 'in_progress' });
    await act('postponed', people.coordinator, { axisId: axisId(plan, '3.2'), status: 'postponed' });
    await act('done', people.staffFR, { axisId: axisId(plan, '5'), status: 'done', completedOn: '2017-11-02' });
    await act('cancelled', people.staffFR, { axisId: axisId(plan, '2'), status: 'cancelled' });
    await act('secret', people.staffFR, { axisId: axisId(plan, '5'), visibility: 'institution' });
    await request(t.app, people.coordinator)(
      'PUT',
      `/api/v1/plan-axes/${axisId(plan, '5')}/exceptions/${people.turkey}`,
      { note: 'Adhésion en attente' },
    );
    for (const [code, action] of [
      ['4.x', 'planned'],
      ['5.x', 'done'],
    ] as const) {
      const created = await request(t.app, people.admin)('POST', '/api/v1/indicators', {
        planId: plan.id,
        actionId: actions[action]?.id,
        code,
        nameFr: `Indicateur de l'action ${action}`,
        unit: 'x',
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const reported = await request(t.app, people.staffFR)('POST', '/api/v1/indicator-reports', {
      indicatorId: await indicatorId(t, plan.id, '1.a'),
      periodId: await periodId(t, plan.id, '2017 S1'),
      institutionId: people.france,
      cells: [{ dims: {}, value: 1 }],
    });
    expect(reported.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('is for administrators and coordinators, with a valid period; bad input changes nothing', async () => {
    const url = `/api/v1/plans/${plan.id}/next`;
    expect((await request(t.app, people.staffFR)('POST', url, next)).statusCode).toBe(403);
    expect((await request(t.app, people.partner)('POST', url, next)).statusCode).toBe(404);
    const before = await countRows(t, 'plans');
    const reversed = await request(t.app, people.coordinator)('POST', url, { ...next, endsOn: '2018-12-31' });
    expect(firstDetail(reversed)).toMatchObject({ field: 'body.endsOn', issue: 'end_before_start' });
    expect(await countRows(t, 'plans')).toBe(before);
  });

  it('copies axes, sub-items, partners, exceptions and indicators into a new draft; carries unfinished actions', async () => {
    const created = await request(t.app, people.coordinator)('POST', `/api/v1/plans/${plan.id}/next`, next);
    expect(created.statusCode, created.body).toBe(201);
    const successor = created.json() as Plan;
    expect(successor).toMatchObject({
      ...next,
      status: 'draft',
      groupId: plan.groupId,
      previousPlanId: plan.id,
      visibility: 'group',
      sourceText: null,
    });
    const shape = (p: Plan) =>
      p.axes.map((a: Axis) => ({
        number: a.number,
        titleFr: a.titleFr,
        titleEn: a.titleEn,
        textFr: a.textFr,
        eachInstitution: a.eachInstitution,
        partners: a.partners.map((x) => `${x.acronymEn}:${x.role}`).sort(),
        subItems: a.subItems.map((s) => [s.number, s.titleFr]),
        absent: a.participants.filter((x) => !x.participates).map((x) => [x.countryCode, x.note]),
      }));
    const original = (await request(t.app, people.coordinator)('GET', `/api/v1/plans/${plan.id}`)).json() as Plan;
    expect(shape(successor)).toEqual(shape(original));
    expect(shape(successor).find((a) => a.number === '5')?.absent).toEqual([['TR', 'Adhésion en attente']]);
    expect(successor.axes.every((a) => !original.axes.some((o) => o.id === a.id))).toBe(true);

    const carried = (
      await request(t.app, people.admin)('GET', `/api/v1/actions?planId=${successor.id}&sort=title`)
    ).json().items as Action[];
    expect(carried.map((a) => a.title)).toEqual(['in_progress', 'planned', 'postponed', 'secret']);
    for (const action of carried) {
      const origin = actions[action.title] as Action;
      expect(action).toMatchObject({
        carriedFromId: origin.id,
        status: origin.status,
        axisNumber: origin.axisNumber,
        leadInstitutionId: origin.leadInstitutionId,
        ownerInstitutionId: origin.ownerInstitutionId,
        visibility: origin.visibility,
        participantInstitutionIds: origin.participantInstitutionIds,
        partnerIds: origin.partnerIds,
        funderPartnerId: origin.funderPartnerId,
        budget: origin.budget,
        plannedStart: null,
        plannedEnd: null,
        overdue: false,
      });
      expect(successor.axes.some((a) => a.id === action.axisId || a.subItems.some((s) => s.id === action.axisId))).toBe(
        true,
      );
    }
    // Done and cancelled actions stay behind, in the old plan, unchanged.
    const old = (await request(t.app, people.admin)('GET', `/api/v1/actions?planId=${plan.id}`)).json();
    expect(old.total).toBe(6);
    // The carried copy of France's institution-only action stays France's.
    const search = `/api/v1/actions?planId=${successor.id}&q=secret`;
    expect((await request(t.app, people.staffFR)('GET', search)).json().total).toBe(1);
    expect((await request(t.app, people.staffMA)('GET', search)).json().total).toBe(0);

    const indicators = (
      await request(t.app, people.admin)('GET', `/api/v1/indicators?planId=${successor.id}&pageSize=100`)
    ).json().items as Indicator[];
    expect(indicators).toHaveLength(19);
    const carriedPlanned = carried.find((a) => a.title === 'planned') as Action;
    expect(indicators.find((i) => i.code === '4.x')).toMatchObject({
      actionId: carriedPlanned.id,
      axisId: carriedPlanned.axisId,
    });
    expect(indicators.find((i) => i.code === '5.x')).toMatchObject({
      actionId: null,
      axisId: successor.axes.find((a) => a.number === '5')?.id,
    });
    expect(indicators.find((i) => i.code === '4.b')?.dimensions).toEqual(['sex', 'age_band', 'child_status']);
    // Reports and periods belong to their plan.
    expect(
      (await request(t.app, people.admin)('GET', `/api/v1/indicator-reports?planId=${successor.id}`)).json().total,
    ).toBe(0);
    expect((await request(t.app, people.admin)('GET', `/api/v1/plans/${successor.id}/periods`)).json().items).toEqual(
      [],
    );

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity'])
      .where('entity_id', 'in', [successor.id, ...carried.map((a) => a.id)])
      .execute();
    expect(audit.filter((e) => e.action === 'carry_over')).toHaveLength(4);
    expect(audit.filter((e) => e.entity === 'plan')).toEqual([{ action: 'create', entity: 'plan' }]);

    // One successor per plan, so nothing is carried twice.
    const again = await request(t.app, people.admin)('POST', `/api/v1/plans/${plan.id}/next`, next);
    expect(again.statusCode).toBe(409);
    expect(original.can.prepareNext).toBe(false);
    expect(successor.can.prepareNext).toBe(true);
  });
});
