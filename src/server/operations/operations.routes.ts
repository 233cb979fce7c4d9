import { z } from 'zod';
import { jobParams, jobRun, jobStatus, retentionPolicy, retentionUpdateOf } from '../../shared/contract/operations.js';
import { roleHas } from '../../shared/roles.js';
import type { Actor, ActorUser } from '../auth/actor.js';
import { AppError, notFound } from '../http/errors.js';
import { defineRoute } from '../http/route.js';
import { jobDefinitions } from './jobs/definitions.js';
import { JobBusyError, presentJob, runJobNow } from './jobs/scheduler.js';
import { retentionKinds } from './retention/kinds.js';
import { readRetentionPolicy, updateRetentionPolicy } from './retention/retention.js';

const tag = 'administration';

function administrator(actor: Actor): ActorUser {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  if (!roleHas(actor.user.role, 'manage:settings:any')) throw new AppError(403, 'forbidden');
  return actor.user;
}

export const operationsRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/admin/jobs',
    operationId: 'listJobs',
    summary: 'Scheduled jobs (administrators): last run, next run, consecutive failures, last error',
    tag,
    access: 'user',
    response: z.object({ items: z.array(jobStatus) }),
    handler: async ({ db, actor }) => {
      administrator(actor);
      const rows = await db.selectFrom('jobs').selectAll().execute();
      return {
        items: jobDefinitions.map((job) =>
          presentJob(
            job,
            rows.find((r) => r.name === job.name),
          ),
        ),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/admin/jobs/{name}/run',
    operationId: 'runJob',
    summary:
      'Run a job now (administrators) and answer with its outcome; 409 while a process is running it. The next ' +
      'scheduled run follows the interval from this one.',
    tag,
    access: 'user',
    params: jobParams,
    response: jobRun,
    handler: async ({ db, config, actor, requestId, params, request }) => {
      administrator(actor);
      const job = jobDefinitions.find((j) => j.name === params.name);
      if (!job) throw notFound();
      let outcome: Awaited<ReturnType<typeof runJobNow>>;
      try {
        outcome = await runJobNow(db, config, job, { actor, requestId }, request.log);
      } catch (error) {
        if (error instanceof JobBusyError) throw new AppError(409, 'conflict', { reason: 'job_running' });
        throw error;
      }
      const row = await db.selectFrom('jobs').selectAll().where('name', '=', job.name).executeTakeFirst();
      return {
        job: presentJob(job, row),
        outcome: outcome.ok ? ('succeeded' as const) : ('failed' as const),
        error: outcome.error,
        result: outcome.result,
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/admin/retention',
    operationId: 'getRetention',
    summary: 'How long sensitive records are kept, per kind, in days (administrators), with defaults and limits',
    tag,
    access: 'user',
    response: retentionPolicy,
    handler: async ({ db, actor }) => {
      administrator(actor);
      return readRetentionPolicy(db);
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/admin/retention',
    operationId: 'updateRetention',
    summary:
      'Set retention periods (administrators): days per kind, null for the default, kinds not sent unchanged; send ' +
      'the version you edited (a stale one gets 409). The daily purge applies them.',
    tag,
    access: 'user',
    body: retentionUpdateOf(retentionKinds),
    response: retentionPolicy,
    handler: async ({ db, actor, requestId, body }) => {
      const user = administrator(actor);
      return updateRetentionPolicy(db, { actor, requestId, userId: user.id }, body);
    },
  }),
];
