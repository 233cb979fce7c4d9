import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
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
import {
  type EngineName,
  openTestDatabase,
  type TestDatabase,
  testEngines,
} from '../../../../tests/support/databases.js';
import { type FilePart, multipartBody } from '../../../../tests/support/multipart.js';
import { everyone, ownedByFrance, signInEveryone, type Who } from '../../../../tests/support/policy-matrix.js';
import type { SearchPage, SearchResult } from '../../../shared/contract/search.js';
import { searchQuery } from '../../../shared/contract/search.js';
import { type Visibility, visibilities } from '../../../shared/roles.js';
import { type Actor, anonymous } from '../../auth/actor.js';
import { createBackup } from '../../operations/backup/create-backup.js';
import { restoreBackup } from '../../operations/backup/restore-backup.js';
import * as repo from './search.repo.js';
import { SEARCH_CANDIDATES } from './search.repo.js';
import { search } from './search.service.js';
import { termsOf } from './search-terms.js';

type Json = Record<string, unknown> & { id: string; version: number };

/** The administrator as the service sees one, for calls below the HTTP layer. */
const administrator: Actor = {
  kind: 'user',
  via: 'token',
  tokenId: 'search-test',
  user: {
    id: 'search-test',
    email: 'admin@vigie.test',
    name: 'Admin',
    role: 'administrator',
    institutionId: null,
    partnerId: null,
    language: 'fr',
  },
};

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

