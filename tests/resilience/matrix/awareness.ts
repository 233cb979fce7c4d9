import type { Visibility } from '../../../src/shared/roles.js';
import { ownedByFrance, type Who } from '../../support/policy-matrix.js';
import type { Target } from '../support/fixtures.js';
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
  type UnscopedCase,
} from '../support/matrix.js';
import type { World } from '../support/world.js';

type Json = Record<string, unknown>;

/** Who may add a record of their own (their institution's, or the network's for the secretariat): not partners. */
const addsOwn = only(201, ['administrator', 'coordinator', 'contactPointFR', 'staffFR', 'staffMA']);

// Records owned by France, made by France's staff through the API.

export async function awarenessSession(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Session');
  const created = await w.ok<Json>('staffFR', 'POST', '/api/v1/awareness-sessions', {
    title: marker,
    setting: 'reception',
    channel: 'in_person',
    startsOn: '2018-03-01',
    children: { unaccompanied: { girls: { '12-14': 2 } } },
    adults: 1,
    visibility,
  });
  if (created.ownerInstitutionId !== w.france) throw new Error('a session made by France’s staff is France’s');
  return { id: created.id as string, version: created.version as number, marker };
}

export async function material(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Material');
  const created = await w.ok<Json>('staffFR', 'POST', '/api/v1/materials', {
    kind: 'leaflet',
    title: marker,
    languages: ['fr'],
    visibility,
  });
  return { id: created.id as string, version: created.version as number, marker };
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
const withVersion = (t: Target, body: Json = {}): RequestSpec => ({
  params: { id: t.id },
  body: { ...body, version: t.version },
});
const deleting = (_w: World, t: Target): RequestSpec => ({ params: { id: t.id }, query: { version: t.version } });
const findByMarker = (_w: World, t: Target): RequestSpec => ({ query: { q: t.marker } });
const canEdit = (who: Who) => ownedByFrance.canEdit[who];
const newSession = (w: World, more: Json = {}) => ({
  title: w.unique('New session'),
  setting: 'school',
  channel: 'in_person',
  startsOn: '2018-04-02',
  ...more,
});

export const awarenessEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/awareness-sessions': {
    cases: [
      record('a session of France', awarenessSession, findByMarker, lists(), { list: { exactTotal: true } }),
      unscoped('the whole list', all(200), () => ({ query: { pageSize: 100 } }), { list: {} }),
    ],
  },
  'GET /api/v1/awareness-sessions/reach': {
    cases: [unscoped('the reach of what each person sees', all(200), () => ({ query: { from: '2018-01-01' } }))],
  },
  'GET /api/v1/awareness-sessions/{id}': {
    cases: [record('a session of France', awarenessSession, byId, sees(ownedByFrance), { canEdit })],
  },
  'POST /api/v1/awareness-sessions': {
    cases: [
      unscoped('their own institution’s', addsOwn, (w) => ({ body: newSession(w) })),
      // A repeat stays with the first session's institution: France's writers only, and only of a session they see.
      record(
        'a repeat of a session of France',
        awarenessSession,
        (w, t) => ({ body: newSession(w, { repeatOfId: t.id }) }),
        gate({ table: ownedByFrance, ok: 201, invisible: 400 }),
      ),
      // A material named must be visible to the writer: an invisible one is an unknown reference.
      record(
        'using a material of France',
        material,
        (w, t) => ({ body: newSession(w, { materialIds: [t.id] }) }),
        gate({ table: ownedByFrance, ok: 201, may: (who) => addsOwn[who] === 201, invisible: 400 }),
      ),
    ],
  },
  'PATCH /api/v1/awareness-sessions/{id}': {
    cases: [
      record(
        'a session of France',
        awarenessSession,
        (_w, t, who) => withVersion(t, { notes: who }),
        edits(ownedByFrance),
      ),
    ],
  },
  'DELETE /api/v1/awareness-sessions/{id}': {
    cases: [record('a session of France', awarenessSession, deleting, edits(ownedByFrance, 204))],
  },
  'GET /api/v1/materials': {
    cases: [
      record('a material of France', material, findByMarker, lists(), { list: { exactTotal: true } }),
      unscoped('the whole list', all(200), () => ({ query: { pageSize: 100 } }), { list: {} }),
    ],
  },
  'GET /api/v1/materials/{id}': {
    cases: [record('a material of France', material, byId, sees(ownedByFrance), { canEdit })],
  },
  'POST /api/v1/materials': {
    cases: [
      unscoped('their own institution’s', addsOwn, (w) => ({
        body: { kind: 'poster', title: w.unique('New material') },
      })),
    ],
  },
  'PATCH /api/v1/materials/{id}': {
    cases: [
      record(
        'a material of France',
        material,
        (_w, t, who) => withVersion(t, { description: who }),
        edits(ownedByFrance),
      ),
    ],
  },
  'POST /api/v1/materials/{id}/transition': {
    cases: [
      record(
        'a material of France sent for review',
        material,
        (_w, t) => withVersion(t, { to: 'in_review' }),
        edits(ownedByFrance),
      ),
    ],
  },
  'DELETE /api/v1/materials/{id}': {
    cases: [record('a material of France', material, deleting, edits(ownedByFrance, 204))],
  },
};
