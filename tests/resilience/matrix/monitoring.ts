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

const addsOwn = only(201, ['administrator', 'coordinator', 'contactPointFR', 'staffFR', 'staffMA']);
/** France's own people: the only ones who see a French visit's urgent situations (others are told nothing: 404). */
const insiders: Who[] = ['contactPointFR', 'staffFR'];
const insiderOnly =
  (ok: number) =>
  (who: Who): number =>
    who === 'anonymous' ? 401 : insiders.includes(who) ? ok : 404;

async function facilityOf(w: World, visibility: Visibility, marker = w.unique('Facility')): Promise<Json> {
  return w.ok<Json>('staffFR', 'POST', '/api/v1/facilities', {
    name: marker,
    kind: 'transit_centre',
    countryCode: 'MK',
    holdsChildren: true,
    visibility,
  });
}

export async function facility(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Facility');
  const created = await facilityOf(w, visibility, marker);
  return { id: created.id as string, version: created.version as number, marker };
}

export async function visit(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Visit');
  const place = await facilityOf(w, 'public', marker);
  const created = await w.ok<Json>('staffFR', 'POST', '/api/v1/visits', {
    facilityId: place.id,
    startsOn: '2017-03-13',
    endsOn: '2017-03-14',
    type: 'in_depth',
    announced: true,
    objectives: marker,
    visibility,
  });
  if (created.ownerInstitutionId !== w.france) throw new Error('a visit made by France’s staff is France’s');
  return { id: created.id as string, version: created.version as number, marker };
}

async function recommendation(w: World, visibility: Visibility): Promise<Target> {
  const v = await visit(w, visibility);
  const created = await w.ok<Json>('staffFR', 'POST', '/api/v1/recommendations', {
    visitId: v.id,
    addressee: 'Ministry of the Interior',
    text: v.marker,
    theme: 'guardianship_legal_aid',
    issuedOn: '2017-04-01',
  });
  return { id: created.id as string, version: created.version as number, marker: v.marker, parentId: v.id };
}

async function finding(w: World, visibility: Visibility): Promise<Target> {
  const v = await visit(w, visibility);
  const created = await w.ok<Json>('staffFR', 'POST', `/api/v1/visits/${v.id}/findings`, {
    theme: 'separation_safety',
    severity: 'high',
    text: v.marker,
  });
  return { id: created.id as string, version: created.version as number, marker: v.marker, parentId: v.id };
}

async function situation(w: World, visibility: Visibility): Promise<Target> {
  const v = await visit(w, visibility);
  const created = await w.ok<Json>('staffFR', 'POST', `/api/v1/visits/${v.id}/urgent-situations`, {
    code: `C-${w
      .unique('')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(-8)}`,
    ageBand: '15-17',
    sex: 'female',
    details: 'Identifying details',
  });
  return { id: created.id as string, version: created.version as number, marker: v.marker, parentId: v.id };
}

async function template(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Template');
  const created = await w.ok<Json>('staffFR', 'POST', '/api/v1/checklist-templates', {
    nameFr: marker,
    themes: [{ theme: 'health', titleFr: 'Santé', questions: [{ textFr: 'Examen à l’arrivée ?' }] }],
    visibility,
  });
  return { id: created.id as string, version: created.version as number, marker };
}

