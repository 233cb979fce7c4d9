import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Session, startTestApp, type TestApp } from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import {
  expectedEditStatus,
  matrix,
  ownedByFrance,
  signInEveryone,
  type Who,
} from '../../../../tests/support/policy-matrix.js';
import type { Material } from '../../../shared/contract/awareness.js';
import { type Visibility, visibilities } from '../../../shared/roles.js';
import { type People, signInPeople } from '../plan/plan.fixtures.js';

describe.each(testEngines())('materials on %s', (engine) => {
  let t: TestApp;
  let people: People;

  async function created(session: Session, body: Record<string, unknown>): Promise<Material> {
    const response = await request(t.app, session)('POST', '/api/v1/materials', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  const transition = (session: Session | null, id: string, to: string, version: number) =>
    request(t.app, session)('POST', `/api/v1/materials/${id}/transition`, { to, version });

  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
  });
  afterAll(() => t.close());

  it('adds a draft, moves it through review to approval and withdrawal, keeping who and when', async () => {
    const leaflet = await created(people.staffFR, {
      kind: 'leaflet',
      title: 'Tes droits à la frontière',
      languages: ['fr', 'ar', 'ps'],
      ageMin: 12,
      ageMax: 17,
      visibility: 'public',
    });
    expect(leaflet).toMatchObject({
      approvalStatus: 'draft',
      ownerInstitutionId: people.france,
      version: 1,
      can: { edit: true, transitions: ['in_review'] },
    });
    const skip = await transition(people.staffFR, leaflet.id, 'approved', 1);
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({ code: 'conflict', details: { status: 'draft' } });
    const byMorocco = await transition(people.staffMA, leaflet.id, 'in_review', 1);
    expect(byMorocco.statusCode).toBe(403);
    const review = await transition(people.staffFR, leaflet.id, 'in_review', 1);
    expect(review.json()).toMatchObject({ approvalStatus: 'in_review', version: 2 });
    const stale = await transition(people.contactPointFR, leaflet.id, 'approved', 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const approved = await transition(people.contactPointFR, leaflet.id, 'approved', 2);
    expect(approved.statusCode).toBe(200);
    const approvedMaterial = approved.json() as Material;
    expect(approvedMaterial).toMatchObject({ approvalStatus: 'approved', can: { transitions: ['withdrawn'] } });
    expect(approvedMaterial.statusChangedBy).toBeTruthy();
    expect(approvedMaterial.statusChangedAt).not.toBe(leaflet.statusChangedAt);
    // The public reads approved public materials, without the names of the network's people.
    const publicView = await request(t.app, null)('GET', '/api/v1/materials?status=approved&language=ps');
    expect(publicView.json().items.map((m: Material) => m.id)).toEqual([leaflet.id]);
    expect(publicView.json().items[0]).toMatchObject({ statusChangedBy: null, can: { edit: false, transitions: [] } });
    const withdrawn = await transition(people.staffFR, leaflet.id, 'withdrawn', 3);
    expect(withdrawn.json().approvalStatus).toBe('withdrawn');
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'material')
      .where('entity_id', '=', leaflet.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'status_change', 'status_change', 'status_change']);
  });

  it('validates, edits with the version, filters and refuses to delete a material a session used', async () => {
    const badAges = await request(t.app, people.staffFR)('POST', '/api/v1/materials', {
      kind: 'poster',
      title: 'Affiche',
      ageMin: 15,
      ageMax: 6,
    });
    expect(badAges.statusCode).toBe(400);
    expect(badAges.json().error.details[0]).toMatchObject({ field: 'body.ageMax', issue: 'age_range' });
    const badKind = await request(t.app, people.staffFR)('POST', '/api/v1/materials', { kind: 'book', title: 'X' });
    expect(badKind.json().error.details[0].field).toBe('body.kind');
    const video = await created(people.staffFR, {
      kind: 'video',
      title: 'Qui est le Défenseur des droits ? (vidéo)',
      languages: ['fr'],
      ageMin: 6,
      ageMax: 11,
    });
    const narrowed = await request(t.app, people.staffFR)('PATCH', `/api/v1/materials/${video.id}`, {
      ageMin: 12,
      version: 1,
    });
    expect(narrowed.json().error.details[0]).toMatchObject({ field: 'body.ageMin', issue: 'age_range' });
    const edited = await request(t.app, people.staffFR)('PATCH', `/api/v1/materials/${video.id}`, {
      languages: ['fr', 'es'],
      version: 1,
    });
    expect(edited.json()).toMatchObject({ languages: ['fr', 'es'], ageMin: 6, version: 2 });
    const stale = await request(t.app, people.staffFR)('PATCH', `/api/v1/materials/${video.id}`, {
      title: 'X',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const list = async (query: string) =>
      (await request(t.app, people.staffFR)('GET', `/api/v1/materials?q=vid%C3%A9o${query}`)).json() as {
        total: number;
      };
    expect((await list('')).total).toBe(1);
    expect((await list('&age=8')).total).toBe(1);
    expect((await list('&age=14')).total).toBe(0);
    expect((await list('&language=es&kind=video')).total).toBe(1);
    expect((await list('&language=ar')).total).toBe(0);
    expect((await list(`&institutionId=${people.morocco}`)).total).toBe(0);

    const session = await request(t.app, people.staffFR)('POST', '/api/v1/awareness-sessions', {
      title: 'Projection à l’école',
      setting: 'school',
      channel: 'in_person',
      startsOn: '2018-01-10',
      materialIds: [video.id],
    });
    expect(session.statusCode, session.body).toBe(201);
    expect(session.json().materials).toEqual([{ id: video.id, name: video.title }]);
    expect((await request(t.app, people.staffFR)('GET', `/api/v1/materials/${video.id}`)).json().sessions).toBe(1);
    const inUse = await request(t.app, people.staffFR)('DELETE', `/api/v1/materials/${video.id}?version=2`);
    expect(inUse.statusCode).toBe(409);
    const spare = await created(people.staffFR, { kind: 'audio', title: 'Spot radio' });
    const deleted = await request(t.app, people.staffFR)('DELETE', `/api/v1/materials/${spare.id}?version=1`);
    expect(deleted.statusCode).toBe(204);
    expect((await request(t.app, people.staffFR)('GET', `/api/v1/materials/${spare.id}`)).statusCode).toBe(404);
  });

  it('does not let a session name a material its author cannot see', async () => {
    const secret = await created(people.staffFR, {
      kind: 'poster',
      title: 'Brouillon interne',
      visibility: 'institution',
    });
    const response = await request(t.app, people.staffMA)('POST', '/api/v1/awareness-sessions', {
      title: 'Séance',
      setting: 'school',
      channel: 'posters',
      startsOn: '2018-01-10',
      materialIds: [secret.id],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ field: 'body.materialIds.0', issue: 'unknown_reference' });
  });

  describe('policy table: a material owned by France, of each visibility', () => {
    let sessions: Record<Who, Session | null>;
    const records = {} as Record<Visibility, string>;
    const marker = `Sonde ${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      sessions = await signInEveryone(t);
      for (const visibility of visibilities) {
        const response = await request(t.app, sessions.staffFR)('POST', '/api/v1/materials', {
          kind: 'leaflet',
          title: `${marker} ${visibility}`,
          visibility,
        });
        records[visibility] = response.json().id;
      }
    });

    it.each(matrix)('%s × %s: list, count and detail agree; edit as the policy says', async (who, visibility) => {
      const call = request(t.app, sessions[who]);
      const visible = ownedByFrance.canSee[who].includes(visibility);
      const found = await call('GET', `/api/v1/materials?q=${encodeURIComponent(`${marker} ${visibility}`)}`);
      expect(found.json().total).toBe(visible ? 1 : 0);
      expect((await call('GET', `/api/v1/materials/${records[visibility]}`)).statusCode).toBe(visible ? 200 : 404);
      const { version } = await t.db
        .selectFrom('materials')
        .select('version')
        .where('id', '=', records[visibility])
        .executeTakeFirstOrThrow();
      const edit = await call('PATCH', `/api/v1/materials/${records[visibility]}`, { description: who, version });
      expect(edit.statusCode).toBe(expectedEditStatus(ownedByFrance, who, visibility));
    });
  });
});
