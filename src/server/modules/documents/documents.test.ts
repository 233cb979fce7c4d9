import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import type { Kysely } from 'kysely';
import PDFDocument from 'pdfkit';
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
import { openTestDatabase, testEngines } from '../../../../tests/support/databases.js';
import { type FilePart, multipartBody } from '../../../../tests/support/multipart.js';
import {
  elfExecutable,
  jpegWithMetadata,
  plainZip,
  sampleJpeg,
  windowsExecutable,
} from '../../../../tests/support/sample-files.js';
import type { DocumentDetail, DocumentSummary } from '../../../shared/contract/documents.js';
import { anonymous } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { createBackup } from '../../operations/backup/create-backup.js';
import { restoreBackup } from '../../operations/backup/restore-backup.js';
import { detachEverywhere, widestAttachedVisibility } from './documents.repo.js';

type Page = { items: DocumentSummary[]; total: number };

const MAX_BYTES = 300_000;

function pdfWith(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument();
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.text(text);
    pdf.end();
  });
}

async function docxWith(text: string): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: [new Paragraph(text), new Paragraph('Second paragraph & co')] }] });
  return Packer.toBuffer(doc);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function counts(db: Kysely<DB>) {
  const count = async (table: 'documents' | 'document_versions' | 'document_links' | 'audit_events') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    documents: await count('documents'),
    versions: await count('document_versions'),
    links: await count('document_links'),
    audit: await count('audit_events'),
  };
}

