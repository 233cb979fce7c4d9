import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type EmailStatus,
  type NotificationKind,
  type NotificationMode,
  type NotificationPreferences,
  notificationKinds,
  type notificationPreferencesUpdate,
} from '../../../shared/contract/notifications.js';
import { roleHas } from '../../../shared/roles.js';
import type { Actor, ActorUser } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { testEmail } from './messages.js';
import { presentNotification } from './notifications.present.js';
import * as repo from './notifications.repo.js';
import { deliverOutbox, enqueueEmail } from './outbox.js';
import { readUnsubscribeToken } from './unsubscribe-token.js';

function signedIn(actor: Actor): ActorUser {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  return actor.user;
}

function administrator(actor: Actor): ActorUser {
  const user = signedIn(actor);
  if (!roleHas(user.role, 'manage:settings:any')) throw new AppError(403, 'forbidden');
  return user;
}

export async function listNotifications(db: Kysely<DB>, actor: Actor, query: repo.NotificationListQuery) {
  const user = signedIn(actor);
  const { rows, total } = await repo.listMine(db, actor, user.id, query);
  return { items: rows.map(presentNotification), total, page: query.page, pageSize: query.pageSize };
}

export async function unreadCount(db: Kysely<DB>, actor: Actor) {
  return { unread: await repo.countUnread(db, actor, signedIn(actor).id) };
}

export async function markRead(db: Kysely<DB>, context: AuditContext, id: string) {
  const user = signedIn(context.actor);
  const current = await repo.findMine(db, context.actor, user.id, id);
  if (!current) throw notFound();
  if (current.read_at) return presentNotification(current);
  const readAt = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('notifications')
      .set({ read_at: readAt })
      .where('id', '=', id)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) {
      await recordAudit(trx, context, {
        entity: 'notification',
        entityId: id,
        action: 'read',
        before: { read_at: null },
        after: { read_at: readAt },
      });
    }
  });
  const after = await repo.findMine(db, context.actor, user.id, id);
  if (!after) throw notFound();
  return presentNotification(after);
}

export async function markAllRead(db: Kysely<DB>, context: AuditContext) {
  const user = signedIn(context.actor);
  const readAt = new Date().toISOString();
  const marked = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('notifications')
      .set({ read_at: readAt })
      .where('user_id', '=', user.id)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    const count = Number(result.numUpdatedRows);
    if (count > 0) {
      await recordAudit(trx, context, {
        entity: 'notification',
        entityId: `user:${user.id}`,
        action: 'read_all',
        after: { marked: count },
      });
    }
    return count;
  });
  return { marked };
}

async function modesOf(db: Kysely<DB>, userId: string): Promise<Record<NotificationKind, NotificationMode>> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['kind', 'mode'])
    .where('user_id', '=', userId)
    .execute();
  return Object.fromEntries(
    notificationKinds.map((kind) => [
      kind,
      (rows.find((r) => r.kind === kind)?.mode ?? 'immediate') as NotificationMode,
    ]),
  ) as Record<NotificationKind, NotificationMode>;
}

export async function getPreferences(db: Kysely<DB>, config: Config, actor: Actor): Promise<NotificationPreferences> {
  return { emailEnabled: config.smtp !== null, modes: await modesOf(db, signedIn(actor).id) };
}

/** Writes the modes given, one row per kind (an upsert: two edits of different kinds never undo each other). */
async function setModes(
  trx: Kysely<DB>,
  context: AuditContext,
  userId: string,
  changes: Partial<Record<NotificationKind, NotificationMode>>,
): Promise<void> {
  const before = await modesOf(trx, userId);
  const changed = Object.entries(changes).filter(([kind, mode]) => before[kind as NotificationKind] !== mode);
  if (changed.length === 0) return;
  const now = new Date().toISOString();
  for (const [kind, mode] of changed) {
    await trx
      .insertInto('notification_preferences')
      .values({ user_id: userId, kind, mode: mode as NotificationMode, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['user_id', 'kind']).doUpdateSet({ mode: mode as NotificationMode, updated_at: now }),
      )
      .execute();
  }
  // Reminders waiting for a digest of a kind now wanted at once or in Vigie only stay in Vigie: they are not
  // sent late, one by one.
  const noDigest = changed.filter(([, mode]) => mode !== 'daily' && mode !== 'weekly').map(([kind]) => kind);
  if (noDigest.length > 0) {
    await trx
      .updateTable('notifications')
      .set({ email_state: 'none' })
      .where('user_id', '=', userId)
      .where('kind', 'in', noDigest)
      .where('email_state', '=', 'digest')
      .execute();
  }
  await recordAudit(trx, context, {
    entity: 'notification_preferences',
    entityId: userId,
    action: 'update',
    before: Object.fromEntries(changed.map(([kind]) => [kind, before[kind as NotificationKind]])),
    after: Object.fromEntries(changed),
  });
}

