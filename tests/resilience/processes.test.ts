import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres, openSqlite } from '../../src/server/db/connect.js';
import { verifyAuditChain } from '../../src/server/modules/audit/audit-chain.js';
import { createPostgresDatabase, testEngines } from '../support/databases.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { type Credentials, createApiToken, seeded, send, signInOver } from './support/http.js';
import { integrityProblems } from './support/integrity.js';
import { reportSummary } from './support/summary.js';

/**
 * Two Vigie processes on one database (one PostgreSQL database; one SQLite file), clients editing the same records
 * through both at once, each edit naming the version it read: exactly one edit per version wins, the others get
 * 409, and the final state is the sequence of acknowledged edits (versions, content, association rows, one audit
 * event each, an intact audit chain). Sessions and API tokens work on both processes.
 */

const SEED = Number(process.env.VIGIE_PROCESSES_SEED ?? 7_777);
const EDITS_PER_RECORD = Number(process.env.VIGIE_PROCESSES_EDITS ?? 25);
const CLIENTS = 8;
const ADMIN = { email: 'two@vigie.test', password: 'a long operator password for two processes' };

type Kind = 'institution' | 'partner';

interface Contested {
  kind: Kind;
  id: string;
  /** The edits acknowledged, by the version they produced. */
  won: Map<number, string>;
}

