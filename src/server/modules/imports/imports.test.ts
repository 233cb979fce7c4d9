import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Session, startTestApp, type TestApp } from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import { multipartBody } from '../../../../tests/support/multipart.js';
import { sampleJpeg } from '../../../../tests/support/sample-files.js';
import { readAllRows } from '../../../../tests/support/table-rows.js';
import type { ImportPreview, ImportResult } from '../../../shared/contract/imports.js';
import { verifyAuditChain } from '../audit/audit-chain.js';
import { type People, signInPeople } from '../plan/plan.fixtures.js';

// Loosely typed JSON of responses: each test checks the fields it cares about.
type Json = Record<string, unknown>;

const BOM = '\uFEFF';
const csv = (lines: string[], bom = false) => Buffer.from(`${bom ? BOM : ''}${lines.join('\r\n')}\r\n`, 'utf8');

async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(testEngines())('imports on %s', (engine) => {
  let t: TestApp;
  let people: People;
  let franceVisit: string;
  let hiddenVisit: string;

  function send(
    session: Session | null,
    url: string,
    file: Buffer | null,
    fields: Record<string, string> = {},
    language = 'en',
  ) {
    const body = multipartBody(fields, file ? [{ filename: 'import.csv', content: file }] : []);
    return t.app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: {
        'content-type': body.contentType,
        'accept-language': language,
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      },
    });
  }
  async function preview(session: Session, kind: string, file: Buffer, fields: Record<string, string> = {}) {
    const response = await send(session, `/api/v1/imports/${kind}/preview`, file, fields);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ImportPreview;
  }
  const confirm = (session: Session, kind: string, file: Buffer, checksum: string, more: Record<string, string> = {}) =>
    send(session, `/api/v1/imports/${kind}`, file, { checksum, ...more });
  const snapshot = () => readAllRows(t.db, t.engine);
  const count = async (table: 'activities' | 'awareness_sessions' | 'recommendations' | 'audit_events') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const list = async (session: Session, url: string) => {
    const response = await request(t.app, session)('GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Json[]; total: number };
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
    const post = async (session: Session, url: string, body: Json) => {
      const response = await request(t.app, session)('POST', url, body);
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { id: string }).id;
    };
    const facility = await post(people.staffFR, '/api/v1/facilities', {
      name: 'Centre de rétention de Coquelles',
      kind: 'detention_centre',
      countryCode: 'FR',
      holdsChildren: true,
      visibility: 'public',
    });
    const visit = { facilityId: facility, startsOn: '2018-05-02', endsOn: '2018-05-02', type: 'in_depth' };
    franceVisit = await post(people.staffFR, '/api/v1/visits', { ...visit, announced: true, visibility: 'group' });
    // Morocco's own visit, shared with nobody: France's staff must not learn it exists.
    hiddenVisit = await post(people.staffMA, '/api/v1/visits', {
      ...visit,
      announced: false,
      visibility: 'institution',
    });
  }, 120_000);
  afterAll(() => t.close());

  const sessionsHeaderFr = 'Titre,Cadre,Canal,Date de début,Langues,Non accompagnés · filles · 12–14 ans,Adultes';
  const goodSessionsCsv = (marker: string) =>
    csv(
      [
        sessionsHeaderFr,
        `${marker} A,reception,in_person,2018-03-01,fr; ar,3,1`,
        `"${marker} B, au centre",school,in_person,2018-03-02,ti,5,2`,
      ],
      true,
    );

  it('imports a good CSV (comma, BOM, French headers): every row created, listed, audited, plus one import event', async () => {
    const marker = `Import-${randomUUID().slice(0, 8)}`;
    const file = goodSessionsCsv(marker);
    const shown = await preview(people.staffFR, 'awareness-sessions', file);
    expect(shown).toMatchObject({ kind: 'awareness-sessions', format: 'csv', total: 2, invalid: 0 });
    expect(shown.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(shown.rows[1]?.values.title).toBe(`${marker} B, au centre`);
    expect(shown.columns.map((c) => c.key)).toContain('unaccompanied.girls.12-14');

    const auditBefore = await count('audit_events');
    const response = await confirm(people.staffFR, 'awareness-sessions', file, shown.checksum);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json() as ImportResult;
    expect(result.created).toBe(2);

    const listed = await list(people.staffFR, `/api/v1/awareness-sessions?q=${marker}&pageSize=100`);
    expect(listed.total).toBe(2);
    const session = await request(t.app, people.staffFR)('GET', `/api/v1/awareness-sessions/${result.ids[0]}`);
    expect(session.json()).toMatchObject({
      title: `${marker} A`,
      languages: ['fr', 'ar'],
      ownerInstitutionId: people.france,
      childrenTotal: 3,
      adults: 1,
    });
    expect(await count('audit_events')).toBe(auditBefore + 3);
    const events = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', 0)
      .orderBy('seq', 'desc')
      .limit(3)
      .execute();
    const importEvent = events.find((e) => e.action === 'import');
    expect(importEvent).toBeDefined();
    expect(JSON.stringify(importEvent)).toContain(shown.checksum);
    expect(
      events
        .filter((e) => e.action === 'create')
        .map((e) => e.entity_id)
        .sort(),
    ).toEqual([...result.ids].sort());
  });

  it('a file with one bad row writes nothing and names the row and the field', async () => {
    const marker = `Bad-${randomUUID().slice(0, 8)}`;
    const file = csv([
      sessionsHeaderFr,
      `${marker} ok,reception,in_person,2018-03-01,fr,3,1`,
      `${marker} bad,reception,in_person,2018-13-45,fr,three,1`,
      `${marker} ok too,school,in_person,2018-03-03,fr,1,0`,
    ]);
    const before = await snapshot();
    const shown = await preview(people.staffFR, 'awareness-sessions', file);
    expect(await snapshot()).toEqual(before);
    expect(shown.invalid).toBe(1);
    const bad = shown.rows.find((r) => r.row === 3);
    expect(bad?.errors.map((e) => `${e.column}:${e.issue}`).sort()).toEqual(['unaccompanied.girls.12-14:not_a_number']);
    expect(bad?.errors[0]?.message).toContain('Unaccompanied · girls · 12–14 years');
    expect(shown.rows.filter((r) => r.errors.length === 0)).toHaveLength(2);

    const refused = await confirm(people.staffFR, 'awareness-sessions', file, shown.checksum);
    expect(refused.statusCode).toBe(422);
    const error = refused.json().error;
    expect(error.code).toBe('import_rows_invalid');
    expect(error.message).toContain('row 3');
    expect(error.details[0]).toMatchObject({ row: 3, column: 'unaccompanied.girls.12-14', issue: 'not_a_number' });
    expect(await snapshot()).toEqual(before);

    // The date is refused by the API's own schema once the count is a number.
    const fixedCount = csv([
      sessionsHeaderFr,
      `${marker} ok,reception,in_person,2018-03-01,fr,3,1`,
      `${marker} bad,reception,in_person,2018-13-45,fr,2,1`,
    ]);
    const again = await preview(people.staffFR, 'awareness-sessions', fixedCount);
    expect(again.rows[1]?.errors.map((e) => `${e.column}:${e.issue}`)).toEqual(['startsOn:invalid_format']);
    const stillRefused = await confirm(people.staffFR, 'awareness-sessions', fixedCount, again.checksum);
    expect(stillRefused.statusCode).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it('previews a file longer than one chunk: every row checked by the service, still nothing written', async () => {
    const lines = ['title,setting,channel,startsOn,estimatedAudience'];
    for (let i = 0; i < 300; i += 1) lines.push(`Long ${i},school,in_person,2018-03-01,`);
    // Past the first chunk, a row only the service refuses: an audience is for media campaigns.
    lines[290] = 'Long 289,school,in_person,2018-03-01,500';
    const before = await snapshot();
    const shown = await preview(people.staffFR, 'awareness-sessions', csv(lines));
    expect(await snapshot()).toEqual(before);
    expect(shown.total).toBe(300);
    expect(shown.rows.filter((r) => r.errors.length > 0).map((r) => r.row)).toEqual([291]);
    expect(shown.rows[289]?.errors.map((e) => `${e.column}:${e.issue}`)).toEqual([
      'estimatedAudience:audience_media_only',
    ]);
  });

  it('checks rows with the service’s own rules in the preview, which writes nothing even when every row is good', async () => {
    const marker = `Rules-${randomUUID().slice(0, 8)}`;
    const file = csv([
      'title,setting,channel,startsOn,unaccompanied.boys.15-17,estimatedAudience,ownerInstitution',
      `${marker} radio,media_campaign,radio,2018-03-01,4,,`,
      `${marker} school,school,in_person,2018-03-01,2,,Institution du Médiateur du Royaume`,
      `${marker} fine,school,in_person,2018-03-01,2,,Défenseur des droits`,
    ]);
    const before = await snapshot();
    const shown = await preview(people.staffFR, 'awareness-sessions', file);
    expect(await snapshot()).toEqual(before);
    expect(shown.rows[0]?.errors.map((e) => `${e.column}:${e.issue}`)).toEqual([
      'unaccompanied.boys.15-17:media_people_met',
    ]);
    // Morocco's institution is visible to France's staff, but not theirs to write for.
    expect(shown.rows[1]?.errors.map((e) => `${e.column}:${e.issue}`)).toEqual(['ownerInstitution:not_writable']);
    expect(shown.rows[2]?.errors).toEqual([]);

    const good = csv(['title,setting,channel,startsOn', `${marker} only,school,in_person,2018-03-01`]);
    const goodBefore = await snapshot();
    expect((await preview(people.staffFR, 'awareness-sessions', good)).invalid).toBe(0);
    expect(await snapshot()).toEqual(goodBefore);
  });

  it('reads semicolon CSV without BOM, and XLSX with English headers and real dates', async () => {
    const marker = `Semi-${randomUUID().slice(0, 8)}`;
    const semicolons = csv([
      'Title;Setting;Channel;Start date;Languages;Partners',
      `${marker} semi;community_centre;in_person;2018-04-01;"fr; es";IOM`,
    ]);
    const shownCsv = await preview(people.staffFR, 'awareness-sessions', semicolons);
    expect(shownCsv.rows[0]?.errors).toEqual([]);
    // Spanish and Arabic headers name the same columns.
    const spanish = await preview(
      people.staffFR,
      'awareness-sessions',
      csv(['Título;Contexto;Canal;Fecha de inicio;البالغون', `${marker} es;school;radio;2018-04-01;2`]),
    );
    expect(spanish.columns.map((c) => c.key)).toEqual(['title', 'setting', 'channel', 'startsOn', 'adults']);
    expect(spanish.rows[0]?.errors).toEqual([]);
    expect((await confirm(people.staffFR, 'awareness-sessions', semicolons, shownCsv.checksum)).statusCode).toBe(201);

    const workbook = await xlsx([
      [
        'Activity type',
        'Title',
        'Start',
        'Time zone',
        'Participating institutions',
        'Themes',
        'Addressee',
        'Statement type',
      ],
      [
        'statement',
        `${marker} statement`,
        new Date(Date.UTC(2018, 5, 20)),
        'Europe/Paris',
        'Institution du Médiateur du Royaume',
        'asylum',
        'Ministère de l’Intérieur',
        'opinion',
      ],
      ['meeting', `${marker} meeting`, '2018-06-21 09:30', 'Europe/Paris', '', '', '', ''],
    ]);
    const shown = await preview(people.staffFR, 'activities', workbook);
    expect(shown.format).toBe('xlsx');
    expect(shown.rows.find((r) => r.row === 2)?.errors).toEqual([]);
    // A date and time needs "all day: no", which the row does not say: the activity service's own rule.
    expect(shown.rows.find((r) => r.row === 3)?.values.startsAt).toBe('2018-06-21 09:30');
    expect(shown.rows.find((r) => r.row === 3)?.errors.map((e) => `${e.column}:${e.issue}`)).toEqual([
      'startsAt:expected_date',
    ]);
  });

  it('imports activities from XLSX, then lists them', async () => {
    const marker = `Xlsx-${randomUUID().slice(0, 8)}`;
    const workbook = await xlsx([
      [
        'kind',
        'title',
        'allDay',
        'startsAt',
        'endsAt',
        'timeZone',
        'participantInstitutions',
        'addressee',
        'statementType',
        'statementText',
      ],
      [
        'statement',
        `${marker} avis`,
        'oui',
        new Date(Date.UTC(2018, 5, 20)),
        '',
        'Europe/Paris',
        'Institution du Médiateur du Royaume',
        'Ministère',
        'opinion',
        'Premier paragraphe <b>\n\nSecond',
      ],
      [
        'meeting',
        `${marker} réunion`,
        'no',
        '2018-06-21 09:30',
        '2018-06-21 12:00',
        'Africa/Casablanca',
        '',
        '',
        '',
        '',
      ],
    ]);
    const shown = await preview(people.staffFR, 'activities', workbook);
    expect(shown.invalid).toBe(0);
    const response = await confirm(people.staffFR, 'activities', workbook, shown.checksum);
    expect(response.statusCode, response.body).toBe(201);
    const listed = await list(people.staffFR, `/api/v1/activities?q=${encodeURIComponent(marker)}&pageSize=100`);
    expect(listed.total).toBe(2);
    const statement = listed.items.find((a) => a.kind === 'statement') as { details: { textHtml: string } };
    // Typed text is text: the tag arrives escaped, paragraphs as paragraphs.
    expect(statement.details.textHtml).toBe('<p>Premier paragraphe &lt;b&gt;</p><p>Second</p>');
  });

  it('refuses a detail column of another kind of activity, naming the cell', async () => {
    const file = csv([
      'kind,title,startsAt,timeZone,courseName',
      'meeting,Réunion,2018-06-21,Europe/Paris,Cours de droit',
    ]);
    const shown = await preview(people.staffFR, 'activities', file);
    expect(shown.rows[0]?.errors.map((e) => `${e.column}:${e.issue}`)).toEqual(['courseName:not_for_kind']);
  });

  it('a recommendation of a visit the importer may not see is refused like one of no visit, never revealing it', async () => {
    const header = 'visit,addressee,text,theme,issuedOn';
    const row = (visit: string) => `${visit},Préfecture,Désigner un tuteur,legal_basis,2018-05-03`;
    const file = csv([header, row(franceVisit), row(hiddenVisit), row(randomUUID())]);
    const before = await snapshot();
    const shown = await preview(people.staffFR, 'recommendations', file);
    expect(await snapshot()).toEqual(before);
    expect(shown.rows[0]?.errors).toEqual([]);
    const hidden = shown.rows[1]?.errors;
    const missing = shown.rows[2]?.errors;
    expect(hidden?.map((e) => `${e.column}:${e.issue}`)).toEqual(['visit:unknown_reference']);
    expect(hidden).toEqual(missing);
    const refused = await confirm(people.staffFR, 'recommendations', file, shown.checksum);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).not.toContain(hiddenVisit);
    expect(await snapshot()).toEqual(before);

    // The visit may come with the form instead of a column.
    const byForm = csv(['addressee,text,theme,issuedOn', 'Préfecture,Former les agents,legal_basis,2018-05-03']);
    const ok = await preview(people.staffFR, 'recommendations', byForm, { visitId: franceVisit });
    expect(ok.invalid).toBe(0);
    const created = await confirm(people.staffFR, 'recommendations', byForm, ok.checksum, { visitId: franceVisit });
    expect(created.statusCode, created.body).toBe(201);
    const listed = await list(people.staffFR, `/api/v1/recommendations?visit=${franceVisit}&pageSize=100`);
    expect(listed.items.map((r) => r.text)).toContain('Former les agents');
  });

  it('imports many recommendations of a visit in one pass, each audited as the service audits it, the chain intact', async () => {
    const marker = `Bulk-${randomUUID().slice(0, 8)}`;
    const lines = ['addressee,text,theme,priority,issuedOn,dueOn'];
    for (let i = 0; i < 600; i += 1) lines.push(`Préfecture,${marker} ${i},legal_basis,high,2018-05-03,2018-11-02`);
    const file = csv(lines);
    const before = await snapshot();
    const shown = await preview(people.staffFR, 'recommendations', file, { visitId: franceVisit });
    expect(shown.invalid).toBe(0);
    expect(await snapshot()).toEqual(before);
    // A partner imports nothing; Morocco's staff may not write France's visit: every row says so, at the visit.
    const refused = await send(people.partner, '/api/v1/imports/recommendations/preview', file, {
      visitId: franceVisit,
    });
    expect(refused.statusCode).toBe(403);
    const moroccoPreview = await preview(people.staffMA, 'recommendations', file, { visitId: franceVisit });
    expect(moroccoPreview.invalid).toBe(600);
    expect(moroccoPreview.rows[0]?.errors.map((e) => `${e.column}:${e.issue}`)).toEqual(['visit:not_writable']);

    const auditBefore = await count('audit_events');
    const response = await confirm(people.staffFR, 'recommendations', file, shown.checksum, { visitId: franceVisit });
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json() as ImportResult;
    expect(result.created).toBe(600);
    expect(await count('audit_events')).toBe(auditBefore + 601);
    const chain = await verifyAuditChain(t.db);
    expect(chain.intact).toBe(true);
    const listed = await list(people.staffFR, `/api/v1/recommendations?visit=${franceVisit}&q=${marker}&pageSize=100`);
    expect(listed.total).toBe(600);
    const first = await request(t.app, people.staffFR)('GET', `/api/v1/recommendations/${result.ids[0]}`);
    expect(first.json()).toMatchObject({
      text: `${marker} 0`,
      status: 'issued',
      priority: 'high',
      dueOn: '2018-11-02',
    });
    const event = await t.db
      .selectFrom('audit_events')
      .select(['entity', 'action', 'institution_id', 'changes'])
      .where('entity_id', '=', result.ids[0] as string)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ entity: 'recommendation', action: 'create', institution_id: people.france });
    expect(JSON.parse(event.changes).text.after).toBe(`${marker} 0`);
  });

  it('refuses what is not CSV or XLSX (415), too many rows (413), a missing or unknown header (400)', async () => {
    const before = await snapshot();
    const image = await send(people.staffFR, '/api/v1/imports/activities/preview', sampleJpeg);
    expect(image.statusCode).toBe(415);
    expect(image.json().error.code).toBe('unsupported_media_type');
    const zip = Buffer.from('504b0304140000000800', 'hex');
    expect((await send(people.staffFR, '/api/v1/imports/activities/preview', zip)).statusCode).toBe(415);
    const textPdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    expect((await send(people.staffFR, '/api/v1/imports/activities/preview', textPdf)).statusCode).toBe(415);
    // Text that begins like a bitmap's signature ("BM") is still a CSV, told about its columns.
    const bitmapLike = await send(people.staffFR, '/api/v1/imports/activities/preview', csv(['BMI,title', '1,x']));
    expect(bitmapLike.statusCode).toBe(400);
    expect(bitmapLike.json().error.details[0].issue).toBe('unknown_column');

    const many = csv([
      'title,setting,channel,startsOn',
      ...Array.from({ length: 20_001 }, (_, i) => `S${i},school,radio,2018-01-01`),
    ]);
    const tooMany = await send(people.staffFR, '/api/v1/imports/awareness-sessions/preview', many);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().error).toMatchObject({ code: 'import_too_many_rows' });
    expect(tooMany.json().error.message).toContain('20,000');

    const unknown = await send(
      people.staffFR,
      '/api/v1/imports/awareness-sessions/preview',
      csv(['Title,Colour', 'x,red']),
    );
    expect(unknown.statusCode).toBe(400);
    const issues = unknown.json().error.details.map((d: { issue: string }) => d.issue);
    expect(issues).toContain('unknown_column');
    expect(issues).toContain('missing_column');

    const latin1 = Buffer.from([0x54, 0x69, 0x74, 0x72, 0x65, 0x0a, 0xe9, 0x74, 0xe9, 0x0a]);
    const notUtf8 = await send(people.staffFR, '/api/v1/imports/awareness-sessions/preview', latin1);
    expect(notUtf8.statusCode).toBe(400);
    expect(notUtf8.json().error.details[0].issue).toBe('encoding');
    expect(await snapshot()).toEqual(before);
  });

  it('confirms only the previewed file (409 otherwise), and only for people who may write records', async () => {
    const marker = `Swap-${randomUUID().slice(0, 8)}`;
    const shown = await preview(people.staffFR, 'awareness-sessions', goodSessionsCsv(marker));
    const before = await snapshot();
    const swapped = await confirm(people.staffFR, 'awareness-sessions', goodSessionsCsv(`${marker}x`), shown.checksum);
    expect(swapped.statusCode).toBe(409);
    expect(swapped.json().error.code).toBe('import_file_changed');
    const badChecksum = await confirm(people.staffFR, 'awareness-sessions', goodSessionsCsv(marker), 'abc');
    expect(badChecksum.statusCode).toBe(400);
    const partner = await send(people.partner, '/api/v1/imports/awareness-sessions/preview', goodSessionsCsv(marker));
    expect(partner.statusCode).toBe(403);
    const anonymous = await send(null, '/api/v1/imports/awareness-sessions/preview', goodSessionsCsv(marker));
    expect(anonymous.statusCode).toBe(401);
    const noFile = await send(people.staffFR, '/api/v1/imports/awareness-sessions/preview', null);
    expect(noFile.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('gives templates in the caller’s language that import back as they are', async () => {
    const get = (url: string, language: string) =>
      t.app.inject({
        method: 'GET',
        url,
        headers: { 'accept-language': language, cookie: people.staffFR.cookie },
      });
    // A user's language is their own setting: France's staff member reads French whatever the browser says.
    const me = await request(t.app, people.staffFR)('GET', '/api/v1/auth/me');
    const language = (me.json() as { user: { language: string } }).user.language;
    const template = await get('/api/v1/imports/awareness-sessions/template.csv', 'en');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('text/csv');
    expect(template.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const headerLine = template.body.replace(BOM, '').split('\r\n')[0] ?? '';
    expect(headerLine).toContain(language === 'fr' ? 'Titre' : 'Title');
    const csvBack = await preview(people.staffFR, 'awareness-sessions', template.rawPayload);
    expect(csvBack.rows.map((r) => r.errors)).toEqual([[]]);

    for (const kind of ['activities', 'awareness-sessions', 'recommendations']) {
      const book = await get(`/api/v1/imports/${kind}/template.xlsx`, 'en');
      expect(book.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(book.rawPayload as never);
      expect(workbook.worksheets).toHaveLength(2);
      expect(workbook.worksheets[1]?.rowCount).toBeGreaterThan(5);
    }
    const activitiesBook = await get('/api/v1/imports/activities/template.xlsx', 'en');
    const back = await preview(people.staffFR, 'activities', activitiesBook.rawPayload);
    expect(back.rows.map((r) => r.errors)).toEqual([[]]);

    const layout = await request(t.app, people.staffFR)('GET', '/api/v1/imports/recommendations/columns');
    expect(layout.statusCode).toBe(200);
    expect(layout.json().columns.find((c: Json) => c.key === 'theme').values).toContain('legal_basis');
  });
});
