import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../src/server/modules/index.js';
import { visibilities } from '../../src/shared/roles.js';
import { testEngines } from '../support/databases.js';
import { everyone } from '../support/policy-matrix.js';
import { routeMatrix } from './route-matrix.js';
import { describeMismatches, type RunCounts, routeKey, runEntry } from './support/matrix.js';
import { reportSummary } from './support/summary.js';
import { startWorld, type World } from './support/world.js';

const keys = allRoutes.map(routeKey);

describe('the authorization matrix', () => {
  it('has an entry for every route of allRoutes, and none for a route that is gone', () => {
    const missing = keys.filter((key) => !(key in routeMatrix));
    const stale = Object.keys(routeMatrix).filter((key) => !keys.includes(key));
    expect(
      missing,
      `Routes without an entry in tests/resilience/route-matrix.ts: ${missing.join(', ')}.\n` +
        'Add one: how to get a target record of each visibility owned by France (support/fixtures.ts), or ' +
        '`unscoped(...)` for a route that is not about one record, what to send, and the status each person gets ' +
        '(derived from ownedByFrance / ownedByNetwork with sees, edits or gate).',
    ).toEqual([]);
    expect(stale, `Entries for routes that no longer exist: ${stale.join(', ')}`).toEqual([]);
  });
});

describe.each(testEngines())('every route × every person × every visibility on %s', (engine) => {
  let w: World;
  const counts: RunCounts = { calls: 0, listChecks: 0 };
  let routesChecked = 0;
  const started = Date.now();

  beforeAll(async () => {
    w = await startWorld(engine);
  });
  afterAll(async () => {
    const records = Object.values(routeMatrix).reduce(
      (n, entry) => n + entry.cases.filter((c) => c.kind === 'record').length,
      0,
    );
    reportSummary(
      'authorization',
      engine,
      { routes: routesChecked, calls: counts.calls, listChecks: counts.listChecks },
      `${routesChecked} routes (${records} record cases × ${everyone.length} people × ${visibilities.length} ` +
        `visibilities, the rest × ${everyone.length} people): ${counts.calls} calls, ${counts.listChecks} lists ` +
        `checked, in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    await w?.close();
  });

  it.each(keys)('%s', async (key) => {
    const route = allRoutes.find((r) => routeKey(r) === key);
    const entry = routeMatrix[key];
    if (!route || !entry) throw new Error(`${key}: no entry in tests/resilience/route-matrix.ts`);
    const mismatches = await runEntry(w, route, entry, counts);
    routesChecked += 1;
    expect(mismatches, describeMismatches(mismatches)).toEqual([]);
  });
});
