import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres, openSqlite } from '../../src/server/db/connect.js';
import { RETENTION_JOB } from '../../src/server/operations/jobs/definitions.js';
import { createPostgresDatabase, testEngines } from '../support/databases.js';
import { startServerProcess } from '../support/server-process.js';
import { readBackupFile } from '../support/table-rows.js';

const root = path.resolve(import.meta.dirname, '../..');
const ADMIN = { email: 'ops@vigie.test', password: 'an operator’s long passphrase' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `npm run vigie -- …` as a real process, without blocking the event loop (servers keep answering). */
function vigie(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/cli.ts'), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe.each(testEngines())('operations with real processes on %s', (engine) => {
  const dirs: string[] = [];
  const drops: (() => Promise<void>)[] = [];
  async function place() {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-ops-'));
    dirs.push(dataDir);
    let url: string | undefined;
    if (engine === 'postgres') {
      const created = await createPostgresDatabase();
      drops.push(created.drop);
      url = created.url;
    }
    const env: Record<string, string> = {
      VIGIE_DATA_DIR: dataDir,
      VIGIE_SESSION_SECRET: 'one session secret for every process of the test',
      ...(url ? { DATABASE_URL: url } : {}),
    };
    const open = (): Database => (url ? openPostgres(url, 2) : openSqlite(path.join(dataDir, 'vigie.sqlite')));
    return { dataDir, env, open };
  }
  afterAll(async () => {
    for (const drop of drops) await drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('backs up from the command line while a server takes writes, consistently, and restores into an empty database', async () => {
    const source = await place();
    const server = await startServerProcess({
      ...source.env,
      VIGIE_ADMIN_EMAIL: ADMIN.email,
      VIGIE_ADMIN_PASSWORD: ADMIN.password,
      VIGIE_JOBS_TICK_SECONDS: '0',
    });
    const backupFile = path.join(source.dataDir, '..', `${path.basename(source.dataDir)}.vigie.gz`);
    dirs.push(backupFile);
    let writing = true;
    const statuses: number[] = [];
    try {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const writer = async (lane: number) => {
        for (let i = 0; writing && i < 2000; i += 1) {
          const response = await fetch(`${server.url}/api/v1/institutions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
            body: JSON.stringify({
              countryCode: 'PT',
              nameFr: `Charge ${lane}-${i}`,
              kind: 'ombudsman',
              dataStatus: 'confirmed',
              visibility: 'group',
            }),
          });
          statuses.push(response.status);
          await response.arrayBuffer();
        }
      };
      const writers = [writer(1), writer(2), writer(3)];
      const atLeast = async (count: number) => {
        for (let i = 0; statuses.length < count && i < 300; i += 1) await sleep(50);
      };
      await atLeast(10);
      const backup = await vigie(['backup', backupFile], source.env);
      await atLeast(statuses.length + 10);
      writing = false;
      await Promise.all(writers);
      expect(backup.err).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.out).toMatch(/Backup written to .* tables, \d+ rows/);
      // Every write succeeded, the backup's own audit write included, on either engine.
      expect(statuses.filter((s) => s !== 201)).toEqual([]);

      const { tables } = await readBackupFile(backupFile);
      const loaded = (tables.get('institutions') ?? []).filter((r) => String(r.name_fr).startsWith('Charge '));
      const created = new Set(
        (tables.get('audit_events') ?? [])
          .filter((e) => e.entity === 'institution' && e.action === 'create')
          .map((e) => e.entity_id),
      );
      const database = source.open();
      let total: number;
      try {
        const all = await database.db
          .selectFrom('institutions')
          .select('id')
          .where('name_fr', 'like', 'Charge %')
          .execute();
        total = all.length;
        const loadIds = new Set(all.map((r) => r.id));
        const loadEvents = [...created].filter((id) => loadIds.has(id as string));
        // Writes before the snapshot are in it, those after are not, and each institution comes with its event.
        expect(loaded.length).toBeGreaterThan(0);
        expect(loaded.length).toBeLessThan(total);
        expect(loadEvents.sort()).toEqual(loaded.map((r) => r.id).sort());
      } finally {
        await database.close();
      }

      const target = await place();
      const restored = await vigie(['restore', backupFile], target.env);
      expect(restored.err).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.out).toMatch(/Restored backup .* into (sqlite|postgres)/);
      const again = await vigie(['restore', backupFile], target.env);
      expect(again.code).toBe(1);
      expect(again.err).toMatch(/The database is not empty .*--force/);
      const purge = await vigie(['retention:purge'], target.env);
      expect(purge.code).toBe(0);
      expect(purge.out).toMatch(/Retention purge done/);
      const restoredDb = target.open();
      try {
        const rows = await restoredDb.db
          .selectFrom('institutions')
          .select('id')
          .where('name_fr', 'like', 'Charge %')
          .execute();
        expect(rows).toHaveLength(loaded.length);
      } finally {
        await restoredDb.close();
      }
    } finally {
      writing = false;
      expect(await server.stop()).toBe(0);
    }
  });

  it('two server processes on one database run a due job once', async () => {
    const shared = await place();
    const env = {
      ...shared.env,
      VIGIE_ADMIN_EMAIL: ADMIN.email,
      VIGIE_ADMIN_PASSWORD: ADMIN.password,
      VIGIE_JOBS_TICK_SECONDS: '1',
    };
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    const database = shared.open();
    const job = () =>
      database.db.selectFrom('jobs').selectAll().where('name', '=', RETENTION_JOB).executeTakeFirstOrThrow();
    const finishedAfter = async (attempts: number) => {
      for (let i = 0; i < 100; i += 1) {
        const row = await job();
        if (row.attempts >= attempts && row.locked_by === null && row.last_finished_at) return row;
        await sleep(100);
      }
      throw new Error('the job did not run');
    };
    try {
      await finishedAfter(1);
      // Both processes have ticked several times since.
      await sleep(2000);
      expect((await job()).attempts).toBe(1);
      for (const round of [2]) {
        await database.db
          .updateTable('jobs')
          .set({ next_run_at: new Date(Date.now() - 1000).toISOString() })
          .where('name', '=', RETENTION_JOB)
          .execute();
        await finishedAfter(round);
        await sleep(2000);
        expect((await job()).attempts).toBe(round);
      }
      expect((await job()).failures).toBe(0);
    } finally {
      await database.close();
      expect(await a.stop('SIGTERM')).toBe(0);
      expect(await b.stop('SIGTERM')).toBe(0);
    }
  });
});
