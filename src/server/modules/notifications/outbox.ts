import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { decryptText, encryptText } from '../../auth/encryption.js';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { type EmailContent, type Mailer, mailerFor } from './mailer.js';

/** Attempts before a message is given up (about a day and a half of back-off). */
export const MAX_ATTEMPTS = 10;
/** How long a claimed message stays reserved to the process sending it. */
const CLAIM_SECONDS = 120;

/** Seconds before the next attempt after `attempts` failed ones: 1 min, 2, 4… up to 6 hours. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 6 * 3600);
}

export interface OutgoingEmail {
  userId: string | null;
  to: string;
  language: string;
  purpose: string;
  content: EmailContent;
}

/**
 * Puts an email in the outbox, in the caller's transaction: it leaves only if what caused it commits. Its content
 * is encrypted under the configuration's key, bound to the row's id.
 */
export async function enqueueEmail(trx: Kysely<DB>, config: Config, email: OutgoingEmail): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await trx
    .insertInto('email_outbox')
    .values({
      id,
      user_id: email.userId,
      to_address: email.to,
      language: email.language,
      purpose: email.purpose,
      content: encryptText(config.encryptionKey, JSON.stringify(email.content), `email_outbox:${id}`),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      locked_by: null,
      locked_until: null,
      last_error: null,
      last_attempt_at: null,
      created_at: now,
      sent_at: null,
    })
    .execute();
  return id;
}

export function readContent(config: Config, row: { id: string; content: string }): EmailContent {
  return JSON.parse(decryptText(config.encryptionKey, row.content, `email_outbox:${row.id}`)) as EmailContent;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  lastError: string | null;
}

/**
 * Sends what is due in the outbox. Each message is first claimed by one conditional UPDATE (pending, due, and not
 * reserved by a live claim), so two processes never both send it; it is marked sent only by its claimant. A
 * failure keeps it pending with the error and a later next attempt, until MAX_ATTEMPTS.
 */
export async function deliverOutbox(
  db: Kysely<DB>,
  config: Config,
  owner: string,
  options: { ids?: string[]; mailer?: Mailer; limit?: number } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, lastError: null };
  if (!config.smtp) return report;
  const mailer = options.mailer ?? mailerFor(config.smtp);
  const now = () => new Date().toISOString();
  let query = db
    .selectFrom('email_outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now())
    .orderBy('created_at')
    .limit(options.limit ?? 200);
  if (options.ids) query = query.where('id', 'in', options.ids.length > 0 ? options.ids : ['']);
  const due = await query.execute();
  for (const { id } of due) {
    const at = now();
    const claimed = await db
      .updateTable('email_outbox')
      .set((eb) => ({
        locked_by: owner,
        locked_until: new Date(Date.now() + CLAIM_SECONDS * 1000).toISOString(),
        attempts: eb('attempts', '+', 1),
        last_attempt_at: at,
      }))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const row = await db.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    try {
      await mailer.send(row.to_address, readContent(config, row));
      await db
        .updateTable('email_outbox')
        .set({ status: 'sent', sent_at: now(), locked_by: null, locked_until: null, last_error: null })
        .where('id', '=', id)
        .where('locked_by', '=', owner)
        .execute();
      report.sent += 1;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const givenUp = row.attempts >= MAX_ATTEMPTS;
      await db
        .updateTable('email_outbox')
        .set({
          status: givenUp ? 'failed' : 'pending',
          next_attempt_at: new Date(Date.now() + retryDelaySeconds(row.attempts) * 1000).toISOString(),
          last_error: message,
          locked_by: null,
          locked_until: null,
        })
        .where('id', '=', id)
        .where('locked_by', '=', owner)
        .execute();
      report.failed += 1;
      report.lastError = message;
    }
  }
  return report;
}
