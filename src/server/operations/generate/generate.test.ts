import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  institutionId,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import type { Database } from '../../db/connect.js';
import { verifyAuditChain } from '../../modules/audit/audit-chain.js';
import { GenerateRefusal, type GenerateSummary, generateNetwork } from './generate.js';

const PASSWORD = 'harbour lantern quietly seventeen';
const options = { institutions: 2, years: 1, seed: 7, lastYear: 2026, password: PASSWORD, force: false };
const silent = () => {};

function databaseOf(t: TestApp): Database {
  return t.testDatabase.database;
}

/**
 * A digest of generated content that does not depend on the seeded network's random ids: generated ids are the
 * seed's, the seeded institutions are named by their country.
 */
async function digest(t: TestApp): Promise<string> {
  const visits = await t.db
    .selectFrom('visits as v')
    .innerJoin('facilities as f', 'f.id', 'v.facility_id')
    .innerJoin('institutions as i', 'i.id', 'v.owner_institution_id')
    .select(['v.id', 'v.starts_on', 'v.status', 'v.visibility', 'v.population_children', 'f.name', 'i.country_code'])
    .orderBy('v.id')
    .execute();
  const recommendations = await t.db
    .selectFrom('recommendations')
    .select(['id', 'visit_id', 'text', 'status', 'status_on', 'due_on', 'repeats_id'])
    .orderBy('id')
    .execute();
  const followUps = await t.db
    .selectFrom('recommendation_follow_ups')
    .select(['id', 'recommendation_id', 'happened_on', 'to_status'])
    .orderBy('id')
    .execute();
  const reach = await t.db
    .selectFrom('awareness_reach')
    .selectAll()
    .orderBy('session_id')
    .orderBy('status')
    .orderBy('sex')
    .orderBy('age_band')
    .execute();
  const activities = await t.db
    .selectFrom('activities')
    .select(['id', 'kind', 'title', 'starts_utc', 'details'])
    .orderBy('id')
    .execute();
  return createHash('sha256')
    .update(JSON.stringify({ visits, recommendations, followUps, reach, activities }))
    .digest('hex');
}

