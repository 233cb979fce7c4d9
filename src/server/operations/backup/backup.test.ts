import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  request,
  signIn,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app.js';
import { openTestDatabase, type TestDatabase, testEngines } from '../../../../tests/support/databases.js';
import { readAllRows, readBackupFile, type TableRows } from '../../../../tests/support/table-rows.js';
import { buildApp } from '../../app.js';
import { anonymous } from '../../auth/actor.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/connect.js';
import { migrations } from '../../db/migrations/index.js';
import type { DB } from '../../db/schema.js';
import { verifyAuditChain } from '../../modules/audit/audit-chain.js';
import { recordAudit } from '../../modules/audit/record-audit.js';
import { prepareDatabase } from '../../startup.js';
import { createBackup } from './create-backup.js';
import { BackupError } from './format.js';
import { describeTables } from './introspect.js';
import { verifyBackup } from './read-backup.js';
import { restoreBackup } from './restore-backup.js';

const cli = (command: string) => ({ actor: anonymous, requestId: null, label: `cli:${command}` });
const quiet = { info() {} };
const workDir = mkdtempSync(path.join(tmpdir(), 'vigie-backups-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const backupFile = (name: string) => path.join(workDir, `${name}-${randomUUID().slice(0, 8)}.vigie.gz`);

/** Activity beyond the seed: sessions, a failed sign-in, API tokens, a next plan (rows that refer to their own
 * table), awkward values (Arabic, emoji, separators, tiny and huge numbers) and a binary data file. */
async function addActivity(t: TestApp): Promise<void> {
  const admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
  const call = request(t.app, admin);
  await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN_EMAIL, password: 'wrong' } });
  const token = await call('POST', '/api/v1/auth/tokens', { name: 'exports' });
  expect(token.statusCode).toBe(201);
  const revoked = await call('POST', '/api/v1/auth/tokens', { name: 'old script' });
  expect((await call('DELETE', `/api/v1/auth/tokens/${revoked.json().id}`)).statusCode).toBe(204);
  const plan = await t.db.selectFrom('plans').select('id').executeTakeFirstOrThrow();
  const next = await call('POST', `/api/v1/plans/${plan.id}/next`, {
    titleFr: 'Plan suivant',
    startsOn: '2031-01-01',
    endsOn: '2032-12-31',
  });
  expect(next.statusCode).toBe(201);
  await t.db
    .updateTable('institutions')
    .set({ notes: 'مرحبا بالأطفال 👋 "quoted" \\ back\nslash\r\n\u2028 line sep\ttab' })
    .where('country_code', '=', 'MA')
    .execute();
  await t.db.updateTable('indicators').set({ baseline: 0.1, target: 1e-7 }).execute();
  await t.db
    .updateTable('plan_actions')
    .set({ budget_minor: Number.MAX_SAFE_INTEGER, budget_currency: 'EUR' })
    .execute();
  mkdirSync(path.join(t.config.dataDir, 'files', 'reports'), { recursive: true });
  writeFileSync(path.join(t.config.dataDir, 'files', 'reports', 'visit.bin'), randomBytes(100_000));
}

/** The same data: every table row by row, the trail aside from backups' and restores' own events. */
function expectSameData(actual: TableRows, expected: TableRows) {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const withoutOwnEvents = (rows: string[]) =>
    rows.filter((row) => !(JSON.parse(row) as [string, unknown][]).some(([c, v]) => c === 'entity' && v === 'backup'));
  for (const [table, rows] of expected) {
    // The chain's head moves with each restore's own event; the chain itself is verified instead.
    if (table === 'audit_chain_head') continue;
    if (table === 'audit_events') expect(withoutOwnEvents(actual.get(table) ?? [])).toEqual(withoutOwnEvents(rows));
    else expect(actual.get(table), table).toEqual(rows);
  }
}

