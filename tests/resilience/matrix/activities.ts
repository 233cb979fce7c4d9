import type { Visibility } from '../../../src/shared/roles.js';
import type { Session } from '../../support/app.js';
import { ownedByFrance, type Who } from '../../support/policy-matrix.js';
import type { Target } from '../support/fixtures.js';
import * as fixtures from '../support/fixtures.js';
import {
  all,
  edits,
  gate,
  lists,
  type MatrixEntry,
  only,
  type RecordCase,
  type RequestSpec,
  sees,
  signedIn,
  type UnscopedCase,
} from '../support/matrix.js';
import type { World } from '../support/world.js';

type Json = Record<string, unknown>;

/** Who may add a record of their own (their institution's, or the network's for the secretariat): not partners. */
const addsOwn = only(201, ['administrator', 'coordinator', 'contactPointFR', 'staffFR', 'staffMA']);

const newTraining = (w: World, more: Json = {}) => ({
  kind: 'training',
  title: w.unique('New training'),
  startsAt: '2017-10-18',
  endsAt: '2017-10-19',
  timeZone: 'Africa/Casablanca',
  details: { participants: [{ audience: 'police', sex: 'female', count: 3 }] },
  ...more,
});

// Records owned by France, made by France's staff through the API.

export async function activity(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Activity');
  const created = await w.ok<Json>('staffFR', 'POST', '/api/v1/activities', {
    kind: 'meeting',
    title: marker,
    startsAt: '2017-05-10',
    endsAt: '2017-05-10',
    timeZone: 'Europe/Paris',
    visibility,
    details: { minutesHtml: '<p>Minutes</p>' },
  });
  if (created.ownerInstitutionId !== w.france) throw new Error('an activity made by France’s staff is France’s');
  return { id: created.id as string, version: created.version as number, marker };
}

async function withFollowUp(w: World, visibility: Visibility): Promise<Target> {
  const target = await activity(w, visibility);
  const item = await w.ok<Json>('staffFR', 'POST', `/api/v1/activities/${target.id}/follow-ups`, {
    text: 'Follow up',
  });
  return { ...target, followUpId: item.id as string, followUpVersion: item.version as number };
}

async function statementWithResponse(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Statement');
  const created = await w.ok<Json>('staffFR', 'POST', '/api/v1/activities', {
    kind: 'statement',
    title: marker,
    startsAt: '2018-02-01',
    endsAt: '2018-02-01',
    timeZone: 'Europe/Paris',
    visibility,
    details: { statementType: 'opinion', addressee: 'Ministry' },
  });
  const response = await w.ok<Json>('staffFR', 'POST', `/api/v1/activities/${created.id}/responses`, {
    receivedOn: '2018-03-01',
  });
  return {
    id: created.id as string,
    version: created.version as number,
    marker,
    responseId: response.id as string,
    responseVersion: response.version as number,
  };
}

function record(
  label: string,
  target: RecordCase['target'],
  request: RecordCase['request'],
  expect: RecordCase['expect'],
  more: Partial<RecordCase> = {},
): RecordCase {
  return { kind: 'record', label, table: ownedByFrance, target, request, expect, ...more };
}

function unscoped(
  label: string,
  expect: UnscopedCase['expect'],
  request: UnscopedCase['request'] = () => ({}),
  more: Partial<UnscopedCase> = {},
): UnscopedCase {
  return { kind: 'unscoped', label, expect, request, ...more };
}

const byId = (_w: World, t: Target): RequestSpec => ({ params: { id: t.id } });
const deleting = (_w: World, t: Target): RequestSpec => ({ params: { id: t.id }, query: { version: t.version } });
const canEdit = (who: Who) => ownedByFrance.canEdit[who];

/** A user feed of the caller (France's staff's for the public, who cannot have one), by its secret address. */
async function feedOf(w: World, who: Who, session: Session | null, scope = 'user'): Promise<Target> {
  const response = await w.call(session ?? 'staffFR', 'POST', '/api/v1/calendar/feeds', { scope });
  const body = response.json() as { feed: { id: string }; url: string };
  return { id: body.feed.id, version: 1, marker: new URL(body.url).searchParams.get('token') ?? '', who };
}

