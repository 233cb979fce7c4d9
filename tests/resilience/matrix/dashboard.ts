import type { Who } from '../../support/policy-matrix.js';
import { type MatrixEntry, signedIn } from '../support/matrix.js';
import type { World } from '../support/world.js';

/**
 * The network dashboard: for everyone signed in, never the public. Each figure is counted over what the caller sees
 * (checked against the lists in `modules/dashboard/dashboard.test.ts`); here, that a figure comes back for everyone.
 */
export const dashboardEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/dashboard': {
    cases: [
      {
        kind: 'unscoped',
        label: 'the network’s figures, as each person sees them',
        expect: signedIn(200),
        request: () => ({ query: { from: '2000-01-01', axis: 5 } }),
        check(_w: World, _who: Who, body: Record<string, unknown>) {
          const visits = body.visits as { total?: { value?: unknown } } | null;
          if (typeof visits?.total?.value !== 'number') throw new Error('the dashboard has no count of visits');
          if (body.awareness !== null) throw new Error('axis 5 leaves the awareness section out');
        },
      },
    ],
  },
};