async function seededTemplateId(w: World): Promise<string> {
  const page = await w.ok<{ items: Json[] }>('administrator', 'GET', '/api/v1/checklist-templates?pageSize=100');
  const seeded = page.items.find((t) => t.ownerInstitutionId === null);
  if (!seeded) throw new Error('the network’s checklist template is seeded');
  return seeded.id as string;
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
const byParent = (_w: World, t: Target): RequestSpec => ({ params: { id: t.parentId as string } });
const withVersion = (t: Target, body: Json = {}): RequestSpec => ({
  params: { id: t.id },
  body: { ...body, version: t.version },
});
const deleting = (_w: World, t: Target): RequestSpec => ({ params: { id: t.id }, query: { version: t.version } });
const findByMarker = (_w: World, t: Target): RequestSpec => ({ query: { q: t.marker } });
const canEdit = (who: Who) => ownedByFrance.canEdit[who];
/** A part of a visit (its findings, its checklist): read by whoever sees the visit, written by whoever edits it. */
const writesVisit = (ok: number) => gate({ table: ownedByFrance, ok });
const recommendationOwner = (item: Json) => (item.visit as Json).ownerInstitutionId as string | null;

export const monitoringEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/facilities': {
    cases: [
      record('a facility of France', facility, findByMarker, lists(), { list: { exactTotal: true } }),
      unscoped('the whole list', all(200), () => ({ query: { pageSize: 100 } }), { list: {} }),
    ],
  },
  'GET /api/v1/facilities/{id}': {
    cases: [record('a facility of France', facility, byId, sees(ownedByFrance), { canEdit })],
  },
  'POST /api/v1/facilities': {
    cases: [
      unscoped('their own institution’s', addsOwn, (w) => ({
        body: { name: w.unique('New facility'), kind: 'hotspot', countryCode: 'IT' },
      })),
    ],
  },
  'PATCH /api/v1/facilities/{id}': {
    cases: [
      record('a facility of France', facility, (_w, t, who) => withVersion(t, { notes: who }), edits(ownedByFrance)),
    ],
  },
  'DELETE /api/v1/facilities/{id}': {
    cases: [record('a facility of France', facility, deleting, edits(ownedByFrance, 204))],
  },
  'GET /api/v1/visits': {
    cases: [
      record('a visit of France', visit, findByMarker, lists(), { list: { exactTotal: true } }),
      unscoped('the whole list', all(200), () => ({ query: { pageSize: 100 } }), { list: {} }),
    ],
  },
  'GET /api/v1/visits/{id}': {
    cases: [record('a visit of France', visit, byId, sees(ownedByFrance), { canEdit })],
  },
  'POST /api/v1/visits': {
    cases: [
      // The facility named must be visible to the writer: an invisible one is an unknown reference.
      record(
        'at a facility of France',
        facility,
        (_w, t) => ({
          body: {
            facilityId: t.id,
            startsOn: '2018-01-10',
            endsOn: '2018-01-10',
            type: 'ad_hoc',
            announced: false,
            visibility: 'institution',
          },
        }),
        gate({ table: ownedByFrance, ok: 201, may: (who) => addsOwn[who] === 201, invisible: 400, roleFirst: true }),
      ),
    ],
  },
  'PATCH /api/v1/visits/{id}': {
    cases: [record('a visit of France', visit, (_w, t, who) => withVersion(t, { summary: who }), edits(ownedByFrance))],
  },
  'POST /api/v1/visits/{id}/transitions': {
    cases: [
      record(
        'a visit of France started',
        visit,
        (_w, t) => withVersion(t, { to: 'in_progress' }),
        edits(ownedByFrance),
      ),
    ],
  },
  'DELETE /api/v1/visits/{id}': {
    cases: [record('a visit of France', visit, deleting, edits(ownedByFrance, 204))],
  },
  'GET /api/v1/checklist-templates': {
    cases: [
      record('a template of France', template, findByMarker, lists(), { list: { exactTotal: true } }),
      unscoped('the whole list', all(200), () => ({ query: { pageSize: 100 } }), { list: {} }),
    ],
  },
  'GET /api/v1/checklist-templates/{id}': {
    cases: [record('a template of France', template, byId, sees(ownedByFrance), { canEdit })],
  },
  'POST /api/v1/checklist-templates': {
    cases: [
      unscoped('their own institution’s', addsOwn, (w) => ({
        body: {
          nameFr: w.unique('New template'),
          themes: [{ theme: 'other', titleFr: 'Autre', questions: [{ textFr: 'Question ?' }] }],
        },
      })),
    ],
  },
  'PATCH /api/v1/checklist-templates/{id}': {
    cases: [
      record(
        'a template of France',
        template,
        (_w, t, who) => withVersion(t, { descriptionFr: who }),
        edits(ownedByFrance),
      ),
    ],
  },
  'DELETE /api/v1/checklist-templates/{id}': {
    cases: [record('a template of France', template, deleting, edits(ownedByFrance, 204))],
  },
  'GET /api/v1/visits/{id}/checklist': {
    cases: [record('a visit of France', visit, byId, sees(ownedByFrance))],
  },
  'POST /api/v1/visits/{id}/checklist': {
    cases: [
      record(
        'a visit of France',
        visit,
        async (w, t) => withVersion(t, { templateId: await seededTemplateId(w) }),
        writesVisit(200),
      ),
    ],
  },
  'PATCH /api/v1/visits/{id}/checklist': {
    cases: [
      record(
        'a visit of France with its checklist started',
        async (w, visibility) => {
          const t = await visit(w, visibility);
          const started = await w.ok<{ themes: { questions: { id: string }[] }[]; version: number }>(
            'staffFR',
            'POST',
            `/api/v1/visits/${t.id}/checklist`,
            { templateId: await seededTemplateId(w), version: t.version },
          );
          return { ...t, version: started.version, parentId: started.themes[0]?.questions[0]?.id ?? '' };
        },
        (_w, t) => ({
          params: { id: t.id },
          body: { answers: [{ id: t.parentId, answer: 'no', note: 'Seen' }], version: t.version },
        }),
        writesVisit(200),
      ),
    ],
  },
  'GET /api/v1/visits/{id}/findings': {
    cases: [record('a visit of France', finding, byParent, sees(ownedByFrance))],
  },
  'POST /api/v1/visits/{id}/findings': {
    cases: [
      record(
        'a visit of France',
        visit,
        (_w, t) => ({ params: { id: t.id }, body: { theme: 'health', severity: 'low', text: 'Finding' } }),
        writesVisit(201),
      ),
    ],
  },
  'PATCH /api/v1/visits/{id}/findings/{findingId}': {
    cases: [
      record(
        'a finding of a visit of France',
        finding,
        (_w, t, who) => ({
          params: { id: t.parentId as string, findingId: t.id },
          body: { evidence: who, version: t.version },
        }),
        writesVisit(200),
      ),
    ],
  },
  'DELETE /api/v1/visits/{id}/findings/{findingId}': {
    cases: [
      record(
        'a finding of a visit of France',
        finding,
        (_w, t) => ({ params: { id: t.parentId as string, findingId: t.id }, query: { version: t.version } }),
        writesVisit(204),
      ),
    ],
  },
  'GET /api/v1/recommendations': {
    cases: [
      record('a recommendation of a visit of France', recommendation, findByMarker, lists(), {
        list: { exactTotal: true, ownerOf: recommendationOwner },
      }),
      unscoped('the whole tracker', all(200), () => ({ query: { pageSize: 100 } }), {
        list: { ownerOf: recommendationOwner },
      }),
    ],
  },
  'GET /api/v1/recommendations/themes-by-country': {
    cases: [unscoped('the counts of what each person sees', all(200), () => ({ query: { theme: 'health' } }))],
  },
  'GET /api/v1/recommendations/{id}': {
    cases: [record('a recommendation of a visit of France', recommendation, byId, sees(ownedByFrance), { canEdit })],
  },
  'POST /api/v1/recommendations': {
    cases: [
      record(
        'for a visit of France',
        visit,
        (_w, t) => ({
          body: { visitId: t.id, addressee: 'Police', text: 'Recommendation', theme: 'other', issuedOn: '2018-01-01' },
        }),
        gate({ table: ownedByFrance, ok: 201 }),
      ),
    ],
  },
  'PATCH /api/v1/recommendations/{id}': {
    cases: [
      record(
        'a recommendation of a visit of France',
        recommendation,
        (_w, t, who) => withVersion(t, { addressee: who }),
        writesVisit(200),
      ),
    ],
  },
  'DELETE /api/v1/recommendations/{id}': {
    cases: [record('a recommendation of a visit of France', recommendation, deleting, writesVisit(204))],
  },
  'POST /api/v1/recommendations/{id}/follow-ups': {
    cases: [
      record(
        'a recommendation of a visit of France',
        recommendation,
        (_w, t) => withVersion(t, { happenedOn: '2017-05-02', status: 'acknowledged' }),
        writesVisit(201),
      ),
    ],
  },
  'GET /api/v1/visits/{id}/urgent-situations': {
    cases: [record('a visit of France', situation, byParent, (who) => insiderOnly(200)(who))],
  },
  'POST /api/v1/visits/{id}/urgent-situations': {
    cases: [
      record(
        'a visit of France',
        visit,
        (w, t) => ({
          params: { id: t.id },
          body: {
            code: `N-${w
              .unique('')
              .replace(/[^A-Za-z0-9]/g, '')
              .slice(-8)}`,
            ageBand: '6-11',
            sex: 'male',
          },
        }),
        (who) => insiderOnly(201)(who),
      ),
    ],
  },
  'PATCH /api/v1/urgent-situations/{id}': {
    cases: [
      record(
        'a situation of a visit of France',
        situation,
        (_w, t) => withVersion(t, { status: 'referred' }),
        (who) => insiderOnly(200)(who),
      ),
    ],
  },
  'DELETE /api/v1/urgent-situations/{id}': {
    cases: [record('a situation of a visit of France', situation, deleting, (who) => insiderOnly(204)(who))],
  },
  'POST /api/v1/urgent-situations/{id}/reveal': {
    cases: [record('a situation of a visit of France', situation, byId, (who) => insiderOnly(200)(who))],
  },
  'GET /api/v1/visits/{id}/report.pdf': {
    cases: [
      record(
        'a visit of France',
        visit,
        (_w, t) => ({ params: { id: t.id }, query: { lang: 'en' } }),
        sees(ownedByFrance),
      ),
    ],
  },
  'GET /api/v1/visits/{id}/report.docx': {
    cases: [record('a visit of France', visit, byId, sees(ownedByFrance))],
  },
};
