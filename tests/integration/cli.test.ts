import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/server/db/connect.js';

const root = path.resolve(import.meta.dirname, '../..');

function vigie(dataDir: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/cli.ts'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', VIGIE_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('operators’ command line (SQLite)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, creates accounts, issues reset links and API tokens, and explains mistakes', async () => {
    expect(vigie(dataDir, ['db:migrate']).code).toBe(0);
    const invited = vigie(dataDir, [
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
      dataDir,
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
    const reset = vigie(dataDir, ['user:reset-password', '--email', 'coord@example.org']);
    expect(reset.out).toMatch(/\/reset-password#token=/);
    const token = vigie(dataDir, ['token:create', '--email', 'coord@example.org', '--name', 'exports']);
    expect(token.code).toBe(0);
    expect(token.out).toMatch(/^vigie_[\w-]{40,}$/m);

    const duplicate = vigie(dataDir, [
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
    const badRole = vigie(dataDir, ['user:create', '--email', 'x@example.org', '--name', 'x', '--role', 'king']);
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('--role must be one of');
    expect(vigie(dataDir, ['no-such-command']).code).toBe(2);

    const database = openSqlite(path.join(dataDir, 'vigie.sqlite'));
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
