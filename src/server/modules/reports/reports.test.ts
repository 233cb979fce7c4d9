import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
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
import { convertWithLibreOffice } from '../../../../tests/support/libreoffice.js';
import { generatePending, generationsSettled } from './generation.js';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in the assertions.
type Json = Record<string, any>;

const FROM = '2017-01-01';
const TO = '2018-12-31';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** The text of a DOCX's body, paragraph by paragraph. */
function docxText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] as Uint8Array);
  return xml
    .replace(/<\/w:p>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.each(testEngines())('consolidated reports on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let franceStaff: Session;
  let franceStaffId: string;
  let france: string;
  const call = (s: Session | null) => request(t.app, s);

  /** Polls a report until it is done or failed, keeping every (status, progress) seen. */
  async function waitFor(s: Session, id: string) {
    const seen: { status: string; progress: number; step: string | null }[] = [];
    for (let i = 0; i < 600; i++) {
      const response = await call(s)('GET', `/api/v1/reports/${id}`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json() as Json;
      seen.push({ status: body.status, progress: body.progress, step: body.step });
      if (body.status === 'done' || body.status === 'failed') return { report: body, seen };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`report ${id} did not finish: ${JSON.stringify(seen.at(-1))}`);
  }

  const rows = async () =>
    Number(
      (
        await t.db
          .selectFrom('activity_reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(engine, { VIGIE_DEMO: '1' });
    france = await institutionId(t.db, 'FR');
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const staff = await createUser(t.db, 'staff', { institutionId: france, language: 'fr' });
    franceStaffId = staff.id;
    franceStaff = await signIn(t.app, staff.email, PASSWORD);
  });
  afterAll(async () => {
    await generationsSettled();
    await t?.close();
  });

  it('generates the report in the background: the plan’s axes and the period’s totals, in PDF and DOCX', async () => {
    const created = await call(admin)('POST', '/api/v1/reports', { from: FROM, to: TO, language: 'en' });
    expect(created.statusCode, created.body).toBe(202);
    const { id, status } = created.json() as Json;
    expect(status).toBe('queued');

    const { report, seen } = await waitFor(admin, id);
    expect(report).toMatchObject({ status: 'done', progress: 100, step: null, error: null, language: 'en' });
    expect(report.pdfSize).toBeGreaterThan(1000);
    expect(report.docxSize).toBeGreaterThan(1000);
    // Progress only moves forward, from queued to done.
    const progresses = seen.map((s) => s.progress);
    expect(progresses).toEqual([...progresses].sort((a, b) => a - b));

    // What the lists give for the period, as the same person.
    const total = async (url: string) => {
      const response = await call(admin)('GET', url);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as Json).total as number;
    };
    const expected: Record<1 | 2 | 3 | 4 | 5, number> = {
      1: await total(`/api/v1/activities?axis=1&from=${FROM}&to=${TO}`),
      2: await total(`/api/v1/activities?axis=2&from=${FROM}&to=${TO}`),
      3: await total(`/api/v1/activities?axis=3&from=${FROM}&to=${TO}`),
      4: await total(`/api/v1/awareness-sessions?from=${FROM}&to=${TO}`),
      5: await total(`/api/v1/visits?from=${FROM}&to=${TO}`),
    };
    // The demonstration data has activities and visits in the period: the totals are not all zero.
    expect(expected[1] + expected[5]).toBeGreaterThan(0);
    expect(expected[5]).toBe(4);

    const plans = (await call(admin)('GET', '/api/v1/plans')).json() as Json;
    const plan = (await call(admin)('GET', `/api/v1/plans/${plans.items[0].id}`)).json() as Json;
    const axes = (plan.axes as Json[]).filter((a) => /^[1-5]$/.test(a.number));
    expect(axes).toHaveLength(5);

    const pdf = await call(admin)('GET', `/api/v1/reports/${id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('attachment');
    expect(pdf.headers['content-disposition']).toContain(`activity-report-${FROM}-${TO}.pdf`);
    expect(pdf.headers['cache-control']).toBe('private, no-store');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Consolidated activity report of the working group');
    expect(text).toContain(`Period from ${FROM} to ${TO}`);
    const summary = text.slice(text.indexOf('Summary by axis'));
    for (const axis of axes) {
      const heading = `Axis ${axis.number} — ${axis.titleEn ?? axis.titleFr}`;
      const found = summary.match(new RegExp(`${literal(heading)} (\\d+)`));
      expect(found, heading).not.toBeNull();
      expect(Number(found?.[1]), heading).toBe(expected[Number(axis.number) as 1 | 2 | 3 | 4 | 5]);
    }
    // Per axis, the network dashboard's figures for the same period.
    const dashboard = (await call(admin)('GET', `/api/v1/dashboard?from=${FROM}&to=${TO}`)).json() as Json;
    expect(dashboard.visits.total.value).toBe(expected[5]);
    expect(dashboard.awareness.sessions.value).toBe(expected[4]);
    expect(text).toContain(`Meetings held ${dashboard.dialogue.meetings.value}`);
    expect(text).toContain(`People trained ${dashboard.trainings.people.value}`);
    expect(text).toContain(`Recommendations issued after these visits ${dashboard.recommendations.total.value}`);
    // Highlights: the visits of the period with their dates.
    expect(text).toContain('2017-04-26');
    expect(text).toContain('Hotspot de Trapani-Milo');

    const docx = await call(admin)('GET', `/api/v1/reports/${id}/report.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const body = docxText(docx.rawPayload);
    for (const axis of axes) expect(body).toContain(`Axis ${axis.number} — ${axis.titleEn ?? axis.titleFr}`);

    const docxAsPdf = convertWithLibreOffice(docx.rawPayload, {
      extension: 'docx',
      convertTo: 'pdf',
      convertedExtension: 'pdf',
      what: 'the consolidated DOCX',
    });
    if (!docxAsPdf) return;
    const converted = await pdfText(docxAsPdf);
    const convertedSummary = converted.slice(converted.indexOf('Summary by axis'));
    for (const axis of axes) {
      const heading = `Axis ${axis.number} — ${axis.titleEn ?? axis.titleFr}`;
      expect(convertedSummary).toMatch(
        new RegExp(`${literal(heading)} ${expected[Number(axis.number) as 1 | 2 | 3 | 4 | 5]}\\b`),
      );
    }
  }, 240_000);

  it('is read by its requester only: anyone else, administrators included, gets 404', async () => {
    const created = (
      await call(franceStaff)('POST', '/api/v1/reports', {
        from: FROM,
        to: TO,
        language: 'fr',
        institutionIds: [france],
      })
    ).json() as Json;
    const { report } = await waitFor(franceStaff, created.id);
    expect(report.status).toBe('done');
    expect(report.institutions.map((i: Json) => i.id)).toEqual([france]);

    const text = await pdfText((await call(franceStaff)('GET', `/api/v1/reports/${created.id}/report.pdf`)).rawPayload);
    expect(text).toContain('Rapport d’activité consolidé du groupe de travail');
    expect(text).toContain('Axe 5 — Organisation de visites de vérifications sur place');
    const visits = (
      await call(franceStaff)('GET', `/api/v1/visits?from=${FROM}&to=${TO}&institution=${france}`)
    ).json();
    const summary = text.slice(text.indexOf('Synthèse par axe'));
    expect(summary).toMatch(
      new RegExp(`Axe 5 — Organisation de visites de vérifications sur place ${visits.total}\\b`),
    );

    for (const url of [
      `/api/v1/reports/${created.id}`,
      `/api/v1/reports/${created.id}/report.pdf`,
      `/api/v1/reports/${created.id}/report.docx`,
    ]) {
      expect((await call(admin)('GET', url)).statusCode).toBe(404);
    }
    expect((await call(admin)('DELETE', `/api/v1/reports/${created.id}`)).statusCode).toBe(404);
    expect((await call(null)('GET', `/api/v1/reports/${created.id}`)).statusCode).toBe(401);
    const adminList = (await call(admin)('GET', '/api/v1/reports?pageSize=100')).json() as Json;
    expect(adminList.items.map((r: Json) => r.id)).not.toContain(created.id);
    const ownList = (await call(franceStaff)('GET', '/api/v1/reports?sort=createdAt&order=desc')).json() as Json;
    expect(ownList.total).toBe(1);
    expect(ownList.items[0].id).toBe(created.id);
  }, 240_000);

  it('limited to several institutions, counts each record listed for any of them once', async () => {
    const morocco = await institutionId(t.db, 'MA');
    const macedonia = await institutionId(t.db, 'MK');
    const chosen = [france, morocco, macedonia];
    const created = (
      await call(admin)('POST', '/api/v1/reports', {
        from: FROM,
        to: TO,
        language: 'en',
        institutionIds: chosen,
      })
    ).json() as Json;
    const { report } = await waitFor(admin, created.id);
    expect(report.status).toBe('done');
    const union = async (url: (id: string) => string) => {
      const ids = new Set<string>();
      for (const institution of chosen) {
        const page = (await call(admin)('GET', url(institution))).json() as Json;
        for (const item of page.items as Json[]) ids.add(item.id);
      }
      return ids.size;
    };
    const visits = await union((i) => `/api/v1/visits?from=${FROM}&to=${TO}&institution=${i}&pageSize=100`);
    const axis1 = await union((i) => `/api/v1/activities?axis=1&from=${FROM}&to=${TO}&institutionId=${i}&pageSize=100`);
    expect(visits + axis1).toBeGreaterThan(0);
    const text = await pdfText((await call(admin)('GET', `/api/v1/reports/${created.id}/report.pdf`)).rawPayload);
    const summary = text.slice(text.indexOf('Summary by axis'));
    expect(summary).toMatch(new RegExp(`Axis 5 — On-site verification visits ${visits}\\b`));
    expect(summary).toMatch(new RegExp(`Axis 1 — Creation of dialogue bodies and partnerships ${axis1}\\b`));
    // Reach is not added up over a selection of institutions: the children met are left out.
    expect(text).not.toContain('Children met');
  }, 240_000);

  it('refuses a bad request with a clear 400 and records nothing', async () => {
    const before = await rows();
    const cases: [Json, string][] = [
      [{ from: TO, to: FROM, language: 'en' }, 'end_before_start'],
      [{ from: '2015-01-01', to: '2018-12-31', language: 'en' }, 'range_too_long'],
      [{ from: FROM, to: TO, language: 'ar' }, 'invalid_value'],
      [{ from: FROM, to: TO, language: 'en', institutionIds: [randomUUID()] }, 'unknown_reference'],
      [{ from: FROM, to: TO, language: 'en', extra: 1 }, 'unrecognized_key'],
    ];
    for (const [body, issue] of cases) {
      const response = await call(franceStaff)('POST', '/api/v1/reports', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      const error = (response.json() as Json).error;
      expect(error.code).toBe('validation_failed');
      expect(error.details.map((d: Json) => d.issue)).toContain(issue);
      expect(error.message.length).toBeGreaterThan(0);
    }
    expect(await rows()).toBe(before);
    expect((await call(null)('POST', '/api/v1/reports', { from: FROM, to: TO, language: 'en' })).statusCode).toBe(401);
  });

  it('resumes a report whose process died (its claim expired), and leaves one under a live claim alone', async () => {
    const insert = async (leaseUntil: string, owner: string) => {
      const id = randomUUID();
      await t.db
        .insertInto('activity_reports')
        .values({
          id,
          requested_by: franceStaffId,
          language: 'en',
          period_from: FROM,
          period_to: TO,
          institution_ids: '[]',
          status: 'running',
          progress: 45,
          step: 'institutions',
          error: null,
          lease_owner: owner,
          lease_until: leaseUntil,
          attempts: 1,
          pdf: null,
          pdf_size: null,
          docx: null,
          docx_size: null,
          created_at: new Date().toISOString(),
          started_at: new Date().toISOString(),
          finished_at: null,
        })
        .execute();
      return id;
    };
    const killed = await insert(new Date(Date.now() - 1000).toISOString(), 'a-process-that-was-killed');
    const alive = await insert(new Date(Date.now() + 3600_000).toISOString(), 'a-process-still-working');

    const run = await call(admin)('POST', '/api/v1/admin/jobs/reports-generation/run');
    expect(run.statusCode, run.body).toBe(200);

    const resumed = (await call(franceStaff)('GET', `/api/v1/reports/${killed}`)).json() as Json;
    expect(resumed).toMatchObject({ status: 'done', progress: 100 });
    const row = await t.db
      .selectFrom('activity_reports')
      .select(['attempts', 'lease_owner', 'pdf_size'])
      .where('id', '=', killed)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(2);
    expect(row.lease_owner).toBeNull();
    const text = await pdfText((await call(franceStaff)('GET', `/api/v1/reports/${killed}/report.pdf`)).rawPayload);
    expect(text).toContain('Summary by axis');

    const untouched = await t.db
      .selectFrom('activity_reports')
      .select(['status', 'progress', 'lease_owner', 'attempts'])
      .where('id', '=', alive)
      .executeTakeFirstOrThrow();
    expect(untouched).toEqual({
      status: 'running',
      progress: 45,
      lease_owner: 'a-process-still-working',
      attempts: 1,
    });
    // Not downloadable until done.
    expect((await call(franceStaff)('GET', `/api/v1/reports/${alive}/report.pdf`)).statusCode).toBe(409);
    await t.db.deleteFrom('activity_reports').where('id', '=', alive).execute();
  }, 240_000);

  it('gives each waiting report to exactly one of several concurrent passes', async () => {
    const ids = await Promise.all(
      [0, 1, 2].map(async () => {
        const id = randomUUID();
        await t.db
          .insertInto('activity_reports')
          .values({
            id,
            requested_by: franceStaffId,
            language: 'fr',
            period_from: '2017-01-01',
            period_to: '2017-06-30',
            institution_ids: '[]',
            status: 'queued',
            progress: 0,
            step: null,
            error: null,
            lease_owner: null,
            lease_until: null,
            attempts: 0,
            pdf: null,
            pdf_size: null,
            docx: null,
            docx_size: null,
            created_at: new Date().toISOString(),
            started_at: null,
            finished_at: null,
          })
          .execute();
        return id;
      }),
    );
    const passes = await Promise.all([generatePending(t.db), generatePending(t.db), generatePending(t.db)]);
    expect(passes.reduce((n, p) => n + p.done, 0)).toBe(3);
    const rows = await t.db
      .selectFrom('activity_reports')
      .select(['id', 'status', 'attempts'])
      .where('id', 'in', ids)
      .execute();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['done', 1],
      ['done', 1],
      ['done', 1],
    ]);
    const generated = await t.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('entity', '=', 'activity_report')
      .where('action', '=', 'generate')
      .where('entity_id', 'in', ids)
      .execute();
    expect(generated).toHaveLength(3);
    await t.db.deleteFrom('activity_reports').where('id', 'in', ids).execute();
  }, 120_000);

  it('fails with a reason when the requester’s account is no longer active', async () => {
    const other = await createUser(t.db, 'staff', { institutionId: france });
    const session = await signIn(t.app, other.email, PASSWORD);
    const id = randomUUID();
    await t.db
      .insertInto('activity_reports')
      .values({
        id,
        requested_by: other.id,
        language: 'fr',
        period_from: FROM,
        period_to: TO,
        institution_ids: '[]',
        status: 'queued',
        progress: 0,
        step: null,
        error: null,
        lease_owner: null,
        lease_until: null,
        attempts: 0,
        pdf: null,
        pdf_size: null,
        docx: null,
        docx_size: null,
        created_at: new Date().toISOString(),
        started_at: null,
        finished_at: null,
      })
      .execute();
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', other.id).execute();
    expect((await call(admin)('POST', '/api/v1/admin/jobs/reports-generation/run')).statusCode).toBe(200);
    const row = await t.db
      .selectFrom('activity_reports')
      .select(['status', 'error', 'pdf_size'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', error: 'requester_unavailable', pdf_size: null });
    expect((await call(session)('GET', `/api/v1/reports/${id}`)).statusCode).toBe(401);
  }, 120_000);

  it('lets retention delete reports finished longer ago than the period, never one waiting or under way', async () => {
    const old = new Date(Date.now() - 400 * 86_400_000).toISOString();
    const insert = async (status: string, finishedAt: string | null) => {
      const id = randomUUID();
      await t.db
        .insertInto('activity_reports')
        .values({
          id,
          requested_by: franceStaffId,
          language: 'fr',
          period_from: FROM,
          period_to: TO,
          institution_ids: '[]',
          status,
          progress: status === 'done' ? 100 : 0,
          step: null,
          error: status === 'failed' ? 'generation_failed' : null,
          lease_owner: status === 'running' ? 'a-process-still-working' : null,
          lease_until: status === 'running' ? new Date(Date.now() + 3600_000).toISOString() : null,
          attempts: 1,
          pdf: null,
          pdf_size: null,
          docx: null,
          docx_size: null,
          created_at: old,
          started_at: old,
          finished_at: finishedAt,
        })
        .execute();
      return id;
    };
    const oldDone = await insert('done', old);
    const oldFailed = await insert('failed', old);
    const recent = await insert('done', new Date().toISOString());
    const running = await insert('running', null);
    const purge = await call(admin)('POST', '/api/v1/admin/jobs/retention-purge/run');
    expect(purge.statusCode, purge.body).toBe(200);
    expect((purge.json() as Json).outcome).toBe('succeeded');
    const left = await t.db
      .selectFrom('activity_reports')
      .select('id')
      .where('id', 'in', [oldDone, oldFailed, recent, running])
      .execute();
    expect(left.map((r) => r.id).sort()).toEqual([recent, running].sort());
    await t.db.deleteFrom('activity_reports').where('id', 'in', [recent, running]).execute();
  });

  it('deletes a report, audited with its creation', async () => {
    const { id } = (
      await call(admin)('POST', '/api/v1/reports', { from: FROM, to: TO, language: 'en' })
    ).json() as Json;
    await waitFor(admin, id);
    const deleted = await call(admin)('DELETE', `/api/v1/reports/${id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await call(admin)('GET', `/api/v1/reports/${id}`)).statusCode).toBe(404);
    expect((await call(admin)('DELETE', `/api/v1/reports/${id}`)).statusCode).toBe(404);
    const actions = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'activity_report')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['create', 'generate', 'delete']);
  }, 240_000);
});
