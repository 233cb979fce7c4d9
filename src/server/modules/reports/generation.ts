import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { ReportLanguage, ReportStep, reportErrors } from '../../../shared/contract/reports.js';
import type { Actor } from '../../auth/actor.js';
import { toActorUser } from '../../auth/authenticate.js';
import { engineOf } from '../../db/engine.js';
import type { DB } from '../../db/schema.js';
import type { JobDefinition, JobLog } from '../../operations/jobs/scheduler.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { buildConsolidatedReport } from './content.js';
import { breathe } from './figures.js';
import { renderReportDocx } from './render-docx.js';
import { renderReportPdf } from './render-pdf.js';
import * as repo from './reports.repo.js';

export const REPORTS_JOB = 'reports-generation';

/** How long a claim on a report holds without news from its process; a heartbeat renews it while it works. */
export const REPORT_LEASE_SECONDS = 120;
/** A report whose generation was interrupted this many times is given up (something in it kills the process). */
export const MAX_REPORT_ATTEMPTS = 3;
/** Reports one pass takes on, at most: the next pass (or process) takes the rest. */
const BATCH = 10;

const systemAudit: AuditContext = {
  actor: { kind: 'anonymous' },
  requestId: null,
  label: `system:job:${REPORTS_JOB}`,
};

const iso = (ms: number) => new Date(ms).toISOString();

/** The claim on a report was lost: it was deleted, or another process took it over after the lease expired. */
class ClaimLost extends Error {}

/** Who the report reads as: its requester as they are now (a disabled or deleted account reads nothing). */
async function requesterOf(db: Kysely<DB>, userId: string, reportId: string): Promise<Actor | null> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return user ? { kind: 'user', user: toActorUser(user), via: 'token', tokenId: `report:${reportId}` } : null;
}

async function settle(
  db: Kysely<DB>,
  id: string,
  owner: string,
  outcome: { ok: true; pdf: Buffer; docx: Buffer } | { ok: false; error: (typeof reportErrors)[number] },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const finishedAt = new Date().toISOString();
    const settled = outcome.ok
      ? await repo.finish(trx, id, owner, {
          status: 'done',
          progress: 100,
          step: null,
          error: null,
          pdf: outcome.pdf,
          pdf_size: outcome.pdf.length,
          docx: outcome.docx,
          docx_size: outcome.docx.length,
          finished_at: finishedAt,
        })
      : await repo.finish(trx, id, owner, {
          status: 'failed',
          step: null,
          error: outcome.error,
          finished_at: finishedAt,
        });
    if (!settled) return false;
    await recordAudit(trx, systemAudit, {
      entity: repo.REPORT_ENTITY,
      entityId: id,
      action: outcome.ok ? 'generate' : 'fail',
      after: outcome.ok
        ? { status: 'done', pdfSize: outcome.pdf.length, docxSize: outcome.docx.length }
        : { status: 'failed', error: outcome.error },
    });
    return true;
  });
}

/** Generates one report this process has claimed as `owner`; writes its progress as the steps go. */
async function generateClaimed(
  db: Kysely<DB>,
  id: string,
  owner: string,
  log?: JobLog,
): Promise<'done' | 'failed' | 'lost'> {
  const row = await repo.findById(db, id);
  if (!row || row.lease_owner !== owner) return 'lost';
  if (row.attempts > MAX_REPORT_ATTEMPTS) {
    return (await settle(db, id, owner, { ok: false, error: 'interrupted' })) ? 'failed' : 'lost';
  }
  const actor = await requesterOf(db, row.requested_by, id);
  if (actor?.kind !== 'user') {
    return (await settle(db, id, owner, { ok: false, error: 'requester_unavailable' })) ? 'failed' : 'lost';
  }
  const heartbeat = setInterval(
    () => {
      db.updateTable('activity_reports')
        .set({ lease_until: iso(Date.now() + REPORT_LEASE_SECONDS * 1000) })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .execute()
        .catch((error: unknown) => log?.error({ report: id, err: error }, 'report heartbeat failed'));
    },
    (REPORT_LEASE_SECONDS * 1000) / 3,
  );
  heartbeat.unref();
  try {
    const step = async (name: ReportStep, progress: number) => {
      await breathe();
      const kept = await repo.advance(db, id, owner, {
        progress,
        step: name,
        lease_until: iso(Date.now() + REPORT_LEASE_SECONDS * 1000),
      });
      if (!kept) throw new ClaimLost();
    };
    const language = row.language as ReportLanguage;
    const model = await buildConsolidatedReport(
      db,
      engineOf(db as unknown as Kysely<unknown>),
      actor,
      {
        language,
        scope: {
          from: row.period_from,
          to: row.period_to,
          institutionIds: JSON.parse(row.institution_ids) as string[],
        },
        requesterName: actor.user.name,
        generatedAt: new Date().toISOString(),
      },
      step,
    );
    await step('pdf', 80);
    const pdf = await renderReportPdf(model, language);
    await step('docx', 90);
    const docx = await renderReportDocx(model, language);
    return (await settle(db, id, owner, { ok: true, pdf, docx })) ? 'done' : 'lost';
  } catch (error) {
    if (error instanceof ClaimLost) return 'lost';
    log?.error({ report: id, err: error }, 'report generation failed');
    return (await settle(db, id, owner, { ok: false, error: 'generation_failed' })) ? 'failed' : 'lost';
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Generates the reports waiting for a process, one after another: queued ones, and those whose process died
 * (claim expired). Each is claimed atomically first, so of several processes exactly one works on a report.
 */
export async function generatePending(db: Kysely<DB>, log?: JobLog) {
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const counts = { done: 0, failed: 0, lost: 0 };
  const now = Date.now();
  for (const id of await repo.claimable(db, iso(now), BATCH)) {
    const claimed = await repo.claim(db, id, owner, iso(Date.now()), iso(Date.now() + REPORT_LEASE_SECONDS * 1000));
    if (!claimed) continue;
    counts[await generateClaimed(db, id, owner, log)] += 1;
  }
  return counts;
}

const underWay = new Set<Promise<unknown>>();

/**
 * Starts generating the waiting reports in this process, right after the current request is answered, so that
 * nobody waits for the job's next pass (which remains the safety net: another process, or this one restarted).
 */
export function startGenerating(db: Kysely<DB>, log: JobLog): void {
  const work: Promise<unknown> = new Promise((resolve) => setImmediate(resolve))
    .then(() => generatePending(db, log))
    .catch((error: unknown) => log.error({ err: error }, 'report generation could not start'))
    .finally(() => underWay.delete(work));
  underWay.add(work);
}

/** Resolves once the generations this process started have ended (tests compare the database before and after). */
export async function generationsSettled(): Promise<void> {
  while (underWay.size > 0) await Promise.allSettled([...underWay]);
}

/** The scheduled pass: picks up what no request started, and reports left behind by a process that stopped. */
export const reportsJob: JobDefinition = {
  name: REPORTS_JOB,
  summary: 'Generates the consolidated activity reports waiting, and resumes those whose process stopped',
  intervalSeconds: 60,
  leaseSeconds: 15 * 60,
  run: ({ db }) => generatePending(db),
};
