import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres, openSqlite } from '../../src/server/db/connect.js';
import { migrations } from '../../src/server/db/migrations/index.js';
import { verifyAuditChain } from '../../src/server/modules/audit/audit-chain.js';
import { seeds } from '../../src/server/seed/seed.js';
import { createPostgresDatabase, testEngines } from '../support/databases.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { type Credentials, createApiToken, seeded, send, signInOver } from './support/http.js';
import { integrityProblems } from './support/integrity.js';
import { kill, spawnStarting } from './support/process.js';
import { reportSummary } from './support/summary.js';

/**
 * Vigie as a real process, killed with SIGKILL at seeded random moments while clients write (creates, versioned
 * edits and admissions to the working group, through an API token), then started again on the same database. After each restart: the database is
 * sound, every write whose answer came back (2xx) is there with its version, and nothing is half-written (an
 * institution without its association rows, a version without its audit event, an audit event without its write,
 * a broken audit chain).
 */

const SEED = Number(process.env.VIGIE_CRASH_SEED ?? 4_242);
const KILLS = Number(process.env.VIGIE_CRASH_KILLS ?? 6);
const WRITERS = 4;
const ADMIN = { email: 'crash@vigie.test', password: 'a long operator password for crashes' };

type Kind = 'institution' | 'partner';

/** A record a writer made. Its content is a function of its version, so any version can be checked alone. */
interface Tracked {
  kind: Kind;
  /** Unknown while a create's answer never came. */
  id: string | undefined;
  base: string;
  /** The last version acknowledged (0: the create itself is unacknowledged). */
  version: number;
  /** A write sent whose answer never came: it may or may not have happened. */
  pending: boolean;
  /** An institution's admission to the working group: not asked, asked without an answer, acknowledged. */
  member: 'no' | 'pending' | 'yes';
  writer: number;
}

const institutionName = (base: string, version: number) => `${base} v${version}`;
/** Odd versions belong to both associations, even ones to AOM only; every row's note names the version. */
const associationCount = (version: number) => (version % 2 === 1 ? 2 : 1);

