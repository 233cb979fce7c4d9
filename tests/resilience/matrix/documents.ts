import type { Visibility } from '../../../src/shared/roles.js';
import { multipartBody } from '../../support/multipart.js';
import { ownedByFrance, type Who } from '../../support/policy-matrix.js';
import { sampleJpeg } from '../../support/sample-files.js';
import type { Target } from '../support/fixtures.js';
import {
  all,
  edits,
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

const photo = (name = 'photo.jpg') => [{ filename: name, content: sampleJpeg, contentType: 'image/jpeg' }];

/** A document of France, uploaded by France's staff. */
export async function document(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Document');
  const created = await w.ok<Json>(
    'staffFR',
    'POST',
    '/api/v1/documents',
    multipartBody({ title: marker, visibility }, photo()),
  );
  if (created.ownerInstitutionId !== w.france) throw new Error('a document uploaded by France’s staff is France’s');
  return { id: created.id as string, version: created.version as number, marker };
}

/** A public document of France that others attach to: visible to all, so the rule on visibility always holds. */
const publicRecord = (w: World) => w.once('documents:public-record', () => document(w, 'public'));

/** A document of France attached to France's public record. */
async function attached(w: World, visibility: Visibility): Promise<Target> {
  const target = await document(w, visibility);
  const record = await publicRecord(w);
  await w.ok('staffFR', 'POST', `/api/v1/documents/${target.id}/links`, { entity: 'document', entityId: record.id });
  return { ...target, recordId: record.id };
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
const canEdit = (who: Who) => ownedByFrance.canEdit[who];

export const documentsEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/documents': {
    cases: [
      record('a document of France', document, (_w, t) => ({ query: { q: t.marker } }), lists(), {
        list: { exactTotal: true },
      }),
      record(
        'a document of France, by the record it is attached to',
        attached,
        (_w, t) => ({ query: { entity: 'document', entityId: String(t.recordId), q: t.marker } }),
        lists(),
        { list: { exactTotal: true } },
      ),
      unscoped('the whole list', all(200), () => ({ query: { pageSize: 100 } }), { list: {} }),
    ],
  },
  'GET /api/v1/documents/upload-limits': { cases: [unscoped('the limits', signedIn(200))] },
  'GET /api/v1/documents/{id}': {
    cases: [record('a document of France', document, byId, sees(ownedByFrance), { canEdit })],
  },
  'GET /api/v1/documents/{id}/content': {
    cases: [
      record('a document of France', document, byId, sees(ownedByFrance)),
      record(
        'its first version',
        document,
        (_w, t) => ({ params: { id: t.id }, query: { version: 1 } }),
        sees(ownedByFrance),
      ),
    ],
  },
  'POST /api/v1/documents': {
    cases: [
      unscoped('their own institution’s', addsOwn, (w) => ({
        body: multipartBody({ title: w.unique('Upload') }, photo()),
      })),
    ],
  },
  'PATCH /api/v1/documents/{id}': {
    cases: [
      record(
        'a document of France',
        document,
        (_w, t, who) => ({ params: { id: t.id }, body: { description: who, version: t.version } }),
        edits(ownedByFrance),
      ),
    ],
  },
  'DELETE /api/v1/documents/{id}': {
    cases: [
      record(
        'a document of France',
        document,
        (_w, t) => ({ params: { id: t.id }, query: { version: t.version } }),
        edits(ownedByFrance, 204),
      ),
    ],
  },
  'POST /api/v1/documents/{id}/versions': {
    cases: [
      record(
        'a document of France',
        document,
        (_w, t) => ({ params: { id: t.id }, body: multipartBody({}, photo('v2.jpg')) }),
        edits(ownedByFrance, 201),
      ),
    ],
  },
  'POST /api/v1/documents/{id}/links': {
    cases: [
      record(
        'a document of France, attached to France’s public record',
        document,
        async (w, t) => ({ params: { id: t.id }, body: { entity: 'document', entityId: (await publicRecord(w)).id } }),
        edits(ownedByFrance),
      ),
    ],
  },
  'DELETE /api/v1/documents/{id}/links/{entity}/{entityId}': {
    cases: [
      record(
        'a document of France, detached from France’s public record',
        attached,
        (_w, t) => ({ params: { id: t.id, entity: 'document', entityId: String(t.recordId) } }),
        edits(ownedByFrance, 204),
      ),
    ],
  },
};
