import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Session, startTestApp, type TestApp } from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import type { IndicatorReport, Plan, PlanProgress } from '../../../shared/contract/plan.js';
import { linkRecord } from './actions.repo.js';
import {
  axisId,
  type CellInput,
  firstDetail,
  fullCells,
  indicatorId,
  type People,
  periodId,
  recordActivity,
  seededPlan,
  signInPeople,
} from './plan.fixtures.js';

type IndicatorProgress = PlanProgress['axes'][number]['indicators'][number];

/** Adds breakdowns value by value. */
function addBreakdowns(breakdowns: IndicatorReport['breakdown'][]): IndicatorReport['breakdown'] {
  const sum: IndicatorReport['breakdown'] = {};
  for (const breakdown of breakdowns) {
    for (const [dimension, values] of Object.entries(breakdown)) {
      sum[dimension] ??= {};
      const into = sum[dimension] as Record<string, number>;
      for (const [value, n] of Object.entries(values)) into[value] = (into[value] ?? 0) + n;
    }
  }
  return sum;
}

describe.each(testEngines())('plan progress on %s', (engine) => {
  let t: TestApp;
  let people: People;
  let plan: Plan;
  let s1: string;
  let s2: string;
  let children: string; // 4.b, sex × age band × child status: 96 cells
  let score: string; // 3.c, an average
  let bodies: string; // 1.a, no dimensions
  let secretAction: string;

  const progress = async (session: Session, query = '') => {
    const response = await request(t.app, session)('GET', `/api/v1/plans/${plan.id}/progress${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as PlanProgress;
  };
  const indicatorOf = (p: PlanProgress, id: string) =>
    p.axes.flatMap((a) => a.indicators).find((i) => i.indicatorId === id) as IndicatorProgress;
  const axisOf = (p: PlanProgress, number: string) => p.axes.find((a) => a.number === number);
  const institutionOf = (p: PlanProgress, id: string) => p.institutions.find((i) => i.institutionId === id);

  /** Reported by `reporter`, submitted, and (unless told otherwise) validated by `validator`. */
  async function reported(
    reporter: Session,
    validator: Session | null,
    body: { indicatorId: string; periodId: string; institutionId: string; cells: CellInput[]; visibility?: string },
  ): Promise<IndicatorReport> {
    const created = await request(t.app, reporter)('POST', '/api/v1/indicator-reports', body);
    expect(created.statusCode, created.body).toBe(201);
    const submitted = await request(t.app, reporter)('POST', `/api/v1/indicator-reports/${created.json().id}/submit`, {
      version: 1,
    });
    if (!validator) return submitted.json();
    const validated = await request(t.app, validator)(
      'POST',
      `/api/v1/indicator-reports/${created.json().id}/validate`,
      { version: 2 },
    );
    expect(validated.statusCode, validated.body).toBe(200);
    return validated.json();
  }

  /** Every validated report the session may see, with the same filters: what the progress figures must add up to. */
  async function validatedReports(session: Session, indicator: string, query = '') {
    const response = await request(t.app, session)(
      'GET',
      `/api/v1/indicator-reports?planId=${plan.id}&indicatorId=${indicator}&status=validated&pageSize=100${query}`,
    );
    return response.json().items as IndicatorReport[];
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
    plan = await seededPlan(t, people.admin);
    s1 = await periodId(t, plan.id, '2017 S1');
    s2 = await periodId(t, plan.id, '2017 S2');
    children = await indicatorId(t, plan.id, '4.b');
    score = await indicatorId(t, plan.id, '3.c');
    bodies = await indicatorId(t, plan.id, '1.a');

    const act = async (session: Session, body: Record<string, unknown>) => {
      const created = await request(t.app, session)('POST', '/api/v1/actions', body);
      expect(created.statusCode, created.body).toBe(201);
      return created.json().id as string;
    };
    // France: two actions in axis 1, one done, one overdue with two linked meetings.
    await act(people.staffFR, { axisId: axisId(plan, '1'), title: 'Instance FR', status: 'done' });
    const late = await act(people.staffFR, {
      axisId: axisId(plan, '1'),
      title: 'Réunions FR',
      status: 'in_progress',
      plannedEnd: '2017-06-30',
    });
    // Morocco leads an awareness action in 4.2 (a sub-item: it counts in axis 4) with France taking part.
    await act(people.staffMA, {
      axisId: axisId(plan, '4.2'),
      title: 'Sensibilisation dans les centres',
      participantInstitutionIds: [people.france],
      plannedStart: '2017-09-01',
      plannedEnd: '2017-10-31',
    });
    // The network's own action in axis 2, postponed.
    await act(people.coordinator, { axisId: axisId(plan, '2'), title: 'Formation régionale', status: 'postponed' });
    // France keeps one overdue visit to itself, with a linked record.
    secretAction = await act(people.staffFR, {
      axisId: axisId(plan, '5'),
      title: 'Visite inopinée',
      visibility: 'institution',
      plannedEnd: '2017-03-31',
    });
    const meetings = [await recordActivity(t, people.staffFR), await recordActivity(t, people.staffFR)];
    const secretVisit = await recordActivity(t, people.staffFR, { kind: 'study_visit', visibility: 'institution' });
    await t.db.transaction().execute(async (trx) => {
      for (const meeting of meetings) await linkRecord(trx, late, 'activity', meeting);
      await linkRecord(trx, secretAction, 'activity', secretVisit);
    });

    const childrenCells = (seed: number) =>
      fullCells(['sex', 'age_band', 'child_status'], (_dims, i) => (i * seed) % 7);
    await reported(people.staffFR, people.contactPointFR, {
      indicatorId: children,
      periodId: s1,
      institutionId: people.france,
      cells: childrenCells(3),
    });
    await reported(people.staffMA, people.contactPointMA, {
      indicatorId: children,
      periodId: s1,
      institutionId: people.morocco,
      cells: childrenCells(5),
    });
    await reported(people.staffFR, people.contactPointFR, {
      indicatorId: children,
      periodId: s2,
      institutionId: people.france,
      cells: childrenCells(2),
    });
    // Submitted, not validated: pending, not counted.
    await reported(people.staffMA, null, {
      indicatorId: children,
      periodId: s2,
      institutionId: people.morocco,
      cells: childrenCells(1),
    });
    await reported(people.staffFR, people.contactPointFR, {
      indicatorId: score,
      periodId: s1,
      institutionId: people.france,
      cells: [{ dims: {}, value: 60 }],
    });
    await reported(people.staffMA, people.contactPointMA, {
      indicatorId: score,
      periodId: s1,
      institutionId: people.morocco,
      cells: [{ dims: {}, value: 85 }],
    });
    await reported(people.staffMA, people.contactPointMA, {
      indicatorId: bodies,
      periodId: s1,
      institutionId: people.morocco,
      cells: [{ dims: {}, value: 1 }],
    });
    // France keeps this one to itself.
    await reported(people.staffFR, people.contactPointFR, {
      indicatorId: bodies,
      periodId: s1,
      institutionId: people.france,
      cells: [{ dims: {}, value: 2 }],
      visibility: 'institution',
    });
  });
  afterAll(() => t.close());

  it('adds up exactly the validated reports, totals and breakdowns, across two institutions', async () => {
    const p = await progress(people.admin);
    const reports = await validatedReports(people.admin, children);
    expect(reports).toHaveLength(3);
    const value = indicatorOf(p, children);
    expect(value).toMatchObject({ code: '4.b', aggregation: 'sum', validatedReports: 3, pendingReports: 1 });
    expect(value.value).toBe(reports.reduce((sum, r) => sum + r.total, 0));
    expect(value.breakdown).toEqual(addBreakdowns(reports.map((r) => r.breakdown)));
    for (const values of Object.values(value.breakdown)) {
      expect(Object.values(values).reduce((a, b) => a + b, 0)).toBe(value.value);
    }
    // An average is the mean of the reports' totals.
    expect(indicatorOf(p, score)).toMatchObject({ aggregation: 'average', value: 72.5, validatedReports: 2 });
    expect(indicatorOf(p, bodies).value).toBe(3);
    // Indicators without reports have no value yet.
    expect(indicatorOf(p, await indicatorId(t, plan.id, '5.a'))).toMatchObject({
      value: null,
      validatedReports: 0,
      breakdown: {},
    });
    // Every indicator sits under its axis.
    expect(axisOf(p, '4')?.indicators.map((i) => i.code)).toEqual(['4.a', '4.b', '4.c']);
  });

  it('filters every figure by period, institution and axis', async () => {
    const bySemester = await progress(people.admin, `?periodId=${s1}`);
    const s1Reports = await validatedReports(people.admin, children, `&periodId=${s1}`);
    expect(s1Reports).toHaveLength(2);
    expect(indicatorOf(bySemester, children)).toMatchObject({
      value: s1Reports.reduce((sum, r) => sum + r.total, 0),
      validatedReports: 2,
      pendingReports: 0,
      breakdown: addBreakdowns(s1Reports.map((r) => r.breakdown)),
    });
    // Actions planned within the semester (dates overlapping it): France's late one and the secret visit.
    expect(bySemester.totals.actions).toMatchObject({ in_progress: 1, planned: 1, done: 0, postponed: 0 });
    expect(bySemester.filters).toEqual({ periodId: s1, institutionId: null, axisId: null });

    const byMorocco = await progress(people.admin, `?institutionId=${people.morocco}`);
    const moroccoReports = await validatedReports(people.admin, children, `&institutionId=${people.morocco}`);
    expect(indicatorOf(byMorocco, children)).toMatchObject({
      value: moroccoReports.reduce((sum, r) => sum + r.total, 0),
      validatedReports: 1,
      pendingReports: 1,
    });
    expect(byMorocco.institutions.map((i) => i.institutionId)).toEqual([people.morocco]);
    expect(byMorocco.totals.actions.planned).toBe(1);
    expect(axisOf(byMorocco, '4')?.actions.planned).toBe(1);
    expect(axisOf(byMorocco, '1')?.actions).toMatchObject({ done: 0, in_progress: 0 });

    const byAxis = await progress(people.admin, `?axisId=${axisId(plan, '4')}`);
    expect(byAxis.axes.map((a) => a.number)).toEqual(['4']);
    expect(byAxis.totals.actions.planned).toBe(1);
    expect(institutionOf(byAxis, people.france)?.actions.planned).toBe(1);
    expect(institutionOf(byAxis, people.france)?.reportsValidated).toBe(2);
    const bySubItem = await progress(people.admin, `?axisId=${axisId(plan, '4.1')}`);
    expect(bySubItem.axes.map((a) => a.number)).toEqual(['4']);
    expect(bySubItem.totals.actions.planned).toBe(0);
    expect(bySubItem.axes[0]?.indicators).toEqual([]);

    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(
      firstDetail(await request(t.app, people.admin)('GET', `/api/v1/plans/${plan.id}/progress?periodId=${unknown}`)),
    ).toMatchObject({ field: 'query.periodId', issue: 'unknown_reference' });
    expect(
      firstDetail(await request(t.app, people.admin)('GET', `/api/v1/plans/${plan.id}/progress?axisId=${unknown}`))
        .field,
    ).toBe('query.axisId');
    expect(
      firstDetail(
        await request(t.app, people.admin)('GET', `/api/v1/plans/${plan.id}/progress?institutionId=${unknown}`),
      ).field,
    ).toBe('query.institutionId');
    expect((await request(t.app, people.admin)('GET', `/api/v1/plans/${unknown}/progress`)).statusCode).toBe(404);
  });

  it('counts actions by status per axis (sub-items in their axis) and per member, with overdue and linked records', async () => {
    const p = await progress(people.staffFR);
    expect(p.today).toBe(new Date().toISOString().slice(0, 10));
    expect(axisOf(p, '1')).toMatchObject({
      actions: { planned: 0, in_progress: 1, done: 1, postponed: 0, cancelled: 0 },
      overdue: 1,
      linkedRecords: 2,
    });
    expect(axisOf(p, '4')?.actions.planned).toBe(1);
    expect(axisOf(p, '5')).toMatchObject({ overdue: 1, linkedRecords: 1 });
    expect(p.totals).toEqual({
      actions: { planned: 2, in_progress: 1, done: 1, postponed: 1, cancelled: 0 },
      overdue: 3,
      linkedRecords: 3,
    });
    const overdueList = await request(t.app, people.staffFR)('GET', `/api/v1/actions?planId=${plan.id}&overdue=true`);
    expect(overdueList.json().total).toBe(p.totals.overdue);
    // France leads three and takes part in Morocco's; Morocco leads one.
    expect(institutionOf(p, people.france)).toMatchObject({
      actions: { planned: 2, in_progress: 1, done: 1, postponed: 0 },
      // Its late meetings, its secret visit, and Morocco's action it takes part in (ended October 2017).
      overdue: 3,
      reportsValidated: 4,
      reportsPending: 0,
    });
    expect(institutionOf(p, people.morocco)).toMatchObject({
      actions: { planned: 1 },
      overdue: 1,
      reportsValidated: 3,
      reportsPending: 1,
    });
    expect(p.institutions.map((i) => i.countryCode)).toEqual([
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
    expect(institutionOf(p, people.turkey)).toMatchObject({ membershipStatus: 'pending_validation', overdue: 0 });
  });

  it('never counts what the caller cannot see: France’s institution-only action and report stay out of Morocco’s view', async () => {
    const mine = await progress(people.staffFR);
    const theirs = await progress(people.staffMA);
    expect(axisOf(theirs, '5')).toMatchObject({ actions: { planned: 0 }, overdue: 0, linkedRecords: 0 });
    expect(theirs.totals.actions.planned).toBe(mine.totals.actions.planned - 1);
    expect(theirs.totals.overdue).toBe(mine.totals.overdue - 1);
    expect(theirs.totals.linkedRecords).toBe(mine.totals.linkedRecords - 1);
    expect(institutionOf(theirs, people.france)?.overdue).toBe(2);
    expect(institutionOf(theirs, people.france)?.reportsValidated).toBe(3);
    expect(indicatorOf(mine, bodies)).toMatchObject({ value: 3, validatedReports: 2 });
    expect(indicatorOf(theirs, bodies)).toMatchObject({ value: 1, validatedReports: 1 });
    expect(indicatorOf(theirs, bodies).value).toBe(
      (await validatedReports(people.staffMA, bodies)).reduce((sum, r) => sum + r.total, 0),
    );
    // The coordinator does not see another institution's institution-only records either; partners see no plan.
    expect((await progress(people.coordinator)).totals.overdue).toBe(mine.totals.overdue - 1);
    expect((await request(t.app, people.partner)('GET', `/api/v1/plans/${plan.id}/progress`)).statusCode).toBe(404);
    expect((await request(t.app, null)('GET', `/api/v1/plans/${plan.id}/progress`)).statusCode).toBe(404);
  });
});
