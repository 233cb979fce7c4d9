import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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

interface ChildPage {
  language: string;
  status: string;
  version: number;
  dir: string;
  publicUrl: string;
  previewUrl: string;
  reviewedBy: string | null;
  publishedBy: string | null;
  content: Record<string, unknown> & { institutionName: string; labels: Record<string, string> };
  can: { edit: boolean };
}

const KB = 1024;

describe.each(testEngines())('public site for children on %s', (engine) => {
  let t: TestApp;
  let franceStaff: Session;
  let moroccoStaff: Session;
  let france: string;
  let morocco: string;

  const api = (session: Session | null) => request(t.app, session);
  const page = (url: string, cookie?: string) =>
    t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  async function defaults(institution: string, lang: string, session = franceStaff) {
    const response = await api(session)('GET', `/api/v1/institutions/${institution}/child-pages/${lang}/defaults`);
    expect(response.statusCode).toBe(200);
    return response.json() as { textLanguage: string; content: ChildPage['content'] };
  }

  async function create(
    institution: string,
    lang: string,
    change: Record<string, unknown> = {},
    session = franceStaff,
  ) {
    const { content } = await defaults(institution, lang, session);
    const response = await api(session)('PUT', `/api/v1/institutions/${institution}/child-pages/${lang}`, {
      ...content,
      phone: '+33 9 69 39 00 00',
      email: 'enfants@example.org',
      hours: '9:00–18:00',
      complaintFormUrl: 'https://example.org/saisir',
      emergencyNumbers: [{ label: 'Enfance en danger', number: '119' }],
      ...change,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ChildPage;
  }

  async function setStatus(institution: string, lang: string, status: string, version: number, session = franceStaff) {
    return api(session)('POST', `/api/v1/institutions/${institution}/child-pages/${lang}/status`, { status, version });
  }

  async function publish(institution: string, lang: string, version: number, session = franceStaff) {
    const reviewed = await setStatus(institution, lang, 'reviewed', version, session);
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const published = await setStatus(institution, lang, 'published', (reviewed.json() as ChildPage).version, session);
    expect(published.statusCode, published.body).toBe(200);
    return published.json() as ChildPage;
  }

  beforeAll(async () => {
    t = await startTestApp(engine, { VIGIE_PUBLIC_URL: 'https://vigie.example.org' });
    france = await institutionId(t.db, 'FR');
    morocco = await institutionId(t.db, 'MA');
    const fr = await createUser(t.db, 'staff', { institutionId: france });
    franceStaff = await signIn(t.app, fr.email, PASSWORD);
    const ma = await createUser(t.db, 'staff', { institutionId: morocco });
    moroccoStaff = await signIn(t.app, ma.email, PASSWORD);
  });
  afterAll(() => t.close());

  it('starts a page from the shipped wording, as a draft that the public cannot see', async () => {
    const d = await defaults(france, 'fr');
    expect(d.textLanguage).toBe('fr');
    expect(d.content.promise).toContain('gratuit');
    expect((await defaults(france, 'ti')).textLanguage).toBe('en');

    const created = await create(france, 'fr');
    expect(created).toMatchObject({ language: 'fr', status: 'draft', version: 1, dir: 'ltr', can: { edit: true } });
    expect(created.publicUrl).toBe('https://vigie.example.org/fr/fr');
    expect((await page('/fr/fr')).statusCode).toBe(404);
    expect((await page('/fr/')).body).not.toContain('/fr/fr"');

    const list = await api(franceStaff)('GET', `/api/v1/institutions/${france}/child-pages?status=draft`);
    expect(list.json()).toMatchObject({ total: 1, items: [{ language: 'fr', status: 'draft' }] });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['entity', 'action'])
      .where('entity', 'in', ['child_page', 'child_site_address'])
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { entity: 'child_site_address', action: 'create' },
        { entity: 'child_page', action: 'create' },
      ]),
    );
  });

  it('lets only the institution’s writers manage its pages', async () => {
    const url = `/api/v1/institutions/${france}/child-pages`;
    expect((await api(null)('GET', url)).statusCode).toBe(401);
    expect((await api(moroccoStaff)('GET', url)).statusCode).toBe(403);
    expect((await api(moroccoStaff)('GET', `${url}/fr`)).statusCode).toBe(403);
    const { content } = await defaults(morocco, 'ar', moroccoStaff);
    expect((await api(moroccoStaff)('PUT', `${url}/ar`, content)).statusCode).toBe(403);
    expect((await api(franceStaff)('GET', `/api/v1/institutions/${randomUUID()}/child-pages`)).statusCode).toBe(404);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await t.db.selectFrom('child_page_contents').select('id').execute();
    const { content } = await defaults(france, 'es');
    const bad = await api(franceStaff)('PUT', `/api/v1/institutions/${france}/child-pages/es`, {
      ...content,
      complaintFormUrl: 'javascript:alert(1)',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('complaintFormUrl');
    const unknownLanguage = await api(franceStaff)('PUT', `/api/v1/institutions/${france}/child-pages/xx`, content);
    expect(unknownLanguage.statusCode).toBe(400);
    const extra = await api(franceStaff)('PUT', `/api/v1/institutions/${france}/child-pages/es`, {
      ...content,
      colour: 'red',
    });
    expect(extra.statusCode).toBe(400);
    expect(await t.db.selectFrom('child_page_contents').select('id').execute()).toHaveLength(before.length);
    const twice = await api(franceStaff)('PUT', `/api/v1/institutions/${france}/child-pages/fr`, content);
    expect(twice.statusCode).toBe(409);
  });

  it('moves a translation draft → reviewed → published, refuses shortcuts and stale versions', async () => {
    const current = (
      await api(franceStaff)('GET', `/api/v1/institutions/${france}/child-pages/fr`)
    ).json() as ChildPage;
    const shortcut = await setStatus(france, 'fr', 'published', current.version);
    expect(shortcut.statusCode).toBe(409);
    expect(shortcut.json().error.code).toBe('invalid_status_transition');
    const stale = await setStatus(france, 'fr', 'reviewed', current.version + 5);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');

    const reviewed = (await setStatus(france, 'fr', 'reviewed', current.version)).json() as ChildPage;
    expect(reviewed.status).toBe('reviewed');
    expect(reviewed.reviewedBy).not.toBeNull();
    // A reviewed text that is edited is no longer what was reviewed.
    const edited = await api(franceStaff)('PUT', `/api/v1/institutions/${france}/child-pages/fr`, {
      ...reviewed.content,
      hours: 'Du lundi au vendredi',
      version: reviewed.version,
    });
    expect(edited.json()).toMatchObject({
      status: 'draft',
      reviewedBy: null,
      content: { hours: 'Du lundi au vendredi' },
    });
    const lost = await api(franceStaff)('PUT', `/api/v1/institutions/${france}/child-pages/fr`, {
      ...reviewed.content,
      version: reviewed.version,
    });
    expect(lost.statusCode).toBe(409);

    const published = await publish(france, 'fr', (edited.json() as ChildPage).version);
    expect(published).toMatchObject({ status: 'published' });
    expect(published.publishedBy).not.toBeNull();
  });

  it('serves the published page whole, without JavaScript, under 100 KB with its stylesheet', async () => {
    const response = await page('/fr/fr');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const body = response.body;
    expect(body).toMatch(/^<!doctype html>\n<html lang="fr" dir="ltr">/);
    for (const text of [
      'Défenseur des droits',
      'Qui sommes-nous ?',
      'Gratuit, indépendant, confidentiel',
      'Qui peut demander de l’aide ?',
      'href="tel:+33969390000"',
      'href="mailto:enfants@example.org"',
      'Du lundi au vendredi',
      'href="https://example.org/saisir"',
      'Et après ?',
      'Tu as le droit d’aller à l’école.',
      'En cas d’urgence',
      'href="tel:119"',
      'Ce que nous faisons de ce que tu nous dis',
    ]) {
      expect(body).toContain(text);
    }
    expect(body).not.toMatch(/<script|<iframe|<img|@import|\sstyle=/i);
    // Every resource the page loads is on this origin: the stylesheet, nothing else.
    const loaded = [...body.matchAll(/<(?:link|script|img|source|iframe)[^>]*(?:href|src)="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(loaded).toEqual([expect.stringMatching(/^\/children\.css\?v=/)]);
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    const css = await page(loaded[0] as string);
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
    expect(Buffer.byteLength(body) + Buffer.byteLength(css.body)).toBeLessThan(100 * KB);

    const etag = response.headers.etag as string;
    const again = await t.app.inject({ method: 'GET', url: '/fr/fr', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect((await page('/fr/')).body).toContain('<a href="/fr/fr">Défenseur des droits</a>');
    expect((await page('/fr')).headers.location).toBe('/fr/');
  });

  it('renders Arabic right to left, and links the languages the page is published in', async () => {
    const ar = await create(france, 'ar');
    await publish(france, 'ar', ar.version);
    const response = await page('/ar/fr');
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(response.body).toContain('من يستطيع طلب المساعدة؟');
    expect(response.body).toContain('<a href="/fr/fr" hreflang="fr" lang="fr" dir="ltr">Français</a>');
    expect(response.body).toContain('aria-current="page">العربية</a>');
    expect(Buffer.byteLength(response.body)).toBeLessThan(90 * KB);
    for (const lang of ['en', 'es']) {
      const created = await create(france, lang);
      await publish(france, lang, created.version);
      const other = await page(`/${lang}/fr`);
      expect(other.statusCode).toBe(200);
      expect(other.body).toContain(`<html lang="${lang}" dir="ltr">`);
    }
    expect((await page('/en/fr')).body).toContain('Who can ask for help?');
    expect((await page('/es/fr')).body).toContain('¿Quién puede pedir ayuda?');
  });

  it('shows a draft to the institution’s staff as a preview, and to no one else', async () => {
    await create(france, 'ps', { institutionName: 'د حقونو مدافع' });
    expect((await page('/ps/fr')).statusCode).toBe(404);
    expect((await page('/ps/fr?preview=1')).statusCode).toBe(404);
    expect((await page('/ps/fr?preview=1', moroccoStaff.cookie)).statusCode).toBe(404);
    const preview = await page('/ps/fr?preview=1', franceStaff.cookie);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['cache-control']).toBe('no-store');
    expect(preview.body).toContain('<html lang="ps" dir="rtl">');
    expect(preview.body).toContain('د حقونو مدافع');
    expect(preview.body).toContain('name="robots" content="noindex"');
    expect(preview.body).toContain('class="notice"');
  });

  it('escapes what institutions write: a name with markup is text', async () => {
    const so = await create(france, 'so', {
      institutionName: '<script>alert("x")</script>',
      rights: [{ topic: 'other', text: '<img src=x onerror=alert(1)>' }],
    });
    await publish(france, 'so', so.version);
    const body = (await page('/so/fr')).body;
    expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).not.toContain('<script>');
    expect((await page('/so/')).body).toContain('&lt;script&gt;');
  });

  it('takes a page off the site when it goes back to draft', async () => {
    const current = (
      await api(franceStaff)('GET', `/api/v1/institutions/${france}/child-pages/es`)
    ).json() as ChildPage;
    expect((await setStatus(france, 'es', 'draft', current.version)).statusCode).toBe(200);
    const gone = await page('/es/fr');
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['cache-control']).toBe('no-store');
    expect(gone.body).toContain('<html lang="es" dir="ltr">');
    expect(gone.body).toContain('Página no encontrada');
    expect((await page('/es/')).body).not.toContain('href="/es/fr"');
    expect((await page('/fr/')).body).not.toContain('href="/es/"');
  });

  it('answers 404 for unknown institutions and leaves other paths to the web app', async () => {
    expect((await page('/fr/nowhere')).statusCode).toBe(404);
    expect((await page('/fr/%3Cscript%3E')).statusCode).toBe(404);
    // Not a page language: the web app's business (here, without a built web app, the JSON 404).
    const notOurs = await page('/network/partners');
    expect(notOurs.statusCode).toBe(404);
    expect(notOurs.json().error.code).toBe('route_not_found');
    expect((await page('/api/nothing')).json().error.code).toBe('route_not_found');
  });

  it('does not show a published page of an institution whose record is not public', async () => {
    const created = await create(morocco, 'fr', {}, moroccoStaff);
    await publish(morocco, 'fr', created.version, moroccoStaff);
    expect((await page('/fr/ma')).statusCode).toBe(200);
    await t.db.updateTable('institutions').set({ visibility: 'group' }).where('id', '=', morocco).execute();
    expect((await page('/fr/ma')).statusCode).toBe(404);
    expect((await page('/fr/')).body).not.toContain('/fr/ma');
    await t.db.updateTable('institutions').set({ visibility: 'public' }).where('id', '=', morocco).execute();
  });

  it('lists public statements and visit reports, and nothing else', async () => {
    const now = new Date().toISOString();
    const statement = (title: string, visibility: string) => ({
      id: randomUUID(),
      kind: 'statement',
      axis: 2,
      title,
      all_day: 1,
      starts_local: '2017-06-20',
      ends_local: '2017-06-20',
      time_zone: 'Europe/Paris',
      starts_utc: '2017-06-19T22:00:00.000Z',
      ends_utc: '2017-06-20T22:00:00.000Z',
      city: null,
      country_code: 'FR',
      online: 0,
      body_id: null,
      cadence_months: null,
      details: JSON.stringify({
        statementType: 'opinion',
        addressee: 'Ministère de l’Intérieur',
        textHtml: '<p>x</p>',
      }),
      notes: 'Note interne',
      owner_institution_id: france,
      visibility,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await t.db
      .insertInto('activities')
      .values([
        statement('Avis public sur la rétention des enfants', 'public'),
        statement('Avis réservé au groupe', 'group'),
        statement('Avis interne', 'institution'),
        statement('Avis pour les partenaires', 'partners'),
      ])
      .execute();
    const facility = (name: string, visibility: string) => ({
      id: randomUUID(),
      name,
      kind: 'detention_centre',
      country_code: 'FR',
      region: null,
      city: null,
      latitude: null,
      longitude: null,
      operating_authority: null,
      capacity: null,
      holds_children: 1,
      is_open: 1,
      notes: null,
      owner_institution_id: france,
      visibility,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    const publicPlace = facility('Centre public du Mesnil', 'public');
    const hiddenPlace = facility('Lieu confidentiel', 'institution');
    await t.db.insertInto('facilities').values([publicPlace, hiddenPlace]).execute();
    const visit = (facilityId: string, summary: string, visibility: string, status: string) => ({
      id: randomUUID(),
      facility_id: facilityId,
      starts_on: '2018-03-01',
      ends_on: '2018-03-01',
      type: 'in_depth',
      announced: 0,
      status,
      status_changed_at: now,
      status_changed_by: null,
      objectives: null,
      summary,
      population_total: null,
      population_children: null,
      population_unaccompanied: null,
      population_girls: null,
      population_age_0_5: null,
      population_age_6_11: null,
      population_age_12_14: null,
      population_age_15_17: null,
      checklist_template_id: null,
      checklist_started_at: null,
      owner_institution_id: france,
      visibility,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await t.db
      .insertInto('visits')
      .values([
        visit(publicPlace.id, 'Rapport public de visite', 'public', 'published'),
        visit(hiddenPlace.id, 'Rapport public, lieu non public', 'public', 'published'),
        visit(publicPlace.id, 'Rapport du groupe', 'group', 'published'),
        visit(publicPlace.id, 'Rapport en préparation', 'public', 'report_drafted'),
      ])
      .execute();
    const body = (await page('/fr/published')).body;
    expect(body).toContain('Avis public sur la rétention des enfants');
    expect(body).toContain('Ministère de l’Intérieur');
    expect(body).toContain('Rapport public de visite');
    expect(body).toContain('Centre public du Mesnil');
    expect(body).toContain('Rapport public, lieu non public');
    for (const hidden of [
      'Avis réservé au groupe',
      'Avis interne',
      'Avis pour les partenaires',
      'Note interne',
      'Lieu confidentiel',
      'Rapport du groupe',
      'Rapport en préparation',
    ]) {
      expect(body).not.toContain(hidden);
    }
  });
});
