import { randomUUID } from 'node:crypto';
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
import type { AwarenessReach, AwarenessSession } from '../../../shared/contract/awareness.js';
import type { Plan, PlanProgress } from '../../../shared/contract/plan.js';
import { type Visibility, visibilities } from '../../../shared/roles.js';
import { axisId, type People, seededPlan, signInPeople } from '../plan/plan.fixtures.js';

describe.each(testEngines())('awareness sessions on %s', (engine) => {
  let t: TestApp;
  let people: People;
  let plan: Plan;
  let action42: string;

  const post = (session: Session | null, body: Record<string, unknown>) =>
    request(t.app, session)('POST', '/api/v1/awareness-sessions', body);
  async function created(session: Session, body: Record<string, unknown>): Promise<AwarenessSession> {
    const response = await post(session, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  async function reach(session: Session | null, query = ''): Promise<AwarenessReach> {
    const response = await request(t.app, session)('GET', `/api/v1/awareness-sessions/reach${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  async function axis4(session: Session, query = '') {
    const response = await request(t.app, session)('GET', `/api/v1/plans/${plan.id}/progress${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as PlanProgress).axes.find((a) => a.number === '4');
  }
  const fields = (response: { json(): { error: { details: { field: string; issue: string }[] } } }) =>
    response.json().error.details.map((d) => `${d.field}:${d.issue}`);

  // A session at a reception centre: 3 unaccompanied girls 12–14, 5 unaccompanied boys 15–17, 2 girls 6–11 with
  // their family; 4 adults.
  const receptionGroup = {
    unaccompanied: { girls: { '12-14': 3 }, boys: { '15-17': 5 } },
    with_family: { girls: { '6-11': 2 } },
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
    plan = await seededPlan(t, people.admin);
    const action = await request(t.app, people.staffFR)('POST', '/api/v1/actions', {
      axisId: axisId(plan, '4.2'),
      title: 'Séances dans les centres d’accueil',
      leadInstitutionId: people.france,
      visibility: 'group',
    });
    expect(action.statusCode, action.body).toBe(201);
    action42 = action.json().id;
  });
  afterAll(() => t.close());

  it('records a session with children counted by status × sex × age band, and reads it back whole', async () => {
    const session = await created(people.staffFR, {
      title: 'Vos droits au centre d’accueil de Calais',
      setting: 'reception',
      channel: 'in_person',
      countryCode: 'FR',
      place: 'Calais',
      startsOn: '2017-10-03',
      languages: ['fr', 'ar', 'ti', 'ar'],
      partnerIds: [people.iom],
      funderPartnerId: people.unhcr,
      budget: { amount: '1200.50', currency: 'EUR' },
      planActionId: action42,
      children: receptionGroup,
      adults: 4,
    });
    expect(session).toMatchObject({
      ownerInstitutionId: people.france,
      visibility: 'group',
      languages: ['fr', 'ar', 'ti'],
      childrenTotal: 10,
      adults: 4,
      estimatedAudience: null,
      budget: { amount: '1200.50', currency: 'EUR' },
      funder: { id: people.unhcr },
      partners: [{ id: people.iom }],
      planAction: { id: action42 },
      repeatOf: null,
      version: 1,
      can: { edit: true, repeat: true },
    });
    expect(session.children.unaccompanied.girls['12-14']).toBe(3);
    expect(session.children.unaccompanied.boys['15-17']).toBe(5);
    expect(session.children.with_family.girls['6-11']).toBe(2);
    expect(session.children.separated.other['0-5']).toBe(0);
    const stored = await t.db.selectFrom('awareness_reach').selectAll().where('session_id', '=', session.id).execute();
    expect(stored).toHaveLength(3); // only the non-empty cells
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'awareness_session')
      .where('entity_id', '=', session.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await t.db
      .selectFrom('awareness_sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const base = { title: 'X', setting: 'school', channel: 'in_person', startsOn: '2017-10-03' };
    const negative = await post(people.staffFR, { ...base, children: { separated: { boys: { '0-5': -1 } } } });
    expect(negative.statusCode).toBe(400);
    expect(fields(negative)).toEqual(['body.children.separated.boys.0-5:too_small']);
    const fraction = await post(people.staffFR, { ...base, children: { separated: { girls: { '6-11': 1.5 } } } });
    expect(fields(fraction)[0]).toMatch(/^body\.children\.separated\.girls\.6-11:/);
    const unknownCell = await post(people.staffFR, { ...base, children: { separated: { girls: { '18-25': 1 } } } });
    expect(fields(unknownCell)[0]).toMatch(/^body\.children\.separated\.girls/);
    const dates = await post(people.staffFR, { ...base, endsOn: '2017-10-01' });
    expect(fields(dates)).toEqual(['body.endsOn:end_before_start']);
    const mediaMet = await post(people.staffFR, {
      ...base,
      setting: 'media_campaign',
      channel: 'radio',
      children: receptionGroup,
    });
    expect(fields(mediaMet)).toEqual(['body.children:media_people_met']);
    const audienceAtSchool = await post(people.staffFR, { ...base, estimatedAudience: 5000 });
    expect(fields(audienceAtSchool)).toEqual(['body.estimatedAudience:audience_media_only']);
    const facilityAtSchool = await post(people.staffFR, { ...base, facilityId: randomUUID() });
    expect(fields(facilityAtSchool)).toContain('body.facilityId:unknown_reference');
    const unknownRefs = await post(people.staffFR, {
      ...base,
      partnerIds: [randomUUID()],
      materialIds: [randomUUID()],
      planActionId: randomUUID(),
      repeatOfId: randomUUID(),
    });
    expect(fields(unknownRefs)).toEqual(['body.repeatOfId:unknown_reference']);
    const unknownLinks = await post(people.staffFR, {
      ...base,
      partnerIds: [randomUUID()],
      planActionId: randomUUID(),
    });
    expect(fields(unknownLinks)).toEqual([
      'body.partnerIds.0:unknown_reference',
      'body.planActionId:unknown_reference',
    ]);
    const extra = await post(people.staffFR, { ...base, childName: 'Amina' });
    expect(fields(extra)).toEqual(['body.childName:unrecognized_key']);
    expect((await post(null, base)).statusCode).toBe(401);
    expect((await post(people.partner, base)).statusCode).toBe(403);
    const after = await t.db
      .selectFrom('awareness_sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('counts a repeat with the same group once (per cell, the most seen), keeps media audiences apart, rolls up to axis 4', async () => {
    const marker = `Série ${randomUUID().slice(0, 6)}`;
    const q = `?institutionId=${people.morocco}`;
    expect((await reach(people.admin, q)).childrenTotal).toBe(0);
    const first = await created(people.staffMA, {
      title: `${marker} 1`,
      setting: 'transit',
      channel: 'in_person',
      startsOn: '2018-02-01',
      planActionId: action42,
      children: { separated: { boys: { '12-14': 6 } }, unaccompanied: { girls: { '15-17': 2 } } },
      adults: 3,
    });
    const afterFirst = await reach(people.admin, q);
    expect(afterFirst).toMatchObject({ sessions: 1, groups: 1, childrenTotal: 8, adults: 3, mediaAudience: 0 });

    // The same group a week later: one boy fewer, one more girl (a newcomer), the same adults.
    const repeat = await created(people.staffMA, {
      title: `${marker} 2`,
      setting: 'transit',
      channel: 'in_person',
      startsOn: '2018-02-08',
      repeatOfId: first.id,
      children: { separated: { boys: { '12-14': 5 } }, unaccompanied: { girls: { '15-17': 3 } } },
      adults: 3,
    });
    expect(repeat).toMatchObject({ repeatOf: { id: first.id }, ownerInstitutionId: people.morocco });
    // A repeat of the repeat joins the same series.
    const third = await created(people.staffMA, {
      title: `${marker} 3`,
      setting: 'transit',
      channel: 'in_person',
      startsOn: '2018-02-15',
      repeatOfId: repeat.id,
      children: { separated: { boys: { '12-14': 4 } } },
    });
    expect(third.repeatOf?.id).toBe(first.id);
    const afterRepeats = await reach(people.admin, q);
    expect(afterRepeats).toMatchObject({ sessions: 3, groups: 1, childrenTotal: 9, adults: 3 });
    expect(afterRepeats.children.separated.boys['12-14']).toBe(6);
    expect(afterRepeats.children.unaccompanied.girls['15-17']).toBe(3);
    expect(afterRepeats.bySex).toMatchObject({ boys: 6, girls: 3, other: 0 });
    expect(afterRepeats.byAgeBand).toMatchObject({ '12-14': 6, '15-17': 3 });
    expect(afterRepeats.byStatus).toMatchObject({ separated: 6, unaccompanied: 3, with_family: 0 });
    // A new group is added in full.
    await created(people.staffMA, {
      title: `${marker} autre groupe`,
      setting: 'school',
      channel: 'in_person',
      startsOn: '2018-03-01',
      children: { with_family: { other: { '0-5': 2 } } },
    });
    // A radio campaign: an audience, not people met.
    await created(people.staffMA, {
      title: `${marker} radio`,
      setting: 'media_campaign',
      channel: 'radio',
      startsOn: '2018-03-05',
      estimatedAudience: 40_000,
    });
    const all = await reach(people.admin, q);
    expect(all).toMatchObject({ sessions: 5, groups: 3, childrenTotal: 11, adults: 3 });
    expect(all).toMatchObject({ mediaAudience: 40_000, mediaCampaigns: 1 });
    expect((await reach(people.admin, `${q}&setting=transit`)).childrenTotal).toBe(9);
    expect((await reach(people.admin, `${q}&to=2018-02-28`)).childrenTotal).toBe(8 + 1);
    expect((await reach(people.admin, `${q}&from=2018-02-10&to=2018-02-28`)).childrenTotal).toBe(4);

    // The plan's axis 4 carries the reach of the sessions linked to its actions: the first session (France's
    // and Morocco's, both linked to 4.2); the repeats are not linked, yet would not add if they were.
    const axis = await axis4(people.admin, `?institutionId=${people.morocco}`);
    expect(axis?.reach).toMatchObject({ sessions: 1, groups: 1, childrenTotal: 8, adults: 3 });
    const linkRepeat = await request(t.app, people.staffMA)('PATCH', `/api/v1/awareness-sessions/${repeat.id}`, {
      planActionId: action42,
      version: repeat.version,
    });
    expect(linkRepeat.statusCode, linkRepeat.body).toBe(200);
    const linked = await axis4(people.admin, `?institutionId=${people.morocco}`);
    expect(linked?.reach).toMatchObject({ sessions: 2, groups: 1, childrenTotal: 9 });
    const everything = await axis4(people.admin);
    expect(everything?.reach?.childrenTotal).toBe(19); // France's 10 and Morocco's 9
    expect((await axis4(people.admin))?.linkedRecords).toBeGreaterThanOrEqual(3);
    const axis1 = (
      await request(t.app, people.admin)('GET', `/api/v1/plans/${plan.id}/progress`)
    ).json() as PlanProgress;
    expect(axis1.axes.find((a) => a.number === '1')?.reach).toBeNull();
  });

  it('links a session in a reception place to a monitored facility, as far as its author may see it', async () => {
    const facility = async (name: string, visibility: string, owner: string) => {
      const id = randomUUID();
      const now = new Date().toISOString();
      await t.db
        .insertInto('facilities')
        .values({
          id,
          name,
          kind: 'reception_centre',
          country_code: 'FR',
          region: null,
          city: 'Calais',
          latitude: null,
          longitude: null,
          operating_authority: null,
          capacity: null,
          holds_children: 1,
          is_open: 1,
          notes: null,
          owner_institution_id: owner,
          visibility,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return id;
    };
    const shared = await facility('Centre d’accueil de Calais', 'group', people.france);
    const secret = await facility('Centre fermé', 'institution', people.france);
    const base = { title: 'Séance au centre', channel: 'in_person', startsOn: '2018-03-03' };
    const linked = await created(people.staffMA, { ...base, setting: 'reception', facilityId: shared });
    expect(linked.facility).toEqual({ id: shared, name: 'Centre d’accueil de Calais' });
    const atSchool = await post(people.staffMA, { ...base, setting: 'school', facilityId: shared });
    expect(fields(atSchool)).toEqual(['body.facilityId:facility_setting']);
    const unseen = await post(people.staffMA, { ...base, setting: 'transit', facilityId: secret });
    expect(fields(unseen)).toEqual(['body.facilityId:unknown_reference']);
    // Shown to France, whose facility it is; Morocco's own session does not name it to Morocco's staff.
    const byFrance = await created(people.staffFR, { ...base, setting: 'accommodation', facilityId: secret });
    expect(byFrance.facility?.name).toBe('Centre fermé');
    await t.db.updateTable('awareness_sessions').set({ visibility: 'group' }).where('id', '=', byFrance.id).execute();
    const seenByMorocco = await request(t.app, people.staffMA)('GET', `/api/v1/awareness-sessions/${byFrance.id}`);
    expect(seenByMorocco.json().facility).toBeNull();
  });

  it('keeps an institution-only session out of others’ axis 4 reach; a deleted session leaves it', async () => {
    const before = {
      admin: (await axis4(people.admin))?.reach?.childrenTotal ?? 0,
      morocco: (await axis4(people.staffMA))?.reach?.childrenTotal ?? 0,
    };
    const secret = await created(people.staffFR, {
      title: 'Entretien collectif (confidentiel)',
      setting: 'accommodation',
      channel: 'in_person',
      startsOn: '2018-05-20',
      planActionId: action42,
      children: { unaccompanied: { boys: { '15-17': 7 } } },
      visibility: 'institution',
    });
    expect((await axis4(people.admin))?.reach?.childrenTotal).toBe(before.admin + 7);
    expect((await axis4(people.staffFR))?.reach?.children.unaccompanied.boys['15-17']).toBeGreaterThanOrEqual(7);
    expect((await axis4(people.staffMA))?.reach?.childrenTotal ?? 0).toBe(before.morocco);
    expect((await axis4(people.coordinator))?.reach?.childrenTotal ?? 0).toBe(before.morocco);
    const gone = await request(t.app, people.staffFR)('DELETE', `/api/v1/awareness-sessions/${secret.id}?version=1`);
    expect(gone.statusCode).toBe(204);
    expect((await axis4(people.admin))?.reach?.childrenTotal ?? 0).toBe(before.admin);
    const links = await t.db.selectFrom('plan_action_links').selectAll().where('entity_id', '=', secret.id).execute();
    expect(links).toEqual([]);
  });

  it('refuses a repeat for another institution, and the deletion of a session that has repeats', async () => {
    const first = await created(people.staffFR, {
      title: 'Première séance',
      setting: 'school',
      channel: 'in_person',
      startsOn: '2018-04-01',
      children: { with_family: { boys: { '6-11': 12 } } },
    });
    const foreign = await post(people.staffMA, {
      title: 'Reprise',
      setting: 'school',
      channel: 'in_person',
      startsOn: '2018-04-08',
      repeatOfId: first.id,
    });
    expect(foreign.statusCode).toBe(403);
    const otherOwner = await post(people.admin, {
      title: 'Reprise',
      setting: 'school',
      channel: 'in_person',
      startsOn: '2018-04-08',
      repeatOfId: first.id,
      ownerInstitutionId: people.morocco,
    });
    expect(fields(otherOwner)).toEqual(['body.repeatOfId:repeat_institution']);
    const repeat = await created(people.staffFR, {
      title: 'Reprise',
      setting: 'school',
      channel: 'in_person',
      startsOn: '2018-04-08',
      repeatOfId: first.id,
      children: { with_family: { boys: { '6-11': 11 } } },
    });
    const detail = (await request(t.app, people.staffFR)('GET', `/api/v1/awareness-sessions/${first.id}`)).json();
    expect(detail.repeats).toBe(1);
    const inUse = await request(t.app, people.staffFR)('DELETE', `/api/v1/awareness-sessions/${first.id}?version=1`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.details).toMatchObject({ reason: 'in_use' });
    const gone = await request(t.app, people.staffFR)('DELETE', `/api/v1/awareness-sessions/${repeat.id}?version=1`);
    expect(gone.statusCode).toBe(204);
    expect(
      (await request(t.app, people.staffFR)('DELETE', `/api/v1/awareness-sessions/${first.id}?version=1`)).statusCode,
    ).toBe(204);
    expect((await request(t.app, people.staffFR)('GET', `/api/v1/awareness-sessions/${first.id}`)).statusCode).toBe(
      404,
    );
  });

  it('edits with the version (stale → 409), replaces the grid only when sent, checks the merged record', async () => {
    const session = await created(people.staffFR, {
      title: 'Atelier',
      setting: 'community_centre',
      channel: 'in_person',
      startsOn: '2018-05-02',
      children: { separated: { girls: { '0-5': 1 } } },
    });
    const edited = await request(t.app, people.staffFR)('PATCH', `/api/v1/awareness-sessions/${session.id}`, {
      notes: 'Interprète en tigrinya',
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ notes: 'Interprète en tigrinya', childrenTotal: 1, version: 2 });
    const stale = await request(t.app, people.contactPointFR)('PATCH', `/api/v1/awareness-sessions/${session.id}`, {
      title: 'Autre',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { current: { version: 2 } } });
    const toMedia = await request(t.app, people.staffFR)('PATCH', `/api/v1/awareness-sessions/${session.id}`, {
      setting: 'media_campaign',
      version: 2,
    });
    expect(fields(toMedia)[0]).toBe('body.setting:media_people_met');
    const badDates = await request(t.app, people.staffFR)('PATCH', `/api/v1/awareness-sessions/${session.id}`, {
      endsOn: '2018-05-01',
      version: 2,
    });
    expect(fields(badDates)).toEqual(['body.endsOn:end_before_start']);
    const regrid = await request(t.app, people.staffFR)('PATCH', `/api/v1/awareness-sessions/${session.id}`, {
      children: { unaccompanied: { boys: { '15-17': 7 } } },
      version: 2,
    });
    expect(regrid.json()).toMatchObject({ childrenTotal: 7, version: 3 });
    expect(regrid.json().children.separated.girls['0-5']).toBe(0);
    const byMorocco = await request(t.app, people.staffMA)('PATCH', `/api/v1/awareness-sessions/${session.id}`, {
      notes: 'x',
      version: 3,
    });
    expect(byMorocco.statusCode).toBe(403);
  });

  it('lists with filters, sorting and paging', async () => {
    const marker = `Liste ${randomUUID().slice(0, 6)}`;
    for (const [i, setting] of (['school', 'reception', 'media_campaign'] as const).entries()) {
      await created(people.staffFR, {
        title: `${marker} ${i}`,
        setting,
        channel: setting === 'media_campaign' ? 'television' : 'in_person',
        countryCode: i === 0 ? 'MA' : 'FR',
        startsOn: `2018-06-0${i + 1}`,
        languages: i === 1 ? ['ps'] : ['fr'],
        ...(setting === 'media_campaign' ? { estimatedAudience: 100 } : {}),
      });
    }
    const list = async (query: string) => {
      const response = await request(t.app, people.staffFR)(
        'GET',
        `/api/v1/awareness-sessions?q=${encodeURIComponent(marker)}${query}`,
      );
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { items: AwarenessSession[]; total: number };
    };
    expect((await list('')).total).toBe(3);
    expect((await list('&setting=reception')).items.map((s) => s.title)).toEqual([`${marker} 1`]);
    expect((await list('&channel=television')).total).toBe(1);
    expect((await list('&country=MA')).total).toBe(1);
    expect((await list('&language=ps')).total).toBe(1);
    expect((await list('&from=2018-06-02&to=2018-06-02')).total).toBe(1);
    expect((await list(`&institutionId=${people.morocco}`)).total).toBe(0);
    expect((await list('&sort=startsOn&order=desc')).items.map((s) => s.title)[0]).toBe(`${marker} 2`);
    const page = await list('&sort=title&pageSize=2&page=2');
    expect(page.items.map((s) => s.title)).toEqual([`${marker} 2`]);
    expect((await list('')).items[0]).not.toHaveProperty('children');
    const bad = await request(t.app, people.staffFR)('GET', '/api/v1/awareness-sessions?setting=beach&from=2018');
    expect(bad.statusCode).toBe(400);
  });

  describe('policy table: a session owned by France, of each visibility', () => {
    let sessions: Record<Who, Session | null>;
    const records = {} as Record<Visibility, string>;
    const marker = `Sonde ${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      sessions = await signInEveryone(t);
      for (const visibility of visibilities) {
        const body = {
          title: `${marker} ${visibility}`,
          setting: 'school',
          channel: 'in_person',
          startsOn: '2018-07-01',
          children: { unaccompanied: { girls: { '15-17': 1 } } },
          visibility,
        };
        const response = await post(sessions.staffFR, body);
        expect(response.json()).toMatchObject({ ownerInstitutionId: people.france, visibility });
        records[visibility] = response.json().id;
      }
    });

    it.each(matrix)(
      '%s × %s: list, count, detail and reach agree; edit as the policy says',
      async (who, visibility) => {
        const call = request(t.app, sessions[who]);
        const visible = ownedByFrance.canSee[who].includes(visibility);
        const found = await call(
          'GET',
          `/api/v1/awareness-sessions?q=${encodeURIComponent(`${marker} ${visibility}`)}`,
        );
        expect(found.json().total).toBe(visible ? 1 : 0);
        const detail = await call('GET', `/api/v1/awareness-sessions/${records[visibility]}`);
        expect(detail.statusCode).toBe(visible ? 200 : 404);
        if (visible) expect(detail.json().can.edit).toBe(ownedByFrance.canEdit[who]);
        const seen = await call('GET', '/api/v1/awareness-sessions/reach?from=2018-07-01&to=2018-07-01');
        const probes = visibilities.filter((v) => ownedByFrance.canSee[who].includes(v)).length;
        expect(seen.json().childrenTotal).toBe(probes);
        const { version } = await t.db
          .selectFrom('awareness_sessions')
          .select('version')
          .where('id', '=', records[visibility])
          .executeTakeFirstOrThrow();
        const edit = await call('PATCH', `/api/v1/awareness-sessions/${records[visibility]}`, { notes: who, version });
        expect(edit.statusCode).toBe(expectedEditStatus(ownedByFrance, who, visibility));
      },
    );
  });
});