async function countOf(db: Kysely<DB>, table: 'institutions' | 'audit_events'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(testEngines())('backup and restore on %s', (engine) => {
  let t: TestApp;
  const targets: { testDatabase: TestDatabase; dir: string }[] = [];
  async function emptyTarget() {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigie-restore-'));
    const testDatabase = await openTestDatabase(engine, dir);
    targets.push({ testDatabase, dir });
    return { database: testDatabase.database, dir };
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
    await addActivity(t);
  });
  afterAll(async () => {
    await t.close();
    for (const target of targets) {
      await target.testDatabase.drop();
      rmSync(target.dir, { recursive: true, force: true });
    }
  });

  it('copies every table and the data files (never the secrets), restores them exactly, and a normal start follows', async () => {
    const file = backupFile('full');
    const result = await createBackup(t.testDatabase.database, {
      file,
      dataDir: t.config.dataDir,
      audit: cli('backup'),
    });
    const source = await readAllRows(t.db, engine);
    const tables = await describeTables(t.db, engine);
    expect(result.manifest.tables.map((x) => x.name).sort()).toEqual(tables.map((x) => x.name).sort());
    expect(result.manifest.tables.map((x) => x.name)).toContain('vigie_migrations');
    expect(result.manifest.migrations).toEqual(Object.keys(migrations).sort());
    expect(result.manifest.engine).toBe(engine);
    expect(result.manifest.files.map((f) => f.path)).toEqual(['files/reports/visit.bin']);
    expect(existsSync(path.join(t.config.dataDir, 'secrets'))).toBe(true);
    expect(await verifyBackup(file)).toEqual(result.manifest);
    const audited = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'backup')
      .where('entity_id', '=', result.manifest.id)
      .executeTakeFirstOrThrow();
    expect(audited).toMatchObject({ action: 'create', actor_label: 'cli:backup' });

    const target = await emptyTarget();
    const restored = await restoreBackup(target.database, { file, dataDir: target.dir, audit: cli('restore') });
    expect(restored).toMatchObject({ rows: result.rows, files: 1, migrated: [], replaced: [] });
    expectSameData(await readAllRows(target.database.db, engine), source);
    expect(readFileSync(path.join(target.dir, 'files', 'reports', 'visit.bin'))).toEqual(
      readFileSync(path.join(t.config.dataDir, 'files', 'reports', 'visit.bin')),
    );
    expect(await verifyAuditChain(target.database.db)).toMatchObject({ intact: true });
    const restoreEvents = await target.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'backup')
      .where('action', '=', 'restore')
      .execute();
    expect(restoreEvents).toHaveLength(1);
    // The restore's event comes after every restored event.
    const last = await target.database.db
      .selectFrom('audit_events')
      .select('id')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.id).toBe(restoreEvents[0]?.id);

    // A normal start: nothing to migrate or seed, the administrator signs in, writes work (sequences followed).
    const config = loadConfig({
      VIGIE_DATA_DIR: target.dir,
      VIGIE_CLIENT_DIR: path.join(target.dir, 'none'),
      LOG_LEVEL: 'silent',
    });
    expect((await prepareDatabase(target.database, config, quiet)).kind).toBe('admin-exists');
    const app = await buildApp({ config, database: target.database, logger: false, checkResponses: true });
    try {
      const failed = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: ADMIN_EMAIL, password: 'wrong again' },
      });
      expect(failed.statusCode).toBe(401);
      const admin = await signIn(app, ADMIN_EMAIL, ADMIN_PASSWORD);
      const institutions = await request(app, admin)('GET', '/api/v1/institutions?pageSize=100');
      expect(institutions.json().total).toBe(source.get('institutions')?.length);
    } finally {
      await app.close();
    }
  });

  it('reads one snapshot: writes made while the backup runs are in none of its tables', async () => {
    const second: Database =
      engine === 'sqlite'
        ? (await import('../../db/connect.js')).openSqlite(t.testDatabase.file as string)
        : (await import('../../db/connect.js')).openPostgres(t.testDatabase.url as string, 2);
    try {
      const before = { institutions: await countOf(t.db, 'institutions'), audit: await countOf(t.db, 'audit_events') };
      const written: string[] = [];
      const write = async () => {
        const id = randomUUID();
        const now = new Date().toISOString();
        await second.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('institutions')
            .values({
              id,
              country_code: 'PT',
              name_original: null,
              name_fr: `Écrit pendant la sauvegarde ${written.length}`,
              name_en: null,
              acronym: null,
              kind: 'ombudsman',
              website: null,
              data_status: 'confirmed',
              notes: null,
              owner_institution_id: null,
              visibility: 'public',
              version: 1,
              created_at: now,
              updated_at: now,
            })
            .execute();
          await recordAudit(trx, cli('test'), { entity: 'institution', entityId: id, action: 'create' });
        });
        written.push(id);
      };
      const file = backupFile('snapshot');
      const result = await createBackup(t.testDatabase.database, {
        file,
        dataDir: t.config.dataDir,
        audit: cli('backup'),
        pageSize: 5,
        // audit_events is read before institutions: a reader without a snapshot would see the institution only.
        afterTable: async (table) => {
          if (table === 'associations' || table === 'audit_events' || table === 'institutions') await write();
        },
      });
      expect(written).toHaveLength(3);
      const { tables } = await readBackupFile(file);
      const institutions = tables.get('institutions') ?? [];
      const events = tables.get('audit_events') ?? [];
      expect(institutions).toHaveLength(before.institutions);
      expect(events).toHaveLength(before.audit);
      for (const id of written) {
        expect(institutions.some((row) => row.id === id)).toBe(false);
        expect(events.some((row) => row.entity_id === id)).toBe(false);
      }
      // Paging (5 rows at a time, composite keys included) neither skipped nor repeated a row.
      for (const table of result.manifest.tables) {
        expect(tables.get(table.name), table.name).toHaveLength(table.rows);
        const keys = (tables.get(table.name) ?? []).map((row) => JSON.stringify(table.primaryKey.map((c) => row[c])));
        expect(new Set(keys).size, table.name).toBe(keys.length);
      }
      expect(await countOf(t.db, 'institutions')).toBe(before.institutions + 3);
    } finally {
      await second.close();
    }
  });

  it('refuses a database with data unless --force, a newer schema, a damaged or cut file, and an existing file name', async () => {
    const file = backupFile('refusals');
    await createBackup(t.testDatabase.database, { file, dataDir: t.config.dataDir, audit: cli('backup') });
    await expect(
      createBackup(t.testDatabase.database, { file, dataDir: t.config.dataDir, audit: cli('backup') }),
    ).rejects.toThrow(/already exists/);

    const target = await emptyTarget();
    await restoreBackup(target.database, { file, dataDir: target.dir, audit: cli('restore') });
    await target.database.db.updateTable('institutions').set({ notes: 'changed after the restore' }).execute();
    const changed = await readAllRows(target.database.db, engine);

    await expect(restoreBackup(target.database, { file, dataDir: target.dir, audit: cli('restore') })).rejects.toThrow(
      /The database is not empty .* --force/,
    );

    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const newline = text.indexOf('\n');
    const manifest = JSON.parse(text.slice(0, newline));
    const rewrite = (name: string, body: string, change: (m: typeof manifest) => void = () => {}) => {
      const copy = structuredClone(manifest);
      change(copy);
      const out = backupFile(name);
      writeFileSync(out, gzipSync(`${JSON.stringify(copy)}${body}`));
      return out;
    };
    const newer = rewrite('newer', text.slice(newline), (m) => m.migrations.push('2099-01-01T0000_future'));
    await expect(
      restoreBackup(target.database, { file: newer, dataDir: target.dir, force: true, audit: cli('restore') }),
    ).rejects.toThrow(/newer version of Vigie.*2099-01-01T0000_future/);
    const futureFormat = rewrite('format', text.slice(newline), (m) => {
      m.formatVersion = 2;
    });
    await expect(verifyBackup(futureFormat)).rejects.toThrow(/format version 2/);
    const damaged = rewrite('damaged', text.slice(newline).replace('Maroc', 'Marok'));
    await expect(
      restoreBackup(target.database, { file: damaged, dataDir: target.dir, force: true, audit: cli('restore') }),
    ).rejects.toThrow(/damaged: table \w+ has \d+ rows .*wrong checksum/);
    const cut = rewrite('cut', text.slice(newline, text.lastIndexOf('{"table"')));
    await expect(verifyBackup(cut)).rejects.toThrow(/incomplete/);
    writeFileSync(path.join(workDir, 'not-gzip.vigie.gz'), 'plain text');
    await expect(verifyBackup(path.join(workDir, 'not-gzip.vigie.gz'))).rejects.toThrow(BackupError);

    // Nothing above touched the database.
    expect(await readAllRows(target.database.db, engine)).toEqual(changed);

    const forced = await restoreBackup(target.database, {
      file,
      dataDir: target.dir,
      force: true,
      audit: cli('restore'),
    });
    expect(forced.replaced).toContain('institutions');
    const notes = await target.database.db.selectFrom('institutions').select('notes').execute();
    expect(notes.some((n) => n.notes === 'changed after the restore')).toBe(false);
    expect(await verifyAuditChain(target.database.db)).toMatchObject({ intact: true });
  });

  it('restores a backup of an older schema, then runs the later migrations on its data', async () => {
    const old = await emptyTarget();
    const migrator = new Migrator({
      db: old.database.db,
      provider: { getMigrations: async () => migrations },
      migrationTableName: 'vigie_migrations',
      migrationLockTableName: 'vigie_migrations_lock',
    });
    const { error } = await migrator.migrateTo('2026-11-28T1400_plan');
    expect(error).toBeUndefined();
    const now = new Date().toISOString();
    // biome-ignore lint/suspicious/noExplicitAny: the schema of an older version.
    const db = old.database.db as unknown as Kysely<any>;
    await db
      .insertInto('associations')
      .values({
        id: randomUUID(),
        code: 'OLD',
        name_fr: 'Ancienne',
        name_en: 'Old',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const action of ['create', 'update']) {
      await db
        .insertInto('audit_events')
        .values({
          id: randomUUID(),
          at: new Date().toISOString(),
          actor_user_id: null,
          actor_label: 'old',
          entity: 'association',
          entity_id: 'x',
          action,
          entity_version: null,
          changes: '{}',
          institution_id: null,
          request_id: null,
        })
        .execute();
    }
    const file = backupFile('older');
    const backup = await createBackup(old.database, { file, dataDir: old.dir, audit: cli('backup') });
    expect(backup.manifest.migrations).toEqual(['2026-11-28T1200_foundation', '2026-11-28T1400_plan']);
    expect(backup.audited).toBe(false);

    const target = await emptyTarget();
    const restored = await restoreBackup(target.database, { file, dataDir: target.dir, audit: cli('restore') });
    const later = Object.keys(migrations)
      .sort()
      .filter((name) => name > '2026-11-28T1400_plan');
    expect(restored.migrated).toEqual(later);
    const applied = await target.database.db
      .selectFrom('vigie_migrations' as never)
      .select('name' as never)
      .execute();
    expect(applied).toHaveLength(Object.keys(migrations).length);
    expect(await target.database.db.selectFrom('associations').select('code').execute()).toEqual([{ code: 'OLD' }]);
    // The old events were chained by the later migration, then the restore's own event after them.
    expect(await verifyAuditChain(target.database.db)).toMatchObject({ intact: true, events: 3 });
    const config = loadConfig({ VIGIE_DATA_DIR: target.dir, LOG_LEVEL: 'silent' });
    expect((await prepareDatabase(target.database, config, quiet)).kind).toBe('setup-link');
  });
});

