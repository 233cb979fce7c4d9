import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, PASSWORD, startTestApp, type TestApp } from '../../../tests/support/app.js';
import { testEngines } from '../../../tests/support/databases.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openPostgres, openSqlite } from '../db/connect.js';
import { MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, MAX_FAILURES_PER_ADDRESS, WINDOW_MINUTES } from './throttle.js';

describe.each(testEngines())('sign-in lockout on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, remoteAddress: string, app = t.app) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress });

  it('locks an account out of one address only: the owner still signs in from another', async () => {
    const owner = await createUser(t.db, 'coordinator');
    const attacker = '203.0.113.66';
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect((await login(owner.email, `guess number ${i} of many`, attacker)).statusCode).toBe(401);
    }
    const refused = await login(owner.email, PASSWORD, attacker);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('too_many_attempts');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(WINDOW_MINUTES * 60 - 30);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MINUTES * 60);

    // The right password from elsewhere gets in, and does not reopen the door for the attacker.
    const owners = await login(owner.email, PASSWORD, '192.0.2.10');
    expect(owners.statusCode).toBe(200);
    expect(owners.json().user.email).toBe(owner.email);
    expect((await login(owner.email, 'one more guess please', attacker)).statusCode).toBe(429);

    // Another account from the attacker's address is not locked by this one.
    const other = await createUser(t.db, 'staff');
    expect((await login(other.email, PASSWORD, attacker)).statusCode).toBe(200);
  });

  it('locks an address that sprays many accounts, not the accounts', async () => {
    const sprayer = '203.0.113.99';
    const victim = await createUser(t.db, 'staff');
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      const response = await login(`nobody-${i}@vigie.test`, 'password guesses', sprayer);
      expect(response.statusCode).toBe(401);
    }
    expect((await login(victim.email, PASSWORD, sprayer)).statusCode).toBe(429);
    expect((await login(victim.email, PASSWORD, '192.0.2.11')).statusCode).toBe(200);
  });

  it('forgives mistakes after a success from the same address', async () => {
    const user = await createUser(t.db, 'staff');
    const address = '192.0.2.12';
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1; i++) {
      expect((await login(user.email, 'a typing mistake!', address)).statusCode).toBe(401);
    }
    expect((await login(user.email, PASSWORD, address)).statusCode).toBe(200);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS - 1; i++) {
      expect((await login(user.email, 'a typing mistake!', address)).statusCode).toBe(401);
    }
    expect((await login(user.email, PASSWORD, address)).statusCode).toBe(200);
  });

  it('behind a trusted proxy, counts the address the proxy saw, not what a client writes in X-Forwarded-For', async () => {
    const proxied = await startTestApp(engine, { VIGIE_TRUST_PROXY: 'loopback' });
    try {
      const user = await createUser(proxied.db, 'staff');
      // The proxy (on loopback) appends the address it saw; anything before it is the client's to invent.
      const through = (password: string, client: string, invented: string) =>
        proxied.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password },
          headers: { 'x-forwarded-for': `${invented}, ${client}` },
        });
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
        expect((await through('guessing away', '203.0.113.80', `10.9.8.${i}`)).statusCode).toBe(401);
      }
      expect((await through(PASSWORD, '203.0.113.80', '10.9.8.200')).statusCode).toBe(429);
      expect((await through(PASSWORD, '198.51.100.81', '10.9.8.201')).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('holds across processes: failures are counted in the database', async () => {
    const second =
      engine === 'sqlite' ? openSqlite(t.testDatabase.file as string) : openPostgres(t.testDatabase.url as string, 2);
    const other = await buildApp({ config: t.config, database: second, logger: false });
    try {
      const user = await createUser(t.db, 'staff');
      const address = '198.51.100.7';
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
        const app = i % 2 === 0 ? t.app : other;
        expect((await login(user.email, 'wrong on one process', address, app)).statusCode).toBe(401);
      }
      expect((await login(user.email, PASSWORD, address, other)).statusCode).toBe(429);
      expect((await login(user.email, PASSWORD, address, t.app)).statusCode).toBe(429);
    } finally {
      await other.close();
      await second.close();
    }
  });
});

describe('VIGIE_TRUST_PROXY', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-proxy-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const load = (value: string) => loadConfig({ VIGIE_DATA_DIR: dataDir, VIGIE_TRUST_PROXY: value });

  it('takes false, true, or the proxies’ addresses; refuses anything else, hop counts included', () => {
    expect(load('false').trustProxy).toBe(false);
    expect(load('true').trustProxy).toBe(true);
    expect(load('loopback').trustProxy).toBe('loopback');
    expect(load('10.0.0.1, 192.168.0.0/16, ::1').trustProxy).toBe('10.0.0.1, 192.168.0.0/16, ::1');
    // Fastify reads a number as "trust no hop": saying 1 would silently count every client as the proxy.
    for (const wrong of ['1', 'yes', 'proxy.example.org', '10.0.0.1/8/8']) {
      expect(() => load(wrong), wrong).toThrow(/VIGIE_TRUST_PROXY must be false/);
    }
  });
});
