import type { Visibility } from '../../../src/shared/roles.js';
import { ownedByFrance, type Who } from '../../support/policy-matrix.js';
import type { Target } from '../support/fixtures.js';
import * as fixtures from '../support/fixtures.js';
import type { MatrixEntry, RecordCase, RequestSpec } from '../support/matrix.js';
import type { World } from '../support/world.js';

type Json = Record<string, unknown>;

/** Search is for signed-in people: every one of them gets results (only what they may see), the public 401. */
const signedInSearch = (who: Who) => (who === 'anonymous' ? 401 : 200);

async function facility(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Facility');
  const created = await w.ok<Json>('staffFR', 'POST', '/api/v1/facilities', {
    name: marker,
    kind: 'transit_centre',
    countryCode: 'MK',
    visibility,
  });
  return { id: created.id as string, version: created.version as number, marker };
}

/** A visit of the given visibility at a public facility that bears the same marker: only the visit may be hidden. */
async function visit(w: World, visibility: Visibility): Promise<Target> {
  const place = await facility(w, 'public');
  const created = await w.ok<Json>('staffFR', 'POST', '/api/v1/visits', {
    facilityId: place.id,
    startsOn: '2017-03-13',
    endsOn: '2017-03-14',
    type: 'in_depth',
    announced: true,
    summary: place.marker,
    visibility,
  });
  return { id: created.id as string, version: created.version as number, marker: place.marker };
}

/** A finding of a visit of the given visibility: it follows its visit. */
async function finding(w: World, visibility: Visibility): Promise<Target> {
  const seen = await visit(w, visibility);
  const created = await w.ok<Json>('staffFR', 'POST', `/api/v1/visits/${seen.id}/findings`, {
    theme: 'health',
    severity: 'low',
    text: seen.marker,
  });
  return { id: created.id as string, version: created.version as number, marker: seen.marker };
}

const search =
  (type: string) =>
  (_w: World, t: Target): RequestSpec => ({ query: { q: t.marker, type } });

const found = (label: string, type: string, target: RecordCase['target']): RecordCase => ({
  kind: 'record',
  label,
  table: ownedByFrance,
  target,
  request: search(type),
  expect: signedInSearch,
  list: { exactTotal: true },
});

export const searchEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/search': {
    cases: [
      found('an institution of France', 'institution', fixtures.institution),
      found('a partner recorded by France', 'partner', fixtures.partner),
      found('a plan action of France', 'plan_action', fixtures.action),
      found('a facility of France', 'facility', facility),
      found('a visit of France', 'visit', visit),
      found('a finding of a visit of France', 'finding', finding),
    ],
  },
};
