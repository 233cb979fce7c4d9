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
  ownedByFrance,
  signInEveryone,
  type Who,
} from '../../../../tests/support/policy-matrix.js';
import { type Visibility, visibilities } from '../../../shared/roles.js';

interface Partner {
  id: string;
  nameFr: string;
  acronymEn: string | null;
  kind: string;
  countryCode: string | null;
  ownerInstitutionId: string | null;
  visibility: string;
  version: number;
  can: { edit: boolean };
}
type Page = { items: Partner[]; total: number; page: number; pageSize: number };

describe.each(testEngines())('partners on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  let franceStaff: Session;
  let moroccoStaff: Session;
  let france: string;
  let morocco: string;

  async function list(session: Session | null, query = ''): Promise<Page> {
    const response = await request(t.app, session)('GET', `/api/v1/partners${query}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  }
  const acronyms = (page: Page) => page.items.map((p) => p.acronymEn);

  beforeAll(async () => {
    t = await startTestApp(engine);
    france = await institutionId(t.db, 'FR');
    morocco = await institutionId(t.db, 'MA');
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const c = await createUser(t.db, 'coordinator');
    coordinator = await signIn(t.app, c.email, PASSWORD);
    const fr = await createUser(t.db, 'staff', { institutionId: france });
    franceStaff = await signIn(t.app, fr.email, PASSWORD);
    const ma = await createUser(t.db, 'staff', { institutionId: morocco });
    moroccoStaff = await signIn(t.app, ma.email, PASSWORD);
  });
  afterAll(() => t.close());

  it('lists the public partners to everyone, with filters, sorting and paging', async () => {
    const all = await list(null);
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 25 });
    expect(acronyms(all)).toEqual(['UNICEF', 'UNHCR', 'IOM']); // by French name: Fonds, Haut-Commissariat, Organisation
    expect(all.items.every((p) => p.can.edit === false)).toBe(true);
    expect(acronyms(await list(null, '?order=desc'))).toEqual(['IOM', 'UNHCR', 'UNICEF']);
    expect(acronyms(await list(null, '?q=hcr'))).toEqual(['UNHCR']);
    expect((await list(null, '?kind=civil_society')).total).toBe(0);
    expect((await list(null, '?kind=international_organisation')).total).toBe(3);
    const second = await list(null, '?pageSize=2&page=2');
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(acronyms(second)).toEqual(['IOM']);
    const bad = await request(t.app, null)('GET', '/api/v1/partners?country=fr&kind=ngo');
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['query.country', 'query.kind']));
  });

  it('keeps an institution-only partner of France from Morocco’s staff (list, count, detail), not from France’s', async () => {
    const created = await request(t.app, franceStaff)('POST', '/api/v1/partners', {
      nameFr: 'Fondation pour l’enfance (Paris)',
      kind: 'civil_society',
      countryCode: 'FR',
      visibility: 'institution',
    });
    expect(created.statusCode).toBe(201);
    const partner = created.json() as Partner;
    expect(partner).toMatchObject({ ownerInstitutionId: france, visibility: 'institution', can: { edit: true } });

    const forFrance = await list(franceStaff);
    expect(forFrance.total).toBe(4);
    expect(forFrance.items.map((p) => p.id)).toContain(partner.id);
    expect((await request(t.app, franceStaff)('GET', `/api/v1/partners/${partner.id}`)).statusCode).toBe(200);

    for (const outsider of [moroccoStaff, null]) {
      const seen = await list(outsider);
      expect(seen.total).toBe(3);
      expect(seen.items.map((p) => p.id)).not.toContain(partner.id);
      expect((await list(outsider, '?country=FR')).total).toBe(0);
      expect((await request(t.app, outsider)('GET', `/api/v1/partners/${partner.id}`)).statusCode).toBe(404);
    }
    const notMine = await request(t.app, moroccoStaff)('PATCH', `/api/v1/partners/${partner.id}`, {
      notes: 'x',
      version: partner.version,
    });
    expect(notMine.statusCode).toBe(404);
    // The administrator sees everything; the coordinator not another institution's institution-only record.
    expect((await list(admin)).total).toBe(4);
    expect((await list(coordinator)).total).toBe(3);

    // Partners without a country come last in either order, on both engines.
    const countries = async (order: string) =>
      (await list(franceStaff, `?sort=country&order=${order}`)).items.map((p) => p.countryCode);
    expect(await countries('asc')).toEqual(['FR', null, null, null]);
    expect(await countries('desc')).toEqual(['FR', null, null, null]);
    expect((await list(franceStaff, '?sort=kind&order=desc')).items[0]?.kind).toBe('international_organisation');
    expect((await list(franceStaff, '?sort=updatedAt&order=desc')).items[0]?.id).toBe(partner.id);
  });

  it('decides the owner: the creator’s institution by default, the network for coordinators, checked either way', async () => {
    const byCoordinator = await request(t.app, coordinator)('POST', '/api/v1/partners', {
      nameFr: 'Organisation de la Francophonie',
      acronymFr: 'OIF',
      kind: 'international_organisation',
    });
    expect(byCoordinator.statusCode).toBe(201);
    expect(byCoordinator.json()).toMatchObject({ ownerInstitutionId: null, visibility: 'group' });

    const networkByStaff = await request(t.app, franceStaff)('POST', '/api/v1/partners', {
      nameFr: 'X',
      kind: 'other',
      ownerInstitutionId: null,
    });
    expect(networkByStaff.statusCode).toBe(403);
    const otherInstitution = await request(t.app, franceStaff)('POST', '/api/v1/partners', {
      nameFr: 'X',
      kind: 'other',
      ownerInstitutionId: morocco,
    });
    expect(otherInstitution.statusCode).toBe(403);
    const forMoroccoByCoordinator = await request(t.app, coordinator)('POST', '/api/v1/partners', {
      nameFr: 'X',
      kind: 'other',
      ownerInstitutionId: morocco,
    });
    expect(forMoroccoByCoordinator.statusCode).toBe(403);
    const forMoroccoByAdmin = await request(t.app, admin)('POST', '/api/v1/partners', {
      nameFr: 'Plate-forme Mineurs en exil',
      kind: 'civil_society',
      countryCode: 'BE',
      ownerInstitutionId: morocco,
    });
    expect(forMoroccoByAdmin.statusCode).toBe(201);
    expect(forMoroccoByAdmin.json().ownerInstitutionId).toBe(morocco);

    const unknown = await request(t.app, admin)('POST', '/api/v1/partners', {
      nameFr: 'X',
      kind: 'other',
      ownerInstitutionId: randomUUID(),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.ownerInstitutionId', issue: 'unknown_reference' }),
    ]);
    const unknownField = await request(t.app, admin)('POST', '/api/v1/partners', {
      nameFr: 'X',
      kind: 'other',
      budget: 3,
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.budget', issue: 'unrecognized_key' }),
    ]);
    const anonymous = await request(t.app, null)('POST', '/api/v1/partners', { nameFr: 'X', kind: 'other' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('edits with the version (stale → 409), keeps fields not sent, audits the change', async () => {
    const unhcr = (await list(null, '?q=unhcr')).items[0] as Partner;
    const byStaff = await request(t.app, franceStaff)('PATCH', `/api/v1/partners/${unhcr.id}`, {
      website: 'https://www.unhcr.org',
      version: unhcr.version,
    });
    expect(byStaff.statusCode).toBe(403);
    const edited = await request(t.app, coordinator)('PATCH', `/api/v1/partners/${unhcr.id}`, {
      website: 'https://www.unhcr.org',
      version: unhcr.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      website: 'https://www.unhcr.org',
      visibility: 'public',
      kind: 'international_organisation',
      version: unhcr.version + 1,
    });
    const stale = await request(t.app, admin)('PATCH', `/api/v1/partners/${unhcr.id}`, {
      notes: 'stale',
      version: unhcr.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'version_conflict',
      details: { current: { website: 'https://www.unhcr.org' } },
    });
    const unknown = await request(t.app, admin)('PATCH', `/api/v1/partners/${unhcr.id}`, {
      colour: 'blue',
      version: unhcr.version + 1,
    });
    expect(unknown.statusCode).toBe(400);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('changes')
      .where('entity', '=', 'partner')
      .where('entity_id', '=', unhcr.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(Object.keys(JSON.parse(audit[0]?.changes ?? '{}'))).toEqual(['website']);
    const giveAway = await request(t.app, coordinator)('PATCH', `/api/v1/partners/${unhcr.id}`, {
      ownerInstitutionId: morocco,
      version: unhcr.version + 1,
    });
    expect(giveAway.statusCode).toBe(403);
  });

  it('deletes with the version; refuses while a user signs in as the partner (409 in_use)', async () => {
    const iom = (await list(null, '?q=iom')).items[0] as Partner;
    await createUser(t.db, 'partner', { partnerId: iom.id });
    const inUse = await request(t.app, admin)('DELETE', `/api/v1/partners/${iom.id}?version=${iom.version}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error).toMatchObject({ code: 'conflict', details: { reason: 'in_use' } });

    const created = await request(t.app, franceStaff)('POST', '/api/v1/partners', {
      nameFr: 'Éphémère',
      kind: 'academic',
    });
    const partner = created.json() as Partner;
    const byMorocco = await request(t.app, moroccoStaff)('DELETE', `/api/v1/partners/${partner.id}?version=1`);
    expect(byMorocco.statusCode).toBe(403); // group-visible, so Morocco sees it but may not delete it
    const stale = await request(t.app, franceStaff)('DELETE', `/api/v1/partners/${partner.id}?version=7`);
    expect(stale.statusCode).toBe(409);
    const noVersion = await request(t.app, franceStaff)('DELETE', `/api/v1/partners/${partner.id}`);
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().error.details[0].field).toBe('query.version');
    const deleted = await request(t.app, franceStaff)('DELETE', `/api/v1/partners/${partner.id}?version=1`);
    expect(deleted.statusCode).toBe(204);
    expect((await request(t.app, franceStaff)('GET', `/api/v1/partners/${partner.id}`)).statusCode).toBe(404);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'partner')
      .where('entity_id', '=', partner.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });

  describe('policy table: a partner owned by France, of each visibility', () => {
    let sessions: Record<Who, Session | null>;
    const records = {} as Record<Visibility, string>;
    const marker = `Probe ${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      sessions = await signInEveryone(t);
      for (const visibility of visibilities) {
        const created = await request(t.app, sessions.staffFR)('POST', '/api/v1/partners', {
          nameFr: `${marker} ${visibility}`,
          kind: 'civil_society',
          visibility,
        });
        expect(created.json()).toMatchObject({ ownerInstitutionId: france, visibility });
        records[visibility] = created.json().id;
      }
    });

    it.each(matrix)('%s × %s: list, count and detail agree; edit as the policy says', async (who, visibility) => {
      const call = request(t.app, sessions[who]);
      const visible = ownedByFrance.canSee[who].includes(visibility);
      const found = await call('GET', `/api/v1/partners?q=${encodeURIComponent(`${marker} ${visibility}`)}`);
      expect(found.json().total).toBe(visible ? 1 : 0);
      expect(found.json().items.map((p: Partner) => p.id)).toEqual(visible ? [records[visibility]] : []);
      const detail = await call('GET', `/api/v1/partners/${records[visibility]}`);
      expect(detail.statusCode).toBe(visible ? 200 : 404);
      if (visible) expect(detail.json().can.edit).toBe(ownedByFrance.canEdit[who]);
      const { version } = await t.db
        .selectFrom('partners')
        .select('version')
        .where('id', '=', records[visibility])
        .executeTakeFirstOrThrow();
      const edit = await call('PATCH', `/api/v1/partners/${records[visibility]}`, { notes: who, version });
      expect(edit.statusCode).toBe(expectedEditStatus(ownedByFrance, who, visibility));
    });
  });
});
