import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, openSqlite } from '../../src/server/db/connect.js';
import { migrations } from '../../src/server/db/migrations/index.js';
import { seeds as allSeeds } from '../../src/server/seed/seed.js';
import { createPostgresDatabase, testEngines } from '../support/databases.js';
import { startServerProcess } from '../support/server-process.js';

const ADMIN = { email: 'ops@vigie.test', password: 'a strong operator password' };

describe.each(testEngines())('real server processes on %s', (engine) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-proc-'));
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const env = () => ({
    VIGIE_DATA_DIR: dataDir,
    VIGIE_ADMIN_EMAIL: ADMIN.email,
    VIGIE_ADMIN_PASSWORD: ADMIN.password,
    VIGIE_SESSION_SECRET: 'the same session secret shared by every process',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const open = () => (databaseUrl ? openPostgres(databaseUrl, 2) : openSqlite(path.join(dataDir, 'vigie.sqlite')));

  beforeAll(async () => {
    if (engine === 'postgres') {
      const created = await createPostgresDatabase();
      databaseUrl = created.url;
      dropDatabase = created.drop;
    }
  });
  afterAll(async () => {
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('two processes starting at once migrate and seed once, share sessions, and stop cleanly on SIGTERM', async () => {
    const [a, b] = await Promise.all([startServerProcess(env()), startServerProcess(env())]);
    try {
      const database = open();
      try {
        const applied = await database.db
          .selectFrom('vigie_migrations' as never)
          .selectAll()
          .execute();
        expect(applied).toHaveLength(Object.keys(migrations).length);
        const seeds = await database.db.selectFrom('seed_runs').selectAll().execute();
        expect(seeds).toHaveLength(allSeeds.length);
        const groups = await database.db.selectFrom('groups').selectAll().execute();
        expect(groups).toHaveLength(1);
        const members = await database.db.selectFrom('group_memberships').selectAll().execute();
        expect(members).toHaveLength(10);
        const admins = await database.db.selectFrom('users').select('email').execute();
        expect(admins).toEqual([{ email: ADMIN.email }]);
      } finally {
        await database.close();
      }

      const login = await fetch(`${a.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const me = await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect((await me.json()).user.email).toBe(ADMIN.email);
      const members = await fetch(`${b.url}/api/v1/groups`).then((r) => r.json());
      expect(members.total).toBe(1);

      expect(a.output()).toMatch(/"reqId"|"requestId"|"req":/);
    } finally {
      expect(await a.stop('SIGTERM')).toBe(0);
      expect(await b.stop('SIGTERM')).toBe(0);
    }
    if (engine === 'sqlite') {
      const secret = statSync(path.join(dataDir, 'secrets', 'encryption.key'));
      expect(secret.mode & 0o777).toBe(0o600);
    }
  });

  it('a later start adds nothing and keeps what people edited', async () => {
    const database = open();
    try {
      const turkey = await database.db
        .selectFrom('institutions')
        .select(['id', 'version'])
        .where('country_code', '=', 'TR')
        .executeTakeFirstOrThrow();
      await database.db
        .updateTable('institutions')
        .set({ name_en: 'Edited by a person', version: turkey.version + 1 })
        .where('id', '=', turkey.id)
        .execute();
      const before = await database.db
        .selectFrom('institutions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const server = await startServerProcess(env());
      await server.stop();
      const after = await database.db
        .selectFrom('institutions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      const edited = await database.db
        .selectFrom('institutions')
        .select('name_en')
        .where('id', '=', turkey.id)
        .executeTakeFirstOrThrow();
      expect(edited.name_en).toBe('Edited by a person');
    } finally {
      await database.close();
    }
  });
});