describe.each(testEngines())('two processes on one %s database', (engine) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-two-'));
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const servers: ServerProcess[] = [];
  const counts = { edits: 0, won: 0, conflicts: 0, reads: 0 };
  const started = Date.now();

  const env = () => ({
    VIGIE_DATA_DIR: dataDir,
    VIGIE_ADMIN_EMAIL: ADMIN.email,
    VIGIE_ADMIN_PASSWORD: ADMIN.password,
    VIGIE_SESSION_SECRET: 'one session secret for every process, long enough',
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const sqliteFile = path.join(dataDir, 'vigie.sqlite');
  const open = (): Database => (databaseUrl ? openPostgres(databaseUrl, 2) : openSqlite(sqliteFile));

  beforeAll(async () => {
    if (engine === 'postgres') {
      const created = await createPostgresDatabase();
      databaseUrl = created.url;
      dropDatabase = created.drop;
    }
    servers.push(...(await Promise.all([startServerProcess(env()), startServerProcess(env())])));
  });
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGTERM');
    reportSummary(
      'processes',
      engine,
      counts,
      `2 processes, ${CLIENTS} clients: ${counts.edits} versioned edits sent, ${counts.won} won (one per version), ` +
        `${counts.conflicts} refused with 409, in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a session and an API token made on one process work on the other; signing out on one ends it on both', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const session = await signInOver(a.url, ADMIN.email, ADMIN.password);
    expect((await send(b.url, { session }, 'GET', '/api/v1/auth/me')).status).toBe(200);
    const token = await createApiToken(b.url, session);
    expect((await send(a.url, { token }, 'GET', '/api/v1/auth/me')).status).toBe(200);
    // A write with the session's CSRF token, through the process that did not issue it.
    expect((await send(b.url, { session }, 'POST', '/api/v1/auth/tokens', { name: 'second' })).status).toBe(201);
    expect((await send(b.url, { session }, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await send(a.url, { session }, 'GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await send(a.url, { token }, 'GET', '/api/v1/auth/me')).status).toBe(200);
  });

  it('concurrent versioned edits through both: one winner per version, 409 for the others, nothing lost', async () => {
    const urls = servers.map((s) => s.url);
    const random = seeded(SEED + (engine === 'postgres' ? 1 : 0));
    const session = await signInOver(urls[0] as string, ADMIN.email, ADMIN.password);
    const credentials: Credentials[] = [{ token: await createApiToken(urls[1] as string, session) }, { session }];
    const codes = (await send(urls[0] as string, { session }, 'GET', '/api/v1/associations')).body?.items as {
      id: string;
      code: string;
    }[];
    const association = (code: string) => codes.find((a) => a.code === code)?.id as string;
    const institutionBody = (marker: string) => ({
      nameFr: `Contested ${marker}`,
      // Which associations an edit sets follows from its marker, so the rows can be checked against the winner.
      associations: [
        { associationId: association('AOM'), status: 'member', note: marker },
        ...(marker.length % 2 === 0 ? [{ associationId: association('AOMF'), status: 'member', note: marker }] : []),
      ],
    });

    const records: Contested[] = [];
    for (const [index, kind] of (['institution', 'institution', 'partner', 'partner'] as Kind[]).entries()) {
      const created = await send(
        urls[index % 2] as string,
        { session },
        'POST',
        `/api/v1/${kind}s`,
        kind === 'institution'
          ? { countryCode: 'MA', kind: 'ombudsman', ...institutionBody(`start ${index}`) }
          : { nameFr: `Contested partner ${index}`, kind: 'other', notes: `start ${index}` },
      );
      expect(created.status).toBe(201);
      records.push({ kind, id: created.body?.id as string, won: new Map() });
    }

    async function client(number: number) {
      let serial = 0;
      while (records.some((r) => r.won.size < EDITS_PER_RECORD)) {
        const record = random.pick(records.filter((r) => r.won.size < EDITS_PER_RECORD));
        const path = `/api/v1/${record.kind}s/${record.id}`;
        const read = await send(random.pick(urls), random.pick(credentials), 'GET', path);
        counts.reads += 1;
        expect(read.status).toBe(200);
        const version = read.body?.version as number;
        serial += 1;
        const marker = `c${number}-${serial}`;
        const edit = await send(
          random.pick(urls),
          random.pick(credentials),
          'PATCH',
          path,
          record.kind === 'institution' ? { ...institutionBody(marker), version } : { notes: marker, version },
        );
        counts.edits += 1;
        if (edit.status === 200) {
          counts.won += 1;
          const now = edit.body?.version as number;
          expect(now, `edit from version ${version}`).toBe(version + 1);
          expect(record.won.has(now), `two edits acknowledged for version ${now} of ${record.id}`).toBe(false);
          record.won.set(now, marker);
        } else {
          expect(edit.status, JSON.stringify(edit.body)).toBe(409);
          expect((edit.body?.error as { code?: string } | undefined)?.code).toBe('version_conflict');
          counts.conflicts += 1;
        }
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    expect(counts.conflicts).toBeGreaterThan(0);

    const database = open();
    try {
      expect(await integrityProblems(database, sqliteFile)).toEqual([]);
      const chain = await verifyAuditChain(database.db);
      expect(chain, JSON.stringify(chain)).toMatchObject({ intact: true });
      for (const record of records) {
        const versions = [...record.won.keys()].sort((a, b) => a - b);
        const final = 1 + versions.length;
        // Every version from 2 to the last was won exactly once: no edit lost, none applied twice.
        expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 2));
        const last = record.won.get(final) as string;
        const audits = await database.db
          .selectFrom('audit_events')
          .select(['entity_version', 'changes', 'action'])
          .where('entity_id', '=', record.id)
          .orderBy('seq')
          .execute();
        expect(audits.map((a) => Number(a.entity_version))).toEqual(Array.from({ length: final }, (_, i) => i + 1));
        if (record.kind === 'institution') {
          const row = await database.db
            .selectFrom('institutions')
            .select(['name_fr', 'version'])
            .where('id', '=', record.id)
            .executeTakeFirstOrThrow();
          expect(row).toEqual({ name_fr: `Contested ${last}`, version: final });
          const links = await database.db
            .selectFrom('institution_associations')
            .select('note')
            .where('institution_id', '=', record.id)
            .execute();
          expect(links.map((l) => l.note)).toEqual(Array(last.length % 2 === 0 ? 2 : 1).fill(last));
          // Each audit event of an edit records the name its winner sent, in the order of the versions.
          const names = audits
            .slice(1)
            .map((a) => (JSON.parse(a.changes) as { nameFr?: { after: string } }).nameFr?.after);
          expect(names).toEqual(versions.map((v) => `Contested ${record.won.get(v)}`));
        } else {
          const row = await database.db
            .selectFrom('partners')
            .select(['notes', 'version'])
            .where('id', '=', record.id)
            .executeTakeFirstOrThrow();
          expect(row).toEqual({ notes: last, version: final });
          const notes = audits
            .slice(1)
            .map((a) => (JSON.parse(a.changes) as { notes?: { after: string } }).notes?.after);
          expect(notes).toEqual(versions.map((v) => record.won.get(v)));
        }
      }
    } finally {
      await database.close();
    }
  });
});
