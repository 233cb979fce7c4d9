import { purgeExpired } from '../retention/retention.js';
import type { JobDefinition } from './scheduler.js';

export const RETENTION_JOB = 'retention-purge';

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
];
