import type { RetentionKind } from '../../operations/retention/registry.js';

/**
 * Read notifications and the emails that left: they name people and what they were told, and serve nothing once
 * read or sent. Unread notifications and emails still to send stay whatever their age.
 */
export const readNotifications: RetentionKind = {
  kind: 'readNotifications',
  summary: 'Notifications read, and emails sent or given up, older than the period (deleted)',
  defaultDays: 180,
  minimumDays: 7,
  maximumDays: 1825,
  async purge(trx, { cutoff }) {
    const before = cutoff.toISOString();
    const notifications = await trx
      .deleteFrom('notifications')
      .where('read_at', 'is not', null)
      .where('read_at', '<', before)
      .executeTakeFirst();
    const emails = await trx
      .deleteFrom('email_outbox')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'sent'), eb('sent_at', '<', before)]),
          eb.and([eb('status', '=', 'failed'), eb('last_attempt_at', '<', before)]),
        ]),
      )
      .executeTakeFirst();
    return [
      { entity: 'notification', count: Number(notifications.numDeletedRows), effect: 'deleted' },
      { entity: 'email', count: Number(emails.numDeletedRows), effect: 'deleted' },
    ];
  },
};
