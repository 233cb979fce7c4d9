import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
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

const PUBLIC_URL = 'https://vigie.example.org';

function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

// Decoding the QR code needs zbarimg (zbar-tools) and pdftoppm (poppler-utils). CI installs them; elsewhere their
// absence skips that check, loudly.
const decoders = hasTool('zbarimg') && hasTool('pdftoppm');
if (!decoders) {
  if (process.env.CI === 'true') throw new Error('zbarimg and pdftoppm are required in CI to decode posters’ QR codes');
  console.warn(
    '\n!!! zbarimg or pdftoppm missing: posters’ QR codes are NOT decoded (install zbar-tools, poppler-utils) !!!\n',
  );
}

/** What a scanner reads on the poster's first page. */
function decodeQr(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigie-poster-'));
  try {
    writeFileSync(path.join(dir, 'poster.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', '1', 'poster.pdf', 'page'], { cwd: dir });
    const image = readdirSync(dir).find((f) => f.endsWith('.png')) as string;
    return execFileSync('zbarimg', ['-q', '--raw', image], { cwd: dir, encoding: 'utf8' }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pdfInfo(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const page = await doc.getPage(1);
    const [, , width, height] = page.view as [number, number, number, number];
    const { text } = await extractText(doc, { mergePages: true });
    return { text, width: Math.round(width), height: Math.round(height), pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

describe.each(testEngines())('posters on %s', (engine) => {
  let t: TestApp;
  let franceStaff: Session;
  let moroccoStaff: Session;
  let france: string;
  let facilityId: string;

  async function publishPage(lang: string, change: Record<string, unknown>) {
    const api = request(t.app, franceStaff);
    const base = `/api/v1/institutions/${france}/child-pages/${lang}`;
    const { content } = (await api('GET', `${base}/defaults`)).json();
    const created = await api('PUT', base, { ...content, ...change });
    expect(created.statusCode, created.body).toBe(200);
    const reviewed = await api('POST', `${base}/status`, { status: 'reviewed', version: created.json().version });
    const published = await api('POST', `${base}/status`, { status: 'published', version: reviewed.json().version });
    expect(published.statusCode, published.body).toBe(200);
  }

  const get = (url: string, session?: Session) =>
    t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });

  beforeAll(async () => {
    t = await startTestApp(engine, { VIGIE_PUBLIC_URL: PUBLIC_URL });
    france = await institutionId(t.db, 'FR');
    const fr = await createUser(t.db, 'staff', { institutionId: france });
    franceStaff = await signIn(t.app, fr.email, PASSWORD);
    const ma = await createUser(t.db, 'staff', { institutionId: await institutionId(t.db, 'MA') });
    moroccoStaff = await signIn(t.app, ma.email, PASSWORD);
    await publishPage('fr', {
      phone: '09 69 39 00 00',
      emergencyNumbers: [{ label: 'Enfance en danger', number: '119' }],
    });
    await publishPage('ar', { phone: '09 69 39 00 00', institutionName: 'المدافع عن الحقوق' });
    const now = new Date().toISOString();
    facilityId = randomUUID();
    await t.db
      .insertInto('facilities')
      .values({
        id: facilityId,
        name: 'Centre de rétention du Mesnil-Amelot',
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
        visibility: 'institution',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  });
  afterAll(() => t.close());

  it('prints an A4 poster in French whose QR code leads to the page', async () => {
    const response = await get('/fr/fr/poster.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    const info = await pdfInfo(pdf);
    expect([info.width, info.height]).toEqual([595, 842]);
    expect(info.pages).toBe(1);
    expect(info.text).toContain('Défenseur des droits');
    expect(info.text).toContain('09 69 39 00 00');
    expect(info.text).toContain('119');
    expect(info.text).toContain(`${PUBLIC_URL}/fr/fr`);
    if (decoders) expect(decodeQr(pdf)).toBe(`${PUBLIC_URL}/fr/fr`);
  });

  it('prints A3 too, and an Arabic poster leading to the Arabic page', async () => {
    const a3 = await pdfInfo((await get('/fr/fr/poster.pdf?size=A3')).rawPayload);
    expect([a3.width, a3.height]).toEqual([842, 1191]);
    const response = await get('/ar/fr/poster.pdf');
    expect(response.statusCode).toBe(200);
    const info = await pdfInfo(response.rawPayload);
    // The phone number stays in reading order inside right-to-left text.
    expect(info.text).toContain('09 69 39 00 00');
    expect(info.text).toContain(`${PUBLIC_URL}/ar/fr`);
    if (decoders) expect(decodeQr(response.rawPayload)).toBe(`${PUBLIC_URL}/ar/fr`);
    expect((await get('/fr/fr/poster.pdf?size=A5')).statusCode).toBe(404);
  });

  it('has no poster for a page that is not published', async () => {
    expect((await get('/es/fr/poster.pdf')).statusCode).toBe(404);
    expect((await get('/fr/nowhere/poster.pdf')).statusCode).toBe(404);
  });

  it('gives a facility’s poster only to the institution’s writers who may see the facility', async () => {
    const url = `/fr/fr/facilities/${facilityId}/poster.pdf`;
    expect((await get(url)).statusCode).toBe(404);
    expect((await get(url, moroccoStaff)).statusCode).toBe(404);
    expect((await get(`/fr/fr/facilities/${randomUUID()}/poster.pdf`, franceStaff)).statusCode).toBe(404);
    const response = await get(url, franceStaff);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const info = await pdfInfo(response.rawPayload);
    expect(info.text).toContain('Centre de rétention du Mesnil-Amelot');
    if (decoders) expect(decodeQr(response.rawPayload)).toBe(`${PUBLIC_URL}/fr/fr`);
  });
});
