import { all, type MatrixEntry, only, signedIn, type UnscopedCase } from '../support/matrix.js';

function unscoped(
  label: string,
  expect: UnscopedCase['expect'],
  request: UnscopedCase['request'],
  more: Partial<UnscopedCase> = {},
): UnscopedCase {
  return { kind: 'unscoped', label, expect, request, ...more };
}

/**
 * Exports answer as the list they export would: any signed-in person gets the lists everyone reads (what is in the
 * file is the list's own visibility, checked in exports.test.ts), the accounts only those who manage them, the
 * audit trail only administrators. An institution's data: administrators and its own contact points.
 */
export const exportsEntries: Record<string, MatrixEntry> = {
  'POST /api/v1/exports/{list}': {
    cases: [
      unscoped('the facilities as CSV', signedIn(200), () => ({
        params: { list: 'facilities' },
        body: { format: 'csv', filters: { sort: 'name' } },
      })),
      unscoped('the visits as XLSX', signedIn(200), () => ({
        params: { list: 'visits' },
        body: { format: 'xlsx', filters: {} },
      })),
      unscoped('the accounts', only(200, ['administrator', 'contactPointFR']), () => ({
        params: { list: 'users' },
        body: { format: 'csv' },
      })),
      unscoped('the audit trail', only(200, ['administrator']), () => ({
        params: { list: 'audit-events' },
        body: { format: 'csv', filters: { order: 'desc' } },
      })),
      unscoped('a list that does not exist', signedIn(404), () => ({
        params: { list: 'passwords' },
        body: { format: 'csv' },
      })),
      unscoped('a filter the list refuses', signedIn(400), () => ({
        params: { list: 'facilities' },
        body: { format: 'csv', filters: { kind: 'castle' } },
      })),
    ],
  },
  'POST /api/v1/institutions/{id}/data-export': {
    cases: [
      unscoped('France’s own data', only(200, ['administrator', 'contactPointFR']), (w) => ({
        params: { id: w.france },
      })),
      unscoped('an institution that does not exist', { ...all(404), anonymous: 401 }, () => ({
        params: { id: '00000000-0000-4000-8000-000000000000' },
      })),
    ],
  },
};