describe.each(testEngines())('documents on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  let franceStaff: Session;
  let moroccoStaff: Session;
  let partner: Session;
  let france: string;
  let report: Buffer;

  function upload(
    session: Session | null,
    fields: Record<string, string>,
    files: FilePart[],
    url = '/api/v1/documents',
  ) {
    const body = multipartBody(fields, files);
    return t.app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: {
        'content-type': body.contentType,
        'accept-language': 'en',
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      },
    });
  }
  async function uploaded(session: Session, fields: Record<string, string>, file: FilePart): Promise<DocumentDetail> {
    const response = await upload(session, fields, [file]);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  const get = (session: Session | null, url: string) => request(t.app, session)('GET', url);
  const list = async (session: Session | null, query: string): Promise<Page> => {
    const response = await get(session, `/api/v1/documents?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { VIGIE_UPLOAD_MAX_BYTES: String(MAX_BYTES) });
    france = await institutionId(t.db, 'FR');
    const morocco = await institutionId(t.db, 'MA');
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    coordinator = await signIn(t.app, (await createUser(t.db, 'coordinator')).email, PASSWORD);
    franceStaff = await signIn(t.app, (await createUser(t.db, 'staff', { institutionId: france })).email, PASSWORD);
    moroccoStaff = await signIn(t.app, (await createUser(t.db, 'staff', { institutionId: morocco })).email, PASSWORD);
    const unhcr = await t.db
      .selectFrom('partners')
      .select('id')
      .where('acronym_en', '=', 'UNHCR')
      .executeTakeFirstOrThrow();
    partner = await signIn(t.app, (await createUser(t.db, 'partner', { partnerId: unhcr.id })).email, PASSWORD);
    report = await pdfWith('Rapport de visite du centre de rétention administrative, mission conjointe 2017.');
  });
  afterAll(() => t.close());

  it('uploads a PDF: type from the content, checksum of the stored bytes, text extracted, audited without bytes', async () => {
    const document = await uploaded(
      franceStaff,
      { title: 'Rapport de visite', description: 'Mission conjointe', language: 'fr', visibility: 'group' },
      { filename: 'rapport.bin', content: report, contentType: 'text/html' },
    );
    expect(document).toMatchObject({
      title: 'Rapport de visite',
      language: 'fr',
      visibility: 'group',
      ownerInstitutionId: france,
      version: 1,
      can: { edit: true },
      links: [],
    });
    expect(document.current).toMatchObject({
      number: 1,
      mime: 'application/pdf',
      family: 'pdf',
      size: report.length,
      sha256: sha256(report),
      hasText: true,
      // The name gets the extension of what the file really is.
      filename: 'rapport.bin.pdf',
    });
    expect(document.versions).toHaveLength(1);
    const stored = await t.db
      .selectFrom('document_versions')
      .select(['text_content', 'content'])
      .where('document_id', '=', document.id)
      .executeTakeFirstOrThrow();
    expect(stored.text_content).toContain('centre de rétention administrative');
    expect(Buffer.from(stored.content).equals(report)).toBe(true);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['changes', 'action'])
      .where('entity', '=', 'document')
      .where('entity_id', '=', document.id)
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['create']);
    const trail = audit[0]?.changes ?? '';
    expect(trail).toContain(sha256(report));
    expect(trail).not.toContain('rétention');
    expect(trail).not.toContain(report.subarray(0, 200).toString('base64').slice(0, 40));
  });

  it('extracts the text of a DOCX made with docx, and defaults the title to the file name', async () => {
    const content = await docxWith('Les enfants migrants non accompagnés');
    const document = await uploaded(franceStaff, {}, { filename: 'Note été 2018.docx', content });
    expect(document.title).toBe('Note été 2018.docx');
    expect(document.current.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(document.visibility).toBe('group');
    const stored = await t.db
      .selectFrom('document_versions')
      .select('text_content')
      .where('document_id', '=', document.id)
      .executeTakeFirstOrThrow();
    expect(stored.text_content).toContain('Les enfants migrants non accompagnés');
    expect(stored.text_content).toContain('Second paragraph & co');
  });

  it('refuses with 415 what is not an accepted type, whatever its name, and writes nothing', async () => {
    const before = await counts(t.db);
    const hostile: FilePart[] = [
      { filename: 'report.pdf', content: elfExecutable, contentType: 'application/pdf' },
      { filename: 'report.pdf', content: windowsExecutable, contentType: 'application/pdf' },
      { filename: 'page.pdf', content: Buffer.from('<!doctype html><script>alert(1)</script>') },
      { filename: 'logo.png', content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>') },
      { filename: 'archive.docx', content: plainZip },
      { filename: 'empty.pdf', content: Buffer.alloc(0) },
    ];
    for (const file of hostile) {
      const response = await upload(franceStaff, { title: 'x' }, [file]);
      expect(response.statusCode, file.filename).toBe(415);
      expect(response.json().error.code).toBe('unsupported_media_type');
      expect(response.json().error.message).toContain('PDF');
    }
    expect(await counts(t.db)).toEqual(before);
  });

  it('refuses an oversized upload with 413 and leaves nothing behind', async () => {
    const before = await counts(t.db);
    const big = Buffer.concat([report, Buffer.alloc(MAX_BYTES)]);
    const response = await upload(franceStaff, { title: 'Too big' }, [{ filename: 'big.pdf', content: big }]);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'payload_too_large' });
    expect(response.json().error.message).toContain('293 KiB');
    // Announced too large: refused before the body is read.
    const huge = Buffer.concat([report, Buffer.alloc(2 * MAX_BYTES)]);
    const announced = await upload(franceStaff, { title: 'Huge' }, [{ filename: 'huge.pdf', content: huge }]);
    expect(announced.statusCode).toBe(413);
    expect(await counts(t.db)).toEqual(before);
  });

  it('refuses bad forms with a 400 naming the field, and other content types with 415', async () => {
    const file = { filename: 'r.pdf', content: report };
    const unknown = await upload(franceStaff, { title: 'x', secret: 'y' }, [file]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('body.secret');
    const language = await upload(franceStaff, { language: 'French!' }, [file]);
    expect(language.json().error.details[0].field).toBe('body.language');
    const noFile = await upload(franceStaff, { title: 'x' }, []);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.details[0].field).toBe('body.file');
    const twoFiles = await upload(franceStaff, {}, [file, file]);
    expect(twoFiles.statusCode).toBe(400);
    const json = await request(t.app, franceStaff)('POST', '/api/v1/documents', { title: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.message).toBe('Send the file as multipart/form-data.');
    // Elsewhere the general messages stay: a form where JSON is expected, a body past the JSON limit.
    const headers = { cookie: franceStaff.cookie, 'x-csrf-token': franceStaff.csrfToken, 'accept-language': 'en' };
    const form = multipartBody({ nameFr: 'x' });
    const toJsonRoute = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      payload: form.payload,
      headers: { ...headers, 'content-type': form.contentType },
    });
    expect(toJsonRoute.statusCode).toBe(415);
    expect(toJsonRoute.json().error.message).toBe('Unsupported content type: send JSON (application/json).');
    const plain = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      payload: 'x',
      headers: { ...headers, 'content-type': 'text/plain' },
    });
    expect(plain.statusCode).toBe(415);
    expect(plain.json().error.message).toBe('Unsupported content type: send JSON (application/json).');
    const tooLong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      payload: JSON.stringify({ nameFr: 'x'.repeat(3 * 1024 * 1024) }),
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(tooLong.statusCode).toBe(413);
    expect(tooLong.json().error.message).toBe('The request is too large.');
    expect((await upload(null, {}, [file])).statusCode).toBe(401);
    expect((await upload(partner, {}, [file])).statusCode).toBe(403);
  });

  it('never shows institution-only documents to other institutions, partners or the public', async () => {
    const marker = randomUUID().slice(0, 8);
    const secret = await uploaded(
      franceStaff,
      { title: `Secret ${marker}`, visibility: 'institution' },
      { filename: 'secret.pdf', content: report },
    );
    const shared = await uploaded(
      franceStaff,
      { title: `Shared ${marker}`, visibility: 'group' },
      { filename: 'shared.pdf', content: report },
    );
    const titles = (page: Page) => page.items.map((d) => d.title).sort();
    expect(titles(await list(franceStaff, `q=${marker}`))).toEqual([`Secret ${marker}`, `Shared ${marker}`]);
    expect((await list(admin, `q=${marker}`)).total).toBe(2);
    for (const outsider of [moroccoStaff, coordinator]) {
      const page = await list(outsider, `q=${marker}`);
      expect(page.total).toBe(1);
      expect(titles(page)).toEqual([`Shared ${marker}`]);
    }
    for (const outsider of [partner, null]) expect((await list(outsider, `q=${marker}`)).total).toBe(0);
    for (const outsider of [moroccoStaff, coordinator, partner, null]) {
      expect((await get(outsider, `/api/v1/documents/${secret.id}`)).statusCode).toBe(404);
      expect((await get(outsider, `/api/v1/documents/${secret.id}/content`)).statusCode).toBe(404);
      expect((await get(outsider, `/api/v1/documents/${secret.id}/content?version=1`)).statusCode).toBe(404);
    }
    expect((await get(moroccoStaff, `/api/v1/documents/${shared.id}/content`)).statusCode).toBe(200);
    expect((await get(partner, `/api/v1/documents/${shared.id}`)).statusCode).toBe(404);
    // Another institution's staff cannot change what they see.
    const edit = await request(t.app, moroccoStaff)('PATCH', `/api/v1/documents/${shared.id}`, {
      title: 'x',
      version: 1,
    });
    expect(edit.statusCode).toBe(403);
  });

  it('filters by language, type and institution, sorts and pages', async () => {
    const marker = randomUUID().slice(0, 8);
    await uploaded(franceStaff, { title: `A ${marker}`, language: 'es-MX' }, { filename: 'a.pdf', content: report });
    await uploaded(franceStaff, { title: `B ${marker}`, language: 'ar' }, { filename: 'b.jpg', content: sampleJpeg });
    await uploaded(moroccoStaff, { title: `C ${marker}` }, { filename: `c-${marker}.pdf`, content: report });
    const titles = (page: Page) => page.items.map((d) => d.title);
    expect(titles(await list(franceStaff, `q=${marker}&language=es`))).toEqual([`A ${marker}`]);
    expect(titles(await list(franceStaff, `q=${marker}&type=image`))).toEqual([`B ${marker}`]);
    expect(titles(await list(franceStaff, `q=${marker}&institution=${france}&sort=title&order=desc`))).toEqual([
      `B ${marker}`,
      `A ${marker}`,
    ]);
    const second = await list(franceStaff, `q=${marker}&sort=title&pageSize=2&page=2`);
    expect(second.total).toBe(3);
    expect(titles(second)).toEqual([`C ${marker}`]);
    expect(titles(await list(franceStaff, `q=c-${marker}`))).toEqual([`C ${marker}`]);
    expect((await get(franceStaff, '/api/v1/documents?type=exe')).statusCode).toBe(400);
  });

  it('downloads with safe headers: attachment, UTF-8 name, sniffed type, nosniff, sandbox, no caching', async () => {
    const document = await uploaded(
      franceStaff,
      { visibility: 'institution' },
      { filename: 'Rapport été 2017; (final).pdf', content: report },
    );
    const response = await get(franceStaff, `/api/v1/documents/${document.id}/content?inline=1`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(report)).toBe(true);
    expect(response.headers['content-type']).toBe('application/pdf');
    // A PDF is never shown inline, even when asked.
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="Rapport _t_ 2017_ (final).pdf"; filename*=UTF-8\'\'Rapport%20%C3%A9t%C3%A9%202017%3B%20%28final%29.pdf',
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('strips a photo’s Exif and GPS on upload; it may be shown inline when asked', async () => {
    const photo = jpegWithMetadata();
    const document = await uploaded(franceStaff, { title: 'Photo' }, { filename: 'IMG_0001.JPG', content: photo });
    expect(document.current.mime).toBe('image/jpeg');
    expect(document.current.filename).toBe('IMG_0001.JPG');
    const response = await get(franceStaff, `/api/v1/documents/${document.id}/content?inline=1`);
    const bytes = response.rawPayload;
    expect(bytes.includes(Buffer.from('Exif'))).toBe(false);
    expect(bytes.includes(Buffer.from('VigiePhone GPS'))).toBe(false);
    expect(bytes.equals(sampleJpeg)).toBe(true);
    expect(document.current.sha256).toBe(sha256(bytes));
    expect(document.current.size).toBe(bytes.length);
    expect(response.headers['content-disposition']).toMatch(/^inline; /);
    const attached = await get(franceStaff, `/api/v1/documents/${document.id}/content`);
    expect(attached.headers['content-disposition']).toMatch(/^attachment; /);
  });

  it('keeps every version: a new one becomes current, the old ones stay downloadable', async () => {
    const document = await uploaded(franceStaff, { title: 'Draft' }, { filename: 'v1.pdf', content: report });
    const second = await pdfWith('Version révisée du rapport');
    const response = await upload(
      franceStaff,
      {},
      [{ filename: 'v2.pdf', content: second }],
      `/api/v1/documents/${document.id}/versions`,
    );
    expect(response.statusCode, response.body).toBe(201);
    const updated: DocumentDetail = response.json();
    expect(updated.current).toMatchObject({ number: 2, filename: 'v2.pdf', sha256: sha256(second) });
    expect(updated.version).toBe(2);
    expect(updated.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(updated.versions[0]?.createdBy?.id).toBe(franceStaff.userId);
    expect((await get(franceStaff, `/api/v1/documents/${document.id}/content`)).rawPayload.equals(second)).toBe(true);
    const first = await get(franceStaff, `/api/v1/documents/${document.id}/content?version=1`);
    expect(first.rawPayload.equals(report)).toBe(true);
    expect((await get(franceStaff, `/api/v1/documents/${document.id}/content?version=3`)).statusCode).toBe(404);
    const outsider = await upload(
      moroccoStaff,
      {},
      [{ filename: 'x.pdf', content: second }],
      `/api/v1/documents/${document.id}/versions`,
    );
    expect(outsider.statusCode).toBe(403);
    const exe = await upload(
      franceStaff,
      {},
      [{ filename: 'v3.pdf', content: elfExecutable }],
      `/api/v1/documents/${document.id}/versions`,
    );
    expect(exe.statusCode).toBe(415);
    expect((await get(franceStaff, `/api/v1/documents/${document.id}`)).json().versions).toHaveLength(2);
  });

  it('edits metadata with versions (a stale edit gets 409 with the current document) and deletes', async () => {
    const document = await uploaded(franceStaff, { title: 'Old title' }, { filename: 'x.pdf', content: report });
    const call = request(t.app, franceStaff);
    const edited = await call('PATCH', `/api/v1/documents/${document.id}`, {
      title: 'New title',
      language: 'en',
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'New title', language: 'en', version: 2, visibility: 'group' });
    const stale = await call('PATCH', `/api/v1/documents/${document.id}`, { title: 'Lost', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(stale.json().error.details.current.title).toBe('New title');
    expect((await call('DELETE', `/api/v1/documents/${document.id}?version=1`)).statusCode).toBe(409);
    expect((await call('DELETE', `/api/v1/documents/${document.id}?version=2`)).statusCode).toBe(204);
    expect((await get(franceStaff, `/api/v1/documents/${document.id}`)).statusCode).toBe(404);
    const left = await t.db
      .selectFrom('document_versions')
      .select('id')
      .where('document_id', '=', document.id)
      .execute();
    expect(left).toEqual([]);
    const events = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', document.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
  });

  it('attaches to records it is no more visible than, lists by record, detaches', async () => {
    // Documents are owned records too: an annex attaches to a report.
    const record = await uploaded(
      franceStaff,
      { title: 'Report', visibility: 'group' },
      { filename: 'r.pdf', content: report },
    );
    const annex = await uploaded(
      franceStaff,
      { title: 'Annex', visibility: 'public' },
      { filename: 'a.pdf', content: report },
    );
    const call = request(t.app, franceStaff);
    const wider = await call('POST', `/api/v1/documents/${annex.id}/links`, {
      entity: 'document',
      entityId: record.id,
    });
    expect(wider.statusCode).toBe(409);
    expect(wider.json().error.details).toEqual({ reason: 'visibility_wider' });
    expect(
      (await call('PATCH', `/api/v1/documents/${annex.id}`, { visibility: 'institution', version: 1 })).statusCode,
    ).toBe(200);
    const linked = await call('POST', `/api/v1/documents/${annex.id}/links`, {
      entity: 'document',
      entityId: record.id,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().links).toEqual([{ entity: 'document', entityId: record.id }]);
    const widen = await call('PATCH', `/api/v1/documents/${annex.id}`, { visibility: 'public', version: 2 });
    expect(widen.statusCode).toBe(400);
    expect(widen.json().error.details[0]).toMatchObject({ field: 'body.visibility', issue: 'visibility_wider' });
    expect((await list(franceStaff, `entity=document&entityId=${record.id}`)).items.map((d) => d.title)).toEqual([
      'Annex',
    ]);
    // Upload and attach at once: the visibility follows the record's unless narrower.
    const photo = await uploaded(
      franceStaff,
      { entity: 'document', entityId: record.id, visibility: 'institution' },
      { filename: 'p.jpg', content: sampleJpeg },
    );
    expect(photo.links).toEqual([{ entity: 'document', entityId: record.id }]);
    const tooWide = await upload(franceStaff, { entity: 'document', entityId: record.id, visibility: 'public' }, [
      { filename: 'p.jpg', content: sampleJpeg },
    ]);
    expect(tooWide.statusCode).toBe(400);
    expect(tooWide.json().error.details[0].field).toBe('body.visibility');
    const unknownKind = await upload(franceStaff, { entity: 'spaceship', entityId: record.id }, [
      { filename: 'p.jpg', content: sampleJpeg },
    ]);
    expect(unknownKind.json().error.details[0]).toMatchObject({ field: 'body.entity', issue: 'not_attachable' });
    // Someone who may not change the record may not attach to it; a record they cannot see does not exist.
    const theirs = await uploaded(moroccoStaff, { visibility: 'institution' }, { filename: 'm.pdf', content: report });
    const outsider = request(t.app, moroccoStaff);
    const notTheirs = await outsider('POST', `/api/v1/documents/${theirs.id}/links`, {
      entity: 'document',
      entityId: record.id,
    });
    expect(notTheirs.statusCode).toBe(403);
    const unseen = await outsider('POST', `/api/v1/documents/${theirs.id}/links`, {
      entity: 'document',
      entityId: annex.id,
    });
    expect(unseen.statusCode).toBe(400);
    expect(unseen.json().error.details[0]).toMatchObject({ field: 'body.entityId', issue: 'unknown_reference' });
    const detachByOutsider = await request(t.app, moroccoStaff)(
      'DELETE',
      `/api/v1/documents/${annex.id}/links/document/${record.id}`,
    );
    expect(detachByOutsider.statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/documents/${annex.id}/links/document/${record.id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/v1/documents/${annex.id}/links/document/${record.id}`)).statusCode).toBe(404);
    expect((await list(franceStaff, `entity=document&entityId=${record.id}`)).items.map((d) => d.title)).toEqual([
      photo.title,
    ]);
    expect(await widestAttachedVisibility(t.db, 'document', record.id)).toBe('institution');
    expect(await widestAttachedVisibility(t.db, 'document', annex.id)).toBeNull();
    // A module deleting a record detaches its documents in its own transaction.
    await t.db.transaction().execute((trx) => detachEverywhere(trx, 'document', record.id));
    expect((await list(franceStaff, `entity=document&entityId=${record.id}`)).total).toBe(0);
    expect((await get(franceStaff, `/api/v1/documents/${photo.id}`)).statusCode).toBe(200);
  });

  it('goes into a backup as base64 and comes back byte for byte, on either engine', async () => {
    const photo = jpegWithMetadata();
    const document = await uploaded(franceStaff, { title: 'Backup me' }, { filename: 'p.jpg', content: photo });
    // More versions than a backup page holds of file rows: the copy goes on from page to page.
    for (let n = 2; n <= 6; n += 1) {
      const next = await upload(
        franceStaff,
        {},
        [{ filename: `v${n}.pdf`, content: report }],
        `/api/v1/documents/${document.id}/versions`,
      );
      expect(next.statusCode).toBe(201);
    }
    const workDir = mkdtempSync(path.join(tmpdir(), 'vigie-documents-backup-'));
    try {
      const file = path.join(workDir, 'backup.vigie.gz');
      const cli = { actor: anonymous, requestId: null, label: 'cli:backup' };
      await createBackup(t.testDatabase.database, { file, dataDir: t.config.dataDir, audit: cli });
      for (const targetEngine of testEngines()) {
        const dir = mkdtempSync(path.join(workDir, `${targetEngine}-`));
        const target = await openTestDatabase(targetEngine, dir);
        try {
          await restoreBackup(target.database, { file, dataDir: dir, audit: { ...cli, label: 'cli:restore' } });
          const rows = await target.database.db
            .selectFrom('document_versions')
            .select(['number', 'content', 'sha256'])
            .where('document_id', '=', document.id)
            .orderBy('number')
            .execute();
          expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
          for (const row of rows) {
            const expected = row.number === 1 ? sampleJpeg : report;
            expect(Buffer.from(row.content).equals(expected), `${targetEngine} v${row.number}`).toBe(true);
            expect(row.sha256).toBe(sha256(expected));
          }
          const all = await target.database.db
            .selectFrom('document_versions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          const source = await t.db
            .selectFrom('document_versions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          expect(Number(all.n)).toBe(Number(source.n));
        } finally {
          await target.drop();
        }
      }
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});
