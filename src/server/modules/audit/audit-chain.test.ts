import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app.js';
import { openTestDatabase, testEngines } from '../../../../tests/support/databases.js';
import { anonymous } from '../../auth/actor.js';
import { migrateToLatest } from '../../db/migrate.js';
import { migrations } from '../../db/migrations/index.js';
import { GENESIS_HASH, hashEvent, verifyAuditChain } from './audit-chain.js';
import { recordAudit } from './record-audit.js';

const root = path.resolve(import.meta.dirname, '../../../..');

/** `npm run vigie -- audit:verify` against the test database, as an operator would run it. */
function auditVerify(t: TestApp) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-verify-'));
  try {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/server/cli.ts'), 'audit:verify'],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          LOG_LEVEL: 'silent',
          // The same database: the SQLite file's folder, or the PostgreSQL URL.
          VIGIE_DATA_DIR: t.testDatabase.file ? path.dirname(t.testDatabase.file) : dataDir,
          ...(t.testDatabase.url ? { DATABASE_URL: t.testDatabase.url } : {}),
        },
        encoding: 'utf8',
      },
    );
    return { code: result.status, out: result.stdout, err: result.stderr };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe.each(testEngines())('tamper-evident audit trail on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
    // Some real writes through the API.
    const admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    for (const name of ['first script', 'second script', 'third script']) {
      expect((await request(t.app, admin)('POST', '/api/v1/auth/tokens', { name })).statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  const chain = () =>
    t.db.selectFrom('audit_events').select(['id', 'seq', 'prev_hash', 'hash', 'changes']).orderBy('seq').execute();

  it('links every event to the one before by SHA-256, from the genesis hash to the recorded head', async () => {
    const events = await chain();
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events[0]?.prev_hash).toBe(GENESIS_HASH);
    events.forEach((event, i) => {
      expect(event.seq).toBe(i + 1);
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
      if (i > 0) expect(event.prev_hash).toBe(events[i - 1]?.hash);
    });
    const head = await t.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    expect(head.seq).toBe(events.length);
    expect(head.last_hash).toBe(events.at(-1)?.hash);
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: true, events: events.length });
  });

  it('stays one chain with many concurrent writers', async () => {
    const before = (await verifyAuditChain(t.db)) as { events: number };
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t.db.transaction().execute(async (trx) => {
          await recordAudit(
            trx,
            { actor: anonymous, requestId: null, label: 'test:concurrency' },
            {
              entity: 'test',
              entityId: String(i),
              action: 'create',
              after: { i },
            },
          );
        }),
      ),
    );
    // Without a transaction, recordAudit opens its own.
    await recordAudit(
      t.db,
      { actor: anonymous, requestId: null, label: 'test:concurrency' },
      {
        entity: 'test',
        entityId: 'alone',
        action: 'create',
      },
    );
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ intact: true, events: before.events + 25 });
  });

  it('rolls the chain back with the transaction that failed', async () => {
    const before = await t.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await recordAudit(
          trx,
          { actor: anonymous, requestId: null, label: 'test' },
          {
            entity: 'test',
            entityId: 'rolled-back',
            action: 'create',
          },
        );
        throw new Error('the write fails after its audit event');
      }),
    ).rejects.toThrow('the write fails');
    expect(await t.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow()).toEqual(before);
    expect((await verifyAuditChain(t.db)).intact).toBe(true);
  });

  it('finds an edited event and a reordering, and the command line says so with exit code 1', async () => {
    const intact = auditVerify(t);
    expect(intact.err).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/Audit trail intact: \d+ events/);

    const events = await chain();
    const victim = events[2] as (typeof events)[number];
    await t.db
      .updateTable('audit_events')
      .set({ changes: JSON.stringify({ name: { before: null, after: 'something else' } }) })
      .where('id', '=', victim.id)
      .execute();
    expect(await verifyAuditChain(t.db)).toMatchObject({
      intact: false,
      events: 2,
      firstBreak: { problem: 'edited', eventId: victim.id, seq: 3 },
    });
    const edited = auditVerify(t);
    expect(edited.code).toBe(1);
    expect(edited.err).toContain(victim.id);
    expect(edited.err).toContain('edited');
    await t.db.updateTable('audit_events').set({ changes: victim.changes }).where('id', '=', victim.id).execute();
    expect((await verifyAuditChain(t.db)).intact).toBe(true);

    // Swapping two events' places (their hashes recomputed to fit, as a careful forger would).
    const [a, b] = [events[1], events[2]] as [(typeof events)[number], (typeof events)[number]];
    await t.db.updateTable('audit_events').set({ seq: -1 }).where('id', '=', a.id).execute();
    await t.db.updateTable('audit_events').set({ seq: 2 }).where('id', '=', b.id).execute();
    await t.db.updateTable('audit_events').set({ seq: 3 }).where('id', '=', a.id).execute();
    expect(await verifyAuditChain(t.db)).toMatchObject({
      intact: false,
      firstBreak: { problem: 'broken_link', seq: 2 },
    });
    await t.db.updateTable('audit_events').set({ seq: -1 }).where('id', '=', a.id).execute();
    await t.db.updateTable('audit_events').set({ seq: 3 }).where('id', '=', b.id).execute();
    await t.db.updateTable('audit_events').set({ seq: 2 }).where('id', '=', a.id).execute();
    expect((await verifyAuditChain(t.db)).intact).toBe(true);
  });

  it('finds an event written around Vigie, and one whose hash was recomputed after an edit', async () => {
    const stray = randomUUID();
    await t.db
      .insertInto('audit_events')
      .values({
        id: stray,
        at: new Date().toISOString(),
        actor_user_id: null,
        actor_label: 'intruder',
        entity: 'user',
        entity_id: stray,
        action: 'create',
        entity_version: null,
        changes: '{}',
        institution_id: null,
        request_id: null,
      })
      .execute();
    expect(await verifyAuditChain(t.db)).toMatchObject({
      intact: false,
      firstBreak: { problem: 'unchained', eventId: stray },
    });
    await t.db.deleteFrom('audit_events').where('id', '=', stray).execute();

    const [, second, third] = await t.db.selectFrom('audit_events').selectAll().orderBy('seq').limit(3).execute();
    if (!second || !third) throw new Error('not enough events');
    const forged = { ...second, actor_label: 'someone else' };
    await t.db
      .updateTable('audit_events')
      .set({ actor_label: forged.actor_label, hash: hashEvent(forged, 2, second.prev_hash as string) })
      .where('id', '=', second.id)
      .execute();
    expect(await verifyAuditChain(t.db)).toMatchObject({
      intact: false,
      firstBreak: { problem: 'broken_link', eventId: third.id },
    });
    await t.db
      .updateTable('audit_events')
      .set({ actor_label: second.actor_label, hash: second.hash })
      .where('id', '=', second.id)
      .execute();
    expect((await verifyAuditChain(t.db)).intact).toBe(true);
  });

  it('finds deleted events, in the middle and at the end (command line exit code 1)', async () => {
    const events = await chain();
    const last = events.at(-1) as (typeof events)[number];
    await t.db.deleteFrom('audit_events').where('id', '=', last.id).execute();
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: false, firstBreak: { problem: 'missing_at_end' } });

    const deleted = events[3] as (typeof events)[number];
    const after = events[4] as (typeof events)[number];
    await t.db.deleteFrom('audit_events').where('id', '=', deleted.id).execute();
    expect(await verifyAuditChain(t.db)).toMatchObject({
      intact: false,
      events: 3,
      firstBreak: { problem: 'missing_before', eventId: after.id, seq: 5 },
    });
    const cli = auditVerify(t);
    expect(cli.code).toBe(1);
    expect(cli.err).toContain(after.id);
    expect(cli.err).toContain('deleted');
  });
});

