import { randomUUID } from 'node:crypto';
import type { Who } from '../../support/policy-matrix.js';
import { all, type MatrixEntry, signedIn, type UnscopedCase } from '../support/matrix.js';
import type { World } from '../support/world.js';

/** A finished report of `userId`, inserted as the generation leaves one (files included, tiny). */
async function reportOf(w: World, userId: string): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await w.t.db
    .insertInto('activity_reports')
    .values({
      id,
      requested_by: userId,
      language: 'fr',
      period_from: '2017-01-01',
      period_to: '2017-12-31',
      institution_ids: '[]',
      status: 'done',
      progress: 100,
      step: null,
      error: null,
      lease_owner: null,
      lease_until: null,
      attempts: 1,
      pdf: Buffer.from('%PDF-1.4 matrix'),
      pdf_size: 15,
      docx: Buffer.from('PK matrix'),
      docx_size: 9,
      created_at: now,
      started_at: now,
      finished_at: now,
    })
    .execute();
  return id;
}

/**
 * A report is its requester's alone: they read, download and delete it; anyone else, administrators included,
 * gets 404; the public 401.
 */
const own = (ok: number): UnscopedCase => ({
  kind: 'unscoped',
  label: 'a report of their own',
  expect: signedIn(ok),
  setup: async (w: World, who: Who) => {
    const userId = w.people[who].userId;
    return { id: userId ? await reportOf(w, userId) : randomUUID(), version: 1, marker: '' };
  },
  request: (_w, target) => ({ params: { id: target?.id ?? randomUUID() } }),
});

const someoneElses: UnscopedCase = {
  kind: 'unscoped',
  label: 'someone else’s report',
  expect: { ...all(404), anonymous: 401 },
  setup: async (w: World) => {
    const other = await w.insertUser('staff', { institutionId: w.france });
    return { id: await reportOf(w, other), version: 1, marker: '' };
  },
  request: (_w, target) => ({ params: { id: target?.id ?? randomUUID() } }),
};

export const reportsEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/reports': {
    cases: [{ kind: 'unscoped', label: 'their own reports', expect: signedIn(200), request: () => ({}) }],
  },
  'POST /api/v1/reports': {
    cases: [
      {
        kind: 'unscoped',
        label: 'a report of 2017, as each person sees the data',
        expect: signedIn(202),
        request: () => ({ body: { from: '2017-01-01', to: '2017-12-31', language: 'fr' } }),
      },
    ],
  },
  'GET /api/v1/reports/{id}': { cases: [own(200), someoneElses] },
  'GET /api/v1/reports/{id}/report.pdf': { cases: [own(200), someoneElses] },
  'GET /api/v1/reports/{id}/report.docx': { cases: [own(200), someoneElses] },
  'DELETE /api/v1/reports/{id}': { cases: [own(204), someoneElses] },
};
