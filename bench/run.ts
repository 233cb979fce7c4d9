/**
 * `npm run bench -- --scale S|M|L [--engine sqlite|postgres|both] [--duration N] [--seed N] [--no-bundle]`
 *
 * Generates (or reuses) a database of the scale, starts Vigie on a copy of it as a real process, signs in as a
 * staff member of one institution and loads each scenario over loopback with autocannon (10 connections), sampling
 * the server's resident memory meanwhile; then loads the same reads on the reference server (bench/reference-server.ts)
 * so each figure comes with its ratio to that floor, measured in the same run. Writes
 * bench/results/<date>-<engine>-<scale>.json and .md, and prints the table with each target met or missed.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import Sqlite from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { DEFAULT_GENERATED_PASSWORD } from '../src/server/operations/generate/generate.cli.js';
import { type ScaleName, scales } from '../src/server/operations/generate/generate.js';

const root = path.resolve(import.meta.dirname, '..');
const dataRoot = path.join(root, 'bench/.data');
const resultsDir = path.join(root, 'bench/results');
const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = 10;
const LAST_YEAR = 2026;
/** How long the import (preview and confirmation together) is waited for: 12 times its 10-second target. */
const IMPORT_WAIT_SECONDS = 120;

type Engine = 'sqlite' | 'postgres';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'S' },
    engine: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    'no-bundle': { type: 'boolean', default: false },
  },
  strict: true,
});
const scale = (args.scale ?? 'S').toUpperCase() as ScaleName;
if (!(scale in scales)) throw new Error('--scale must be S, M or L');
const duration = Number(args.duration);
const seed = Number(args.seed);

function log(line: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

// ——— Databases ———

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function postgresReachable(): Promise<boolean> {
  try {
    await adminQuery('select 1');
    return true;
  } catch {
    return false;
  }
}

interface Target {
  engine: Engine;
  dataDir: string;
  databaseUrl: string | undefined;
  sqliteFile: string | undefined;
  cleanup(): Promise<void>;
}

function runCli(args: string[], env: Record<string, string>) {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: 'inherit',
  });
}

/** A generated database of the scale, made once and kept in bench/.data (or a PostgreSQL database) for later runs. */
async function cachedDatabase(engine: Engine): Promise<{ dataDir?: string; databaseName?: string; seconds: number }> {
  const generate = ['demo:generate', '--scale', scale, '--seed', String(seed), '--last-year', String(LAST_YEAR)];
  const started = Date.now();
  if (engine === 'sqlite') {
    const dataDir = path.join(dataRoot, `sqlite-${scale}-seed${seed}`);
    if (!existsSync(path.join(dataDir, 'complete'))) {
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
      log(`generating scale ${scale} on SQLite into ${dataDir}`);
      runCli(generate, { VIGIE_DATA_DIR: dataDir });
      // Fold the write-ahead log in, so a copy of the one file is the whole database.
      const db = new Sqlite(path.join(dataDir, 'vigie.sqlite'));
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      writeFileSync(path.join(dataDir, 'complete'), new Date().toISOString());
      return { dataDir, seconds: (Date.now() - started) / 1000 };
    }
    return { dataDir, seconds: 0 };
  }
  const databaseName = `vigie_bench_${scale.toLowerCase()}_seed${seed}`;
  const exists = await adminQuery(`select 1 from pg_database where datname = '${databaseName}'`);
  let complete = false;
  if (exists.rowCount) {
    const client = new pg.Client({ connectionString: withDatabase(POSTGRES_ADMIN_URL, databaseName) });
    await client.connect();
    try {
      complete = ((await client.query("select 1 from seed_runs where name = 'generated-network'")).rowCount ?? 0) > 0;
    } catch {
      complete = false;
    } finally {
      await client.end();
    }
  }
  if (!complete) {
    await adminQuery(`drop database if exists ${databaseName} with (force)`);
    await adminQuery(`create database ${databaseName}`);
    const dataDir = path.join(dataRoot, `postgres-${scale}-seed${seed}`);
    mkdirSync(dataDir, { recursive: true });
    log(`generating scale ${scale} on PostgreSQL into ${databaseName}`);
    runCli(generate, { VIGIE_DATA_DIR: dataDir, DATABASE_URL: withDatabase(POSTGRES_ADMIN_URL, databaseName) });
    return { databaseName, seconds: (Date.now() - started) / 1000 };
  }
  return { databaseName, seconds: 0 };
}

