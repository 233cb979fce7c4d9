import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openPostgres, openSqlite } from '../../src/server/db/connect.js';
import { EMAIL_JOB, REMINDERS_JOB } from '../../src/server/modules/notifications/notifications.jobs.js';
import { createUser, institutionId } from '../support/app.js';
import { createPostgresDatabase, testEngines } from '../support/databases.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testEngines())('reminders sent by two processes on %s', (engine) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigie-notify-'));
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let smtp: SmtpSink;
  let processes: ServerProcess[] = [];
  let database: Database;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    if (engine === 'postgres') {
      const created = await createPostgresDatabase();
      databaseUrl = created.url;
      dropDatabase = created.drop;
    }
    const env = {
      VIGIE_DATA_DIR: dataDir,
      VIGIE_ADMIN_EMAIL: 'ops@vigie.test',
      VIGIE_ADMIN_PASSWORD: 'a strong operator password',
      VIGIE_SESSION_SECRET: 'the same session secret shared by every process',
      VIGIE_ENCRYPTION_KEY: 'ab'.repeat(32),
      VIGIE_PUBLIC_URL: 'http://vigie.test',
      // Both processes look for due jobs every second, so they compete for every run.
      VIGIE_JOBS_TICK_SECONDS: '1',
      LOG_LEVEL: 'warn',
      ...smtp.env(),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    };
    processes = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    database = databaseUrl ? openPostgres(databaseUrl, 2) : openSqlite(path.join(dataDir, 'vigie.sqlite'));
  }, 120_000);
  afterAll(async () => {
    for (const p of processes) await p.stop('SIGTERM');
    await database?.close();
    await smtp?.close();
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('notifies and emails each person once per event, however often both processes run the jobs', async () => {
    const { db } = database;
    const france = await institutionId(db, 'FR');
    const contactPoint = await createUser(db, 'contact_point', { institutionId: france, language: 'fr' });
    const axis = await db.selectFrom('plan_axes').select(['id', 'plan_id']).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    // One seeded period ended a week ago (the others long ago, too old to remind).
    const period = await db.selectFrom('reporting_periods').select('id').executeTakeFirstOrThrow();
    await db
      .updateTable('reporting_periods')
      .set({ ends_on: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10) })
      .where('id', '=', period.id)
      .execute();
    const actions = ['Première action en retard', 'Seconde action en retard'];
    for (const title of actions) {
      await db
        .insertInto('plan_actions')
        .values({
          id: randomUUID(),
          plan_id: axis.plan_id,
          axis_id: axis.id,
          title,
          description: null,
          lead_institution_id: france,
          status: 'in_progress',
          planned_start: '2026-01-05',
          planned_end: '2026-02-27',
          completed_on: null,
          funder_partner_id: null,
          budget_minor: null,
          budget_currency: null,
          comments: null,
          carried_from_id: null,
          owner_institution_id: france,
          visibility: 'group',
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    // Round after round, both jobs are made due at once for both processes.
    for (let round = 0; round < 8; round += 1) {
      await db
        .updateTable('jobs')
        .set({ next_run_at: new Date(Date.now() - 1000).toISOString() })
        .where('name', 'in', [REMINDERS_JOB, EMAIL_JOB])
        .execute();
      await sleep(1200);
    }
    const notifications = await db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'entity_id', 'occasion'])
      .where('user_id', '=', contactPoint.id)
      .execute();
    // Two actions, plus France's reports owed for the period that ended last week.
    expect(notifications.filter((n) => n.kind === 'action_overdue')).toHaveLength(2);
    expect(notifications.filter((n) => n.kind === 'indicator_report_due')).toHaveLength(1);

    const expected = notifications.length;
    const deadline = Date.now() + 30_000;
    while (smtp.mails.filter((m) => m.to.includes(contactPoint.email)).length < expected && Date.now() < deadline) {
      await db
        .updateTable('jobs')
        .set({ next_run_at: new Date(Date.now() - 1000).toISOString() })
        .where('name', '=', EMAIL_JOB)
        .execute();
      await sleep(1000);
    }
    // A little longer: a second sending would show now.
    await sleep(2500);
    const mails = smtp.mails.filter((m) => m.to.includes(contactPoint.email));
    expect(mails).toHaveLength(expected);
    const subjects = mails.map((m) => m.subject);
    expect(new Set(subjects).size).toBe(expected);
    for (const title of actions) expect(subjects).toContain(`[Vigie] Action en retard : ${title}`);
    const outbox = await db
      .selectFrom('email_outbox')
      .select(['status'])
      .where('to_address', '=', contactPoint.email)
      .execute();
    expect(outbox.map((r) => r.status)).toEqual(Array(expected).fill('sent'));
    // No run failed in either process.
    const jobs = await db.selectFrom('jobs').selectAll().where('name', 'in', [REMINDERS_JOB, EMAIL_JOB]).execute();
    for (const job of jobs) expect(job.failures).toBe(0);
  }, 120_000);
});
