import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB, JobRow } from '../../db/schema.js';
import { type AuditContext, recordAudit } from '../../modules/audit/record-audit.js';

export interface JobLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface JobContext {
  db: Kysely<DB>;
  config: Config;
  /** Who the job's own writes are audited as: `system:job:<name>`, or the person who asked for a run. */
  audit: AuditContext;
}

/**
 * A job every Vigie process may run, and exactly one does each time it is due. `run` returns a short report (kept
 * as the job's last result); throwing counts as a failure, retried with back-off. A run taking longer than its
 * lease keeps its lock alive by heartbeat; a process that dies leaves the lock to expire after at most a lease.
 */
export interface JobDefinition {
  name: string;
  summary: string;
  intervalSeconds: number;
  leaseSeconds: number;
  run(context: JobContext): Promise<Record<string, unknown>>;
}

export const BACKOFF_BASE_SECONDS = 30;
export const BACKOFF_MAX_SECONDS = 6 * 3600;
const STALE_LOCK = 'The process running this job stopped before it finished (its lock expired).';

/** Seconds before retrying after the given number of consecutive failures: 30 s, 1 min, 2 min… up to 6 hours. */
export function backoffSeconds(failures: number): number {
  return Math.min(BACKOFF_BASE_SECONDS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_SECONDS);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Creates the rows of jobs the code defines (due at once) and follows changes of their interval. */
export async function ensureJobs(db: Kysely<DB>, jobs: JobDefinition[], now = Date.now()): Promise<void> {
  for (const job of jobs) {
    await db
      .insertInto('jobs')
      .values({
        name: job.name,
        interval_seconds: job.intervalSeconds,
        next_run_at: iso(now),
        locked_by: null,
        locked_until: null,
        last_started_at: null,
        last_finished_at: null,
        last_error: null,
        last_result: null,
        failures: 0,
        attempts: 0,
        created_at: iso(now),
      })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    await db
      .updateTable('jobs')
      .set({ interval_seconds: job.intervalSeconds })
      .where('name', '=', job.name)
      .where('interval_seconds', '!=', job.intervalSeconds)
      .execute();
  }
}

/**
 * Takes a job's lock with one conditional UPDATE: of several processes trying at once, exactly one changes the
 * row. Not taken while another holds an unexpired lock; a lock that expired means its process died, which counts as
 * a failure. Without `force`, only a due job is taken.
 */
export async function claimJob(
  db: Kysely<DB>,
  name: string,
  owner: string,
  leaseSeconds: number,
  options: { now?: number; force?: boolean } = {},
): Promise<boolean> {
  const now = options.now ?? Date.now();
  let update = db
    .updateTable('jobs')
    .set((eb) => ({
      locked_by: owner,
      locked_until: iso(now + leaseSeconds * 1000),
      last_started_at: iso(now),
      attempts: eb('attempts', '+', 1),
      failures: eb
        .case()
        .when('locked_by', 'is not', null)
        .then(eb('failures', '+', 1))
        .else(eb.ref('failures'))
        .end(),
      last_error: eb.case().when('locked_by', 'is not', null).then(STALE_LOCK).else(eb.ref('last_error')).end(),
    }))
    .where('name', '=', name)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', iso(now))]));
  if (!options.force) update = update.where('next_run_at', '<=', iso(now));
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface JobOutcome {
  ok: boolean;
  result: Record<string, unknown> | null;
  error: string | null;
}

/** Runs a job whose lock `owner` holds, then records the outcome and releases the lock (only if still its own). */
export async function runClaimedJob(
  db: Kysely<DB>,
  config: Config,
  job: JobDefinition,
  owner: string,
  audit: AuditContext,
  log?: JobLog,
): Promise<JobOutcome> {
  const heartbeat = setInterval(
    () => {
      db.updateTable('jobs')
        .set({ locked_until: iso(Date.now() + job.leaseSeconds * 1000) })
        .where('name', '=', job.name)
        .where('locked_by', '=', owner)
        .execute()
        .catch((error: unknown) => log?.error({ job: job.name, err: error }, 'job heartbeat failed'));
    },
    Math.max(1000, (job.leaseSeconds * 1000) / 3),
  );
  heartbeat.unref();
  let outcome: JobOutcome;
  try {
    outcome = { ok: true, result: await job.run({ db, config, audit }), error: null };
  } catch (error) {
    outcome = { ok: false, result: null, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearInterval(heartbeat);
  }
  const now = Date.now();
  const mine = db.updateTable('jobs').where('name', '=', job.name).where('locked_by', '=', owner);
  let released: bigint;
  if (outcome.ok) {
    released = (
      await mine
        .set({
          locked_by: null,
          locked_until: null,
          last_finished_at: iso(now),
          next_run_at: iso(now + job.intervalSeconds * 1000),
          failures: 0,
          last_error: null,
          last_result: JSON.stringify(outcome.result),
        })
        .executeTakeFirst()
    ).numUpdatedRows;
    log?.info({ job: job.name, result: outcome.result }, 'job finished');
  } else {
    const row = await db.selectFrom('jobs').select('failures').where('name', '=', job.name).executeTakeFirst();
    const failures = (row?.failures ?? 0) + 1;
    released = (
      await mine
        .set({
          locked_by: null,
          locked_until: null,
          last_finished_at: iso(now),
          next_run_at: iso(now + backoffSeconds(failures) * 1000),
          failures,
          last_error: (outcome.error ?? 'failed').slice(0, 2000),
        })
        .executeTakeFirst()
    ).numUpdatedRows;
    log?.error({ job: job.name, failures, err: outcome.error }, 'job failed; it will be retried');
  }
  if (Number(released) !== 1) {
    log?.error({ job: job.name }, 'job outlived its lock: another process may have run it too');
  }
  return outcome;
}

/** Another process holds the job's lock. */
export class JobBusyError extends Error {}

/**
 * Runs a job now, whether due or not (an administrator's or operator's request, audited with the claim), unless a
 * process is running it: then JobBusyError. The next scheduled run follows the interval from this one.
 */
export async function runJobNow(
  db: Kysely<DB>,
  config: Config,
  job: JobDefinition,
  audit: AuditContext,
  log?: JobLog,
): Promise<JobOutcome> {
  await ensureJobs(db, [job]);
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  const claimed = await db.transaction().execute(async (trx) => {
    if (!(await claimJob(trx, job.name, owner, job.leaseSeconds, { force: true }))) return false;
    await recordAudit(trx, audit, { entity: 'job', entityId: job.name, action: 'run' });
    return true;
  });
  if (!claimed) throw new JobBusyError(job.name);
  return runClaimedJob(db, config, job, owner, audit, log);
}

export interface SchedulerOptions {
  db: Kysely<DB>;
  config: Config;
  jobs: JobDefinition[];
  log: JobLog;
  /** Seconds between looks for due jobs; 0 runs none in this process. */
  tickSeconds: number;
}

/**
 * Each process ticks: it looks for due jobs and runs those it manages to claim, one after another. Ticks never
 * overlap; `stop` (on SIGTERM) lets the job under way finish and starts no other.
 */
export class Scheduler {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #options: SchedulerOptions;
  #timer: NodeJS.Timeout | undefined;
  #current: Promise<unknown> | undefined;
  #stopped = false;
  #runs = 0;

  constructor(options: SchedulerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#options.tickSeconds <= 0) return;
    this.#schedule(0);
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#current = this.tick()
        .catch((error: unknown) => this.#options.log.error({ err: error }, 'scheduler tick failed'))
        .finally(() => {
          this.#current = undefined;
          this.#schedule(this.#options.tickSeconds * 1000);
        });
    }, delayMs);
    this.#timer.unref();
  }

  /** Runs every due job this process can claim; returns their names. */
  async tick(): Promise<string[]> {
    const { db, config, jobs, log } = this.#options;
    const now = Date.now();
    const due = await db
      .selectFrom('jobs')
      .select('name')
      .where('next_run_at', '<=', iso(now))
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', iso(now))]))
      .orderBy('next_run_at')
      .execute();
    const ran: string[] = [];
    for (const { name } of due) {
      if (this.#stopped) break;
      const job = jobs.find((j) => j.name === name);
      if (!job) continue;
      this.#runs += 1;
      const owner = `${this.owner}#${this.#runs}`;
      if (!(await claimJob(db, name, owner, job.leaseSeconds))) continue;
      await runClaimedJob(
        db,
        config,
        job,
        owner,
        { actor: { kind: 'anonymous' }, requestId: null, label: `system:job:${name}` },
        log,
      );
      ran.push(name);
    }
    return ran;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#current;
  }
}

export function presentJob(job: JobDefinition, row: JobRow | undefined, now = Date.now()) {
  return {
    name: job.name,
    summary: job.summary,
    intervalSeconds: job.intervalSeconds,
    nextRunAt: row?.next_run_at ?? null,
    lastStartedAt: row?.last_started_at ?? null,
    lastFinishedAt: row?.last_finished_at ?? null,
    lastError: row?.last_error ?? null,
    lastResult: row?.last_result ? (JSON.parse(row.last_result) as unknown) : null,
    failures: row?.failures ?? 0,
    attempts: row?.attempts ?? 0,
    running: !!row?.locked_until && Date.parse(row.locked_until) > now,
  };
}