describe.each(testEngines())('SIGKILL at random moments on %s', (engine) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-crash-'));
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let server: ServerProcess | undefined;
  const tag = `Crash ${engine} ${SEED}`;
  const random = seeded(SEED + (engine === 'postgres' ? 1 : 0));
  const tracked: Tracked[] = [];
  const counts = {
    kills: 0,
    acknowledged: 0,
    admissions: 0,
    recordChecks: 0,
    inFlight: 0,
    applied: 0,
    lost: 0,
    refused: 0,
  };
  const started = Date.now();
  let associations: { AOM: string; AOMF: string };
  let groupId: string;

  const env = () => ({
    VIGIE_DATA_DIR: dataDir,
    VIGIE_ADMIN_EMAIL: ADMIN.email,
    VIGIE_ADMIN_PASSWORD: ADMIN.password,
    VIGIE_SESSION_SECRET: 'the session secret of the crash test, long enough',
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
  });
  afterAll(async () => {
    if (server) await kill(server.child);
    reportSummary(
      'crash',
      engine,
      counts,
      `${counts.kills} kills survived (one during the first start), ${counts.acknowledged} acknowledged writes ` +
        `checked present with their version and audit (${counts.admissions} of them admissions to the group; ` +
        `${counts.recordChecks} record checks after restarts), ` +
        `${counts.inFlight} writes in flight at a kill ` +
        `(${counts.applied} had happened, ${counts.lost} had not), ${counts.refused} refused, seed ${SEED}, ` +
        `in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** One writer's loop until `stop` says so: creates, and versioned edits of its own records. */
  async function write(url: string, credentials: Credentials, writer: number, stop: { now: boolean }) {
    let serial = 0;
    while (!stop.now) {
      const mine = tracked.filter((t) => t.writer === writer && t.id && !t.pending);
      const create = mine.length < 3 || random.next() < 0.3;
      const kind: Kind = random.next() < 0.7 ? 'institution' : 'partner';
      const outside = mine.filter((t) => t.kind === 'institution' && t.member === 'no');
      const admit = !create && outside.length > 0 && random.next() < 0.25;
      let record: Tracked;
      let request: { method: string; path: string; body: unknown };
      if (admit) {
        // Admission: the membership, its first status, an empty contact point and two audit events, at once.
        record = random.pick(outside);
        record.member = 'pending';
        request = {
          method: 'POST',
          path: `/api/v1/groups/${groupId}/members`,
          body: { institutionId: record.id, status: 'active' },
        };
      } else if (create) {
        serial += 1;
        record = {
          kind,
          id: undefined,
          base: `${tag} w${writer} #${serial} ${Date.now()}`,
          version: 0,
          pending: true,
          member: 'no',
          writer,
        };
        tracked.push(record);
        request =
          kind === 'institution'
            ? { method: 'POST', path: '/api/v1/institutions', body: institutionBody(record.base, 1) }
            : { method: 'POST', path: '/api/v1/partners', body: { nameFr: record.base, kind: 'other', notes: 'v1' } };
      } else {
        record = random.pick(mine);
        record.pending = true;
        const next = record.version + 1;
        request = {
          method: 'PATCH',
          path: `/api/v1/${record.kind === 'institution' ? 'institutions' : 'partners'}/${record.id}`,
          body:
            record.kind === 'institution'
              ? { ...institutionBody(record.base, next), version: record.version }
              : { notes: `v${next}`, version: record.version },
        };
      }
      let answer: Awaited<ReturnType<typeof send>>;
      try {
        answer = await send(url, credentials, request.method, request.path, request.body);
      } catch {
        return; // the process is gone: this write stays pending, to be resolved after the restart
      }
      if (admit) {
        if (answer.status !== 201) throw new Error(`admission: ${answer.status} ${JSON.stringify(answer.body)}`);
        counts.acknowledged += 1;
        counts.admissions += 1;
        record.member = 'yes';
        continue;
      }
      record.pending = false;
      if (answer.status === 200 || answer.status === 201) {
        counts.acknowledged += 1;
        record.id = answer.body?.id as string;
        record.version = answer.body?.version as number;
      } else {
        counts.refused += 1;
        if (create) tracked.splice(tracked.indexOf(record), 1);
        if (answer.status >= 500) throw new Error(`${answer.status} during the writes: ${JSON.stringify(answer.body)}`);
      }
    }
  }

  function institutionBody(base: string, version: number) {
    const note = `v${version}`;
    return {
      countryCode: 'FR',
      nameFr: institutionName(base, version),
      kind: 'other',
      visibility: 'group',
      associations: [
        { associationId: associations.AOM, status: 'member', note },
        ...(associationCount(version) === 2 ? [{ associationId: associations.AOMF, status: 'member', note }] : []),
      ],
    };
  }

  /** After a restart: the database is sound, and every record matches what its writer was told. */
  async function verify(): Promise<string[]> {
    const database = open();
    const problems: string[] = [];
    try {
      problems.push(...(await integrityProblems(database, sqliteFile)));
      const db = database.db;
      const chain = await verifyAuditChain(db);
      if (!chain.intact) problems.push(`the audit chain breaks: ${JSON.stringify(chain.firstBreak)}`);
      const institutions = await db
        .selectFrom('institutions')
        .select(['id', 'name_fr', 'version'])
        .where('name_fr', 'like', `${tag}%`)
        .execute();
      const partners = await db
        .selectFrom('partners')
        .select(['id', 'name_fr', 'notes', 'version'])
        .where('name_fr', 'like', `${tag}%`)
        .execute();
      const links = await db
        .selectFrom('institution_associations')
        .select(['institution_id', 'association_id', 'note'])
        .where('institution_id', 'in', institutions.map((i) => i.id).concat(['none']))
        .execute();
      const audits = await db
        .selectFrom('audit_events')
        .select(['entity', 'entity_id', 'entity_version', 'action'])
        .where('entity', 'in', ['institution', 'partner'])
        .execute();
      const rows = new Map<string, { kind: Kind; base: string; version: number }>();
      for (const row of institutions) {
        const base = row.name_fr.replace(/ v\d+$/, '');
        rows.set(row.id, { kind: 'institution', base, version: row.version });
        if (row.name_fr !== institutionName(base, row.version)) {
          problems.push(`institution ${row.id} at version ${row.version} is named ${row.name_fr}`);
        }
        const mine = links.filter((l) => l.institution_id === row.id);
        if (mine.length !== associationCount(row.version) || mine.some((l) => l.note !== `v${row.version}`)) {
          problems.push(
            `institution ${row.id} at version ${row.version} has association rows ${JSON.stringify(mine.map((l) => l.note))}`,
          );
        }
      }
      for (const row of partners) {
        rows.set(row.id, { kind: 'partner', base: row.name_fr, version: row.version });
        if (row.notes !== `v${row.version}`)
          problems.push(`partner ${row.id} at version ${row.version} says ${row.notes}`);
      }
      // Every version of every record has exactly one audit event, and no audit event lacks its record.
      for (const [id, row] of rows) {
        const versions = audits
          .filter((a) => a.entity === row.kind && a.entity_id === id)
          .map((a) => Number(a.entity_version))
          .sort((a, b) => a - b);
        const expected = Array.from({ length: row.version }, (_, i) => i + 1);
        if (JSON.stringify(versions) !== JSON.stringify(expected)) {
          problems.push(
            `${row.kind} ${id} at version ${row.version} has audit events for versions ${versions.join(',')}`,
          );
        }
      }
      const existing = new Set([
        ...(await db.selectFrom('institutions').select('id').execute()).map((r) => `institution:${r.id}`),
        ...(await db.selectFrom('partners').select('id').execute()).map((r) => `partner:${r.id}`),
      ]);
      for (const audit of audits) {
        if (!existing.has(`${audit.entity}:${audit.entity_id}`)) {
          problems.push(
            `an audit event (${audit.action}) for ${audit.entity} ${audit.entity_id}, which does not exist`,
          );
        }
      }
      // Every acknowledged write is there; a write in flight happened or did not, nothing in between.
      for (const record of [...tracked]) {
        const row = record.id
          ? rows.get(record.id)
          : [...rows.entries()].find(([, r]) => r.base === record.base && r.kind === record.kind)?.[1];
        const id = record.id ?? [...rows.entries()].find(([, r]) => r.base === record.base)?.[0];
        if (!row || !id) {
          if (record.version > 0)
            problems.push(`${record.kind} ${record.base}: acknowledged at version ${record.version}, gone`);
          else {
            counts.inFlight += 1;
            counts.lost += 1;
            tracked.splice(tracked.indexOf(record), 1);
          }
          continue;
        }
        const highest = record.version + (record.pending ? 1 : 0);
        if (row.version < record.version || row.version > highest) {
          problems.push(
            `${record.kind} ${id}: acknowledged at version ${record.version}${record.pending ? ' (one more in flight)' : ''}, found at ${row.version}`,
          );
        }
        counts.recordChecks += 1;
        if (record.pending) {
          counts.inFlight += 1;
          if (row.version > record.version) counts.applied += 1;
          else counts.lost += 1;
        }
        record.id = id;
        record.version = row.version;
        record.pending = false;
      }
      problems.push(
        ...(await verifyMemberships(
          db,
          institutions.map((i) => i.id),
        )),
      );
      const known = new Set(tracked.map((t) => t.id));
      for (const id of rows.keys()) {
        if (!known.has(id)) problems.push(`${id} was written, but no writer sent it`);
      }
    } finally {
      await database.close();
    }
    return problems;
  }

  /**
   * Admissions: each membership of the test's institutions has its first status, one contact point of the
   * institution's and both audit events; positions in the group stay distinct; an acknowledged admission is there,
   * one nobody asked for is not.
   */
  async function verifyMemberships(db: Database['db'], institutionIds: string[]): Promise<string[]> {
    const problems: string[] = [];
    const ours = new Set(institutionIds);
    const memberships = await db
      .selectFrom('group_memberships')
      .select(['id', 'institution_id', 'group_id', 'position'])
      .execute();
    const positions = memberships.filter((m) => m.group_id === groupId).map((m) => m.position);
    if (new Set(positions).size !== positions.length) problems.push(`two members share a position: ${positions}`);
    const admitted = memberships.filter((m) => ours.has(m.institution_id));
    const ids = admitted.map((m) => m.id).concat(['none']);
    const changes = await db
      .selectFrom('membership_status_changes')
      .select('membership_id')
      .where('membership_id', 'in', ids)
      .execute();
    const contacts = await db
      .selectFrom('contact_points')
      .select(['id', 'membership_id', 'owner_institution_id'])
      .where('membership_id', 'in', ids)
      .execute();
    const audits = await db
      .selectFrom('audit_events')
      .select(['entity', 'entity_id', 'action'])
      .where('entity', 'in', ['membership', 'contact_point'])
      .execute();
    const created = (entity: string, id: string) =>
      audits.filter((a) => a.entity === entity && a.entity_id === id && a.action === 'create').length;
    for (const membership of admitted) {
      const contact = contacts.filter((c) => c.membership_id === membership.id);
      const history = changes.filter((c) => c.membership_id === membership.id).length;
      if (history !== 1 || contact.length !== 1 || contact[0]?.owner_institution_id !== membership.institution_id) {
        problems.push(`membership ${membership.id}: ${history} status changes, ${contact.length} contact points`);
      }
      if (created('membership', membership.id) !== 1 || (contact[0] && created('contact_point', contact[0].id) !== 1)) {
        problems.push(`membership ${membership.id}: its audit events are not one each`);
      }
    }
    const existing = new Set([...memberships.map((m) => `membership:${m.id}`)]);
    const contactIds = new Set((await db.selectFrom('contact_points').select('id').execute()).map((c) => c.id));
    for (const audit of audits) {
      const there =
        audit.entity === 'membership' ? existing.has(`membership:${audit.entity_id}`) : contactIds.has(audit.entity_id);
      if (!there)
        problems.push(`an audit event (${audit.action}) for ${audit.entity} ${audit.entity_id}, which does not exist`);
    }
    for (const record of tracked) {
      if (record.kind !== 'institution' || !record.id) continue;
      const member = admitted.some((m) => m.institution_id === record.id);
      if (record.member === 'yes' && !member) problems.push(`institution ${record.id}: admission acknowledged, gone`);
      if (record.member === 'no' && member) problems.push(`institution ${record.id}: a member, but nobody admitted it`);
      if (record.member === 'pending') {
        counts.inFlight += 1;
        if (member) counts.applied += 1;
        else counts.lost += 1;
      }
      record.member = member ? 'yes' : 'no';
    }
    return problems;
  }

  it('survives SIGKILLs: sound database, acknowledged writes kept, nothing half-written', async () => {
    // A kill in the middle of the very first start (migrations, seeds, the administrator), then a clean start.
    const first = await spawnStarting(env());
    await new Promise((resolve) => setTimeout(resolve, random.between(300, 2_500)));
    await kill(first.child, first.exited);
    counts.kills += 1;
    server = await startServerProcess(env());
    {
      const database = open();
      try {
        expect(await integrityProblems(database, sqliteFile)).toEqual([]);
        const applied = await database.db
          .selectFrom('vigie_migrations' as never)
          .selectAll()
          .execute();
        expect(applied).toHaveLength(Object.keys(migrations).length);
        expect(await database.db.selectFrom('seed_runs').selectAll().execute()).toHaveLength(seeds.length);
        expect(await database.db.selectFrom('group_memberships').selectAll().execute()).toHaveLength(10);
        groupId = (await database.db.selectFrom('groups').select('id').executeTakeFirstOrThrow()).id;
        const codes = await database.db.selectFrom('associations').select(['id', 'code']).execute();
        associations = {
          AOM: codes.find((a) => a.code === 'AOM')?.id as string,
          AOMF: codes.find((a) => a.code === 'AOMF')?.id as string,
        };
      } finally {
        await database.close();
      }
    }
    const session = await signInOver(server.url, ADMIN.email, ADMIN.password);
    const credentials: Credentials = { token: await createApiToken(server.url, session) };

    for (let round = 0; round < KILLS; round++) {
      const url = server.url;
      const stop = { now: false };
      const writers = Array.from({ length: WRITERS }, (_, writer) => write(url, credentials, writer, stop));
      await new Promise((resolve) => setTimeout(resolve, random.between(250, 2_000)));
      await kill(server.child);
      stop.now = true;
      await Promise.all(writers);
      counts.kills += 1;
      server = await startServerProcess(env());
      const problems = await verify();
      expect(problems, `after kill ${round + 1}:\n${problems.join('\n')}`).toEqual([]);
    }
    // The API token still works after every restart, and the last state reads back through the API.
    const me = await send(server.url, credentials, 'GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(counts.acknowledged).toBeGreaterThan(0);
  });
});
