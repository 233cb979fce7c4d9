import { existsSync, readFileSync } from 'node:fs';
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

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in the assertions.
type Json = Record<string, any>;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

describe.each(testEngines())('monitoring on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let franceStaff: Session;
  let moroccoStaff: Session;
  let partner: Session;
  let facilityId: string;

  const call = (s: Session | null) => request(t.app, s);
  const created = async (s: Session, url: string, body: unknown) => {
    const response = await call(s)('POST', url, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  };
  const count = async (table: 'visits' | 'recommendations' | 'urgent_situations') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const newVisit = (more: Json = {}) => ({
    facilityId,
    startsOn: '2017-03-13',
    endsOn: '2017-03-14',
    type: 'in_depth',
    announced: true,
    ...more,
  });

  beforeAll(async () => {
    t = await startTestApp(engine);
    const france = await institutionId(t.db, 'FR');
    const morocco = await institutionId(t.db, 'MA');
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    franceStaff = await signIn(t.app, (await createUser(t.db, 'staff', { institutionId: france })).email, PASSWORD);
    moroccoStaff = await signIn(t.app, (await createUser(t.db, 'staff', { institutionId: morocco })).email, PASSWORD);
    const unhcr = await t.db
      .selectFrom('partners')
      .select('id')
      .where('acronym_en', '=', 'UNHCR')
      .executeTakeFirstOrThrow();
    partner = await signIn(t.app, (await createUser(t.db, 'partner', { partnerId: unhcr.id })).email, PASSWORD);
    facilityId = (
      await created(franceStaff, '/api/v1/facilities', {
        name: 'Centre de transit de Tabanovce',
        kind: 'transit_centre',
        countryCode: 'MK',
        city: 'Tabanovce',
        holdsChildren: true,
        visibility: 'public',
      })
    ).id;
  }, 60_000);
  afterAll(() => t.close());

  it('plans a visit, moves it along its workflow with who and when, refuses bad counts and stale edits', async () => {
    const before = await count('visits');
    const badCounts = await call(franceStaff)(
      'POST',
      '/api/v1/visits',
      newVisit({ population: { total: 10, children: 12 } }),
    );
    expect(badCounts.statusCode).toBe(400);
    expect(badCounts.json().error.details[0]).toMatchObject({
      field: 'body.population.children',
      issue: 'more_than_total',
    });
    const bands = await call(franceStaff)(
      'POST',
      '/api/v1/visits',
      newVisit({ population: { children: 3, age0to5: 2, age6to11: 2 } }),
    );
    expect(bands.statusCode).toBe(400);
    expect(await count('visits')).toBe(before);

    const visit = await created(
      franceStaff,
      '/api/v1/visits',
      newVisit({
        population: { total: 617, children: 120, unaccompanied: 30, girls: 50, age0to5: 20, age15to17: 40 },
        team: [{ name: 'Claire Dupont', role: 'Head of mission' }],
        visibility: 'institution',
      }),
    );
    expect(visit).toMatchObject({ status: 'planned', population: { total: 617, children: 120, age6to11: null } });
    expect(visit.can.transitions).toEqual(['in_progress', 'closed']);

    const refused = await call(franceStaff)('POST', `/api/v1/visits/${visit.id}/transitions`, {
      to: 'published',
      version: 1,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('transition_not_allowed');
    const started = await call(franceStaff)('POST', `/api/v1/visits/${visit.id}/transitions`, {
      to: 'in_progress',
      note: 'On site',
      version: 1,
    });
    expect(started.statusCode).toBe(200);
    expect(started.json().statusHistory.map((h: Json) => h.toStatus)).toEqual(['planned', 'in_progress']);
    expect(started.json().statusChangedBy.id).toBe(franceStaff.userId);

    // The visit is in its institution's calendar as whole days, and only there.
    const calendar = async (s: Session) =>
      (await call(s)('GET', '/api/v1/calendar?from=2017-03-01&to=2017-03-31'))
        .json()
        .items.filter((e: Json) => e.source === 'visit');
    expect(await calendar(franceStaff)).toContainEqual(
      expect.objectContaining({
        id: visit.id,
        allDay: true,
        startsUtc: '2017-03-13T00:00:00.000Z',
        endsUtc: '2017-03-15T00:00:00.000Z',
      }),
    );
    expect((await calendar(moroccoStaff)).map((e: Json) => e.id)).not.toContain(visit.id);

    // Two editors from version 2: the second gets 409 with the current record, and the first edit stays.
    const first = await call(franceStaff)('PATCH', `/api/v1/visits/${visit.id}`, { summary: 'First', version: 2 });
    expect(first.statusCode).toBe(200);
    const second = await call(franceStaff)('PATCH', `/api/v1/visits/${visit.id}`, { objectives: 'Second', version: 2 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.current.summary).toBe('First');

    // Institution-only: not for Morocco's staff or partners, in the list, its count or the detail.
    for (const outsider of [moroccoStaff, partner, null]) {
      const list = await call(outsider)('GET', `/api/v1/visits?facility=${facilityId}`);
      expect(list.json().items.map((v: Json) => v.id)).not.toContain(visit.id);
      expect((await call(outsider)('GET', `/api/v1/visits/${visit.id}`)).statusCode).toBe(404);
    }
  });

  it('copies the template into the visit: later template edits leave a started checklist as it was', async () => {
    const templates = (await call(franceStaff)('GET', '/api/v1/checklist-templates')).json();
    const seeded = templates.items.find((x: Json) => x.ownerInstitutionId === null);
    expect(seeded).toMatchObject({ themeCount: 11 });
    const visit = await created(franceStaff, '/api/v1/visits', newVisit());
    const started = await call(franceStaff)('POST', `/api/v1/visits/${visit.id}/checklist`, {
      templateId: seeded.id,
      version: visit.version,
    });
    expect(started.statusCode).toBe(200);
    const checklist = started.json();
    expect(checklist.themes).toHaveLength(11);
    const question = checklist.themes[0].questions[0];
    expect(question.standards.length).toBeGreaterThan(0);

    const template = (await call(admin)('GET', `/api/v1/checklist-templates/${seeded.id}`)).json();
    const edited = await call(admin)('PATCH', `/api/v1/checklist-templates/${seeded.id}`, {
      themes: [{ theme: 'health', titleFr: 'Santé seulement', questions: [{ textFr: 'Une seule question ?' }] }],
      version: template.version,
    });
    expect(edited.statusCode).toBe(200);
    const after = (await call(franceStaff)('GET', `/api/v1/visits/${visit.id}/checklist`)).json();
    expect(after.themes).toHaveLength(11);
    expect(after.themes[0].questions[0].textFr).toBe(question.textFr);

    const saved = await call(franceStaff)('PATCH', `/api/v1/visits/${visit.id}/checklist`, {
      answers: [{ id: question.id, answer: 'no', note: 'No written decision' }],
      version: checklist.version,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().totals.no).toBe(1);
    const stale = await call(franceStaff)('PATCH', `/api/v1/visits/${visit.id}/checklist`, {
      answers: [{ id: question.id, answer: 'yes' }],
      version: checklist.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await call(franceStaff)('GET', `/api/v1/visits/${visit.id}/checklist`)).json().themes[0].questions[0].answer,
    ).toBe('no');
  });

  it('follows recommendations: allowed steps only, days to first reply, tracker filters and counts per theme and country', async () => {
    const visit = await created(
      franceStaff,
      '/api/v1/visits',
      newVisit({ visibility: 'partners', startsOn: '2017-04-25', endsOn: '2017-04-26' }),
    );
    const earlier = await created(
      franceStaff,
      '/api/v1/visits',
      newVisit({ visibility: 'group', startsOn: '2016-02-22', endsOn: '2016-02-22' }),
    );
    // The facility cannot be hidden from people who see its visits.
    const narrowed = await call(franceStaff)('PATCH', `/api/v1/facilities/${facilityId}`, {
      visibility: 'group',
      version: 1,
    });
    expect(narrowed.statusCode).toBe(409);
    expect(narrowed.json().error.code).toBe('visits_wider_than_facility');
    const old = await created(franceStaff, '/api/v1/recommendations', {
      visitId: earlier.id,
      addressee: 'Ministère de l’Intérieur',
      text: 'Désigner plus vite les représentants légaux des mineurs non accompagnés',
      theme: 'guardianship_legal_aid',
      issuedOn: '2016-03-01',
      dueOn: '2016-06-01',
    });
    const rec = await created(franceStaff, '/api/v1/recommendations', {
      visitId: visit.id,
      addressee: 'Ministère de l’Intérieur',
      text: 'Transférer rapidement les mineurs vulnérables hors des hotspots',
      theme: 'guardianship_legal_aid',
      priority: 'high',
      issuedOn: '2017-05-10',
      dueOn: '2017-09-01',
      repeatsId: old.id,
    });
    expect(rec).toMatchObject({ status: 'issued', repeats: { id: old.id }, overdue: true, daysToFirstReply: null });

    const jump = await call(franceStaff)('POST', `/api/v1/recommendations/${rec.id}/follow-ups`, {
      happenedOn: '2017-06-01',
      status: 'implemented',
      version: 1,
    });
    expect(jump.statusCode).toBe(400);
    expect(jump.json().error.details[0]).toMatchObject({ field: 'body.status', issue: 'status_not_allowed' });
    const early = await call(franceStaff)('POST', `/api/v1/recommendations/${rec.id}/follow-ups`, {
      happenedOn: '2017-05-01',
      status: 'acknowledged',
      version: 1,
    });
    expect(early.json().error.details[0].field).toBe('body.happenedOn');
    const ack = await call(franceStaff)('POST', `/api/v1/recommendations/${rec.id}/follow-ups`, {
      happenedOn: '2017-06-09',
      status: 'acknowledged',
      note: 'Letter',
      version: 1,
    });
    expect(ack.statusCode).toBe(201);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', firstReplyOn: '2017-06-09', daysToFirstReply: 30 });
    const accepted = await call(franceStaff)('POST', `/api/v1/recommendations/${rec.id}/follow-ups`, {
      happenedOn: '2017-07-01',
      status: 'accepted',
      version: 2,
    });
    expect(accepted.json()).toMatchObject({ status: 'accepted', daysToFirstReply: 30 });
    expect(accepted.json().followUps.map((f: Json) => f.toStatus)).toEqual(['acknowledged', 'accepted']);

    const tracker = async (s: Session | null, q: string) =>
      (await call(s)('GET', `/api/v1/recommendations?${q}`)).json();
    expect((await tracker(franceStaff, 'country=MK&repeated=true')).items.map((r: Json) => r.id)).toEqual([rec.id]);
    expect(
      (await tracker(franceStaff, 'overdue=true&theme=guardianship_legal_aid')).items.map((r: Json) => r.id).sort(),
    ).toEqual([rec.id, old.id].sort());
    expect(
      (await tracker(franceStaff, 'status=issued&facilityKind=transit_centre')).items.map((r: Json) => r.id),
    ).toEqual([old.id]);
    expect((await tracker(franceStaff, 'country=IT')).total).toBe(0);
    // A partner sees the recommendation of the visit shared with partners, not the group-only one.
    const forPartner = await tracker(partner, 'theme=guardianship_legal_aid');
    expect(forPartner.items.map((r: Json) => r.id)).toEqual([rec.id]);
    expect(forPartner.items[0].repeats).toBeNull();
    const counts = (await call(franceStaff)('GET', '/api/v1/recommendations/themes-by-country')).json();
    expect(counts.cells).toContainEqual({
      theme: 'guardianship_legal_aid',
      countryCode: 'MK',
      recommendations: 2,
      open: 2,
      implemented: 0,
      repeated: 1,
      visits: 2,
    });
    const partnerCounts = (await call(partner)('GET', '/api/v1/recommendations/themes-by-country')).json();
    expect(partnerCounts.cells.find((c: Json) => c.theme === 'guardianship_legal_aid').recommendations).toBe(1);
  });

  it('keeps urgent situations encrypted, inside the visiting institution, every read of details audited', async () => {
    const visit = await created(franceStaff, '/api/v1/visits', newVisit({ visibility: 'group' }));
    const secret = 'Nom: Amina K., née à Kaboul, oncle à Lyon';
    const situation = await created(franceStaff, `/api/v1/visits/${visit.id}/urgent-situations`, {
      code: 'TAB-01',
      ageBand: '15-17',
      sex: 'female',
      nationality: 'AF',
      needs: ['guardianship', 'health'],
      referredTo: 'Child protection services',
      details: secret,
    });
    expect(situation).toMatchObject({ hasDetails: true, code: 'TAB-01' });
    expect(JSON.stringify(situation)).not.toContain('Amina');
    const raw = await t.db
      .selectFrom('urgent_situations')
      .selectAll()
      .where('id', '=', situation.id)
      .executeTakeFirstOrThrow();
    expect(raw.details_encrypted).toMatch(/^v1\./);
    expect(JSON.stringify(raw)).not.toContain('Amina');
    const trail = await t.db
      .selectFrom('audit_events')
      .select('changes')
      .where('entity_id', '=', situation.id)
      .execute();
    expect(JSON.stringify(trail)).not.toContain('Amina');
    if (t.testDatabase.file) {
      await t.db.selectFrom('visits').select('id').execute();
      const files = [t.testDatabase.file, `${t.testDatabase.file}-wal`].filter(existsSync);
      for (const file of files) expect(readFileSync(file).includes(Buffer.from('Amina'))).toBe(false);
    }

    const revealed = await call(franceStaff)('POST', `/api/v1/urgent-situations/${situation.id}/reveal`);
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json().details).toBe(secret);
    const reads = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', situation.id)
      .where('action', '=', 'read_details')
      .execute();
    expect(reads).toHaveLength(1);

    for (const outsider of [moroccoStaff, admin, partner]) {
      expect((await call(outsider)('POST', `/api/v1/urgent-situations/${situation.id}/reveal`)).statusCode).toBe(404);
      expect((await call(outsider)('GET', `/api/v1/visits/${visit.id}/urgent-situations`)).statusCode).toBe(404);
    }
    // Morocco sees the group visit, and only the count of its urgent situations.
    const seen = (await call(moroccoStaff)('GET', `/api/v1/visits/${visit.id}`)).json();
    expect(seen.counts.urgentSituations).toBe(1);
    expect(seen.can.urgentSituations).toBe(false);
  });

  it('writes the visit report as PDF and DOCX with the facility and every recommendation; 404 for those who may not see it', async () => {
    const visit = await created(
      franceStaff,
      '/api/v1/visits',
      newVisit({ visibility: 'institution', summary: 'Synthèse : 617 personnes présentes' }),
    );
    const texts = [
      'Améliorer l’information des migrants',
      'Renforcer la protection policière des femmes et des enfants',
    ];
    for (const text of texts) {
      await created(franceStaff, '/api/v1/recommendations', {
        visitId: visit.id,
        addressee: 'Ministère',
        text,
        theme: 'asylum_information',
        issuedOn: '2017-03-20',
      });
    }
    const pdf = await call(franceStaff)('GET', `/api/v1/visits/${visit.id}/report.pdf?lang=fr`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
    expect(text).toContain('Centre de transit de Tabanovce');
    for (const r of texts) expect(text).toContain(r);
    const english = await pdfText(
      (await call(franceStaff)('GET', `/api/v1/visits/${visit.id}/report.pdf?lang=en`)).rawPayload,
    );
    expect(english).toContain('Recommendations');

    for (const outsider of [moroccoStaff, partner, null]) {
      expect((await call(outsider)('GET', `/api/v1/visits/${visit.id}/report.pdf`)).statusCode).toBe(404);
      expect((await call(outsider)('GET', `/api/v1/visits/${visit.id}/report.docx`)).statusCode).toBe(404);
    }

    const docx = await call(franceStaff)('GET', `/api/v1/visits/${visit.id}/report.docx?lang=en`);
    expect(docx.statusCode).toBe(200);
    const docxAsPdf = convertWithLibreOffice(docx.rawPayload, {
      extension: 'docx',
      convertTo: 'pdf',
      convertedExtension: 'pdf',
      what: 'the DOCX report',
    });
    if (!docxAsPdf) return;
    const converted = (await pdfText(docxAsPdf)).replace(/\s+/g, ' ');
    expect(converted).toContain('Centre de transit de Tabanovce');
    for (const r of texts) expect(converted).toContain(r);
  }, 180_000);
});
