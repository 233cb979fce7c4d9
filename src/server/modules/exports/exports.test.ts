import { createHash, randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
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
import { convertWithLibreOffice } from '../../../../tests/support/libreoffice.js';
import { multipartBody } from '../../../../tests/support/multipart.js';
import { samplePng } from '../../../../tests/support/sample-files.js';
import { exportListNames } from '../../../shared/contract/exports.js';
import type { Facility } from '../../../shared/contract/monitoring.js';
import { type People, signInPeople } from '../plan/plan.fixtures.js';
import { exportLists } from './lists/index.js';

type Json = Record<string, unknown>;

// Text a spreadsheet would otherwise run as a formula.
const hostileNames = ['=HYPERLINK("http://evil.test","clic")', '+33 centre', '-2+3 annexe', '@SUM(A1)'];

describe.each(testEngines())('exports on %s', (engine) => {
  let t: TestApp;
  let people: People;
  let spain: string;
  let staffES: Session;
  let contactPointES: Session;
  const marker = `Exp${Date.now().toString(36)}`;

  const call = (session: Session | null) => request(t.app, session);
  const exportOf = (session: Session | null, list: string, body: Json) =>
    call(session)('POST', `/api/v1/exports/${list}`, body);
  async function listed(session: Session | null, query: string): Promise<Facility[]> {
    const items: Facility[] = [];
    for (let page = 1; ; page += 1) {
      const response = await call(session)('GET', `/api/v1/facilities?${query}&pageSize=100&page=${page}`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json() as { items: Facility[]; total: number };
      items.push(...body.items);
      if (items.length >= body.total) return items;
    }
  }
  async function csvRows(session: Session | null, filters: Json): Promise<string[][]> {
    const response = await exportOf(session, 'facilities', { format: 'csv', filters });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    return parse(response.rawPayload.toString('utf8').slice(1), { relax_column_count: false }) as string[][];
  }
  const auditCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function facility(session: Session, name: string, more: Json = {}): Promise<Facility> {
    const response = await call(session)('POST', '/api/v1/facilities', {
      name,
      kind: 'reception_centre',
      countryCode: 'FR',
      city: 'Calais',
      holdsChildren: true,
      capacity: 40,
      ...more,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInPeople(t);
    spain = await institutionId(t.db, 'ES');
    staffES = await signIn(t.app, (await createUser(t.db, 'staff', { institutionId: spain })).email, PASSWORD);
    contactPointES = await signIn(
      t.app,
      (await createUser(t.db, 'contact_point', { institutionId: spain })).email,
      PASSWORD,
    );
    for (const visibility of ['institution', 'group', 'partners', 'public'] as const) {
      await facility(people.staffFR, `${marker} France ${visibility}`, { visibility });
      await facility(staffES, `${marker} Espagne ${visibility}`, {
        visibility,
        countryCode: 'ES',
        kind: 'detention_centre',
        city: 'Madrid',
      });
    }
    for (const name of hostileNames) {
      await facility(people.staffFR, `${name} ${marker}`, { visibility: 'group', city: '=cmd|"/c calc"!A1' });
    }
  }, 120_000);
  afterAll(() => t.close());

  it('exports as CSV exactly the rows the list gives each person, in its order, with translated headers', async () => {
    const seen: Record<string, string[]> = {};
    for (const [who, session] of [
      ['staffFR', people.staffFR],
      ['staffES', staffES],
      ['partner', people.partner],
      ['admin', people.admin],
    ] as const) {
      const rows = await csvRows(session, { q: marker, sort: 'name', order: 'desc' });
      const items = await listed(session, `q=${marker}&sort=name&order=desc`);
      const [header, ...body] = rows;
      // Headers in the caller's language: the seeded administrator works in French.
      expect(header?.[0]).toBe(who === 'admin' ? 'Nom' : 'Name');
      expect(header?.at(-1)).toBe(who === 'admin' ? 'Identifiant' : 'Id');
      expect(body.map((row) => row.at(-1))).toEqual(items.map((item) => item.id));
      seen[who] = body.map((row) => row[0] as string);
    }
    // France's staff see all of France's and Spain's shared ones; Spain's staff the reverse; the partner only what
    // is shared with partners or public.
    expect(seen.staffFR).toContain(`${marker} France institution`);
    expect(seen.staffFR).not.toContain(`${marker} Espagne institution`);
    expect(seen.staffES).toContain(`${marker} Espagne institution`);
    expect(seen.staffES).not.toContain(`${marker} France institution`);
    expect(seen.partner?.filter((name) => name.includes(' France '))).toEqual([
      `${marker} France public`,
      `${marker} France partners`,
    ]);
    expect(seen.staffFR).not.toEqual(seen.staffES);
  });

  it('applies the list’s filters and sort, page after page past five thousand rows', async () => {
    const rows = await csvRows(people.staffFR, { q: marker, kind: 'detention_centre' });
    expect(rows.slice(1).map((row) => row[0])).toEqual([
      `${marker} Espagne group`,
      `${marker} Espagne partners`,
      `${marker} Espagne public`,
    ]);
    // Past an export's page of 5,000 rows: written straight to the table, as the API's own create is tested apart.
    const many = `${marker}many`;
    const now = new Date().toISOString();
    const rowsOfMany = Array.from({ length: 5100 }, (_, i) => ({
      id: randomUUID(),
      name: `${many} ${String(i).padStart(4, '0')}`,
      kind: 'reception_centre',
      country_code: 'FR',
      region: null,
      city: 'Calais',
      latitude: null,
      longitude: null,
      operating_authority: null,
      capacity: i,
      holds_children: 1,
      is_open: 1,
      notes: null,
      owner_institution_id: people.france,
      visibility: 'institution',
      version: 1,
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < rowsOfMany.length; i += 150) {
      await t.db
        .insertInto('facilities')
        .values(rowsOfMany.slice(i, i + 150))
        .execute();
    }
    const all = await csvRows(people.staffFR, { q: many, sort: 'name', order: 'desc' });
    const listedMany = await listed(people.staffFR, `q=${many}&sort=name&order=desc`);
    expect(listedMany).toHaveLength(5100);
    expect(all.slice(1).map((row) => row.at(-1))).toEqual(listedMany.map((item) => item.id));
    expect(all[1]?.[0]).toBe(`${many} 5099`);
    // Spain's staff may see none of them, and get a file with the header only.
    expect(await csvRows(staffES, { q: many })).toHaveLength(1);
  }, 120_000);

  it('parses back to the list’s values and neutralises formulas with an apostrophe', async () => {
    const rows = await csvRows(people.staffFR, { q: marker, kind: 'reception_centre', sort: 'name' });
    const items = await listed(people.staffFR, `q=${marker}&kind=reception_centre&sort=name`);
    const header = rows[0] as string[];
    const column = (name: string) => header.indexOf(name);
    expect(rows).toHaveLength(items.length + 1);
    items.forEach((item, index) => {
      const row = rows[index + 1] as string[];
      const name = /^[=+\-@]/.test(item.name) ? `'${item.name}` : item.name;
      expect(row[column('Name')]).toBe(name);
      expect(row[column('Capacity')]).toBe(String(item.capacity));
      expect(row[column('Holds children')]).toBe('Yes');
      expect(row[column('Country')]).toBe(item.countryCode);
      expect(row[column('Visibility')]).toBe(item.visibility);
      expect(row[column('Updated at')]).toBe(item.updatedAt);
    });
    const names = rows.slice(1).map((row) => row[column('Name')]);
    for (const hostile of hostileNames) expect(names).toContain(`'${hostile} ${marker}`);
    expect(rows.filter((row) => row[column('City')] === `'=cmd|"/c calc"!A1`)).toHaveLength(hostileNames.length);
  });

  it('writes XLSX with a bold frozen header, typed cells and formulas kept as text', async () => {
    const response = await exportOf(people.staffFR, 'facilities', {
      format: 'xlsx',
      filters: { q: marker, sort: 'name' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="vigie-facilities-${today}.xlsx"; filename*=UTF-8''vigie-facilities-${today}.xlsx`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('Facilities');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const at = (name: string) => headers.indexOf(name) + 1;
    const items = await listed(people.staffFR, `q=${marker}&sort=name`);
    expect(sheet.rowCount).toBe(items.length + 1);
    items.forEach((item, index) => {
      const row = sheet.getRow(index + 2);
      expect(row.getCell(at('Id')).value).toBe(item.id);
      // Text stays text, whatever it starts with: no formula cell.
      expect(row.getCell(at('Name')).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(at('Name')).value).toBe(item.name);
      expect(row.getCell(at('Capacity')).value).toBe(item.capacity);
      const updated = row.getCell(at('Updated at'));
      expect(updated.type).toBe(ExcelJS.ValueType.Date);
      expect((updated.value as Date).toISOString()).toBe(item.updatedAt);
    });
    expect(sheet.getColumn(at('Name')).width ?? 0).toBeGreaterThan(20);
  });

  it('opens in LibreOffice with the same rows as the list', async () => {
    const response = await exportOf(people.staffFR, 'facilities', { format: 'xlsx', filters: { q: marker } });
    expect(response.statusCode).toBe(200);
    const csv = convertWithLibreOffice(response.rawPayload, {
      extension: 'xlsx',
      convertTo: 'csv:Text - txt - csv (StarCalc):44,34,76',
      convertedExtension: 'csv',
      what: 'the XLSX export',
    });
    if (!csv) return;
    const rows = parse(csv.toString('utf8').replace(/^\uFEFF/, '')) as string[][];
    const items = await listed(people.staffFR, `q=${marker}`);
    const header = rows[0] as string[];
    expect(rows.slice(1).map((row) => row[header.indexOf('Id')])).toEqual(items.map((item) => item.id));
    expect(rows.slice(1).map((row) => row[header.indexOf('Name')])).toEqual(items.map((item) => item.name));
    // Formulas stayed text (an evaluated =HYPERLINK would read "clic"); numbers and instants read back as written.
    expect(rows.slice(1).map((row) => row[header.indexOf('Capacity')])).toEqual(
      items.map((item) => String(item.capacity)),
    );
    // Shown to the second: LibreOffice may round the milliseconds up.
    rows.slice(1).forEach((row, index) => {
      const shown = Date.parse(`${(row[header.indexOf('Updated at')] ?? '').replace(' ', 'T')}Z`);
      expect(Math.abs(shown - Date.parse(items[index]?.updatedAt ?? ''))).toBeLessThanOrEqual(1000);
    });
  }, 180_000);

  it('records each export in the audit trail: list, format, filters and row count, never the values', async () => {
    const before = await auditCount();
    const rows = await csvRows(people.staffFR, { q: `${marker} France` });
    const event = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'export')
      .where('entity', '=', 'facilities')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(await auditCount()).toBe(before + 1);
    expect(event.actor_user_id).toBe(people.staffFR.userId);
    expect(event.institution_id).toBe(people.france);
    const changes = JSON.parse(event.changes);
    expect(changes).toEqual({
      format: { before: null, after: 'csv' },
      filters: { before: null, after: { q: `${marker} France` } },
      rows: { before: null, after: rows.length - 1 },
    });
    expect(event.changes).not.toContain('Calais');
  });

  it('refuses what the list refuses, and changes nothing', async () => {
    const before = await auditCount();
    const unknown = await exportOf(people.staffFR, 'secrets', { format: 'csv' });
    expect(unknown.statusCode).toBe(404);
    const badFilter = await exportOf(people.staffFR, 'facilities', { format: 'csv', filters: { kind: 'castle' } });
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().error.details[0]).toMatchObject({ field: 'body.filters.kind', issue: 'invalid_value' });
    const unknownFilter = await exportOf(people.staffFR, 'visits', { format: 'csv', filters: { colour: 'red' } });
    expect(unknownFilter.statusCode).toBe(400);
    expect(unknownFilter.json().error.details[0]).toMatchObject({
      field: 'body.filters.colour',
      issue: 'unrecognized_key',
    });
    const paging = await exportOf(people.staffFR, 'visits', { format: 'csv', filters: { page: '2' } });
    expect(paging.statusCode).toBe(400);
    const badFormat = await exportOf(people.staffFR, 'visits', { format: 'pdf' });
    expect(badFormat.json().error.details[0]).toMatchObject({ field: 'body.format' });
    expect((await exportOf(null, 'facilities', { format: 'csv' })).statusCode).toBe(401);
    // The accounts list is for those who manage accounts: its own rule answers.
    expect((await exportOf(people.staffFR, 'users', { format: 'csv' })).statusCode).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it('exports the accounts a contact point manages and the audit trail for administrators', async () => {
    const users = await exportOf(people.contactPointFR, 'users', { format: 'csv', filters: {} });
    expect(users.statusCode, users.body).toBe(200);
    const listedUsers = (await call(people.contactPointFR)('GET', '/api/v1/users?pageSize=100')).json();
    const rows = parse(users.rawPayload.toString('utf8').slice(1)) as string[][];
    expect(rows.slice(1).map((row) => row.at(-1))).toEqual(listedUsers.items.map((u: Json) => u.id));
    expect(users.body).not.toContain('argon2');
    const audit = await exportOf(people.admin, 'audit-events', { format: 'xlsx', filters: { order: 'desc' } });
    expect(audit.statusCode, audit.body).toBe(200);
    for (const list of ['visits', 'recommendations', 'activities', 'awareness-sessions', 'materials', 'plans']) {
      const response = await exportOf(people.partner, list, { format: 'csv' });
      expect(response.statusCode, `${list}: ${response.body}`).toBe(200);
    }
  });

  it('answers for every registered list as the list does: same status, same number of rows', async () => {
    for (const name of exportListNames) {
      const { path: listPath } = exportLists[name].route;
      for (const session of [people.admin, people.staffFR, people.partner]) {
        const list = await call(session)('GET', `${listPath}?pageSize=1`);
        const exported = await exportOf(session, name, { format: 'csv' });
        expect(exported.statusCode, `${name}: ${exported.body}`).toBe(list.statusCode);
        if (list.statusCode !== 200) continue;
        const rows = parse(exported.rawPayload.toString('utf8').slice(1)) as string[][];
        expect(rows.length - 1, name).toBe(list.json().total);
        const xlsx = await exportOf(session, name, { format: 'xlsx' });
        expect(xlsx.statusCode, `${name}: ${xlsx.body}`).toBe(200);
      }
    }
  }, 120_000);

  describe('an institution’s own data', () => {
    let franceData: Json;
    let documentId: string;
    let keptInstitution: string;
    let keptAccount: string;

    beforeAll(async () => {
      const body = multipartBody({ title: `${marker} rapport`, visibility: 'institution' }, [
        { filename: 'photo.png', content: samplePng, contentType: 'image/png' },
      ]);
      const uploaded = await t.app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        payload: body.payload,
        headers: {
          'content-type': body.contentType,
          cookie: people.staffFR.cookie,
          'x-csrf-token': people.staffFR.csrfToken,
        },
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      documentId = uploaded.json().id;
      const [place] = await listed(people.staffFR, `q=${marker} France institution`);
      const visit = await call(people.staffFR)('POST', '/api/v1/visits', {
        facilityId: place?.id,
        startsOn: '2017-03-13',
        endsOn: '2017-03-14',
        type: 'in_depth',
        announced: true,
        visibility: 'institution',
      });
      expect(visit.statusCode, visit.body).toBe(201);
      const urgent = await call(people.staffFR)('POST', `/api/v1/visits/${visit.json().id}/urgent-situations`, {
        code: 'EXP-01',
        ageBand: '15-17',
        sex: 'female',
        needs: ['health'],
        details: 'Nom : Amina K., oncle à Lyon',
      });
      expect(urgent.statusCode, urgent.body).toBe(201);
      // An institution record France keeps for another country: the record is France's, its accounts are not.
      const kept = await call(people.staffFR)('POST', '/api/v1/institutions', {
        countryCode: 'BE',
        nameFr: `${marker} Médiateur`,
        kind: 'ombudsman',
      });
      expect(kept.statusCode, kept.body).toBe(201);
      keptInstitution = kept.json().id;
      keptAccount = (await createUser(t.db, 'staff', { institutionId: keptInstitution })).id;
      const response = await call(people.contactPointFR)('POST', `/api/v1/institutions/${people.france}/data-export`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-disposition']).toContain('attachment; filename="vigie-institution-');
      expect(response.headers['cache-control']).toBe('private, no-store');
      franceData = response.json();
    }, 60_000);

    it('holds France’s records with their child rows and the current file, and none of Spain’s', async () => {
      expect(franceData.format).toBe('vigie-institution-data/1');
      expect(Number.isNaN(Date.parse(franceData.generatedAt as string))).toBe(false);
      expect((franceData.institution as Json).id).toBe(people.france);
      const tables = franceData.tables as Record<string, Json[]>;
      for (const [name, rows] of Object.entries(tables)) {
        for (const row of rows) {
          if ('owner_institution_id' in row && name !== 'institutions') {
            expect(row.owner_institution_id, name).toBe(people.france);
          }
        }
      }
      const names = (tables.facilities ?? []).map((row) => row.name);
      expect(names).toContain(`${marker} France institution`);
      expect(names.some((name) => String(name).includes('Espagne'))).toBe(false);
      expect(JSON.stringify(franceData)).not.toContain(spain);
      expect(tables.visits).toHaveLength(1);
      expect(tables.urgent_situations?.[0]).toMatchObject({ code: 'EXP-01' });
      const versions = (tables.document_versions ?? []).filter((v) => v.document_id === documentId);
      expect(versions).toHaveLength(1);
      const stored = await t.db
        .selectFrom('document_versions')
        .select('sha256')
        .where('document_id', '=', documentId)
        .executeTakeFirstOrThrow();
      const bytes = Buffer.from(versions[0]?.content as string, 'base64');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored.sha256);
      expect(tables.users?.map((u) => u.id)).toContain(people.staffFR.userId);
      expect(tables.institutions?.map((i) => i.id)).toContain(keptInstitution);
      expect(tables.users?.map((u) => u.id)).not.toContain(keptAccount);
      expect(tables.users?.every((u) => u.institution_id === people.france)).toBe(true);
    });

    it('leaves every secret out and says why', () => {
      const text = JSON.stringify(franceData.tables);
      for (const secret of ['argon2', 'Amina', 'Kaboul']) expect(text).not.toContain(secret);
      const columns = new Set(
        Object.values(franceData.tables as Record<string, Json[]>).flatMap((rows) => rows.flatMap(Object.keys)),
      );
      for (const column of ['password_hash', 'details_encrypted', 'token_hash', 'secret_encrypted', 'code_hash']) {
        expect(columns.has(column), column).toBe(false);
      }
      expect(franceData.tables).not.toHaveProperty('sessions');
      expect(franceData.tables).not.toHaveProperty('api_tokens');
      const leftOut = franceData.leftOut as { what: string; why: string }[];
      expect(leftOut.map((l) => l.what)).toContain('users.password_hash');
      expect(leftOut.every((l) => l.why.length > 20)).toBe(true);
    });

    it('is for administrators and the institution’s contact points, and audited', async () => {
      const url = `/api/v1/institutions/${people.france}/data-export`;
      expect((await call(people.admin)('POST', url)).statusCode).toBe(200);
      for (const session of [people.staffFR, contactPointES, people.coordinator, people.partner]) {
        expect((await call(session)('POST', url)).statusCode).toBe(403);
      }
      expect((await call(null)('POST', url)).statusCode).toBe(401);
      expect(
        (await call(people.admin)('POST', '/api/v1/institutions/00000000-0000-4000-8000-000000000000/data-export'))
          .statusCode,
      ).toBe(404);
      const events = await t.db
        .selectFrom('audit_events')
        .select(['actor_user_id', 'changes'])
        .where('entity', '=', 'institution')
        .where('entity_id', '=', people.france)
        .where('action', '=', 'export')
        .execute();
      expect(events.map((e) => e.actor_user_id).sort()).toEqual(
        [people.contactPointFR.userId, (await adminId()) as string].sort(),
      );
      expect(events[0]?.changes).not.toContain('Calais');
    });
  });

  // Last: the hundred thousand rows it adds would only slow the tests above.
  it('refuses past 100,000 rows with a 413 asking to narrow the filters, and records nothing', async () => {
    const crowd = `${marker}crowd`;
    const now = new Date().toISOString();
    for (let i = 0; i < 100_001; i += 500) {
      const size = Math.min(500, 100_001 - i);
      await t.db
        .insertInto('facilities')
        .values(
          Array.from({ length: size }, (_, j) => ({
            id: randomUUID(),
            name: `${crowd} ${i + j}`,
            kind: 'other',
            country_code: 'FR',
            region: null,
            city: null,
            latitude: null,
            longitude: null,
            operating_authority: null,
            capacity: null,
            holds_children: 0,
            is_open: 1,
            notes: null,
            owner_institution_id: people.france,
            visibility: 'institution',
            version: 1,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
    const before = await auditCount();
    const response = await exportOf(people.staffFR, 'facilities', { format: 'xlsx', filters: { q: crowd } });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({
      code: 'export_too_large',
      message:
        'This export would hold 100,001 rows, more than the limit of 100,000: narrow the filters to export fewer.',
    });
    expect(await auditCount()).toBe(before);
    // Spain's staff see none of them: their export of the same filter is an empty file, not a refusal.
    expect(await csvRows(staffES, { q: crowd })).toHaveLength(1);
  }, 180_000);

  const adminId = async () =>
    (await t.db.selectFrom('users').select('id').where('role', '=', 'administrator').executeTakeFirst())?.id;
});
