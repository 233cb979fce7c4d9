import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Session, startTestApp, type TestApp } from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import type { CalendarEvent } from '../../../shared/contract/activities.js';
import { type People, signInPeople } from '../plan/plan.fixtures.js';

interface ParsedEvent {
  uid: string;
  summary: string;
  isDate: boolean;
  zone: string | null;
  start: string;
  end: string;
  startDate: string;
}

/** Reads a feed the way a calendar application does: ical.js, with the feed's own VTIMEZONEs. */
function parseFeed(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  try {
    return calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        isDate: event.startDate.isDate,
        zone: (component.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        startDate: event.startDate.toString(),
      };
    });
  } finally {
    for (const zone of calendar.getAllSubcomponents('vtimezone')) {
      ICAL.TimezoneService.remove(String(zone.getFirstPropertyValue('tzid')));
    }
  }
}

describe.each(testEngines())('calendar and feeds on %s', (engine) => {
  let t: TestApp;
  let people: People;
  const ids: Record<string, string> = {};

  const as = (session: Session | null) => request(t.app, session);
  async function activity(session: Session, body: Record<string, unknown>): Promise<string> {
    const response = await as(session)('POST', '/api/v1/activities', { details: {}, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id;
  }
  async function calendar(session: Session | null, query: string): Promise<CalendarEvent[]> {
    const response = await as(session)('GET', `/api/v1/calendar?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  }
  async function createFeed(session: Session, body: Record<string, unknown>) {
    const response = await as(session)('POST', '/api/v1/calendar/feeds', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { feed: { id: string; scope: string }; url: string };
  }
  const read = (url: string) => t.app.inject({ method: 'GET', url: url.slice(url.indexOf('/api/v1/')) });
  const titles = (events: { summary?: string; title?: string }[]) => events.map((e) => e.summary ?? e.title).sort();

  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
    ids.madrid = await activity(people.staffFR, {
      kind: 'study_visit',
      title: 'Madrid study visit',
      allDay: false,
      startsAt: '2017-12-18T09:30',
      endsAt: '2017-12-20T13:00',
      timeZone: 'Europe/Madrid',
      city: 'Madrid',
      countryCode: 'ES',
      visibility: 'public',
    });
    ids.rabat = await activity(people.coordinator, {
      kind: 'training',
      title: 'Rabat training',
      startsAt: '2016-11-22',
      endsAt: '2016-11-24',
      timeZone: 'Africa/Casablanca',
      visibility: 'partners',
    });
    // Morocco kept UTC+0 in winter until 2018: 09:00 in Rabat was 09:00 UTC in November 2016.
    ids.secret = await activity(people.staffFR, {
      kind: 'meeting',
      title: 'Secret meeting',
      allDay: false,
      startsAt: '2016-11-23T09:00',
      endsAt: '2016-11-23T11:00',
      timeZone: 'Africa/Casablanca',
      visibility: 'institution',
    });
    ids.moroccan = await activity(people.staffMA, {
      kind: 'statement',
      title: 'Moroccan opinion',
      startsAt: '2017-03-01',
      endsAt: '2017-03-01',
      timeZone: 'Africa/Casablanca',
      details: { statementType: 'opinion', addressee: 'Ministère de l’Intérieur' },
    });
  });
  afterAll(() => t.close());

  it('shows each person the events they may see, by dates, kind, axis and institution', async () => {
    const range = 'from=2016-11-01&to=2017-12-31';
    expect(titles(await calendar(people.staffFR, range))).toEqual([
      'Madrid study visit',
      'Moroccan opinion',
      'Rabat training',
      'Secret meeting',
    ]);
    expect(titles(await calendar(people.staffMA, range))).toEqual([
      'Madrid study visit',
      'Moroccan opinion',
      'Rabat training',
    ]);
    expect(titles(await calendar(people.partner, range))).toEqual(['Madrid study visit', 'Rabat training']);
    expect(titles(await calendar(null, range))).toEqual(['Madrid study visit']);
    const [madrid] = await calendar(null, range);
    expect(madrid).toMatchObject({
      source: 'activity',
      kind: 'study_visit',
      axis: 3,
      startsAt: '2017-12-18T09:30',
      timeZone: 'Europe/Madrid',
      startsUtc: '2017-12-18T08:30:00.000Z',
    });
    expect(titles(await calendar(people.staffFR, `${range}&axis=2`))).toEqual(['Moroccan opinion', 'Rabat training']);
    expect(titles(await calendar(people.staffFR, `${range}&kind=meeting`))).toEqual(['Secret meeting']);
    expect(titles(await calendar(people.staffFR, `${range}&institutionId=${people.morocco}`))).toEqual([
      'Moroccan opinion',
    ]);
    // The last day of the range counts whole; the day after an all-day event is outside it.
    expect(titles(await calendar(people.staffFR, 'from=2016-11-24&to=2016-11-24'))).toEqual(['Rabat training']);
    expect(titles(await calendar(people.staffFR, 'from=2016-11-25&to=2016-11-30'))).toEqual([]);
    const tooLong = await as(null)('GET', '/api/v1/calendar?from=2016-01-01&to=2018-01-05');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.details[0].field).toBe('query.to');
    expect((await as(null)('GET', '/api/v1/calendar?from=2016-01-01')).statusCode).toBe(400);
  });

  it('serves a user’s feed that a real iCalendar parser reads at the right instants, in the events’ own zones', async () => {
    const { feed, url } = await createFeed(people.staffFR, { scope: 'user' });
    expect(url).toMatch(/\/api\/v1\/calendar\.ics\?token=vcal_/);
    const stored = await t.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('id', '=', feed.id)
      .executeTakeFirstOrThrow();
    expect(url).not.toContain(stored.token_hash);
    const response = await read(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const events = parseFeed(response.body);
    expect(titles(events)).toEqual(['Madrid study visit', 'Moroccan opinion', 'Rabat training', 'Secret meeting']);
    const byTitle = Object.fromEntries(events.map((e) => [e.summary, e]));
    expect(byTitle['Madrid study visit']).toMatchObject({
      zone: 'Europe/Madrid',
      isDate: false,
      start: '2017-12-18T08:30:00.000Z',
      end: '2017-12-20T12:00:00.000Z',
    });
    expect(byTitle['Secret meeting']).toMatchObject({
      zone: 'Africa/Casablanca',
      start: '2016-11-23T09:00:00.000Z',
      end: '2016-11-23T11:00:00.000Z',
    });
    // All-day: dates, the end exclusive.
    expect(byTitle['Rabat training']).toMatchObject({ isDate: true, zone: null, startDate: '2016-11-22' });
    expect(response.body).toContain('DTEND;VALUE=DATE:20161125');
    expect(response.body).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Africa\/Casablanca/);
    expect(byTitle['Madrid study visit']?.uid).toBe(`activity-${ids.madrid}@vigie`);

    // Another institution's staff have their own feed, without France's institution-only meeting.
    const moroccan = await createFeed(people.staffMA, { scope: 'user' });
    expect(titles(parseFeed((await read(moroccan.url)).body))).toEqual([
      'Madrid study visit',
      'Moroccan opinion',
      'Rabat training',
    ]);
    const partner = await createFeed(people.partner, { scope: 'user' });
    expect(titles(parseFeed((await read(partner.url)).body))).toEqual(['Madrid study visit', 'Rabat training']);

    // Listed for their owner only, without the secret; revoked by the owner only; then gone.
    const mine = (await as(people.staffFR)('GET', '/api/v1/calendar/feeds')).json().items;
    expect(mine.map((f: { id: string }) => f.id)).toEqual([feed.id]);
    expect(JSON.stringify(mine)).not.toContain('vcal_');
    expect((await as(people.staffMA)('DELETE', `/api/v1/calendar/feeds/${feed.id}`)).statusCode).toBe(404);
    expect((await as(people.staffFR)('DELETE', `/api/v1/calendar/feeds/${feed.id}`)).statusCode).toBe(204);
    expect((await read(url)).statusCode).toBe(404);
    expect((await as(people.staffFR)('DELETE', `/api/v1/calendar/feeds/${feed.id}`)).statusCode).toBe(404);
    expect((await as(people.staffFR)('GET', '/api/v1/calendar/feeds')).json().items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/calendar.ics?token=vcal_unknown' })).statusCode).toBe(
      404,
    );
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'calendar_feed')
      .where('entity_id', '=', feed.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'revoke']);
  });

  it('stops a disabled user’s feed; an institution feed shows the institution’s activities as its staff see them', async () => {
    const user = { id: people.staffMA.userId };
    const { url: staffUrl } = await createFeed(people.staffMA, { scope: 'user' });
    expect((await read(staffUrl)).statusCode).toBe(200);
    const institutionFeed = await createFeed(people.staffMA, { scope: 'institution' });
    expect(institutionFeed.feed.scope).toBe('institution');
    expect(titles(parseFeed((await read(institutionFeed.url)).body))).toEqual(['Moroccan opinion']);
    // Another member's staff may not publish Morocco's feed; a partner has no institution to publish.
    expect(
      (
        await as(people.staffFR)('POST', '/api/v1/calendar/feeds', {
          scope: 'institution',
          institutionId: people.morocco,
        })
      ).statusCode,
    ).toBe(403);
    const partner = await as(people.partner)('POST', '/api/v1/calendar/feeds', { scope: 'institution' });
    expect(partner.statusCode).toBe(400);
    expect(partner.json().error.details[0].field).toBe('body.institutionId');
    expect((await as(null)('POST', '/api/v1/calendar/feeds', { scope: 'user' })).statusCode).toBe(401);
    // The institution's contact point sees and may revoke the institution's feed.
    const listed = (await as(people.contactPointMA)('GET', '/api/v1/calendar/feeds')).json().items;
    expect(listed).toMatchObject([{ id: institutionFeed.feed.id, can: { revoke: true } }]);

    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    expect((await read(staffUrl)).statusCode).toBe(404);
    await t.db.updateTable('users').set({ status: 'active' }).where('id', '=', user.id).execute();
    expect((await read(staffUrl)).statusCode).toBe(200);

    expect(
      (await as(people.contactPointMA)('DELETE', `/api/v1/calendar/feeds/${institutionFeed.feed.id}`)).statusCode,
    ).toBe(204);
    expect((await read(institutionFeed.url)).statusCode).toBe(404);
  });
});