/** A scratch copy of the cached database: the scenarios that write (report, import) leave the cache as generated. */
async function scratchCopy(engine: Engine): Promise<{ target: Target; generationSeconds: number }> {
  const cached = await cachedDatabase(engine);
  const runDir = path.join(dataRoot, `run-${engine}-${scale}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  if (engine === 'sqlite' && cached.dataDir) {
    cpSync(path.join(cached.dataDir, 'vigie.sqlite'), path.join(runDir, 'vigie.sqlite'));
    cpSync(path.join(cached.dataDir, 'secrets'), path.join(runDir, 'secrets'), { recursive: true });
    return {
      generationSeconds: cached.seconds,
      target: {
        engine,
        dataDir: runDir,
        databaseUrl: undefined,
        sqliteFile: path.join(runDir, 'vigie.sqlite'),
        cleanup: async () => rmSync(runDir, { recursive: true, force: true }),
      },
    };
  }
  const runName = `vigie_bench_run_${scale.toLowerCase()}`;
  await adminQuery(`drop database if exists ${runName} with (force)`);
  await adminQuery(`create database ${runName} template ${cached.databaseName}`);
  const url = withDatabase(POSTGRES_ADMIN_URL, runName);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('analyze');
  await client.end();
  return {
    generationSeconds: cached.seconds,
    target: {
      engine,
      dataDir: runDir,
      databaseUrl: url,
      sqliteFile: undefined,
      cleanup: async () => {
        await adminQuery(`drop database if exists ${runName} with (force)`);
        rmSync(runDir, { recursive: true, force: true });
      },
    },
  };
}

async function readOne(target: Target, text: string): Promise<Record<string, unknown> | undefined> {
  if (target.sqliteFile) {
    const db = new Sqlite(target.sqliteFile, { readonly: true });
    try {
      return db.prepare(text).get() as Record<string, unknown> | undefined;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows[0];
  } finally {
    await client.end();
  }
}

// ——— Processes ———

interface Running {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startProcess(script: string, env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script)], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => {
    errors += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}: ${errors}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} did not become healthy: ${errors}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      // A request still running (an import left behind) would hold the drain; the scratch copy is thrown away.
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

// ——— Load ———

interface Load {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  bytesPerResponse: number;
  non2xx: number;
  errors: number;
  rssPeakMb: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** 10 connections for `seconds` (after a one-second warm-up not counted), the server's memory sampled meanwhile. */
async function load(url: string, headers: Record<string, string>, pid: number | undefined): Promise<Load> {
  await autocannon({ url, connections: CONNECTIONS, duration: 1, headers });
  const times: number[] = [];
  let bytes = 0;
  let peak = rssOf(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 200);
  const instance = autocannon({ url, connections: CONNECTIONS, duration, headers });
  instance.on('response', (_client: unknown, _status: number, resBytes: number, responseTime: number) => {
    times.push(responseTime);
    bytes += resBytes;
  });
  const result = await instance;
  clearInterval(sampler);
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: round(result.requests.total / (result.duration || duration), 1),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    max: round(times[times.length - 1] ?? 0),
    bytesPerResponse: times.length ? Math.round(bytes / times.length) : 0,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rssPeakMb: round(peak, 1),
  };
}

// ——— Scenarios ———

interface Check {
  target: string;
  met: boolean | null;
  value: string;
}

interface ScenarioResult {
  key: string;
  label: string;
  available: boolean;
  note?: string;
  path?: string;
  vigie?: Load;
  reference?: Load;
  /** Vigie's requests/s over the reference server's. */
  ratio?: number;
  seconds?: number;
  checks: Check[];
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(base: string, email: string): Promise<Session> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEFAULT_GENERATED_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('vigie_session='));
  if (!cookie) throw new Error('no session cookie');
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

/** Whether the build has the route: an unknown route answers 404 with the code Vigie gives to unknown URLs. */
async function routeExists(url: string, session: Session): Promise<boolean> {
  const response = await fetch(url, { headers: { cookie: session.cookie } });
  if (response.status !== 404) return true;
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
  return body.error?.code !== 'route_not_found' && body.error?.code !== 'not_found';
}

const unavailable = (key: string, label: string, note = 'not available in this build'): ScenarioResult => ({
  key,
  label,
  available: false,
  note,
  checks: [],
});

async function measureRead(
  key: string,
  label: string,
  vigie: Running,
  session: Session | null,
  vigiePath: string,
  reference: { running: Running; path: string } | null,
  checks: (result: ScenarioResult) => Check[],
): Promise<ScenarioResult> {
  if (session && !(await routeExists(vigie.url + vigiePath, session))) return unavailable(key, label);
  const headers: Record<string, string> = session ? { cookie: session.cookie } : {};
  const probe = await fetch(vigie.url + vigiePath, { headers });
  if (!probe.ok) {
    return unavailable(key, label, `answered ${probe.status}: ${(await probe.text()).slice(0, 200)}`);
  }
  log(`${label}: Vigie`);
  const measured = await load(vigie.url + vigiePath, headers, vigie.child.pid);
  let referenceLoad: Load | undefined;
  if (reference) {
    log(`${label}: reference server`);
    referenceLoad = await load(reference.running.url + reference.path, {}, reference.running.child.pid);
  }
  const result: ScenarioResult = {
    key,
    label,
    available: true,
    path: vigiePath,
    vigie: measured,
    checks: [],
    ...(referenceLoad ? { reference: referenceLoad, ratio: round(measured.rps / referenceLoad.rps, 3) } : {}),
  };
  if (measured.non2xx > 0 || measured.errors > 0) {
    result.note = `${measured.non2xx} non-2xx answers, ${measured.errors} errors during the load`;
  }
  result.checks = checks(result);
  return result;
}

const ms = (n: number | undefined) => `${n ?? '–'} ms`;

/** A scenario that fails (no answer, a refused request) is recorded as failed with its reason; the run goes on. */
async function safely(key: string, label: string, run: () => Promise<ScenarioResult>): Promise<ScenarioResult> {
  try {
    return await run();
  } catch (error) {
    const reason =
      error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ''}` : String(error);
    return {
      key,
      label,
      available: true,
      note: `failed: ${reason}`,
      checks: [{ target: 'an answer', met: false, value: 'none' }],
    };
  }
}

