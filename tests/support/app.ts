import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { type Config, loadConfig } from '../../src/server/config.js';
import type { DB } from '../../src/server/db/schema.js';
import { prepareDatabase } from '../../src/server/startup.js';
import type { Role } from '../../src/shared/roles.js';
import { type EngineName, openTestDatabase, type TestDatabase } from './databases.js';

export const ADMIN_EMAIL = 'admin@vigie.test';
export const ADMIN_PASSWORD = 'correct horse battery staple';
export const PASSWORD = 'a long enough password';

const silent = { info() {} };

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<DB>;
  config: Config;
  engine: EngineName;
  testDatabase: TestDatabase;
  close(): Promise<void>;
}

/** A real Vigie on a fresh, migrated and seeded database of the given engine. */
export async function startTestApp(engine: EngineName, env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-test-'));
  const testDatabase = await openTestDatabase(engine, dataDir);
  const config = loadConfig({
    VIGIE_DATA_DIR: dataDir,
    VIGIE_ADMIN_EMAIL: ADMIN_EMAIL,
    VIGIE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    VIGIE_CLIENT_DIR: path.join(dataDir, 'no-client'),
    LOG_LEVEL: 'silent',
    ...env,
  });
  await prepareDatabase(testDatabase.database, config, silent);
  const app = await buildApp({ config, database: testDatabase.database, logger: false, checkResponses: true });
  await app.ready();
  return {
    app,
    db: testDatabase.database.db,
    config,
    engine,
    testDatabase,
    async close() {
      await app.close();
      await testDatabase.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed for ${email}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'vigie_session');
  if (!cookie) throw new Error('no session cookie');
  const body = response.json() as { csrfToken: string; user: { id: string } };
  return { cookie: `vigie_session=${cookie.value}`, csrfToken: body.csrfToken, userId: body.user.id };
}

/** Creates an active user directly in the database (the API's own user creation is tested separately). */
export async function createUser(
  db: Kysely<DB>,
  role: Role,
  options: { institutionId?: string | null; partnerId?: string | null; email?: string; language?: string } = {},
): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = options.email ?? `${role}-${id.slice(0, 8)}@vigie.test`;
  const now = new Date().toISOString();
  await db
    .insertInto('users')
    .values({
      id,
      email,
      name: `${role} ${id.slice(0, 4)}`,
      password_hash: await hashPassword(PASSWORD),
      role,
      institution_id: options.institutionId ?? null,
      partner_id: options.partnerId ?? null,
      language: options.language ?? 'en',
      status: 'active',
      last_login_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, email };
}

export async function institutionId(db: Kysely<DB>, countryCode: string): Promise<string> {
  const row = await db
    .selectFrom('institutions')
    .innerJoin('group_memberships', 'group_memberships.institution_id', 'institutions.id')
    .select('institutions.id')
    .where('institutions.country_code', '=', countryCode)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An authenticated request through the real HTTP stack, with the CSRF header on writes. */
export function request(app: FastifyInstance, session: Session | null) {
  return (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: {
        'accept-language': 'en',
        ...(session ? { cookie: session.cookie } : {}),
        ...(session && method !== 'GET' ? { 'x-csrf-token': session.csrfToken } : {}),
      },
    });
}
