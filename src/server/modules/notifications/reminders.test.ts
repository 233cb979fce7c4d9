import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startTestApp, type TestApp } from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import type { NotificationKind } from '../../../shared/contract/notifications.js';
import { interfaceLanguages } from '../../../shared/languages.js';
import { anonymous } from '../../auth/actor.js';
import { type People, signInPeople } from '../plan/plan.fixtures.js';
import { reminderMessage } from './messages.js';
import { addDays, addMonths } from './reminder-sources.js';
import { runReminders } from './reminders.js';

const audit = { actor: anonymous, requestId: null, label: 'test' };
const today = () => new Date().toISOString().slice(0, 10);
const stamp = () => ({ version: 1, created_at: new Date().toISOString(), updated_at: new Date().toISOString() });

describe('dates of reminders', () => {
  it('adds days and months in UTC, a month from the 31st ending at the month’s end', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });
});

describe.each(testEngines())('reminder sources on %s', (engine) => {
  let t: TestApp;
  let people: People;
  const ids = {} as Record<
    'visit' | 'hiddenVisit' | 'dueSoon' | 'overdue' | 'later' | 'done' | 'meeting' | 'body' | 'keptBody',
    string
  >;

  async function facility(name: string) {
    const id = randomUUID();
    await t.db
      .insertInto('facilities')
      .values({
        id,
        name,
        kind: 'reception_centre',
        country_code: 'FR',
        region: null,
        city: null,
        latitude: null,
        longitude: null,
        operating_authority: null,
        capacity: null,
        holds_children: 1,
        is_open: 1,
        notes: null,
        owner_institution_id: people.france,
        visibility: 'group',
        ...stamp(),
      })
      .execute();
    return id;
  }

  async function visit(facilityId: string, startsOn: string, visibility: string, joining: string[] = []) {
    const id = randomUUID();
    await t.db
      .insertInto('visits')
      .values({
        id,
        facility_id: facilityId,
        starts_on: startsOn,
        ends_on: startsOn,
        type: 'in_depth',
        announced: 0,
        status: 'planned',
        status_changed_at: new Date().toISOString(),
        status_changed_by: null,
        objectives: null,
        summary: null,
        population_total: null,
        population_children: null,
        population_unaccompanied: null,
        population_girls: null,
        population_age_0_5: null,
        population_age_6_11: null,
        population_age_12_14: null,
        population_age_15_17: null,
        checklist_template_id: null,
        checklist_started_at: null,
        owner_institution_id: people.france,
        visibility,
        ...stamp(),
      })
      .execute();
    for (const institution of joining) {
      await t.db.insertInto('visit_institutions').values({ visit_id: id, institution_id: institution }).execute();
    }
    return id;
  }

  async function recommendation(visitId: string, text: string, dueOn: string, status = 'accepted') {
    const id = randomUUID();
    await t.db
      .insertInto('recommendations')
      .values({
        id,
        visit_id: visitId,
        finding_id: null,
        addressee: 'Préfecture',
        text,
        theme: 'health',
        priority: 'high',
        issued_on: addDays(today(), -90),
        due_on: dueOn,
        repeats_id: null,
        status,
        status_on: addDays(today(), -90),
        first_reply_on: null,
        ...stamp(),
      })
      .execute();
    return id;
  }

  async function activity(kind: string, title: string, startsUtc: string, more: { cadence?: number; body?: string }) {
    const id = randomUUID();
    await t.db
      .insertInto('activities')
      .values({
        id,
        kind,
        axis: 1,
        title,
        all_day: 0,
        starts_local: startsUtc.slice(0, 16),
        ends_local: startsUtc.slice(0, 16),
        time_zone: 'UTC',
        starts_utc: startsUtc,
        ends_utc: startsUtc,
        city: null,
        country_code: null,
        online: 1,
        body_id: more.body ?? null,
        cadence_months: more.cadence ?? null,
        details: '{}',
        notes: null,
        owner_institution_id: people.france,
        visibility: 'group',
        ...stamp(),
      })
      .execute();
    return id;
  }

  const notificationsOf = (userId: string, kind: NotificationKind) =>
    t.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where('kind', '=', kind).execute();

  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
    const centre = await facility('Centre d’accueil de Calais');
    const hidden = await facility('Zone d’attente de Roissy');
    ids.visit = await visit(centre, addDays(today(), 3), 'group', [people.morocco]);
    ids.hiddenVisit = await visit(hidden, addDays(today(), 5), 'institution', [people.morocco]);
    ids.dueSoon = await recommendation(
      ids.visit,
      'Séparer les mineurs des adultes dans les chambres',
      addDays(today(), 10),
    );
    ids.overdue = await recommendation(ids.visit, 'Nommer un tuteur dans les 48 heures', addDays(today(), -5));
    ids.later = await recommendation(ids.visit, 'Former les agents', addDays(today(), 45));
    ids.done = await recommendation(ids.visit, 'Afficher les droits', addDays(today(), -5), 'implemented');
    const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString();
    ids.meeting = await activity('meeting', 'Réunion du groupe de travail', inTwoDays, {});
    ids.body = await activity(
      'dialogue_body',
      'Comité de suivi avec la préfecture',
      `${addDays(today(), -365)}T09:00:00.000Z`,
      {
        cadence: 3,
      },
    );
    ids.keptBody = await activity('dialogue_body', 'Comité qui se réunit', `${addDays(today(), -365)}T09:00:00.000Z`, {
      cadence: 3,
    });
    await activity('meeting', 'Dernière réunion du comité', `${addDays(today(), -20)}T09:00:00.000Z`, {
      body: ids.keptBody,
    });
  });
  afterAll(async () => t?.close());

  it('finds visits, recommendations, meetings and late dialogue bodies, for the people who may see them', async () => {
    const created = await runReminders(t.db, t.config, audit);
    expect(created).toMatchObject({
      visit_upcoming: 3,
      recommendation_due: 4,
      meeting_upcoming: 1,
      dialogue_overdue: 1,
    });

    // France leads the visit; Morocco joins it and sees it (group), but not the visit kept within France.
    const visitsFR = await notificationsOf(people.contactPointFR.userId, 'visit_upcoming');
    expect(visitsFR.map((n) => n.entity_id).sort()).toEqual([ids.visit, ids.hiddenVisit].sort());
    const visitsMA = await notificationsOf(people.contactPointMA.userId, 'visit_upcoming');
    expect(visitsMA.map((n) => n.entity_id)).toEqual([ids.visit]);
    expect(visitsMA[0]).toMatchObject({ link: `/visits/${ids.visit}`, occasion: `upcoming:${addDays(today(), 3)}` });

    const recommendations = await notificationsOf(people.contactPointFR.userId, 'recommendation_due');
    const byId = new Map(recommendations.map((n) => [n.entity_id, n]));
    expect([...byId.keys()].sort()).toEqual([ids.dueSoon, ids.overdue].sort());
    expect(byId.get(ids.dueSoon)?.occasion).toBe(`due:${addDays(today(), 10)}`);
    expect(byId.get(ids.overdue)?.occasion).toBe(`overdue:${addDays(today(), -5)}`);
    expect(byId.get(ids.overdue)?.link).toBe(`/recommendations/${ids.overdue}`);

    const bodies = await notificationsOf(people.contactPointFR.userId, 'dialogue_overdue');
    expect(bodies.map((n) => n.entity_id)).toEqual([ids.body]);
    expect(bodies[0]?.occasion).toBe(`overdue:${addMonths(addDays(today(), -365), 3)}`);
    const meetings = await notificationsOf(people.contactPointFR.userId, 'meeting_upcoming');
    expect(meetings.map((n) => n.link)).toEqual([`/activities/${ids.meeting}`]);

    // Every message reads in every language, with its facts.
    const all = await t.db.selectFrom('notifications').selectAll().execute();
    for (const row of all) {
      for (const { code } of interfaceLanguages) {
        const text = reminderMessage(code, {
          kind: row.kind as NotificationKind,
          link: row.link,
          params: JSON.parse(row.params),
        });
        expect(text).not.toContain('notifications:');
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
    const overdueText = reminderMessage('fr', {
      kind: 'recommendation_due',
      link: '',
      params: JSON.parse(byId.get(ids.overdue)?.params ?? '{}'),
    });
    expect(overdueText).toBe(
      `La recommandation « Nommer un tuteur dans les 48 heures » (visite de Centre d’accueil de Calais) devait être ` +
        `mise en œuvre le ${new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${addDays(today(), -5)}T00:00:00Z`))}.`,
    );
  });

  it('reminds each member institution of the indicator reports it still owes for a period ending soon', async () => {
    // The founding plan's periods ended long ago: nobody is reminded of them.
    expect(await notificationsOf(people.contactPointFR.userId, 'indicator_report_due')).toEqual([]);
    const period = await t.db
      .selectFrom('reporting_periods')
      .select(['id', 'plan_id', 'label'])
      .executeTakeFirstOrThrow();
    const endsOn = addDays(today(), 5);
    await t.db.updateTable('reporting_periods').set({ ends_on: endsOn }).where('id', '=', period.id).execute();
    const created = await runReminders(t.db, t.config, audit);
    // One per active member's contact point: France and Morocco have one each here.
    expect(created).toEqual({ indicator_report_due: 2 });
    const [due] = await notificationsOf(people.contactPointFR.userId, 'indicator_report_due');
    const indicators = await t.db.selectFrom('indicators').select('id').where('plan_id', '=', period.plan_id).execute();
    expect(due).toMatchObject({
      entity: 'reporting_period',
      entity_id: period.id,
      occasion: `due:${endsOn}:${people.france}`,
      link: `/plans/${period.plan_id}/reports`,
    });
    expect(JSON.parse(due?.params ?? '{}')).toMatchObject({
      stage: 'due',
      period: period.label,
      missing: indicators.length,
    });
    await t.db.updateTable('reporting_periods').set({ status: 'closed' }).where('id', '=', period.id).execute();
  });

  it('tells nothing twice, and again when the date moves', async () => {
    expect(await runReminders(t.db, t.config, audit)).toEqual({});
    await t.db
      .updateTable('recommendations')
      .set({ due_on: addDays(today(), 20) })
      .where('id', '=', ids.dueSoon)
      .execute();
    // France's and Morocco's contact points (Morocco joined the visit) hear of the new date.
    expect(await runReminders(t.db, t.config, audit)).toEqual({ recommendation_due: 2 });
  });

  it('shows a visit’s notification only to whom may see the visit, in the list and the count', async () => {
    const list = await request(t.app, people.contactPointMA)('GET', '/api/v1/notifications?kind=visit_upcoming');
    expect(list.json().items.map((n: { entityId: string }) => n.entityId)).toEqual([ids.visit]);
    // The visit is now kept within France: Morocco's notification goes with it.
    await t.db.updateTable('visits').set({ visibility: 'institution' }).where('id', '=', ids.visit).execute();
    const after = await request(t.app, people.contactPointMA)('GET', '/api/v1/notifications?kind=visit_upcoming');
    expect(after.json()).toMatchObject({ items: [], total: 0 });
  });
});