const readScenario = (...args: Parameters<typeof measureRead>) => safely(args[0], args[1], () => measureRead(...args));

async function reportScenario(vigie: Running, session: Session): Promise<ScenarioResult> {
  const key = 'report';
  const label = 'Consolidated report (one year)';
  if (!(await routeExists(`${vigie.url}/api/v1/reports`, session))) return unavailable(key, label);
  const year = LAST_YEAR - 1;
  const started = Date.now();
  const created = await fetch(`${vigie.url}/api/v1/reports`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ from: `${year}-01-01`, to: `${year}-12-31`, language: 'fr' }),
  });
  if (created.status !== 202 && created.status !== 201 && created.status !== 200) {
    return unavailable(
      key,
      label,
      `POST /api/v1/reports answered ${created.status}: ${(await created.text()).slice(0, 200)}`,
    );
  }
  const { id } = (await created.json()) as { id: string };
  let peak = rssOf(vigie.child.pid);
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    peak = Math.max(peak, rssOf(vigie.child.pid));
    const response = await fetch(`${vigie.url}/api/v1/reports/${id}`, { headers: { cookie: session.cookie } });
    const body = (await response.json()) as { status?: string; error?: unknown };
    if (body.status === 'done' || body.status === 'failed' || !response.ok) {
      const seconds = round((Date.now() - started) / 1000);
      const ok = body.status === 'done';
      return {
        key,
        label,
        available: true,
        seconds,
        note: ok
          ? `peak RSS ${round(peak, 1)} MB`
          : `ended ${body.status ?? response.status}: ${JSON.stringify(body.error ?? body)}`,
        checks: [
          {
            target: '< 5 s for one year of scale M',
            met: ok && scale === 'M' ? seconds < 5 : ok ? null : false,
            value: `${seconds} s`,
          },
        ],
      };
    }
    if (Date.now() - started > 300_000) {
      return {
        key,
        label,
        available: true,
        note: 'still running after 5 minutes',
        checks: [{ target: '< 5 s', met: false, value: '> 300 s' }],
      };
    }
  }
}

