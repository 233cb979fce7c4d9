import { createHash } from 'node:crypto';
import { multipartBody } from '../../support/multipart.js';
import { type MatrixEntry, only, signedIn, type UnscopedCase } from '../support/matrix.js';

/** Who may add a record of their own (their institution's, or the network's for the secretariat): not partners. */
const writers = ['administrator', 'coordinator', 'contactPointFR', 'staffFR', 'staffMA'] as const;

// One awareness session, owned by the importer's institution (or the network for the secretariat).
const sessionsFile = Buffer.from(
  'title,setting,channel,startsOn,unaccompanied.girls.12-14\r\nImported in the matrix,school,in_person,2018-04-02,2\r\n',
);
const checksum = createHash('sha256').update(sessionsFile).digest('hex');
const file = [{ filename: 'sessions.csv', content: sessionsFile, contentType: 'text/csv' }];

function unscoped(label: string, expect: UnscopedCase['expect'], request: UnscopedCase['request']): UnscopedCase {
  return { kind: 'unscoped', label, expect, request };
}

const kind = { kind: 'awareness-sessions' };

export const importsEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/imports/{kind}/columns': {
    cases: [unscoped('the columns of a kind', signedIn(200), () => ({ params: kind }))],
  },
  'GET /api/v1/imports/{kind}/template.csv': {
    cases: [unscoped('the CSV template of a kind', signedIn(200), () => ({ params: kind }))],
  },
  'GET /api/v1/imports/{kind}/template.xlsx': {
    cases: [unscoped('the XLSX template of a kind', signedIn(200), () => ({ params: kind }))],
  },
  // A preview writes nothing; only people who may write records of their own may ask for one.
  'POST /api/v1/imports/{kind}/preview': {
    cases: [
      unscoped('a file of sessions', only(200, [...writers]), () => ({ params: kind, body: multipartBody({}, file) })),
    ],
  },
  'POST /api/v1/imports/{kind}': {
    cases: [
      unscoped('the previewed file of sessions', only(201, [...writers]), () => ({
        params: kind,
        body: multipartBody({ checksum }, file),
      })),
    ],
  },
};