describe.each(testEngines())('chaining an existing audit trail on %s', (engine) => {
  it('hashes the events already there, in time order, when the accounts migration runs', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-chain-'));
    const testDatabase = await openTestDatabase(engine, dataDir);
    try {
      const { db } = testDatabase.database;
      const before = Object.fromEntries(
        Object.entries(migrations).filter(([name]) => name < '2026-11-28T1500_accounts'),
      );
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => before },
        migrationTableName: 'vigie_migrations',
        migrationLockTableName: 'vigie_migrations_lock',
      });
      const result = await migrator.migrateToLatest();
      expect(result.error).toBeUndefined();
      // Events as the foundation wrote them, inserted out of time order; two share a timestamp.
      const legacy = [
        { id: 'c0000000-0000-4000-8000-000000000003', at: '2026-11-02T10:00:00.000Z' },
        { id: 'a0000000-0000-4000-8000-000000000001', at: '2026-11-01T10:00:00.000Z' },
        { id: 'b0000000-0000-4000-8000-000000000002', at: '2026-11-02T10:00:00.000Z' },
      ];
      for (const { id, at } of legacy) {
        await db
          .insertInto('audit_events')
          .values({
            id,
            at,
            actor_user_id: null,
            actor_label: 'system:seed',
            entity: 'institution',
            entity_id: id,
            action: 'create',
            entity_version: 1,
            changes: JSON.stringify({ name_fr: { before: null, after: `Institution ${id.slice(0, 1)}` } }),
            institution_id: null,
            request_id: null,
          })
          .execute();
      }
      await migrateToLatest(db);
      const chained = await db.selectFrom('audit_events').select(['id', 'seq']).orderBy('seq').execute();
      expect(chained.map((e) => e.id)).toEqual([legacy[1]?.id, legacy[2]?.id, legacy[0]?.id]);
      expect(await verifyAuditChain(db)).toMatchObject({ intact: true, events: 3, headSeq: 3 });
      // New events continue the same chain.
      await recordAudit(
        db,
        { actor: anonymous, requestId: null, label: 'test' },
        {
          entity: 'test',
          entityId: 'next',
          action: 'create',
        },
      );
      expect(await verifyAuditChain(db)).toMatchObject({ intact: true, events: 4 });
    } finally {
      await testDatabase.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