async function importScenario(vigie: Running, session: Session, visitId: string): Promise<ScenarioResult> {
  const key = 'import';
  const label = 'Import of 10,000 recommendations';
  const columnsUrl = `${vigie.url}/api/v1/imports/recommendations/columns`;
  if (!(await routeExists(columnsUrl, session))) return unavailable(key, label);
  const layout = (await (await fetch(columnsUrl, { headers: { cookie: session.cookie } })).json()) as {
    columns: { key: string; required: boolean; example: string; format: string }[];
  };
  // The template's own example row, repeated: every row valid, as an operator's file would be.
  const columns = layout.columns.filter((c) => c.required || (c.example && c.format !== 'reference'));
  const rows = Array.from({ length: 10_000 }, (_, i) =>
    columns.map((c) => (c.key === 'text' ? `${c.example} (${i + 1})` : c.example)),
  );
  const csv = stringify([columns.map((c) => c.key), ...rows]);
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    data.append('file', new Blob([csv], { type: 'text/csv' }), 'recommendations.csv');
    return data;
  };
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  const started = Date.now();
  const stoppedWaiting = (step: string) => ({
    key,
    label,
    available: true,
    note: `no answer to the ${step} within ${IMPORT_WAIT_SECONDS} s: stopped waiting`,
    checks: [{ target: '< 10 s', met: false, value: `> ${IMPORT_WAIT_SECONDS} s` }],
  });
  const preview = await fetch(`${vigie.url}/api/v1/imports/recommendations/preview`, {
    method: 'POST',
    headers,
    body: form({ visitId }),
    signal: AbortSignal.timeout(IMPORT_WAIT_SECONDS * 1000),
  }).catch(() => null);
  if (!preview) return stoppedWaiting('preview');
  const previewBody = (await preview.json()) as { checksum?: string; invalid?: number; rows?: unknown[] };
  const previewSeconds = round((Date.now() - started) / 1000);
  if (!preview.ok || !previewBody.checksum || previewBody.invalid) {
    return unavailable(
      key,
      label,
      `preview answered ${preview.status} (${previewBody.invalid ?? '?'} invalid rows): ${JSON.stringify(previewBody.rows?.[0] ?? previewBody).slice(0, 400)}`,
    );
  }
  const confirmStarted = Date.now();
  const confirm = await fetch(`${vigie.url}/api/v1/imports/recommendations`, {
    method: 'POST',
    headers,
    body: form({ checksum: previewBody.checksum, visitId }),
    signal: AbortSignal.timeout(Math.max(1, IMPORT_WAIT_SECONDS * 1000 - (Date.now() - started))),
  }).catch(() => null);
  if (!confirm) return stoppedWaiting('confirmation');
  const confirmSeconds = round((Date.now() - confirmStarted) / 1000);
  const body = (await confirm.json()) as { created?: number };
  const ok = confirm.status === 201 && body.created === 10_000;
  return {
    key,
    label,
    available: true,
    seconds: round(previewSeconds + confirmSeconds),
    note: ok
      ? `preview ${previewSeconds} s, confirm ${confirmSeconds} s, ${csv.length} bytes of CSV`
      : `confirm answered ${confirm.status}: ${JSON.stringify(body).slice(0, 300)}`,
    checks: [
      {
        target: '< 10 s',
        met: ok ? previewSeconds + confirmSeconds < 10 : false,
        value: `${round(previewSeconds + confirmSeconds)} s`,
      },
    ],
  };
}

