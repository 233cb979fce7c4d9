import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Session, startTestApp, type TestApp } from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import {
  expectedEditStatus,
  matrix,
  ownedByFrance,
  signInEveryone,
  type Who,
} from '../../../../tests/support/policy-matrix.js';
import type { IndicatorReport, Plan } from '../../../shared/contract/plan.js';
import { type Visibility, visibilities } from '../../../shared/roles.js';
import {
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

describe.each(testEngines())('reporting periods and indicator reports on %s', (engine) => {
  let t: TestApp;
  let people: People;
  let plan: Plan;
  let officials: string; // 2.b Officials trained, by profession × sex
  let adults: string; // 4.c Adults reached, no dimensions
  let s1: string;
  let s2: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
    plan = await seededPlan(t, people.admin);
    officials = await indicatorId(t, plan.id, '2.b');
    adults = await indicatorId(t, plan.id, '4.c');
    s1 = await periodId(t, plan.id, '2017 S1');
    s2 = await periodId(t, plan.id, '2017 S2');
  });
  afterAll(() => t.close());

  const officialsCells = fullCells(['profession', 'sex'], (dims) =>
    dims.profession === 'police'
      ? dims.sex === 'female'
        ? 4
        : dims.sex === 'male'
          ? 11
          : 0
      : dims.sex === 'female'
        ? 1
        : 0,
  );
  const report = (session: Session | null, body: Record<string, unknown>) =>
    request(t.app, session)('POST', '/api/v1/indicator-reports', {
      indicatorId: officials,
      periodId: s1,
      institutionId: people.france,
      cells: officialsCells,
      ...body,
    });
  const transition = (session: Session, id: string, step: 'submit' | 'validate', version: number) =>
    request(t.app, session)('POST', `/api/v1/indicator-reports/${id}/${step}`, { version });

  it('lists a plan’s periods in date order; the network opens new ones, checked', async () => {
    const periods = await request(t.app, people.staffFR)('GET', `/api/v1/plans/${plan.id}/periods`);
    expect(periods.json().items.map((p: { label: string }) => p.label)).toEqual([
      '2017 S1',
      '2017 S2',
      '2018 S1',
      '2018 S2',
    ]);
    expect(periods.json().items[0]).toMatchObject({
      status: 'open',
      can: { edit: false, close: false, reopen: false },
    });
    const url = `/api/v1/plans/${plan.id}/periods`;
    const body = { label: '2017-2018 bilan', startsOn: '2017-01-01', endsOn: '2018-12-31' };
    expect((await request(t.app, people.staffFR)('POST', url, body)).statusCode).toBe(403);
    const reversed = await request(t.app, people.coordinator)('POST', url, { ...body, endsOn: '2016-12-31' });
    expect(firstDetail(reversed)).toMatchObject({ field: 'body.endsOn', issue: 'end_before_start' });
    const created = await request(t.app, people.coordinator)('POST', url, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'open', can: { close: true, reopen: false } });
    expect((await request(t.app, people.coordinator)('POST', url, body)).statusCode).toBe(409);
    expect((await request(t.app, people.coordinator)('GET', `/api/v1/plans/${unknownId}/periods`)).statusCode).toBe(
      404,
    );
  });

  it('refuses reports for another institution (403), from partners, and bad references or cells (400), writing nothing', async () => {
    const before = await countRows(t, 'indicator_reports');
    expect((await report(people.staffMA, {})).statusCode).toBe(403);
    expect((await report(people.contactPointMA, {})).statusCode).toBe(403);
    expect((await report(people.coordinator, {})).statusCode).toBe(403);
    expect((await report(people.partner, {})).statusCode).toBe(403);
    expect((await report(null, {})).statusCode).toBe(401);
    expect(firstDetail(await report(people.staffFR, { institutionId: unknownId }))).toMatchObject({
      field: 'body.institutionId',
      issue: 'unknown_reference',
    });
    const canada = await t.db
      .selectFrom('institutions')
      .select('id')
      .where('country_code', '=', 'CA')
      .executeTakeFirstOrThrow();
    expect(firstDetail(await report(people.admin, { institutionId: canada.id }))).toMatchObject({
      field: 'body.institutionId',
      issue: 'not_a_member',
    });
    expect(firstDetail(await report(people.staffFR, { indicatorId: unknownId })).field).toBe('body.indicatorId');
    expect(firstDetail(await report(people.staffFR, { periodId: unknownId })).field).toBe('body.periodId');

    const badValue = officialsCells.map((c, i) => (i === 5 ? { ...c, dims: { ...c.dims, sex: 'woman' } } : c));
    expect(firstDetail(await report(people.staffFR, { cells: badValue }))).toMatchObject({
      field: 'body.cells.5.dims',
      issue: 'dimension_value',
    });
    const badKey = officialsCells.map((c, i) => (i === 2 ? { ...c, dims: { ...c.dims, age_band: '0-5' } } : c));
    expect(firstDetail(await report(people.staffFR, { cells: badKey })).field).toBe('body.cells.2.dims');
    const duplicate = [...officialsCells.slice(0, -1), { ...officialsCells[0], value: 9 }];
    expect(firstDetail(await report(people.staffFR, { cells: duplicate }))).toMatchObject({
      field: 'body.cells.31.dims',
      issue: 'duplicate_cell',
    });
    const incomplete = await report(people.staffFR, { cells: officialsCells.slice(1) });
    expect(firstDetail(incomplete)).toMatchObject({ field: 'body.cells', issue: 'incomplete_cells' });
    expect(incomplete.json().error.details[0].message).toContain('32 combinations');
    const negative = officialsCells.map((c, i) => (i === 0 ? { ...c, value: -1 } : c));
    expect(firstDetail(await report(people.staffFR, { cells: negative })).field).toBe('body.cells.0.value');
    const noDims = await report(people.staffFR, {
      indicatorId: adults,
      cells: [{ dims: { sex: 'female' }, value: 3 }],
    });
    expect(firstDetail(noDims).field).toBe('body.cells.0.dims');
    expect(await countRows(t, 'indicator_reports')).toBe(before);
  });

  it('runs the workflow: France reports, its contact point validates, the coordinator closes; then writes get 423', async () => {
    const created = await report(people.staffFR, { notes: 'Formation de la police aux frontières' });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json() as IndicatorReport;
    expect(draft).toMatchObject({
      status: 'draft',
      institutionId: people.france,
      institutionName: expect.stringContaining('Défenseur des droits'),
      total: 22,
      periodStatus: 'open',
      visibility: 'group',
      can: { edit: true, submit: true, validate: false },
    });
    expect(draft.cells).toHaveLength(32);
    expect(draft.breakdown.sex).toEqual({ female: 11, male: 11, other: 0, unknown: 0 });
    expect(draft.breakdown.profession).toMatchObject({ police: 15, border_guards: 1, health_staff: 1 });
    expect((await report(people.staffFR, {})).statusCode).toBe(409);

    // Nobody validates a draft; staff cannot validate, nor can another institution's contact point.
    expect((await transition(people.contactPointFR, draft.id, 'validate', 1)).statusCode).toBe(409);
    expect((await transition(people.staffMA, draft.id, 'submit', 1)).statusCode).toBe(403);
    const submitted = await transition(people.staffFR, draft.id, 'submit', 1);
    expect(submitted.json()).toMatchObject({ status: 'submitted', submittedAt: expect.any(String), version: 2 });
    expect(submitted.json().can).toEqual({ edit: true, submit: false, validate: false });
    expect((await transition(people.staffFR, draft.id, 'validate', 2)).statusCode).toBe(403);
    expect((await transition(people.staffMA, draft.id, 'validate', 2)).statusCode).toBe(403);
    expect((await transition(people.contactPointMA, draft.id, 'validate', 2)).statusCode).toBe(403);
    expect((await transition(people.coordinator, draft.id, 'validate', 2)).statusCode).toBe(403);
    const seenByCp = await request(t.app, people.contactPointFR)('GET', `/api/v1/indicator-reports/${draft.id}`);
    expect(seenByCp.json().can.validate).toBe(true);
    expect((await transition(people.contactPointFR, draft.id, 'validate', 1)).statusCode).toBe(409);
    const validated = await transition(people.contactPointFR, draft.id, 'validate', 2);
    expect(validated.json()).toMatchObject({ status: 'validated', validatedAt: expect.any(String), version: 3 });

    // An edit of a validated report returns it to draft, validation cleared.
    const corrected = officialsCells.map((c, i) => (i === 0 ? { ...c, value: 5 } : c));
    const edited = await request(t.app, people.staffFR)('PATCH', `/api/v1/indicator-reports/${draft.id}`, {
      cells: corrected,
      version: 3,
    });
    expect(edited.json()).toMatchObject({
      status: 'draft',
      total: 23,
      submittedAt: null,
      validatedAt: null,
      version: 4,
    });
    const stale = await request(t.app, people.staffFR)('PATCH', `/api/v1/indicator-reports/${draft.id}`, {
      notes: 'x',
      version: 3,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.total).toBe(23);
    expect(
      (
        await request(t.app, people.staffMA)('PATCH', `/api/v1/indicator-reports/${draft.id}`, {
          notes: 'x',
          version: 4,
        })
      ).statusCode,
    ).toBe(403);
    await transition(people.staffFR, draft.id, 'submit', 4);
    expect((await transition(people.admin, draft.id, 'validate', 5)).json().status).toBe('validated');
    const stored = await t.db
      .selectFrom('indicator_reports')
      .select(['validated_by', 'submitted_by', 'total'])
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(stored.validated_by).toBe(people.admin.userId);
    expect(stored.submitted_by).toBe(people.staffFR.userId);
    expect(Number(stored.total)).toBe(23);

    // A second report, left in draft, to try the closed period on.
    const pending = (await report(people.staffFR, { indicatorId: adults, cells: [{ dims: {}, value: 40 }] })).json();

    const period = (await request(t.app, people.coordinator)('GET', `/api/v1/plans/${plan.id}/periods`)).json()
      .items[0];
    expect(
      (
        await request(t.app, people.staffFR)('POST', `/api/v1/reporting-periods/${s1}/close`, {
          version: period.version,
        })
      ).statusCode,
    ).toBe(403);
    const closed = await request(t.app, people.coordinator)('POST', `/api/v1/reporting-periods/${s1}/close`, {
      version: period.version,
    });
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closedAt: expect.any(String),
      can: { close: false, reopen: false },
    });
    expect(
      (
        await request(t.app, people.coordinator)('POST', `/api/v1/reporting-periods/${s1}/close`, {
          version: period.version + 1,
        })
      ).statusCode,
    ).toBe(409);

    const locked = await request(t.app, people.staffFR)('PATCH', `/api/v1/indicator-reports/${pending.id}`, {
      notes: 'trop tard',
      version: pending.version,
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toMatchObject({
      code: 'period_closed',
      message: 'This reporting period is closed: its reports can no longer be changed. An administrator can reopen it.',
    });
    expect((await transition(people.staffFR, pending.id, 'submit', pending.version)).statusCode).toBe(423);
    expect((await transition(people.admin, draft.id, 'validate', 6)).statusCode).toBe(423);
    expect(
      (
        await report(people.contactPointFR, {
          indicatorId: await indicatorId(t, plan.id, '2.a'),
          cells: [{ dims: {}, value: 1 }],
        })
      ).statusCode,
    ).toBe(423);
    expect(
      (await request(t.app, people.staffFR)('DELETE', `/api/v1/indicator-reports/${pending.id}?version=1`)).statusCode,
    ).toBe(423);
    const frenchUser = await request(t.app, people.admin)('PATCH', `/api/v1/indicator-reports/${pending.id}`, {
      notes: 'x',
      version: 1,
    });
    expect(frenchUser.json().error.message).toBe(
      'Cette période de rapport est close : ses rapports ne peuvent plus être modifiés. Un administrateur peut la rouvrir.',
    );
    const detail = await request(t.app, people.staffFR)('GET', `/api/v1/indicator-reports/${pending.id}`);
    expect(detail.json()).toMatchObject({
      periodStatus: 'closed',
      can: { edit: false, submit: false, validate: false },
    });
    const unchanged = await t.db
      .selectFrom('indicator_reports')
      .select(['notes', 'version', 'status'])
      .where('id', '=', pending.id)
      .executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ notes: null, version: 1, status: 'draft' });

    // Reopening is for administrators only.
    const reopenUrl = `/api/v1/reporting-periods/${s1}/reopen`;
    expect(
      (await request(t.app, people.coordinator)('POST', reopenUrl, { version: closed.json().version })).statusCode,
    ).toBe(403);
    const adminView = (await request(t.app, people.admin)('GET', `/api/v1/plans/${plan.id}/periods`)).json().items[0];
    expect(adminView.can).toEqual({ edit: true, close: false, reopen: true });
    const reopened = await request(t.app, people.admin)('POST', reopenUrl, { version: closed.json().version });
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null });
    expect((await transition(people.staffFR, pending.id, 'submit', 1)).json().status).toBe('submitted');

    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'indicator_report')
      .where('entity_id', '=', draft.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'submit', 'validate', 'update', 'submit', 'validate']);
    const periodAudit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'reporting_period')
      .where('entity_id', '=', s1)
      .orderBy('at')
      .execute();
    expect(periodAudit.map((a) => a.action)).toEqual(['close', 'reopen']);
  });

  it('lists reports with filters; an institution-only report of France is hidden from Morocco', async () => {
    const secret = await report(people.staffFR, { periodId: s2, visibility: 'institution' });
    expect(secret.statusCode, secret.body).toBe(201);
    const morocco = await report(people.staffMA, { periodId: s2, institutionId: people.morocco });
    expect(morocco.statusCode).toBe(201);
    const list = (session: Session, query: string) =>
      request(t.app, session)('GET', `/api/v1/indicator-reports?planId=${plan.id}&${query}`);
    expect((await list(people.staffFR, `periodId=${s2}`)).json().total).toBe(2);
    expect((await list(people.contactPointFR, `periodId=${s2}`)).json().total).toBe(2);
    expect((await list(people.admin, `periodId=${s2}`)).json().total).toBe(2);
    for (const outsider of [people.staffMA, people.coordinator]) {
      const seen = await list(outsider, `periodId=${s2}`);
      expect(seen.json().items.map((r: IndicatorReport) => r.institutionId)).toEqual([people.morocco]);
      expect(seen.json().total).toBe(1);
      expect((await request(t.app, outsider)('GET', `/api/v1/indicator-reports/${secret.json().id}`)).statusCode).toBe(
        404,
      );
    }
    expect((await list(people.partner, '')).json().total).toBe(0);
    const byInstitution = await list(people.admin, `institutionId=${people.morocco}`);
    expect(byInstitution.json().items.map((r: IndicatorReport) => r.id)).toEqual([morocco.json().id]);
    expect((await list(people.admin, 'status=validated')).json().total).toBe(1);
    expect((await list(people.admin, `indicatorId=${adults}`)).json().total).toBe(1);
    const sorted = await list(people.admin, 'sort=period&order=desc');
    expect(sorted.json().items[0].periodId).toBe(s2);
    expect((await list(people.admin, 'status=approved')).statusCode).toBe(400);
    // A draft can be withdrawn by its institution.
    expect(
      (await request(t.app, people.staffFR)('DELETE', `/api/v1/indicator-reports/${morocco.json().id}?version=1`))
        .statusCode,
    ).toBe(403);
    expect(
      (await request(t.app, people.staffMA)('DELETE', `/api/v1/indicator-reports/${morocco.json().id}?version=1`))
        .statusCode,
    ).toBe(204);
  });

  describe('policy table: France’s reports of each visibility, in a public plan', () => {
    let sessions: Record<Who, Session | null>;
    let publicIndicator: string;
    const reports = {} as Record<Visibility, string>;
    beforeAll(async () => {
      sessions = await signInEveryone(t);
      const admin = request(t.app, people.admin);
      const publicPlan = (
        await admin('POST', '/api/v1/plans', {
          groupId: plan.groupId,
          titleFr: 'Plan public',
          startsOn: '2019-01-01',
          endsOn: '2019-12-31',
          visibility: 'public',
        })
      ).json();
      publicIndicator = (
        await admin('POST', '/api/v1/indicators', { planId: publicPlan.id, code: 'P', nameFr: 'Public', unit: 'x' })
      ).json().id;
      for (const [index, visibility] of visibilities.entries()) {
        const period = await admin('POST', `/api/v1/plans/${publicPlan.id}/periods`, {
          label: `Q${index + 1}`,
          startsOn: `2019-${String(3 * index + 1).padStart(2, '0')}-01`,
          endsOn: `2019-${String(3 * index + 3).padStart(2, '0')}-28`,
        });
        const created = await request(t.app, sessions.staffFR)('POST', '/api/v1/indicator-reports', {
          indicatorId: publicIndicator,
          periodId: period.json().id,
          institutionId: people.france,
          cells: [{ dims: {}, value: index }],
          visibility,
        });
        expect(created.json()).toMatchObject({ institutionId: people.france, visibility });
        reports[visibility] = created.json().id;
      }
    });

    it.each(matrix)('%s × %s: list, count and detail agree; edit as the policy says', async (who, visibility) => {
      const call = request(t.app, sessions[who]);
      const visible = ownedByFrance.canSee[who].includes(visibility);
      const list = (await call('GET', `/api/v1/indicator-reports?indicatorId=${publicIndicator}`)).json();
      expect(list.items.some((r: IndicatorReport) => r.id === reports[visibility])).toBe(visible);
      expect(list.total).toBe(ownedByFrance.canSee[who].length);
      const detail = await call('GET', `/api/v1/indicator-reports/${reports[visibility]}`);
      expect(detail.statusCode).toBe(visible ? 200 : 404);
      if (visible) expect(detail.json().can.edit).toBe(ownedByFrance.canEdit[who]);
      const { version } = await t.db
        .selectFrom('indicator_reports')
        .select('version')
        .where('id', '=', reports[visibility])
        .executeTakeFirstOrThrow();
      const edit = await call('PATCH', `/api/v1/indicator-reports/${reports[visibility]}`, { notes: who, version });
      expect(edit.statusCode).toBe(expectedEditStatus(ownedByFrance, who, visibility));
    });
  });
});