export async function updatePreferences(
  db: Kysely<DB>,
  config: Config,
  context: AuditContext,
  input: z.output<typeof notificationPreferencesUpdate>,
): Promise<NotificationPreferences> {
  const user = signedIn(context.actor);
  const changes = Object.fromEntries(Object.entries(input.modes).filter(([, mode]) => mode !== undefined));
  await db.transaction().execute((trx) => setModes(trx, context, user.id, changes));
  return getPreferences(db, config, context.actor);
}

/** `a•••@example.org`: enough to recognise one's address, not enough to learn someone else's. */
function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

async function tokenOwner(db: Kysely<DB>, config: Config, token: string) {
  const claim = readUnsubscribeToken(config.sessionSecret, token);
  if (!claim) throw new AppError(400, 'invalid_token');
  const user = await db.selectFrom('users').select(['id', 'email']).where('id', '=', claim.userId).executeTakeFirst();
  if (!user) throw new AppError(400, 'invalid_token');
  return { user, kind: claim.kind };
}

/** What an unsubscribe link would do, without doing it (a link opened by a mail scanner changes nothing). */
export async function unsubscribeStatus(db: Kysely<DB>, config: Config, token: string) {
  const { user, kind } = await tokenOwner(db, config, token);
  const modes = await modesOf(db, user.id);
  return { kind, email: maskEmail(user.email), subscribed: modes[kind] !== 'in_app' };
}

/** Turns off the emails of that one kind for that one person: they keep seeing the reminders in Vigie. */
export async function unsubscribe(db: Kysely<DB>, config: Config, requestId: string, token: string) {
  const { user, kind } = await tokenOwner(db, config, token);
  await db.transaction().execute((trx) =>
    setModes(trx, { actor: { kind: 'anonymous' }, requestId, label: 'unsubscribe-link' }, user.id, {
      [kind]: 'in_app',
    }),
  );
  return unsubscribeStatus(db, config, token);
}

export async function emailStatus(db: Kysely<DB>, config: Config, actor: Actor): Promise<EmailStatus> {
  administrator(actor);
  const dayAgo = new Date(Date.now() - 24 * 3600_000).toISOString();
  const counts = await db
    .selectFrom('email_outbox')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('status', '=', 'pending').then(1).else(0).end()).as('pending'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'failed').then(1).else(0).end()).as('failed'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('status', '=', 'sent'), eb('sent_at', '>=', dayAgo)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('sent'),
    ])
    .executeTakeFirstOrThrow();
  const failures = await db
    .selectFrom('email_outbox')
    .select(['id', 'purpose', 'attempts', 'last_error', 'last_attempt_at', 'next_attempt_at', 'status'])
    .where('status', 'in', ['pending', 'failed'])
    .where('last_error', 'is not', null)
    .orderBy('last_attempt_at', 'desc')
    .limit(20)
    .execute();
  return {
    enabled: config.smtp !== null,
    from: config.smtp?.from ?? null,
    host: config.smtp ? `${config.smtp.host}:${config.smtp.port}` : null,
    outbox: {
      pending: Number(counts.pending ?? 0),
      failed: Number(counts.failed ?? 0),
      sentLastDay: Number(counts.sent ?? 0),
    },
    failures: failures.map((f) => ({
      id: f.id,
      purpose: f.purpose,
      attempts: f.attempts,
      lastError: f.last_error,
      lastAttemptAt: f.last_attempt_at,
      nextAttemptAt: f.status === 'pending' ? f.next_attempt_at : null,
      status: f.status as 'pending' | 'failed',
    })),
  };
}

/** Queues a test email to the administrator asking and tries to send it at once; a failure stays for retries. */
export async function sendTestEmail(db: Kysely<DB>, config: Config, context: AuditContext) {
  const user = administrator(context.actor);
  if (!config.smtp) throw new AppError(409, 'email_disabled');
  const id = await db.transaction().execute(async (trx) => {
    const outboxId = await enqueueEmail(trx, config, {
      userId: user.id,
      to: user.email,
      language: user.language,
      purpose: 'test',
      content: testEmail(config, user),
    });
    await recordAudit(trx, context, { entity: 'email', entityId: outboxId, action: 'test', after: { to: user.email } });
    return outboxId;
  });
  await deliverOutbox(db, config, `test:${randomUUID()}`, { ids: [id] });
  const row = await db
    .selectFrom('email_outbox')
    .select(['status', 'last_error'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { status: row.status as 'sent' | 'pending' | 'failed', error: row.last_error };
}