describe.each(testEngines())('search on %s', (engine) => {
  let t: TestApp;
  let people: Record<Who, Session | null>;
  let staffES: Session;
  let france: string;
  let spain: string;
  let publicFacility: string;

  const as = (who: Session | null) => request(t.app, who);
  const session = (who: Who) => people[who];
  async function created(who: Session | null, url: string, body: unknown): Promise<Json> {
    const response = await as(who)('POST', url, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  async function found(who: Session | null, query: string): Promise<SearchPage> {
    const response = await as(who)('GET', `/api/v1/search?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  const q = (words: string, more = '') => `q=${encodeURIComponent(words)}${more}`;
  const ids = (page: SearchPage) => page.items.map((r) => r.id).sort();
  const highlighted = (result: SearchResult) =>
    result.snippet.highlights.map((h) => result.snippet.text.slice(h.start, h.end));

  function upload(who: Session, fields: Record<string, string>, files: FilePart[], url = '/api/v1/documents') {
    const body = multipartBody(fields, files);
    return t.app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: who.cookie, 'x-csrf-token': who.csrfToken },
    });
  }
  const facility = (who: Session | null, more: Record<string, unknown>) =>
    created(who, '/api/v1/facilities', {
      name: 'Centre de transit',
      kind: 'transit_centre',
      countryCode: 'FR',
      visibility: 'public',
      ...more,
    });
  const visit = (who: Session | null, more: Record<string, unknown>) =>
    created(who, '/api/v1/visits', {
      facilityId: publicFacility,
      startsOn: '2017-03-13',
      endsOn: '2017-03-14',
      type: 'in_depth',
      announced: true,
      ...more,
    });
  const activity = (who: Session | null, more: Record<string, unknown>) =>
    created(who, '/api/v1/activities', {
      kind: 'training',
      title: 'Formation des forces de sécurité',
      allDay: true,
      startsAt: '2017-10-18',
      endsAt: '2017-10-19',
      timeZone: 'Europe/Paris',
      countryCode: 'FR',
      themes: [],
      details: { audiences: ['police'], participants: [], trainers: [], evaluation: 'Bonne' },
      ...more,
    });

  beforeAll(async () => {
    t = await startTestApp(engine);
    people = await signInEveryone(t);
    france = await institutionId(t.db, 'FR');
    spain = await institutionId(t.db, 'ES');
    staffES = await signIn(t.app, (await createUser(t.db, 'staff', { institutionId: spain })).email, PASSWORD);
    publicFacility = (await facility(session('staffFR'), { name: 'Centre de Quokkaville', city: 'Quokkaville' })).id;
  }, 60_000);
  afterAll(() => t.close());

  it('matches without regard to accents or case, by stem and by the prefix of the last word, with the words marked', async () => {
    const hostel = await facility(session('staffFR'), {
      name: 'Foyer Zéphyrine',
      notes: 'Accueil des MINEURS NON ACCOMPAGNÉS venus de Calais, et des enfants visiting their families.',
    });
    for (const words of [
      'mineurs non accompagnes',
      'Mineurs Non Accompagnés',
      'MINEURS non ACCOMPAGNES',
      'zephyrine',
    ]) {
      const page = await found(session('staffFR'), q(words));
      expect(ids(page), words).toContain(hostel.id);
    }
    const page = await found(session('staffFR'), q('mineurs non accompagnes'));
    const result = page.items.find((r) => r.id === hostel.id) as SearchResult;
    expect(result).toMatchObject({ type: 'facility', title: 'Foyer Zéphyrine', country: 'FR', axis: 5 });
    expect(result.institution?.id).toBe(france);
    expect(highlighted(result)).toEqual(['MINEURS', 'NON', 'ACCOMPAGNÉS']);
    // English stems: "visits" finds "visiting"; the last word is a prefix: "zephyr" finds "Zéphyrine".
    expect(ids(await found(session('staffFR'), q('visits families')))).toContain(hostel.id);
    const byName = await found(session('staffFR'), q('foyer zephyr'));
    const named = byName.items.find((r) => r.id === hostel.id) as SearchResult;
    expect(named.titleHighlights.map((h) => named.title.slice(h.start, h.end))).toEqual(['Foyer', 'Zéphyrine']);
    // Words must all be there.
    expect(ids(await found(session('staffFR'), q('mineurs zanzibar')))).not.toContain(hostel.id);
  });

  it('finds a word inside an uploaded PDF, and only in the current version', async () => {
    const first = await upload(session('staffFR') as Session, { title: 'Rapport de mission', visibility: 'group' }, [
      {
        filename: 'rapport.pdf',
        content: await pdfWith('Le centre de rétention xylophonique accueille des familles.'),
      },
    ]);
    expect(first.statusCode, first.body).toBe(201);
    const document = first.json() as Json;
    const page = await found(session('staffMA'), q('xylophonique'));
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ type: 'document', id: document.id, title: 'Rapport de mission' });
    expect(highlighted(page.items[0] as SearchResult)).toEqual(['xylophonique']);
    expect((await found(session('partner'), q('xylophonique'))).total).toBe(0);

    const second = await upload(
      session('staffFR') as Session,
      {},
      [{ filename: 'rapport-v2.pdf', content: await pdfWith('Version corrigée : le centre marimbesque.') }],
      `/api/v1/documents/${document.id}/versions`,
    );
    expect(second.statusCode, second.body).toBe(201);
    expect((await found(session('staffMA'), q('xylophonique'))).total).toBe(0);
    expect(ids(await found(session('staffMA'), q('marimbesque')))).toEqual([document.id]);
  });

  it('stays in step with edits, deletions and narrowed visibility', async () => {
    const place = await facility(session('staffFR'), { name: 'Centre Alpha', notes: 'Ancienne note nénuphar' });
    const before = await found(session('staffFR'), q('nenuphar'));
    expect(ids(before)).toEqual([place.id]);
    const edited = await as(session('staffFR'))('PATCH', `/api/v1/facilities/${place.id}`, {
      notes: 'Nouvelle note crocodilienne',
      version: place.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await found(session('staffFR'), q('nenuphar'))).total).toBe(0);
    expect(ids(await found(session('staffFR'), q('crocodilienne')))).toEqual([place.id]);

    // A renamed facility renames its visits in the index too.
    const shared = await visit(session('staffFR'), { visibility: 'group', facilityId: place.id, objectives: 'Suivi' });
    const renamed = await as(session('staffFR'))('PATCH', `/api/v1/facilities/${place.id}`, {
      name: 'Centre Gondwana',
      version: edited.json().version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(ids(await found(session('staffFR'), q('gondwana', '&type=visit')))).toEqual([shared.id]);

    // Findings and recommendations follow their visit's visibility, read at query time.
    const finding = await created(session('staffFR'), `/api/v1/visits/${shared.id}/findings`, {
      theme: 'legal_basis',
      severity: 'high',
      text: 'Aucune décision écrite de placement pangolinesque',
    });
    const recommendation = await created(session('staffFR'), '/api/v1/recommendations', {
      visitId: shared.id,
      addressee: 'Préfecture',
      text: 'Notifier par écrit les décisions pangolinesques',
      theme: 'legal_basis',
      issuedOn: '2017-04-01',
    });
    const seenByMorocco = await found(session('staffMA'), q('pangolinesque'));
    expect(ids(seenByMorocco)).toEqual([finding.id, recommendation.id].sort());
    expect(seenByMorocco.items.find((r) => r.type === 'finding')?.parentId).toBe(shared.id);
    const current = (await as(session('staffFR'))('GET', `/api/v1/visits/${shared.id}`)).json();
    const narrowed = await as(session('staffFR'))('PATCH', `/api/v1/visits/${shared.id}`, {
      visibility: 'institution',
      version: current.version,
    });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    expect(await found(session('staffMA'), q('pangolinesque'))).toMatchObject({ items: [], total: 0 });
    expect((await found(session('staffMA'), q('gondwana'))).items.map((r) => r.type)).toEqual(['facility']);
    expect((await found(session('staffFR'), q('pangolinesque'))).total).toBe(2);

    // Kind-specific details are searched; a deleted activity is gone.
    const training = await activity(session('staffFR'), {
      details: { audiences: ['police'], participants: [], trainers: [], evaluation: 'Évaluation ornithorynque' },
    });
    expect(ids(await found(session('staffFR'), q('ornithorynque')))).toEqual([training.id]);
    const deleted = await as(session('staffFR'))('DELETE', `/api/v1/activities/${training.id}?version=1`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await found(session('staffFR'), q('ornithorynque'))).total).toBe(0);
  });

  it('never indexes urgent situations, and forgets a deleted visit’s findings', async () => {
    const seen = await visit(session('staffFR'), { visibility: 'institution', summary: 'Visite tatouesque' });
    const urgent = await as(session('staffFR'))('POST', `/api/v1/visits/${seen.id}/urgent-situations`, {
      code: 'OKAPI-7',
      ageBand: '12-14',
      sex: 'female',
      referredTo: 'Foyer tatouesque',
      details: 'Nom et adresse tatouesques',
    });
    expect(urgent.statusCode, urgent.body).toBe(201);
    const finding = await created(session('staffFR'), `/api/v1/visits/${seen.id}/findings`, {
      theme: 'health',
      severity: 'high',
      text: 'Constat tatouesque',
    });
    const before = await found(session('staffFR'), q('tatouesque'));
    expect(before.items.map((r) => [r.type, r.id]).sort()).toEqual(
      [
        ['finding', finding.id],
        ['visit', seen.id],
      ].sort(),
    );
    expect((await found(session('staffFR'), q('OKAPI'))).total).toBe(0);
    const current = (await as(session('staffFR'))('GET', `/api/v1/visits/${seen.id}`)).json();
    const deleted = await as(session('staffFR'))('DELETE', `/api/v1/visits/${seen.id}?version=${current.version}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await found(session('administrator'), q('tatouesque'))).toMatchObject({ items: [], total: 0 });
  });

  it('shows each person exactly what the lists show them, in items and in the total', async () => {
    const expected = new Map<Who, string[]>(everyone.map((who) => [who, []]));
    for (const visibility of visibilities) {
      const own = await facility(session('staffFR'), {
        name: `Lieu ${visibility}`,
        notes: 'Dossier wombatique',
        visibility,
      });
      const training = await activity(session('staffFR'), { title: `Formation wombatique ${visibility}`, visibility });
      const seen = await visit(session('staffFR'), { visibility, summary: 'Rapport wombatique' });
      const finding = await created(session('staffFR'), `/api/v1/visits/${seen.id}/findings`, {
        theme: 'health',
        severity: 'low',
        text: 'Constat wombatique',
      });
      for (const who of everyone) {
        if (ownedByFrance.canSee[who].includes(visibility as Visibility)) {
          expected.get(who)?.push(own.id, training.id, seen.id, finding.id);
        }
      }
    }
    const spainSees = (expected.get('staffMA') as string[]).slice().sort();
    for (const who of everyone) {
      if (who === 'anonymous') continue;
      const page = await found(session(who), q('wombatique', '&pageSize=50'));
      const want = (expected.get(who) as string[]).slice().sort();
      expect(ids(page), who).toEqual(want);
      expect(page.total, who).toBe(want.length);
    }
    const spanish = await found(staffES, q('wombatique', '&pageSize=50'));
    expect(ids(spanish)).toEqual(spainSees);
    expect(spanish.total).toBe(spainSees.length);
    // Ranked a few at a time (one candidate, then every match), the page and the total are the same.
    const stepwise = await repo.search(t.db, administrator, termsOf('wombatique'), {}, { limit: 5, offset: 5 }, [1]);
    const whole = await found(session('administrator'), q('wombatique', '&pageSize=5&page=2'));
    expect(stepwise).toMatchObject({ total: 16, complete: true });
    expect(stepwise.rows.map((r) => r.id)).toEqual(whole.items.map((r) => r.id));
    // Paging keeps the total and never repeats a result.
    const first = await found(session('administrator'), q('wombatique', '&pageSize=7'));
    const second = await found(session('administrator'), q('wombatique', '&pageSize=7&page=2'));
    expect(first.total).toBe(16);
    expect(second.total).toBe(16);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(14);
    // Past the last page: no items, the same total.
    expect(await found(session('administrator'), q('wombatique', '&pageSize=7&page=4'))).toMatchObject({
      items: [],
      total: 16,
    });
    // The public has the public site; the API's search is for signed-in people.
    const anonymous = await as(null)('GET', `/api/v1/search?${q('wombatique')}`);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
  });

  it('ranks the best matches first and still finds visible ones ranked beyond them', async () => {
    // More matches than the candidates ranked first: France's own records, the word in their names (ranked high).
    const now = new Date().toISOString();
    const many = Array.from({ length: SEARCH_CANDIDATES + 50 }, (_, i) => ({
      id: randomUUID(),
      // Names of different lengths, so that ranks differ (the shortest first).
      name: `Lieu capybaresque ${'et '.repeat(i % 40)}${i}`,
      kind: 'other',
      country_code: 'FR',
      holds_children: 0,
      is_open: 1,
      owner_institution_id: france,
      visibility: 'institution',
      version: 1,
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < many.length; i += 200)
      await t.db
        .insertInto('facilities')
        .values(many.slice(i, i + 200))
        .execute();
    // Three shared with the group, the word only in their notes (ranked lower than all of the above).
    const shared: string[] = [];
    for (const n of [1, 2, 3]) {
      shared.push(
        (await facility(session('staffFR'), { name: `Foyer ${n}`, notes: 'capybaresque', visibility: 'group' })).id,
      );
    }
    const best = await found(session('staffFR'), q('capybaresque', '&pageSize=10'));
    expect(best.items).toHaveLength(10);
    expect(best.items.every((r) => r.title.startsWith('Lieu capybaresque'))).toBe(true);
    expect(best).toMatchObject({ totalComplete: false });
    expect(best.total).toBeGreaterThanOrEqual(SEARCH_CANDIDATES);
    // Morocco sees none of the best-ranked: every match is ranked, and the three shared ones come back, counted.
    const morocco = await found(session('staffMA'), q('capybaresque', '&pageSize=10'));
    expect(ids(morocco)).toEqual(shared.sort());
    expect(morocco).toMatchObject({ total: 3, totalComplete: true });
    // The same by type, answered by the index's key column on SQLite.
    const byType = await found(session('staffMA'), q('capybaresque', '&type=facility'));
    expect(ids(byType)).toEqual(shared.sort());
    // The last page of everything France sees holds the shared ones, ranked last, with the exact total.
    const last = await found(
      session('staffFR'),
      q('capybaresque', `&pageSize=100&page=${Math.ceil((many.length + 3) / 100)}`),
    );
    expect(last).toMatchObject({ total: many.length + 3, totalComplete: true });
    expect(
      last.items
        .slice(-3)
        .map((r) => r.id)
        .sort(),
    ).toEqual(shared.sort());
  });

  it('filters by type, axis, institution, country and dates', async () => {
    const spanishPlace = await facility(staffES, { name: 'Centre kiwiesque', countryCode: 'ES', visibility: 'group' });
    const frenchVisit = await visit(session('staffFR'), { summary: 'Visite kiwiesque', visibility: 'group' });
    const training = await activity(session('staffFR'), { title: 'Formation kiwiesque', visibility: 'group' });
    const all = await found(session('administrator'), q('kiwiesque'));
    expect(ids(all)).toEqual([spanishPlace.id, frenchVisit.id, training.id].sort());
    expect(ids(await found(session('administrator'), q('kiwiesque', '&type=facility')))).toEqual([spanishPlace.id]);
    expect(ids(await found(session('administrator'), q('kiwiesque', '&axis=5')))).toEqual(
      [spanishPlace.id, frenchVisit.id].sort(),
    );
    expect(ids(await found(session('administrator'), q('kiwiesque', '&axis=2')))).toEqual([training.id]);
    expect(ids(await found(session('administrator'), q('kiwiesque', `&institutionId=${spain}`)))).toEqual([
      spanishPlace.id,
    ]);
    expect(ids(await found(session('administrator'), q('kiwiesque', '&country=FR')))).toEqual(
      [frenchVisit.id, training.id].sort(),
    );
    expect(ids(await found(session('administrator'), q('kiwiesque', '&from=2017-10-01&to=2017-12-31')))).toEqual([
      training.id,
    ]);
    const visitResult = all.items.find((r) => r.id === frenchVisit.id);
    expect(visitResult).toMatchObject({ type: 'visit', title: 'Centre de Quokkaville', date: '2017-03-13', axis: 5 });
  });

  it('never fails on query syntax and refuses bad parameters clearly, changing nothing', async () => {
    await facility(session('staffFR'), { name: 'Maison ocelotine', notes: 'near or and not' });
    for (const words of [
      '"ocelotine',
      'NEAR(',
      'ocelotine OR',
      '*',
      '{title}: x',
      "l'ocelotine",
      '\\',
      '()',
      '-x',
      '^a',
      'a:b',
      'AND',
      '"',
      '\u0301',
      `ocelotine ${'é'.repeat(150)}`,
    ]) {
      const response = await as(session('staffFR'))('GET', `/api/v1/search?${q(words)}`);
      expect(response.statusCode, `${words}: ${response.body}`).toBe(200);
    }
    expect(ids(await found(session('staffFR'), q('"ocelotine')))).toHaveLength(1);
    expect((await found(session('staffFR'), q('near or'))).total).toBeGreaterThan(0);
    expect(await found(session('staffFR'), q('()'))).toMatchObject({ items: [], total: 0 });
    for (const [query, field, issue] of [
      ['', 'query.q', 'invalid_type'],
      ['q=', 'query.q', 'too_small'],
      ['q=%20%20', 'query.q', 'too_small'],
      [`q=${'a'.repeat(201)}`, 'query.q', 'too_big'],
      ['q=a&type=urgent_situation', 'query.type', 'invalid_value'],
      ['q=a&axis=6', 'query.axis', 'too_big'],
      ['q=a&country=fr', 'query.country', 'country_code'],
      ['q=a&from=2018-01-01&to=2017-01-01', 'query.to', 'end_before_start'],
      ['q=a&pageSize=101', 'query.pageSize', 'too_big'],
      ['q=a&sort=title', 'query.sort', 'unrecognized_key'],
    ] as const) {
      const response = await as(session('staffFR'))('GET', `/api/v1/search?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.details, query).toContainEqual(expect.objectContaining({ field, issue }));
    }
  });

  it('rebuilds the index on restore, into either engine', async () => {
    await facility(session('staffFR'), { name: 'Refuge tapirois', visibility: 'institution' });
    const dir = mkdtempSync(path.join(tmpdir(), 'vigie-search-backup-'));
    const file = path.join(dir, 'backup.jsonl.gz');
    const audit = { actor: anonymous, requestId: null, label: 'cli:test' };
    await createBackup(t.testDatabase.database, { file, dataDir: t.config.dataDir, audit });
    const targets: TestDatabase[] = [];
    try {
      for (const target of ['sqlite', 'postgres'] as EngineName[]) {
        const targetDir = mkdtempSync(path.join(dir, `${target}-`));
        const database = await openTestDatabase(target, targetDir);
        targets.push(database);
        await restoreBackup(database.database, { file, dataDir: targetDir, audit });
        const page = await search(database.database.db, administrator, searchQuery.parse({ q: 'tapirois' }));
        expect(
          page.items.map((r) => r.title),
          target,
        ).toEqual(['Refuge tapirois']);
        const everything = await search(database.database.db, administrator, searchQuery.parse({ q: 'quokkaville' }));
        const original = await search(t.db, administrator, searchQuery.parse({ q: 'quokkaville' }));
        expect(everything.total, target).toBe(original.total);
      }
    } finally {
      for (const target of targets) await target.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
