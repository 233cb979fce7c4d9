import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createUser,
  institutionId,
  PASSWORD,
  request,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import { anonymous } from '../../auth/actor.js';
import { type Database, openPostgres, openSqlite } from '../../db/connect.js';
import { RETENTION_JOB } from './definitions.js';
import {
  BACKOFF_BASE_SECONDS,
  backoffSeconds,
  claimJob,
  ensureJobs,
  type JobDefinition,
  runJobNow,
  Scheduler,
} from './scheduler.js';

const silent = { info() {}, error() {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('back-off', () => {
  it('doubles from 30 seconds and stops at 6 hours', () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([30, 60, 120, 240]);
    expect(backoffSeconds(30)).toBe(6 * 3600);
  });
});

describe.each(testEngines())('job scheduler on %s', (engine) => {
  let t: TestApp;
  let other: Database;
  let admin: Session;
  let staff: Session;
  let runs = 0;
  let failNext = false;
  let runFor = 30;
  const probe: JobDefinition = {
    name: 'probe',
    summary: 'counts its runs',
    intervalSeconds: 3600,
    leaseSeconds: 60,
    async run() {
      runs += 1;
      await sleep(runFor);
      if (failNext) throw new Error('the probe failed on purpose');
      return { runs };
    },
  };
  const schedulers = () =>
    [t.db, other.db].map((db) => new Scheduler({ db, config: t.config, jobs: [probe], log: silent, tickSeconds: 30 }));
  const row = () => t.db.selectFrom('jobs').selectAll().where('name', '=', 'probe').executeTakeFirstOrThrow();
  const makeDue = () =>
    t.db
      .updateTable('jobs')
      .set({ next_run_at: new Date(Date.now() - 1000).toISOString() })
      .where('name', '=', 'probe')
      .execute();

  beforeAll(async () => {
    t = await startTestApp(engine);
    // A second process's connection to the same database (its own pool, or its own SQLite connection).
    other =
      engine === 'sqlite' ? openSqlite(t.testDatabase.file as string) : openPostgres(t.testDatabase.url as string, 3);
    await ensureJobs(t.db, [probe]);
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const s = await createUser(t.db, 'staff', { institutionId: await institutionId(t.db, 'FR') });
    staff = await signIn(t.app, s.email, PASSWORD);
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });
  beforeEach(() => {
    runs = 0;
    failNext = false;
    runFor = 30;
  });

  it('runs a due job once when two processes tick together, round after round', async () => {
    const [a, b] = schedulers() as [Scheduler, Scheduler];
    for (let round = 1; round <= 5; round += 1) {
      await makeDue();
      const [ranA, ranB] = await Promise.all([a.tick(), b.tick()]);
      expect([...ranA, ...ranB]).toEqual(['probe']);
      expect(runs).toBe(round);
    }
    const state = await row();
    expect(state.locked_by).toBeNull();
    expect(state.failures).toBe(0);
    expect(JSON.parse(state.last_result as string)).toEqual({ runs: 5 });
    // Not due again before its interval.
    expect(Date.parse(state.next_run_at) - Date.parse(state.last_finished_at as string)).toBe(3600_000);
    expect([...(await a.tick()), ...(await b.tick())]).toEqual([]);
  });

  it('retries a failing job later and later, and a success resets the count', async () => {
    const [a] = schedulers() as [Scheduler];
    failNext = true;
    for (const failures of [1, 2, 3]) {
      await makeDue();
      expect(await a.tick()).toEqual(['probe']);
      const state = await row();
      expect(state).toMatchObject({ failures, last_error: 'the probe failed on purpose', locked_by: null });
      const delay = Date.parse(state.next_run_at) - Date.parse(state.last_finished_at as string);
      expect(delay).toBe(BACKOFF_BASE_SECONDS * 1000 * 2 ** (failures - 1));
    }
    failNext = false;
    await makeDue();
    await a.tick();
    expect(await row()).toMatchObject({ failures: 0, last_error: null });
  });

  it('leaves a crashed run’s lock until it expires, then runs the job again and counts the failure', async () => {
    const [a] = schedulers() as [Scheduler];
    await makeDue();
    const live = new Date(Date.now() + 60_000).toISOString();
    await t.db
      .updateTable('jobs')
      .set({ locked_by: 'dead-process', locked_until: live })
      .where('name', '=', 'probe')
      .execute();
    expect(await a.tick()).toEqual([]);
    expect(await claimJob(t.db, 'probe', 'another', 60)).toBe(false);
    const expired = new Date(Date.now() - 1000).toISOString();
    await t.db.updateTable('jobs').set({ locked_until: expired }).where('name', '=', 'probe').execute();
    const before = await row();
    failNext = true;
    expect(await a.tick()).toEqual(['probe']);
    const after = await row();
    expect(after.attempts).toBe(before.attempts + 1);
    // The crash counted as a failure, and so did the run that followed.
    expect(after).toMatchObject({ failures: before.failures + 2, locked_by: null });
  });

  it('keeps the lock of a long run alive (heartbeat) and lets SIGTERM’s stop finish it', async () => {
    // A 3-second lease renewed every second, on a run of 4.5 seconds: past the first lease, the lock still holds.
    const quick: JobDefinition = { ...probe, leaseSeconds: 3 };
    const scheduler = new Scheduler({ db: t.db, config: t.config, jobs: [quick], log: silent, tickSeconds: 30 });
    runFor = 4500;
    await makeDue();
    const running = scheduler.tick();
    await sleep(3600);
    const during = await other.db.selectFrom('jobs').selectAll().where('name', '=', 'probe').executeTakeFirstOrThrow();
    expect(Date.parse(during.locked_until as string)).toBeGreaterThan(Date.now());
    expect(await claimJob(other.db, 'probe', 'intruder', 60)).toBe(false);
    await scheduler.stop();
    expect(await running).toEqual(['probe']);
    expect(runs).toBe(1);
  });

  it('runs a job now on request, and refuses while it is running', async () => {
    const context = { actor: anonymous, requestId: null, label: 'test' };
    const outcome = await runJobNow(t.db, t.config, probe, context);
    expect(outcome).toMatchObject({ ok: true, result: { runs: 1 } });
    runFor = 1000;
    const first = runJobNow(t.db, t.config, probe, context);
    for (let i = 0; !(await row()).locked_by && i < 100; i += 1) await sleep(20);
    await expect(runJobNow(other.db, t.config, probe, context)).rejects.toThrow('probe');
    expect((await first).ok).toBe(true);
  });

  it('shows the jobs to administrators and runs one on request, audited', async () => {
    const list = await request(t.app, admin)('GET', '/api/v1/admin/jobs');
    expect(list.statusCode).toBe(200);
    const retention = list.json().items.find((j: { name: string }) => j.name === RETENTION_JOB);
    expect(retention).toMatchObject({ intervalSeconds: 86_400, failures: 0, running: false });

    const run = await request(t.app, admin)('POST', `/api/v1/admin/jobs/${RETENTION_JOB}/run`);
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ outcome: 'succeeded', error: null, job: { name: RETENTION_JOB, failures: 0 } });
    expect(run.json().job.lastFinishedAt).not.toBeNull();
    expect(Date.parse(run.json().job.nextRunAt)).toBeGreaterThan(Date.now() + 86_000_000);
    const audited = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'job')
      .where('entity_id', '=', RETENTION_JOB)
      .executeTakeFirstOrThrow();
    expect(audited).toMatchObject({ action: 'run', actor_label: ADMIN_EMAIL });

    expect((await request(t.app, admin)('POST', '/api/v1/admin/jobs/no-such-job/run')).statusCode).toBe(404);
    const bad = await request(t.app, admin)('POST', '/api/v1/admin/jobs/Bad%20Name/run');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('params.name');
    expect((await request(t.app, staff)('GET', '/api/v1/admin/jobs')).statusCode).toBe(403);
    expect((await request(t.app, staff)('POST', `/api/v1/admin/jobs/${RETENTION_JOB}/run`)).statusCode).toBe(403);
    expect((await request(t.app, null)('GET', '/api/v1/admin/jobs')).statusCode).toBe(401);

    // A job a process is running: 409, nothing run twice.
    await t.db
      .updateTable('jobs')
      .set({ locked_by: 'elsewhere', locked_until: new Date(Date.now() + 60_000).toISOString() })
      .where('name', '=', RETENTION_JOB)
      .execute();
    const busy = await request(t.app, admin)('POST', `/api/v1/admin/jobs/${RETENTION_JOB}/run`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.details).toEqual({ reason: 'job_running' });
    const listed = await request(t.app, admin)('GET', '/api/v1/admin/jobs');
    expect(listed.json().items.find((j: { name: string }) => j.name === RETENTION_JOB).running).toBe(true);
    await t.db
      .updateTable('jobs')
      .set({ locked_by: null, locked_until: null })
      .where('name', '=', RETENTION_JOB)
      .execute();
  });
});
