import { purgeExpiredSessions } from '../../auth/sessions.js';
import { recordAudit } from '../../modules/audit/record-audit.js';
import { notificationJobs } from '../../modules/notifications/notifications.jobs.js';
import { reportsJob } from '../../modules/reports/generation.js';
import { purgeExpired } from '../retention/retention.js';
import type { JobDefinition } from './scheduler.js';

export const RETENTION_JOB = 'retention-purge';
export const SESSIONS_JOB = 'sessions-purge';

/**
 * Every scheduled job. A module that needs one (reminders, notifications…) defines it and adds it here; the
 * scheduler creates its row on start. Names are kebab-case and stable: they are the API's identifiers.
 */
export const jobDefinitions: JobDefinition[] = [
  {
    name: RETENTION_JOB,
    summary: 'Clears or deletes the personal data that has outlived its retention period',
    intervalSeconds: 24 * 3600,
    leaseSeconds: 15 * 60,
    run: ({ db, audit }) => purgeExpired(db, audit),
  },
  {
    name: SESSIONS_JOB,
    summary: 'Deletes the sessions that have expired or stayed idle past the limit',
    intervalSeconds: 3600,
    leaseSeconds: 5 * 60,
    run: async ({ db, config, audit }) => {
      const deleted = await db.transaction().execute(async (trx) => {
        const count = await purgeExpiredSessions(trx, config);
        if (count > 0) {
          await recordAudit(trx, audit, {
            entity: 'session',
            entityId: 'expired',
            action: 'purge',
            after: { deleted: count },
          });
        }
        return count;
      });
      return { deleted };
    },
  },
  ...notificationJobs,
  reportsJob,
];
