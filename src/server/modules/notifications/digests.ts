import type { Kysely } from 'kysely';
import type { NotificationKind } from '../../../shared/contract/notifications.js';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { digestEmail } from './messages.js';
import { enqueueEmail } from './outbox.js';

/**
 * Gathers, per person, the reminders waiting for a digest whose kind the person now wants daily (or weekly), and
 * queues one email each. The notifications are marked digested by a conditional UPDATE in the same transaction as
 * the email is queued, so a reminder goes in one digest only, even if two runs overlapped.
 */
export async function sendDigests(
  db: Kysely<DB>,
  config: Config,
  audit: AuditContext,
  period: 'daily' | 'weekly',
): Promise<{ emails: number; reminders: number }> {
  if (!config.smtp) return { emails: 0, reminders: 0 };
  const waiting = await db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .leftJoin('notification_preferences as pref', (join) =>
      join.onRef('pref.user_id', '=', 'notifications.user_id').onRef('pref.kind', '=', 'notifications.kind'),
    )
    .select([
      'notifications.id',
      'notifications.user_id',
      'notifications.kind',
      'notifications.link',
      'notifications.params',
      'users.name',
      'users.email',
      'users.language',
    ])
    .where('notifications.email_state', '=', 'digest')
    .where('users.status', '=', 'active')
    .where('pref.mode', '=', period)
    .orderBy('notifications.created_at')
    .execute();
  const byUser = new Map<string, typeof waiting>();
  for (const row of waiting) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  let emails = 0;
  let reminders = 0;
  for (const [userId, rows] of byUser) {
    const first = rows[0] as (typeof rows)[number];
    const person = { id: userId, name: first.name, email: first.email, language: first.language };
    const sent = await db
      .transaction()
      .execute(async (trx) => {
        const ids = rows.map((r) => r.id);
        const marked = await trx
          .updateTable('notifications')
          .set({ email_state: 'digested' })
          .where('id', 'in', ids)
          .where('email_state', '=', 'digest')
          .executeTakeFirst();
        if (Number(marked.numUpdatedRows) !== ids.length) {
          // Another run took some of them meanwhile: leave it all to that run rather than split a digest.
          throw new Error('digest overlap');
        }
        const items = rows.map((r) => ({
          kind: r.kind as NotificationKind,
          link: r.link,
          params: JSON.parse(r.params) as Record<string, string | number>,
        }));
        const outboxId = await enqueueEmail(trx, config, {
          userId,
          to: person.email,
          language: person.language,
          purpose: 'digest',
          content: digestEmail(config, person, period, items),
        });
        await recordAudit(trx, audit, {
          entity: 'notification',
          entityId: `digest:${userId}`,
          action: 'digest',
          after: { period, notifications: ids, outboxId },
        });
        return ids.length;
      })
      .catch((error: unknown) => {
        if (error instanceof Error && error.message === 'digest overlap') return 0;
        throw error;
      });
    if (sent > 0) {
      emails += 1;
      reminders += sent;
    }
  }
  return { emails, reminders };
}
