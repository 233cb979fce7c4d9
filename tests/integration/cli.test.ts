import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, openSqlite } from '../../src/server/db/connect.js';
import { createPostgresDatabase, testEngines } from '../support/databases.js';

const root = path.resolve(import.meta.dirname, '../..');

function run(dataDir: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/cli.ts'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', VIGIE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe.each(testEngines())('operators’ command line on %s', (engine) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-cli-'));
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (engine === 'postgres') {
      const created = await createPostgresDatabase();
      databaseUrl = created.url;
      drop = created.drop;
    }
  });
  afterAll(async () => {
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const vigie = (args: string[], env: Record<string, string> = {}) =>
    run(dataDir, args, { ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...env });

  it('migrates, creates accounts, issues reset links and API tokens, and explains mistakes', async () => {
    if (engine === 'sqlite') {
      const missing = vigie(['user:reset-password', '--email', 'x@example.org']);
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('No Vigie database');
    }
    expect(vigie(['db:migrate']).code).toBe(0);
    const invited = vigie([
      'user:create',
      '--email',
      'Staff@Example.org',
      '--name',
      'Staff',
      '--role',
      'staff',
      '--institution',
      'ma',
    ]);
    expect(invited.code).toBe(0);
    expect(invited.out).toMatch(/Invitation link .*\/invitation#token=/);
    const withPassword = vigie(
      [
        'user:create',
        '--email',
        'coord@example.org',
        '--name',
        'Coordinator',
        '--role',
        'coordinator',
        '--password-env',
        'NEW_PASSWORD',
      ],
      { NEW_PASSWORD: 'a good long password' },
    );
    expect(withPassword.code).toBe(0);
    const reset = vigie(['user:reset-password', '--email', 'coord@example.org']);
    expect(reset.out).toMatch(/\/reset-password#token=/);
    const token = vigie(['token:create', '--email', 'coord@example.org', '--name', 'exports']);
    expect(token.code).toBe(0);
    expect(token.out).toMatch(/^vigie_[\w-]{40,}$/m);

    const duplicate = vigie([
      'user:create',
      '--email',
      'staff@example.org',
      '--name',
      'x',
      '--role',
      'staff',
      '--institution',
      'MA',
    ]);
    expect(duplicate.code).toBe(2);
    expect(duplicate.err).toContain('already exists');
    const badRole = vigie(['user:create', '--email', 'x@example.org', '--name', 'x', '--role', 'king']);
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('--role must be one of');
    expect(vigie(['no-such-command']).code).toBe(2);

    const database = databaseUrl ? openPostgres(databaseUrl, 1) : openSqlite(path.join(dataDir, 'vigie.sqlite'));
    try {
      const users = await database.db
        .selectFrom('users')
        .select(['email', 'status', 'role'])
        .orderBy('email')
        .execute();
      expect(users).toEqual([
        { email: 'coord@example.org', status: 'active', role: 'coordinator' },
        { email: 'staff@example.org', status: 'invited', role: 'staff' },
      ]);
      const audited = await database.db
        .selectFrom('audit_events')
        .select('actor_label')
        .where('entity', '=', 'user')
        .execute();
      expect(audited.map((a) => a.actor_label)).toContain('cli:user:create');
    } finally {
      await database.close();
    }
  });
});