describe.runIf(testEngines().includes('postgres'))('moving between engines', () => {
  let t: TestApp;
  const opened: TestDatabase[] = [];
  const dirs: string[] = [];
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    await addActivity(t);
  });
  afterAll(async () => {
    await t.close();
    for (const database of opened) await database.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('SQLite → PostgreSQL → SQLite keeps every row of every table exactly', async () => {
    const original = await readAllRows(t.db, 'sqlite');
    const first = backupFile('from-sqlite');
    await createBackup(t.testDatabase.database, { file: first, dataDir: t.config.dataDir, audit: cli('backup') });

    const pgDir = mkdtempSync(path.join(tmpdir(), 'vigie-pg-'));
    dirs.push(pgDir);
    const postgres = await openTestDatabase('postgres', pgDir);
    opened.push(postgres);
    await restoreBackup(postgres.database, { file: first, dataDir: pgDir, audit: cli('restore') });
    const onPostgres = await readAllRows(postgres.database.db, 'postgres');
    expectSameData(onPostgres, original);
    expect(await verifyAuditChain(postgres.database.db)).toMatchObject({ intact: true });

    const second = backupFile('from-postgres');
    await createBackup(postgres.database, { file: second, dataDir: pgDir, audit: cli('backup') });
    const sqliteDir = mkdtempSync(path.join(tmpdir(), 'vigie-back-'));
    dirs.push(sqliteDir);
    const back = await openTestDatabase('sqlite', sqliteDir);
    opened.push(back);
    await restoreBackup(back.database, { file: second, dataDir: sqliteDir, audit: cli('restore') });
    const roundTrip = await readAllRows(back.database.db, 'sqlite');
    expectSameData(roundTrip, original);
    expect(await verifyAuditChain(back.database.db)).toMatchObject({ intact: true });
    expect(roundTrip.size).toBeGreaterThan(30);
  });
});
