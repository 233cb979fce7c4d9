import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createUser,
  institutionId,
  PASSWORD,
  request,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import {
  expectedEditStatus,
  matrix,
  ownedByNetwork,
  signInEveryone,
  type Who,
} from '../../../../tests/support/policy-matrix.js';
import { type Visibility, visibilities } from '../../../shared/roles.js';

interface Declaration {
  id: string;
  titleEn: string | null;
  titleFr: string;
  adoptedOn: string | null;
  associations: { id: string; code: string }[];
  visibility: string;
  version: number;
  can: { edit: boolean };
}
type Page = { items: Declaration[]; total: number; page: number; pageSize: number };

describe.each(testEngines())('declarations on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  let staff: Session;
  const association: Record<string, string> = {};

  async function list(session: Session | null, query = ''): Promise<Page> {
    const response = await request(t.app, session)('GET', `/api/v1/declarations${query}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  }
  const dates = (page: Page) => page.items.map((d) => d.adoptedOn);

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const c = await createUser(t.db, 'coordinator');
    coordinator = await signIn(t.app, c.email, PASSWORD);
    const s = await createUser(t.db, 'contact_point', { institutionId: await institutionId(t.db, 'FR') });
    staff = await signIn(t.app, s.email, PASSWORD);
    for (const a of await t.db.selectFrom('associations').select(['id', 'code']).execute()) association[a.code] = a.id;
  });
  afterAll(() => t.close());

  it('lists the declarations publicly by adoption date, with signatories, filters and paging', async () => {
    const all = await list(null);
    expect(all).toMatchObject({ total: 4, page: 1, pageSize: 25 });
    expect(dates(all)).toEqual(['2007-11-10', '2012-10-23', '2016-03-10', '2016-09-08']);
    const tirana = all.items[3] as Declaration;
    expect(tirana.titleEn).toBe('Tirana Declaration');
    expect(tirana.associations.map((a) => a.code)).toEqual(['AOM', 'AOMF', 'FIO', 'IOI']);
    expect(tirana.can.edit).toBe(false);

    expect(dates(await list(null, '?order=desc'))).toEqual(['2016-09-08', '2016-03-10', '2012-10-23', '2007-11-10']);
    const aomf = await list(null, '?association=AOMF');
    expect(aomf.total).toBe(2);
    expect(dates(aomf)).toEqual(['2012-10-23', '2016-09-08']);
    expect((await list(null, '?association=NONE')).total).toBe(0);
    expect((await list(null, '?q=malta')).items.map((d) => d.titleFr)).toEqual(['Déclaration de Malte']);
    expect((await list(null, '?q=déclaration')).total).toBe(3);
    const byTitle = await list(null, '?sort=title');
    expect(byTitle.items.map((d) => d.titleFr)).toEqual([
      'Déclaration de Malte',
      'Déclaration de Rabat',
      'Déclaration de Tirana',
      'Résolution de l’AOMF sur les droits de l’enfant',
    ]);
    const page = await list(null, '?pageSize=3&page=2');
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(dates(page)).toEqual(['2016-09-08']);
    const bad = await request(t.app, null)('GET', '/api/v1/declarations?sort=signatories&year=2016');
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['query.sort', 'query.year']));
  });

  it('lets coordinators add a declaration; its visibility holds in list, count and detail', async () => {
    const byStaff = await request(t.app, staff)('POST', '/api/v1/declarations', { titleFr: 'X' });
    expect(byStaff.statusCode).toBe(403);
    const created = await request(t.app, coordinator)('POST', '/api/v1/declarations', {
      titleFr: 'Note de travail du groupe',
      place: 'Rabat',
      associationIds: [association.AOMF, association.AOM, association.AOM],
      visibility: 'group',
    });
    expect(created.statusCode).toBe(201);
    const note = created.json() as Declaration;
    expect(note).toMatchObject({ adoptedOn: null, visibility: 'group', version: 1, can: { edit: true } });
    expect(note.associations.map((a) => a.code)).toEqual(['AOM', 'AOMF']);

    const publicView = await list(null);
    expect(publicView.total).toBe(4);
    expect((await request(t.app, null)('GET', `/api/v1/declarations/${note.id}`)).statusCode).toBe(404);
    const groupView = await list(staff);
    expect(groupView.total).toBe(5);
    expect(groupView.items.at(-1)?.id).toBe(note.id); // undated: last
    expect((await list(staff, '?order=desc')).items.at(-1)?.id).toBe(note.id); // undated: last either way
    const one = await request(t.app, staff)('GET', `/api/v1/declarations/${note.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().can.edit).toBe(false);

    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'declaration')
      .where('entity_id', '=', note.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses unknown associations, unknown fields and bad values with 400, changing nothing', async () => {
    const unknown = await request(t.app, admin)('POST', '/api/v1/declarations', {
      titleFr: 'X',
      associationIds: [association.AOM, randomUUID()],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.associationIds', issue: 'unknown_reference' }),
    ]);
    const bad = await request(t.app, admin)('POST', '/api/v1/declarations', {
      titleFr: '',
      adoptedOn: '10/11/2007',
      link: 'javascript:alert(1)',
      signatories: [],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.titleFr', 'body.adoptedOn', 'body.link', 'body.signatories']));
    expect((await list(admin)).total).toBe(5);
  });

  it('edits with the version: stale → 409; signatories replaced only when sent', async () => {
    const malta = (await list(null, '?q=malta')).items[0] as Declaration;
    const edited = await request(t.app, coordinator)('PATCH', `/api/v1/declarations/${malta.id}`, {
      place: 'Valletta',
      version: malta.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ place: 'Valletta', visibility: 'public', version: malta.version + 1 });
    expect(edited.json().associations.map((a: { code: string }) => a.code)).toEqual(['AOM']);

    const signatories = await request(t.app, admin)('PATCH', `/api/v1/declarations/${malta.id}`, {
      associationIds: [association.AOM, association.IOI],
      version: malta.version + 1,
    });
    expect(signatories.statusCode).toBe(200);
    expect(signatories.json().associations.map((a: { code: string }) => a.code)).toEqual(['AOM', 'IOI']);

    const stale = await request(t.app, coordinator)('PATCH', `/api/v1/declarations/${malta.id}`, {
      titleEn: 'Stale',
      version: malta.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.version).toBe(malta.version + 2);
    const byStaff = await request(t.app, staff)('PATCH', `/api/v1/declarations/${malta.id}`, {
      titleEn: 'Mine',
      version: malta.version + 2,
    });
    expect(byStaff.statusCode).toBe(403);
    const unknownRef = await request(t.app, admin)('PATCH', `/api/v1/declarations/${malta.id}`, {
      associationIds: [randomUUID()],
      version: malta.version + 2,
    });
    expect(unknownRef.statusCode).toBe(400);

    const audit = await t.db
      .selectFrom('audit_events')
      .select('changes')
      .where('entity', '=', 'declaration')
      .where('entity_id', '=', malta.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => Object.keys(JSON.parse(a.changes)))).toEqual([['place'], ['associations']]);
  });

  it('deletes with the version', async () => {
    const note = (await list(admin, '?q=note de travail')).items[0] as Declaration;
    const byStaff = await request(t.app, staff)('DELETE', `/api/v1/declarations/${note.id}?version=${note.version}`);
    expect(byStaff.statusCode).toBe(403);
    const stale = await request(t.app, admin)('DELETE', `/api/v1/declarations/${note.id}?version=${note.version + 1}`);
    expect(stale.statusCode).toBe(409);
    const deleted = await request(t.app, admin)('DELETE', `/api/v1/declarations/${note.id}?version=${note.version}`);
    expect(deleted.statusCode).toBe(204);
    expect((await request(t.app, admin)('GET', `/api/v1/declarations/${note.id}`)).statusCode).toBe(404);
    const signatories = await t.db
      .selectFrom('declaration_signatories')
      .select('association_id')
      .where('declaration_id', '=', note.id)
      .execute();
    expect(signatories).toEqual([]);
    expect((await request(t.app, admin)('DELETE', `/api/v1/declarations/${randomUUID()}?version=1`)).statusCode).toBe(
      404,
    );
  });

  describe('policy table: network declarations of each visibility', () => {
    let sessions: Record<Who, Session | null>;
    const records = {} as Record<Visibility, string>;
    const marker = `Probe ${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      sessions = await signInEveryone(t);
      for (const visibility of visibilities) {
        const created = await request(t.app, sessions.coordinator)('POST', '/api/v1/declarations', {
          titleFr: `${marker} ${visibility}`,
          visibility,
        });
        expect(created.statusCode).toBe(201);
        records[visibility] = created.json().id;
      }
    });

    it.each(matrix)('%s × %s: list, count and detail agree; edit as the policy says', async (who, visibility) => {
      const call = request(t.app, sessions[who]);
      const visible = ownedByNetwork.canSee[who].includes(visibility);
      const found = await call('GET', `/api/v1/declarations?q=${encodeURIComponent(`${marker} ${visibility}`)}`);
      expect(found.json().total).toBe(visible ? 1 : 0);
      expect(found.json().items.map((d: Declaration) => d.id)).toEqual(visible ? [records[visibility]] : []);
      const detail = await call('GET', `/api/v1/declarations/${records[visibility]}`);
      expect(detail.statusCode).toBe(visible ? 200 : 404);
      if (visible) expect(detail.json().can.edit).toBe(ownedByNetwork.canEdit[who]);
      const { version } = await t.db
        .selectFrom('declarations')
        .select('version')
        .where('id', '=', records[visibility])
        .executeTakeFirstOrThrow();
      const edit = await call('PATCH', `/api/v1/declarations/${records[visibility]}`, { place: who, version });
      expect(edit.statusCode).toBe(expectedEditStatus(ownedByNetwork, who, visibility));
    });
  });
});
