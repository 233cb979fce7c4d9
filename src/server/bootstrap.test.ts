import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD } from '../../tests/support/app.js';
import { openTestDatabase, type TestDatabase, testEngines } from '../../tests/support/databases.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { allRoutes } from './modules/index.js';
import { prepareDatabase } from './startup.js';

const quiet = { info() {} };

describe.each(testEngines())('first start without an administrator on %s', (engine) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-boot-'));
  let testDatabase: TestDatabase;
  beforeAll(async () => {
    testDatabase = await openTestDatabase(engine, dataDir);
  });
  afterAll(async () => {
    await testDatabase.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a one-time set-up link that creates the first administrator, once', async () => {
    const config = loadConfig({
      VIGIE_DATA_DIR: dataDir,
      VIGIE_CLIENT_DIR: path.join(dataDir, 'none'),
      LOG_LEVEL: 'silent',
    });
    const first = await prepareDatabase(testDatabase.database, config, quiet);
    const second = await prepareDatabase(testDatabase.database, config, quiet);
    expect(first.kind).toBe('setup-link');
    expect(second.kind).toBe('setup-link');
    if (first.kind !== 'setup-link' || second.kind !== 'setup-link') return;
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/setup#token=/);
    const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');
    const app = await buildApp({ config, database: testDatabase.database, logger: false, checkResponses: true });
    try {
      const body = (token: string) => ({
        token,
        email: 'First@Admin.test',
        name: 'First administrator',
        password: 'set up with the link',
      });
      // Only the newest link works.
      const stale = await app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload: body(tokenOf(first.url)) });
      expect(stale.statusCode).toBe(400);
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/setup',
        payload: body(tokenOf(second.url)),
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().user).toMatchObject({ email: 'first@admin.test', role: 'administrator' });
      const reused = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/setup',
        payload: body(tokenOf(second.url)),
      });
      expect(reused.statusCode).toBe(400);
      expect((await prepareDatabase(testDatabase.database, config, quiet)).kind).toBe('admin-exists');
      const audit = await testDatabase.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('entity', '=', 'user')
        .execute();
      expect(audit.map((e) => e.action)).toContain('create');
    } finally {
      await app.close();
    }
  });

  it('publishes an OpenAPI 3.1 document listing every route, and the browsable docs', async () => {
    const config = loadConfig({
      VIGIE_DATA_DIR: dataDir,
      VIGIE_CLIENT_DIR: path.join(dataDir, 'none'),
      LOG_LEVEL: 'silent',
    });
    const app = await buildApp({ config, database: testDatabase.database, logger: false });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(response.statusCode).toBe(200);
      const document = response.json();
      expect(document.openapi).toBe('3.1.0');
      for (const route of allRoutes) {
        expect(document.paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(route.operationId);
      }
      const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
      expect(docs.statusCode).toBe(200);
      expect(docs.headers['content-type']).toContain('text/html');
      const headers = (await app.inject({ method: 'GET', url: '/healthz' })).headers;
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['strict-transport-security']).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('sends HSTS and Secure cookies behind https', async () => {
    const config = loadConfig({
      VIGIE_DATA_DIR: dataDir,
      VIGIE_PUBLIC_URL: 'https://vigie.example.org',
      VIGIE_CLIENT_DIR: path.join(dataDir, 'none'),
      LOG_LEVEL: 'silent',
    });
    expect(config.secureCookies).toBe(true);
    const app = await buildApp({ config, database: testDatabase.database, logger: false });
    try {
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
    } finally {
      await app.close();
    }
  });

  it('gives a real sign-in HttpOnly, SameSite=Lax session cookies (Secure behind https) and strict headers everywhere', async () => {
    const admin = await createUser(testDatabase.database.db, 'administrator');
    for (const publicUrl of ['http://127.0.0.1:3000', 'https://vigie.example.org']) {
      const config = loadConfig({
        VIGIE_DATA_DIR: dataDir,
        VIGIE_PUBLIC_URL: publicUrl,
        VIGIE_CLIENT_DIR: path.join(dataDir, 'none'),
        LOG_LEVEL: 'silent',
      });
      const app = await buildApp({ config, database: testDatabase.database, logger: false });
      try {
        const https = publicUrl.startsWith('https:');
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: admin.email, password: PASSWORD },
        });
        expect(login.statusCode).toBe(200);
        const cookie = String(login.headers['set-cookie']);
        expect(cookie).toMatch(/^vigie_session=[\w-]{40,};/);
        const attributes = cookie.split(';').map((part) => part.trim().toLowerCase());
        expect(attributes).toContain('httponly');
        expect(attributes).toContain('samesite=lax');
        expect(attributes).toContain('path=/');
        expect(attributes.includes('secure')).toBe(https);
        for (const response of [login, await app.inject({ method: 'GET', url: '/api/docs/' })]) {
          const csp = String(response.headers['content-security-policy']);
          const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src ')) ?? '';
          expect(scriptSrc.trim()).toMatch(/^script-src 'self'\s*$/);
          expect(csp).not.toContain('unsafe-eval');
          expect(csp).toMatch(/frame-ancestors 'none'/);
          expect(response.headers['x-frame-options']).toBe('DENY');
          expect(response.headers['x-content-type-options']).toBe('nosniff');
          expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
          if (https)
            expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000; includeSubDomains/);
          else expect(response.headers['strict-transport-security']).toBeUndefined();
        }
      } finally {
        await app.close();
      }
    }
  });
});
