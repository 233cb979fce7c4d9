import { hostname } from 'node:os';
import type { JobDefinition } from '../../operations/jobs/scheduler.js';
import { sendDigests } from './digests.js';
import { deliverOutbox } from './outbox.js';
import { runReminders } from './reminders.js';

export const REMINDERS_JOB = 'notification-reminders';
export const EMAIL_JOB = 'email-delivery';
export const DAILY_DIGEST_JOB = 'notification-digest-daily';
export const WEEKLY_DIGEST_JOB = 'notification-digest-weekly';

export const notificationJobs: JobDefinition[] = [
  {
    name: REMINDERS_JOB,
    summary: 'Finds what is overdue, due or coming up and notifies the people responsible, once per event',
    intervalSeconds: 3600,
    leaseSeconds: 10 * 60,
    run: async ({ db, config, audit }) => ({ created: await runReminders(db, config, audit) }),
  },
  {
    name: EMAIL_JOB,
    summary:
      'Sends the emails waiting in the outbox; a message that fails is retried later and later (its error is in ' +
      'the email status)',
    intervalSeconds: 60,
    leaseSeconds: 5 * 60,
    run: async ({ db, config }) => {
      if (!config.smtp) return { enabled: false };
      const report = await deliverOutbox(db, config, `${hostname()}:${process.pid}`);
      return { enabled: true, ...report };
    },
  },
  {
    name: DAILY_DIGEST_JOB,
    summary: 'Sends each person who asked for it one email with the day’s reminders',
    intervalSeconds: 24 * 3600,
    leaseSeconds: 10 * 60,
    run: ({ db, config, audit }) => sendDigests(db, config, audit, 'daily'),
  },
  {
    name: WEEKLY_DIGEST_JOB,
    summary: 'Sends each person who asked for it one email with the week’s reminders',
    intervalSeconds: 7 * 24 * 3600,
    leaseSeconds: 10 * 60,
    run: ({ db, config, audit }) => sendDigests(db, config, audit, 'weekly'),
  },
];
