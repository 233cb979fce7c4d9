import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Session, startTestApp, type TestApp } from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import { multipartBody } from '../../../../tests/support/multipart.js';
import type { Activity } from '../../../shared/contract/activities.js';
import { axisId, type People, seededPlan, signInPeople } from '../plan/plan.fixtures.js';

type Page = { items: Activity[]; total: number };

function pdfWith(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument();
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.text(text);
    pdf.end();
  });
}

const training = (overrides: Record<string, unknown> = {}) => ({
  kind: 'training',
  title: 'Formation des forces de sécurité, Casablanca',
  allDay: false,
  startsAt: '2017-10-18T09:00',
  endsAt: '2017-10-19T17:00',
  timeZone: 'Africa/Casablanca',
  city: 'Casablanca',
  countryCode: 'MA',
  themes: ['security_forces_ethics', 'xenophobia'],
  details: {
    audiences: ['police', 'border_guards'],
    participants: [
      { audience: 'police', sex: 'female', count: 6 },
      { audience: 'police', sex: 'male', count: 14 },
      { audience: 'border_guards', sex: 'male', count: 6 },
    ],
    trainers: ['Expert, Médiateur du Royaume'],
    evaluation: '7 recommandations',
  },
  ...overrides,
});

describe.each(testEngines())('activities on %s', (engine) => {
  let t: TestApp;
  let people: People;
  let actionId: string;

  const as = (session: Session | null) => request(t.app, session);
  async function create(session: Session, body: Record<string, unknown>): Promise<Activity> {
    const response = await as(session)('POST', '/api/v1/activities', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  async function list(session: Session | null, query = ''): Promise<Page> {
    const response = await as(session)('GET', `/api/v1/activities${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  const ids = (page: Page) => page.items.map((a) => a.id);
  const fields = (response: { json(): unknown }) =>
    (response.json() as { error: { details: { field: string; issue: string }[] } }).error.details;

  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
    const plan = await seededPlan(t, people.admin);
    const action = await as(people.coordinator)('POST', '/api/v1/actions', {
      axisId: axisId(plan, '2'),
      title: 'Formations conjointes des autorités',
    });
    expect(action.statusCode, action.body).toBe(201);
    actionId = action.json().id;
  });
  afterAll(() => t.close());

  it('records a training in its own time zone, with counted participants, institutions, partners and plan action', async () => {
    const created = await create(
      people.staffMA,
      training({
        organiserInstitutionIds: [people.morocco],
        participantInstitutionIds: [people.france],
        partners: [{ partnerId: people.iom, role: 'expert' }],
        actionIds: [actionId],
      }),
    );
    expect(created).toMatchObject({
      kind: 'training',
      axis: 2,
      allDay: false,
      startsAt: '2017-10-18T09:00',
      timeZone: 'Africa/Casablanca',
      // Morocco was on summer time (UTC+1) in October 2017.
      startsUtc: '2017-10-18T08:00:00.000Z',
      endsUtc: '2017-10-19T16:00:00.000Z',
      ownerInstitutionId: people.morocco,
      visibility: 'group',
      themes: ['security_forces_ethics', 'xenophobia'],
      actions: [{ id: actionId, title: 'Formations conjointes des autorités' }],
      can: { edit: true, delete: true },
    });
    expect(created.institutions.map((i) => [i.role, i.institutionId])).toEqual([
      ['organiser', people.morocco],
      ['participant', people.france],
    ]);
    expect(created.partners).toMatchObject([{ partnerId: people.iom, role: 'expert', acronymEn: 'IOM' }]);
    if (created.kind !== 'training') throw new Error('kind');
    expect(created.details.participants.reduce((sum, p) => sum + p.count, 0)).toBe(26);
    const rows = await t.db
      .selectFrom('training_participants')
      .selectAll()
      .where('activity_id', '=', created.id)
      .execute();
    expect(rows).toHaveLength(3);

    // The action's page lists it, and the action counts it.
    expect(ids(await list(people.staffFR, `?actionId=${actionId}`))).toEqual([created.id]);
    const action = await as(people.staffFR)('GET', `/api/v1/actions/${actionId}`);
    expect(action.json().links).toEqual([{ entity: 'activity', count: 1 }]);

    // France's staff may see it but not change it.
    const seen = await as(people.staffFR)('GET', `/api/v1/activities/${created.id}`);
    expect(seen.json().can).toEqual({ edit: false, delete: false });
    const refused = await as(people.staffFR)('PATCH', `/api/v1/activities/${created.id}`, { title: 'x', version: 1 });
    expect(refused.statusCode).toBe(403);

    // Edit: new dates in another zone and fewer trainees; stale edits are refused with the current record.
    const edited = await as(people.staffMA)('PATCH', `/api/v1/activities/${created.id}`, {
      allDay: true,
      startsAt: '2017-10-18',
      endsAt: '2017-10-19',
      details: { participants: [{ audience: 'judiciary', sex: 'unknown', count: 4 }] },
      actionIds: [],
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      version: 2,
      allDay: true,
      startsUtc: '2017-10-17T23:00:00.000Z',
      endsUtc: '2017-10-19T23:00:00.000Z',
      actions: [],
      details: { participants: [{ audience: 'judiciary', sex: 'unknown', count: 4 }], audiences: [] },
      // Fields not sent stay as they were.
      themes: ['security_forces_ethics', 'xenophobia'],
      partners: [{ partnerId: people.iom }],
    });
    expect((await as(people.staffFR)('GET', `/api/v1/actions/${actionId}`)).json().links).toEqual([]);
    const stale = await as(people.staffMA)('PATCH', `/api/v1/activities/${created.id}`, { title: 'y', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { current: { version: 2 } } });

    const staleDelete = await as(people.staffMA)('DELETE', `/api/v1/activities/${created.id}?version=1`);
    expect(staleDelete.statusCode).toBe(409);
    expect((await as(people.staffMA)('DELETE', `/api/v1/activities/${created.id}?version=2`)).statusCode).toBe(204);
    expect((await as(people.staffMA)('GET', `/api/v1/activities/${created.id}`)).statusCode).toBe(404);
    const left = await t.db
      .selectFrom('training_participants')
      .selectAll()
      .where('activity_id', '=', created.id)
      .execute();
    expect(left).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'activity')
      .where('entity_id', '=', created.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses bad input with the fields named, and writes nothing', async () => {
    const before = await list(people.admin);
    const cases: [Record<string, unknown>, string][] = [
      [training({ timeZone: 'Mars/Olympus' }), 'body.timeZone'],
      [training({ startsAt: '2017-10-18' }), 'body.startsAt'],
      [training({ endsAt: '2017-10-17T09:00' }), 'body.endsAt'],
      [training({ startsAt: '2017-02-30T09:00' }), 'body.startsAt'],
      [training({ colour: 'red' }), 'body.colour'],
      [training({ details: { trainers: [], agenda: 'x' } }), 'body.details.agenda'],
      [training({ organiserInstitutionIds: [people.unhcr] }), 'body.organiserInstitutionIds.0'],
      [training({ partners: [{ partnerId: people.france }] }), 'body.partners.0.partnerId'],
      [training({ actionIds: [people.france] }), 'body.actionIds.0'],
      [
        training({
          details: {
            participants: [
              { audience: 'police', sex: 'male', count: 1 },
              { audience: 'police', sex: 'male', count: 2 },
            ],
          },
        }),
        'body.details.participants.1',
      ],
      [{ ...training(), kind: 'meeting', details: { bodyId: actionId } }, 'body.details.bodyId'],
      [
        { ...training(), kind: 'statement', details: { statementType: 'tweet', addressee: 'x' } },
        'body.details.statementType',
      ],
      [{ ...training(), kind: 'course', details: {} }, 'body.details.courseName'],
    ];
    for (const [body, field] of cases) {
      const response = await as(people.staffFR)('POST', '/api/v1/activities', body);
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400);
      expect(fields(response).map((d) => d.field)).toContain(field);
    }
    const created = await create(people.staffFR, training());
    // Details of another kind are refused on edit too, naming the field.
    const wrongKind = await as(people.staffFR)('PATCH', `/api/v1/activities/${created.id}`, {
      details: { courseName: 'x' },
      version: 1,
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(fields(wrongKind).map((d) => d.field)).toContain('body.details.courseName');
    expect((await as(null)('POST', '/api/v1/activities', training())).statusCode).toBe(401);
    expect((await as(people.partner)('POST', '/api/v1/activities', training())).statusCode).toBe(403);
    expect((await list(people.admin)).total).toBe(before.total + 1);
  });

  it('keeps institution-only minutes from other institutions, partners and the public: lists, counts, detail, filters', async () => {
    const body = await create(people.staffFR, {
      kind: 'dialogue_body',
      title: 'Comité de dialogue sur les mineurs non accompagnés',
      startsAt: '2017-01-15',
      endsAt: '2017-01-15',
      timeZone: 'Europe/Paris',
      visibility: 'public',
      details: { cadence: 'quarterly', memberPeople: ['Juge des enfants'] },
    });
    const secret = await create(people.staffFR, {
      kind: 'meeting',
      title: 'Réunion restreinte du comité',
      allDay: false,
      startsAt: '2017-03-01T10:00',
      endsAt: '2017-03-01T12:00',
      timeZone: 'Europe/Paris',
      visibility: 'institution',
      details: {
        bodyId: body.id,
        minutesHtml: '<p>Cas <strong>sensibles</strong><script>alert(1)</script><img src=x onerror="alert(2)"></p>',
        decisions: ['Saisir le parquet'],
      },
    });
    if (secret.kind !== 'meeting') throw new Error('kind');
    expect(secret.details.minutesHtml).toBe(
      '<p>Cas <strong>sensibles</strong>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img /&gt;</p>',
    );
    expect(secret.body).toEqual({ id: body.id, title: body.title });
    const stored = await t.db
      .selectFrom('activities')
      .select('details')
      .where('id', '=', secret.id)
      .executeTakeFirstOrThrow();
    expect(stored.details).not.toMatch(/<script|onerror/);

    for (const who of [people.staffMA, people.partner, null, people.coordinator]) {
      const all = await list(who, '?q=comit');
      expect(ids(all)).not.toContain(secret.id);
      expect((await list(who, `?bodyId=${body.id}`)).total).toBe(0);
      expect((await list(who, '?kind=meeting&from=2017-03-01&to=2017-03-01')).total).toBe(0);
      expect((await as(who)('GET', `/api/v1/activities/${secret.id}`)).statusCode).toBe(404);
      // The public body shows no trace of the meeting: no date of last meeting.
      const seenBody = (await as(who)('GET', `/api/v1/activities/${body.id}`)).json();
      expect(seenBody.lastMeetingAt).toBeNull();
    }
    expect((await list(people.staffFR, `?bodyId=${body.id}`)).items.map((a) => a.id)).toEqual([secret.id]);
    expect((await as(people.staffFR)('GET', `/api/v1/activities/${body.id}`)).json().lastMeetingAt).toBe(
      '2017-03-01T09:00:00.000Z',
    );
    expect(ids(await list(people.admin, '?q=restreinte'))).toEqual([secret.id]);
    // Not editable or deletable by another institution, which is told it does not exist.
    expect(
      (await as(people.staffMA)('PATCH', `/api/v1/activities/${secret.id}`, { title: 'x', version: 1 })).statusCode,
    ).toBe(404);
    // A body with meetings cannot be deleted.
    const inUse = await as(people.staffFR)('DELETE', `/api/v1/activities/${body.id}?version=1`);
    expect(inUse.statusCode).toBe(409);
  });

  it('flags a dialogue body that has not met within its cadence, and filters on it', async () => {
    const now = new Date();
    const monthsAgo = (n: number) => {
      const d = new Date(now);
      d.setUTCMonth(d.getUTCMonth() - n);
      return d.toISOString().slice(0, 10);
    };
    const body = (title: string, cadence: string, setUp: string) =>
      create(people.staffMA, {
        kind: 'dialogue_body',
        title,
        startsAt: setUp,
        endsAt: setUp,
        timeZone: 'Africa/Casablanca',
        details: { cadence },
      });
    const quiet = await body('Instance silencieuse', 'quarterly', monthsAgo(5));
    const active = await body('Instance active', 'quarterly', monthsAgo(5));
    const recent = await body('Instance récente', 'annual', monthsAgo(2));
    await create(people.staffMA, {
      kind: 'meeting',
      title: 'Réunion de l’instance active',
      startsAt: monthsAgo(1),
      endsAt: monthsAgo(1),
      timeZone: 'Africa/Casablanca',
      details: { bodyId: active.id },
    });
    const missed = await list(people.staffMA, '?cadenceMissed=true&pageSize=100');
    expect(ids(missed)).toContain(quiet.id);
    expect(ids(missed)).not.toContain(active.id);
    expect(ids(missed)).not.toContain(recent.id);
    expect(missed.items.every((a) => a.kind === 'dialogue_body' && a.overdue)).toBe(true);
    const detail = (await as(people.staffMA)('GET', `/api/v1/activities/${active.id}`)).json();
    expect(detail).toMatchObject({ overdue: false, lastMeetingAt: expect.any(String) });
    const kept = await list(people.staffMA, '?cadenceMissed=false&kind=dialogue_body&pageSize=100');
    expect(ids(kept)).toEqual(expect.arrayContaining([active.id, recent.id]));
    expect(ids(kept)).not.toContain(quiet.id);
  });

  it('follows a statement’s responses (days to reply) and a meeting’s follow-up items, versioned', async () => {
    const statement = await create(people.staffFR, {
      kind: 'statement',
      title: 'Avis sur le projet de loi relatif à l’asile',
      startsAt: '2018-02-01',
      endsAt: '2018-02-01',
      timeZone: 'Europe/Paris',
      themes: ['asylum', 'detention'],
      details: {
        statementType: 'bill_opinion',
        addressee: 'Assemblée nationale',
        textHtml: '<p>Avis <a href="javascript:alert(1)">lien</a> <a href="https://example.org">source</a></p>',
        publicLink: 'https://example.org/avis',
      },
    });
    if (statement.kind !== 'statement') throw new Error('kind');
    expect(statement.details.textHtml).toBe(
      '<p>Avis <a>lien</a> <a href="https://example.org" rel="noopener noreferrer">source</a></p>',
    );
    expect(statement.daysToReply).toBeNull();
    const path = `/api/v1/activities/${statement.id}/responses`;
    expect((await as(people.staffFR)('POST', path, { receivedOn: '2018-01-01' })).statusCode).toBe(400);
    const later = await as(people.staffFR)('POST', path, { receivedOn: '2018-04-12', summary: 'Réponse du ministère' });
    expect(later.statusCode, later.body).toBe(201);
    const first = await as(people.staffFR)('POST', path, { receivedOn: '2018-03-03' });
    expect(first.statusCode).toBe(201);
    let seen = (await as(people.staffMA)('GET', `/api/v1/activities/${statement.id}`)).json();
    expect(seen.daysToReply).toBe(30);
    expect(seen.responses.map((r: { receivedOn: string }) => r.receivedOn)).toEqual(['2018-03-03', '2018-04-12']);
    expect(seen.responses[0].can).toEqual({ edit: false, delete: false });
    expect((await as(people.staffMA)('POST', path, { receivedOn: '2018-03-04' })).statusCode).toBe(403);
    const moved = await as(people.staffFR)('PATCH', `${path}/${first.json().id}`, {
      receivedOn: '2018-02-11',
      version: 1,
    });
    expect(moved.statusCode).toBe(200);
    expect(
      (await as(people.staffFR)('PATCH', `${path}/${first.json().id}`, { summary: 'x', version: 1 })).statusCode,
    ).toBe(409);
    seen = (await as(people.staffFR)('GET', `/api/v1/activities/${statement.id}`)).json();
    expect(seen.daysToReply).toBe(10);
    expect((await as(people.staffFR)('DELETE', `${path}/${first.json().id}?version=2`)).statusCode).toBe(204);
    expect((await as(people.staffFR)('GET', `/api/v1/activities/${statement.id}`)).json().daysToReply).toBe(70);

    // Only statements have responses.
    const meeting = await create(people.staffFR, {
      kind: 'meeting',
      title: 'Réunion du groupe de travail',
      startsAt: '2016-11-23',
      endsAt: '2016-11-23',
      timeZone: 'Africa/Casablanca',
      details: {},
    });
    expect(
      (await as(people.staffFR)('POST', `/api/v1/activities/${meeting.id}/responses`, { receivedOn: '2017-01-01' }))
        .statusCode,
    ).toBe(404);
    const items = `/api/v1/activities/${meeting.id}/follow-ups`;
    const item = await as(people.staffFR)('POST', items, {
      text: 'Diffuser le plan d’action',
      owner: 'Secrétariat',
      dueOn: '2017-01-31',
    });
    expect(item.statusCode, item.body).toBe(201);
    expect(item.json()).toMatchObject({ status: 'open', version: 1, can: { edit: true } });
    const done = await as(people.staffFR)('PATCH', `${items}/${item.json().id}`, { status: 'done', version: 1 });
    expect(done.json()).toMatchObject({ status: 'done', version: 2, owner: 'Secrétariat' });
    expect(
      (await as(people.staffFR)('PATCH', `${items}/${item.json().id}`, { status: 'open', version: 1 })).statusCode,
    ).toBe(409);
    expect(
      (await as(people.staffFR)('PATCH', `${items}/${item.json().id}`, { status: 'closed', version: 2 })).statusCode,
    ).toBe(400);
    expect((await as(people.staffMA)('DELETE', `${items}/${item.json().id}?version=2`)).statusCode).toBe(403);
    const withItem = (await as(people.staffMA)('GET', `/api/v1/activities/${meeting.id}`)).json();
    expect(withItem.followUps).toMatchObject([{ text: 'Diffuser le plan d’action', status: 'done' }]);
    expect((await as(people.staffFR)('DELETE', `${items}/${item.json().id}?version=2`)).statusCode).toBe(204);
    expect((await as(people.staffFR)('GET', `/api/v1/activities/${meeting.id}`)).json().followUps).toEqual([]);
  });

  it('lists by kind, axis, institution, dates and text, sorted and paged', async () => {
    const visit = await create(people.staffFR, {
      kind: 'study_visit',
      title: 'Visite d’étude à Madrid',
      startsAt: '2017-12-18',
      endsAt: '2017-12-20',
      timeZone: 'Europe/Madrid',
      city: 'Madrid',
      countryCode: 'ES',
      visibility: 'public',
      participantInstitutionIds: [people.france, people.turkey],
      details: { placesVisited: ['Centre d’accueil Merced Migraciones'], missionReportHtml: '<h3>Rapport</h3>' },
    });
    const course = await create(people.staffFR, {
      kind: 'course',
      title: 'Cours d’été de Moncton',
      startsAt: '2017-06-25',
      endsAt: '2017-06-30',
      timeZone: 'America/Moncton',
      visibility: 'public',
      details: { courseName: '6th International Summer Course on the Rights of the Child', participants: ['Juriste'] },
    });
    const axis3 = await list(null, '?axis=3');
    expect(ids(axis3)).toEqual([course.id, visit.id]);
    expect(ids(await list(null, '?axis=3&order=desc'))).toEqual([visit.id, course.id]);
    expect(ids(await list(null, '?axis=3&sort=title'))).toEqual([course.id, visit.id]);
    expect(ids(await list(null, '?kind=study_visit'))).toEqual([visit.id]);
    expect(ids(await list(null, `?axis=3&institutionId=${people.turkey}`))).toEqual([visit.id]);
    expect(ids(await list(null, '?axis=3&from=2017-12-20&to=2018-01-31'))).toEqual([visit.id]);
    expect(ids(await list(null, '?axis=3&from=2017-12-21'))).toEqual([]);
    expect(ids(await list(null, '?q=MONCTON'))).toEqual([course.id]);
    const paged = await list(null, '?axis=3&pageSize=1&page=2');
    expect(paged).toMatchObject({ total: 2 });
    expect(ids(paged)).toEqual([visit.id]);
    const bad = await as(null)('GET', '/api/v1/activities?axis=4&kind=party&from=2017-13-01');
    expect(bad.statusCode).toBe(400);
    expect(fields(bad).map((d) => d.field)).toEqual(expect.arrayContaining(['query.axis', 'query.kind', 'query.from']));
  });

  it('keeps an institution-only meeting’s documents from other institutions, and detaches them when it is deleted', async () => {
    const meeting = await create(people.staffFR, {
      kind: 'meeting',
      title: 'Réunion confidentielle',
      startsAt: '2017-04-04',
      endsAt: '2017-04-04',
      timeZone: 'Europe/Paris',
      visibility: 'institution',
      details: {},
    });
    const form = multipartBody(
      { title: 'Procès-verbal', visibility: 'institution', entity: 'activity', entityId: meeting.id },
      [{ filename: 'pv.pdf', content: await pdfWith('Procès-verbal de la réunion confidentielle') }],
    );
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: form.payload,
      headers: {
        'content-type': form.contentType,
        cookie: people.staffFR.cookie,
        'x-csrf-token': people.staffFR.csrfToken,
      },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const documentId = uploaded.json().id as string;
    const attached = async (session: Session) =>
      (await as(session)('GET', `/api/v1/documents?entity=activity&entityId=${meeting.id}`)).json().total;
    expect(await attached(people.staffFR)).toBe(1);
    expect(await attached(people.staffMA)).toBe(0);
    expect((await as(people.staffMA)('GET', `/api/v1/documents/${documentId}`)).statusCode).toBe(404);
    expect((await as(people.staffFR)('DELETE', `/api/v1/activities/${meeting.id}?version=1`)).statusCode).toBe(204);
    const links = await t.db.selectFrom('document_links').selectAll().where('entity_id', '=', meeting.id).execute();
    expect(links).toEqual([]);
    expect((await as(people.staffFR)('GET', `/api/v1/documents/${documentId}`)).statusCode).toBe(200);
  });
});