export const activitiesEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/activities': {
    cases: [
      record('an activity of France', activity, (_w, t) => ({ query: { q: t.marker } }), lists(), {
        list: { exactTotal: true },
      }),
      unscoped('the whole list', all(200), () => ({ query: { pageSize: 100 } }), { list: {} }),
      unscoped('the overdue dialogue bodies', all(200), () => ({ query: { cadenceMissed: 'true', pageSize: 100 } }), {
        list: {},
      }),
    ],
  },
  'GET /api/v1/activities/{id}': {
    cases: [record('an activity of France', activity, byId, sees(ownedByFrance), { canEdit })],
  },
  'POST /api/v1/activities': {
    cases: [
      unscoped('their own institution’s', addsOwn, (w) => ({ body: newTraining(w) })),
      // A plan action named must be visible to the writer: an invisible one is an unknown reference.
      record(
        'serving an action of France',
        fixtures.action,
        (w, t) => ({ body: newTraining(w, { actionIds: [t.id] }) }),
        gate({ table: ownedByFrance, ok: 201, may: (who) => addsOwn[who] === 201, invisible: 400, roleFirst: true }),
      ),
    ],
  },
  'PATCH /api/v1/activities/{id}': {
    cases: [
      record(
        'an activity of France',
        activity,
        (_w, t, who) => ({ params: { id: t.id }, body: { notes: who, version: t.version } }),
        edits(ownedByFrance),
      ),
    ],
  },
  'DELETE /api/v1/activities/{id}': {
    cases: [record('an activity of France', activity, deleting, edits(ownedByFrance, 204))],
  },
  'POST /api/v1/activities/{id}/follow-ups': {
    cases: [
      record(
        'an activity of France',
        activity,
        (_w, t) => ({ params: { id: t.id }, body: { text: 'Send the minutes' } }),
        edits(ownedByFrance, 201),
      ),
    ],
  },
  'PATCH /api/v1/activities/{id}/follow-ups/{followUpId}': {
    cases: [
      record(
        'a follow-up item of an activity of France',
        withFollowUp,
        (_w, t) => ({
          params: { id: t.id, followUpId: String(t.followUpId) },
          body: { status: 'done', version: t.followUpVersion },
        }),
        edits(ownedByFrance),
      ),
    ],
  },
  'DELETE /api/v1/activities/{id}/follow-ups/{followUpId}': {
    cases: [
      record(
        'a follow-up item of an activity of France',
        withFollowUp,
        (_w, t) => ({
          params: { id: t.id, followUpId: String(t.followUpId) },
          query: { version: Number(t.followUpVersion) },
        }),
        edits(ownedByFrance, 204),
      ),
    ],
  },
  'POST /api/v1/activities/{id}/responses': {
    cases: [
      record(
        'a statement of France',
        statementWithResponse,
        (_w, t) => ({ params: { id: t.id }, body: { receivedOn: '2018-04-01' } }),
        edits(ownedByFrance, 201),
      ),
    ],
  },
  'PATCH /api/v1/activities/{id}/responses/{responseId}': {
    cases: [
      record(
        'a response to a statement of France',
        statementWithResponse,
        (_w, t) => ({
          params: { id: t.id, responseId: String(t.responseId) },
          body: { summary: 'Answered', version: t.responseVersion },
        }),
        edits(ownedByFrance),
      ),
    ],
  },
  'DELETE /api/v1/activities/{id}/responses/{responseId}': {
    cases: [
      record(
        'a response to a statement of France',
        statementWithResponse,
        (_w, t) => ({
          params: { id: t.id, responseId: String(t.responseId) },
          query: { version: Number(t.responseVersion) },
        }),
        edits(ownedByFrance, 204),
      ),
    ],
  },
  'GET /api/v1/calendar': {
    cases: [
      record(
        'an activity of France in the month',
        activity,
        () => ({ query: { from: '2017-05-01', to: '2017-05-31' } }),
        lists(),
        { list: {} },
      ),
      unscoped('two years', all(200), () => ({ query: { from: '2016-01-01', to: '2017-12-31' } }), { list: {} }),
    ],
  },
  'GET /api/v1/calendar/feeds': {
    cases: [unscoped('their own feeds and their institution’s', signedIn(200))],
  },
  'POST /api/v1/calendar/feeds': {
    cases: [
      unscoped('a feed of their own', signedIn(201), () => ({ body: { scope: 'user' } })),
      // An institution's feed: for those who belong to one (the others have none to name).
      unscoped(
        'their institution’s feed',
        { ...all(400), contactPointFR: 201, staffFR: 201, staffMA: 201, anonymous: 401 },
        () => ({ body: { scope: 'institution' } }),
      ),
      unscoped('France’s feed', only(201, ['administrator', 'contactPointFR', 'staffFR']), (w) => ({
        body: { scope: 'institution', institutionId: w.france },
      })),
    ],
  },
  'DELETE /api/v1/calendar/feeds/{id}': {
    cases: [
      unscoped('a feed of their own', signedIn(204), (_w, t) => ({ params: { id: String(t?.id) } }), {
        setup: (w, who, session) => feedOf(w, who, session),
      }),
      unscoped(
        'France’s staff’s feed',
        { ...all(404), staffFR: 204, anonymous: 401 },
        (_w, t) => ({ params: { id: String(t?.id) } }),
        { setup: (w) => feedOf(w, 'staffFR', null) },
      ),
    ],
  },
  'GET /api/v1/calendar.ics': {
    cases: [
      unscoped('their feed by its secret address', all(200), (_w, t) => ({ query: { token: String(t?.marker) } }), {
        setup: (w, who, session) => feedOf(w, who, session),
      }),
      unscoped('an unknown address', all(404), () => ({ query: { token: 'vcal_unknown' } })),
    ],
  },
};