// ——— Client bundle ———

interface Bundle {
  files: { file: string; bytes: number; gzip: number; brotli: number }[];
  bytes: number;
  gzip: number;
  brotli: number;
  checks: Check[];
}

/** The JavaScript the signed-in app loads first: index.html's module script and its modulepreloads, compressed. */
function measureBundle(): Bundle | { error: string } {
  const outDir = path.join(dataRoot, 'client');
  try {
    execFileSync(
      path.join(root, 'node_modules/.bin/vite'),
      ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  } catch (error) {
    return { error: `vite build failed: ${String(error)}` };
  }
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1] as string);
  const files = [...new Set(sources)].map((source) => {
    const bytes = readFileSync(path.join(outDir, source.replace(/^\//, '')));
    return {
      file: source,
      bytes: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const sum = (k: 'bytes' | 'gzip' | 'brotli') => files.reduce((n, f) => n + f[k], 0);
  return {
    files,
    bytes: sum('bytes'),
    gzip: sum('gzip'),
    brotli: sum('brotli'),
    checks: [
      {
        target: '< 300 KB compressed (gzip)',
        met: sum('gzip') < 300 * 1024,
        value: `${round(sum('gzip') / 1024, 1)} KB`,
      },
    ],
  };
}

// ——— One engine ———

async function benchEngine(engine: Engine, bundle: Bundle | { error: string } | null) {
  const { target, generationSeconds } = await scratchCopy(engine);
  const env: Record<string, string> = {
    VIGIE_DATA_DIR: target.dataDir,
    LOG_LEVEL: 'warn',
    VIGIE_JOBS_TICK_SECONDS: '0',
    VIGIE_CLIENT_DIR: path.join(target.dataDir, 'no-client'),
    ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
  };
  const staff = await readOne(
    target,
    "select email, institution_id from users where email like 'staff1.%-1@generated.example'",
  );
  const slugRow = await readOne(
    target,
    "select a.slug from child_site_addresses a join child_page_contents c on c.institution_id = a.institution_id where c.language = 'fr' and c.status = 'published' order by a.slug limit 1",
  );
  const counts: Record<string, number> = {};
  for (const table of [
    'institutions',
    'visits',
    'recommendations',
    'recommendation_follow_ups',
    'activities',
    'awareness_sessions',
    'documents',
  ]) {
    counts[table] = Number((await readOne(target, `select count(*) as n from ${table}`))?.n ?? 0);
  }
  if (!staff) throw new Error('no generated staff account in the database');
  // Recommendations are imported into a visit the staff member's institution led: one it may write to.
  const ownVisit = await readOne(
    target,
    `select id from visits where owner_institution_id = '${String(staff.institution_id)}' and status = 'closed' order by starts_on desc, id limit 1`,
  );

  log(`${engine}: starting Vigie`);
  const vigie = await startProcess('src/server/main.ts', env);
  const reference = await startProcess('bench/reference-server.ts', {
    ...(target.sqliteFile
      ? { BENCH_SQLITE_FILE: target.sqliteFile }
      : { BENCH_DATABASE_URL: target.databaseUrl ?? '' }),
  });
  const scenarios: ScenarioResult[] = [];
  try {
    const session = await signIn(vigie.url, String(staff.email));
    const newest = (await (
      await fetch(`${vigie.url}/api/v1/visits?pageSize=1&sort=startsOn&order=desc&status=closed`, {
        headers: { cookie: session.cookie },
      })
    ).json()) as { items: { id: string }[] };
    const visitId = newest.items[0]?.id ?? '';
    const from = `${LAST_YEAR - 1}-01-01`;
    const to = `${LAST_YEAR - 1}-12-31`;
    const today = new Date().toISOString().slice(0, 10);
    const ratioCheck = (r: ScenarioResult): Check => ({
      target: '≥ 50 % of the reference server’s requests/s',
      met: r.ratio === undefined ? null : r.ratio >= 0.5,
      value: r.ratio === undefined ? '–' : `${Math.round(r.ratio * 100)} %`,
    });
    const p =
      (key: 'p95' | 'p99', limit: number) =>
      (r: ScenarioResult): Check => ({
        target: `${key} < ${limit} ms`,
        met: r.vigie ? r.vigie[key] < limit : null,
        value: ms(r.vigie?.[key]),
      });

    scenarios.push(
      await readScenario(
        'record',
        'A visit by id',
        vigie,
        session,
        `/api/v1/visits/${visitId}`,
        { running: reference, path: `/visits/${visitId}` },
        (r) => [ratioCheck(r), p('p99', 25)(r)],
      ),
    );
    scenarios.push(
      await readScenario(
        'visits-page',
        'Page of 50 visits (closed, since a date, newest first)',
        vigie,
        session,
        `/api/v1/visits?pageSize=50&sort=startsOn&order=desc&status=closed&from=${LAST_YEAR - 1}-01-01`,
        { running: reference, path: `/visits?status=closed&from=${LAST_YEAR - 1}-01-01` },
        (r) => [ratioCheck(r), p('p99', 25)(r)],
      ),
    );
    scenarios.push(
      await readScenario(
        'tracker',
        'Recommendation tracker (issued, overdue, by due date)',
        vigie,
        session,
        '/api/v1/recommendations?pageSize=50&status=issued&overdue=true&sort=dueOn',
        { running: reference, path: `/recommendations?status=issued&today=${today}` },
        (r) => [p('p95', 50)(r)],
      ),
    );
    scenarios.push(
      await readScenario(
        'dashboard',
        `Network dashboard (${LAST_YEAR - 1})`,
        vigie,
        session,
        `/api/v1/dashboard?from=${from}&to=${to}`,
        null,
        (r) => [p('p95', 50)(r)],
      ),
    );
    scenarios.push(
      await readScenario(
        'search',
        'Search ("rétention")',
        vigie,
        session,
        `/api/v1/search?q=${encodeURIComponent('rétention')}`,
        null,
        (r) => [p('p95', 50)(r)],
      ),
    );
    const slug = String(slugRow?.slug ?? '');
    scenarios.push(
      await readScenario(
        'child-page',
        'Public page for children',
        vigie,
        null,
        `/fr/${slug}`,
        { running: reference, path: `/child/fr/${slug}` },
        (r) => [
          {
            target: '< 100 KB transferred',
            met: r.vigie ? r.vigie.bytesPerResponse < 100 * 1024 : null,
            value: `${round((r.vigie?.bytesPerResponse ?? 0) / 1024, 1)} KB`,
          },
          p('p99', 10)(r),
        ],
      ),
    );
    log('consolidated report');
    scenarios.push(await safely('report', 'Consolidated report (one year)', () => reportScenario(vigie, session)));
    log('import');
    scenarios.push(
      await safely('import', 'Import of 10,000 recommendations', () =>
        importScenario(vigie, session, String(ownVisit?.id ?? '')),
      ),
    );
  } finally {
    await reference.stop();
    await vigie.stop();
    await target.cleanup();
  }

  const loads = scenarios.flatMap((s) => (s.vigie ? [s.vigie.rssPeakMb] : []));
  const rssPeakMb = loads.length ? Math.max(...loads) : 0;
  const result = {
    date: new Date().toISOString(),
    engine,
    scale,
    seed,
    institutions: scales[scale].institutions,
    years: scales[scale].years,
    counts,
    generationSeconds,
    connections: CONNECTIONS,
    durationSeconds: duration,
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? '',
      memoryMb: Math.round(totalmem() / 2 ** 20),
      loadAverage: loadavg().map((n) => round(n)),
    },
    node: process.version,
    scenarios,
    rss: {
      peakMb: rssPeakMb,
      checks: [{ target: '< 300 MB during the load', met: rssPeakMb < 300, value: `${rssPeakMb} MB` }],
    },
    bundle,
  };
  mkdirSync(resultsDir, { recursive: true });
  const name = `${result.date.slice(0, 10)}-${engine}-${scale}`;
  writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const table = renderTable(result);
  writeFileSync(path.join(resultsDir, `${name}.md`), table);
  console.log(`\n${table}`);
  log(`wrote bench/results/${name}.json and .md`);
}

function renderTable(result: {
  date: string;
  engine: string;
  scale: string;
  counts: Record<string, number>;
  machine: { cpus: number; loadAverage: number[] };
  scenarios: ScenarioResult[];
  rss: { peakMb: number; checks: Check[] };
  bundle: Bundle | { error: string } | null;
}): string {
  const mark = (c: Check) => `${c.met === null ? '–' : c.met ? 'met' : 'MISSED'}: ${c.target} (${c.value})`;
  const lines = [
    `### ${result.engine}, scale ${result.scale} — ${result.date.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `${Object.entries(result.counts)
      .map(([t, n]) => `${n} ${t}`)
      .join(', ')}. ${result.machine.cpus} CPUs, load average ${result.machine.loadAverage.join(' / ')} at the end.`,
    '',
    '| scenario | req/s | p50 | p95 | p99 | reference req/s | ratio | bytes | RSS peak | targets |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of result.scenarios) {
    if (!s.available) {
      lines.push(`| ${s.label} | ${s.note ?? 'not available in this build'} | | | | | | | | |`);
      continue;
    }
    if (!s.vigie) {
      lines.push(
        `| ${s.label} | ${s.seconds ?? '–'} s (${s.note ?? ''}) | | | | | | | | ${s.checks.map(mark).join('; ')} |`,
      );
      continue;
    }
    const v = s.vigie;
    lines.push(
      `| ${s.label} | ${v.rps} | ${v.p50} | ${v.p95} | ${v.p99} | ${s.reference?.rps ?? '–'} | ${s.ratio === undefined ? '–' : `${Math.round(s.ratio * 100)} %`} | ${v.bytesPerResponse} | ${v.rssPeakMb} MB | ${s.checks.map(mark).join('; ')}${s.note ? ` (${s.note})` : ''} |`,
    );
  }
  lines.push('', `Server memory: ${result.rss.checks.map(mark).join('; ')}.`);
  if (result.bundle && 'files' in result.bundle) {
    lines.push(
      `Signed-in app, first load: ${result.bundle.files.length} JS files, ${round(result.bundle.bytes / 1024, 1)} KB raw, ${round(result.bundle.gzip / 1024, 1)} KB gzip, ${round(result.bundle.brotli / 1024, 1)} KB brotli — ${result.bundle.checks.map(mark).join('; ')}.`,
    );
  } else if (result.bundle) {
    lines.push(`Client bundle not measured: ${result.bundle.error}`);
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const wanted: Engine[] = args.engine === 'both' ? ['sqlite', 'postgres'] : [args.engine as Engine];
  if (!wanted.every((e) => e === 'sqlite' || e === 'postgres'))
    throw new Error('--engine must be sqlite, postgres or both');
  const started = Date.now();
  const bundle = args['no-bundle'] ? null : measureBundle();
  for (const engine of wanted) {
    if (engine === 'postgres' && !(await postgresReachable())) {
      log(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: skipped`);
      continue;
    }
    await benchEngine(engine, bundle);
  }
  log(`finished in ${Math.round((Date.now() - started) / 1000)} s`);
  // Remove scratch folders a stopped run may have left.
  for (const entry of existsSync(dataRoot) ? readdirSync(dataRoot) : []) {
    if (entry.startsWith('run-') && statSync(path.join(dataRoot, entry)).isDirectory()) {
      rmSync(path.join(dataRoot, entry), { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