describe.each(testEngines())('data generator on %s', (engine) => {
  let first: TestApp;
  let second: TestApp;
  let summary: GenerateSummary;

  beforeAll(async () => {
    [first, second] = await Promise.all([startTestApp(engine), startTestApp(engine)]);
    summary = await generateNetwork(databaseOf(first), options, silent);
  });

  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('writes the proportions asked for, in every part of the platform', () => {
    const { counts } = summary;
    expect(summary.institutions).toBe(2);
    expect(counts.visits).toBeGreaterThanOrEqual(80);
    expect(counts.visits).toBeLessThanOrEqual(120);
    // About five recommendations per visit, most of them with a finding.
    expect(counts.recommendations).toBeGreaterThan(3 * (counts.visits ?? 0));
    expect(counts.findings).toBeGreaterThan(counts.visits ?? 0);
    for (const table of [
      'users',
      'facilities',
      'visit_status_changes',
      'visit_checklist_answers',
      'recommendation_follow_ups',
      'activities',
      'training_participants',
      'awareness_sessions',
      'awareness_reach',
      'documents',
      'document_versions',
      'child_page_contents',
    ]) {
      expect(counts[table], table).toBeGreaterThan(0);
    }
  });

  it('gives the same rows for the same seed, and others for another seed', async () => {
    const again = await generateNetwork(databaseOf(second), options, silent);
    expect(again.counts).toEqual(summary.counts);
    expect(again.staffEmail).toBe(summary.staffEmail);
    expect(await digest(second)).toBe(await digest(first));

    const third = await startTestApp(engine);
    try {
      await generateNetwork(databaseOf(third), { ...options, seed: 8 }, silent);
      expect(await digest(third)).not.toBe(await digest(first));
    } finally {
      await third.close();
    }
  });

  it('refuses a database holding real data unless forced, and never generates twice', async () => {
    await expect(generateNetwork(databaseOf(first), options, silent)).rejects.toThrow(/already holds a generated/);
    const other = await startTestApp(engine);
    try {
      await createUser(other.db, 'staff', { institutionId: await institutionId(other.db, 'FR') });
      const refused = generateNetwork(databaseOf(other), options, silent);
      await expect(refused).rejects.toBeInstanceOf(GenerateRefusal);
      await expect(refused).rejects.toThrow(/1 users/);
      expect(
        Number((await other.db.selectFrom('visits').select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n),
      ).toBe(0);
      const forced = await generateNetwork(databaseOf(other), { ...options, force: true }, silent);
      expect(forced.counts.visits).toBe(summary.counts.visits);
    } finally {
      await other.close();
    }
  });

  it('rows are what the API serves, within the visibility rules', async () => {
    const staff = await signIn(first.app, summary.staffEmail, PASSWORD);
    const own = summary.staffInstitutionId;
    const listed = await request(first.app, staff)('GET', '/api/v1/visits?pageSize=100&sort=startsOn&order=desc');
    expect(listed.statusCode).toBe(200);
    const body = listed.json() as {
      items: { id: string; ownerInstitutionId: string; visibility: string }[];
      total: number;
    };
    const visible = await first.db
      .selectFrom('visits')
      .select(sql<number>`count(*)`.as('n'))
      .where((eb) => eb.or([eb('owner_institution_id', '=', own), eb('visibility', '!=', 'institution')]))
      .executeTakeFirstOrThrow();
    expect(body.total).toBe(Number(visible.n));
    expect(body.items.some((v) => v.ownerInstitutionId !== own)).toBe(true);
    expect(body.items.every((v) => v.ownerInstitutionId === own || v.visibility !== 'institution')).toBe(true);

    const hidden = await first.db
      .selectFrom('visits')
      .select('id')
      .where('owner_institution_id', '!=', own)
      .where('visibility', '=', 'institution')
      .executeTakeFirstOrThrow();
    expect((await request(first.app, staff)('GET', `/api/v1/visits/${hidden.id}`)).statusCode).toBe(404);
    const mine = await first.db
      .selectFrom('visits')
      .select('id')
      .where('owner_institution_id', '=', own)
      .where('visibility', '=', 'institution')
      .executeTakeFirstOrThrow();
    expect((await request(first.app, staff)('GET', `/api/v1/visits/${mine.id}`)).statusCode).toBe(200);

    const tracker = await request(first.app, staff)('GET', '/api/v1/recommendations?pageSize=50&status=issued');
    expect(tracker.statusCode).toBe(200);
    expect((tracker.json() as { total: number }).total).toBeGreaterThan(0);
  });

  it('publishes pages for children and stores openable documents with their text', async () => {
    const slug = summary.childPageSlugs[0];
    expect(slug).toBeDefined();
    const page = await first.app.inject({ method: 'GET', url: `/fr/${slug}` });
    expect(page.statusCode).toBe(200);
    const version = await first.db
      .selectFrom('document_versions')
      .select(['content', 'text_content'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const text = (await extractText(await getDocumentProxy(new Uint8Array(version.content)), { mergePages: true }))
      .text;
    const firstLine = (version.text_content ?? '').split('\n')[0] ?? '';
    expect(firstLine.length).toBeGreaterThan(5);
    expect(text.replace(/\s+/g, ' ')).toContain(firstLine.slice(0, 20).replace('’', "'"));
  });

  it('records the run in the audit trail, whose chain still verifies', async () => {
    const report = await verifyAuditChain(first.db);
    expect(report.intact).toBe(true);
    const event = await first.db
      .selectFrom('audit_events')
      .select(['changes', 'actor_label'])
      .where('entity', '=', 'seed')
      .where('action', '=', 'generate')
      .executeTakeFirstOrThrow();
    expect(event.actor_label).toBe('cli:demo:generate');
    const changes = JSON.parse(event.changes) as Record<string, { after: unknown }>;
    expect(changes.seed?.after).toBe(7);
    expect((changes.counts?.after as Record<string, number> | undefined)?.visits).toBe(summary.counts.visits);
  });
});
