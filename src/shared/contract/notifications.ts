import { z } from 'zod';
import { id, isoDateTime } from './common.js';

/** What a reminder is about. Each kind has its own preference and its own unsubscribe link. */
export const notificationKinds = [
  'action_overdue',
  'indicator_report_due',
  'recommendation_due',
  'meeting_upcoming',
  'visit_upcoming',
  'dialogue_overdue',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** How a person hears of a kind: an email at once, one email a day or a week, or only in Vigie. */
export const notificationModes = ['immediate', 'daily', 'weekly', 'in_app'] as const;
export type NotificationMode = (typeof notificationModes)[number];

/** Facts the message is built from (a record's title, a date, how many days…), as they were when it was sent. */
export const notificationParams = z.record(z.string(), z.union([z.string(), z.number()]));

export const notification = z.object({
  id,
  kind: z.enum(notificationKinds),
  /** `due`, `overdue`, `upcoming`…: which message of the kind. */
  occasion: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** Path of the record's page in the web app. */
  link: z.string(),
  params: notificationParams,
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});
export type Notification = z.infer<typeof notification>;

export const unreadCount = z.object({ unread: z.number().int().min(0) });

export const readAllResult = z.object({ marked: z.number().int().min(0) });

export const notificationPreferences = z.object({
  /** Whether this Vigie sends email at all; without it every kind is in-app only. */
  emailEnabled: z.boolean(),
  modes: z.object(Object.fromEntries(notificationKinds.map((k) => [k, z.enum(notificationModes)]))) as z.ZodObject<
    Record<NotificationKind, z.ZodEnum<{ [M in NotificationMode]: M }>>
  >,
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

/** Kinds not sent keep their mode. */
export const notificationPreferencesUpdate = z.strictObject({
  modes: z.strictObject(
    Object.fromEntries(notificationKinds.map((k) => [k, z.enum(notificationModes).optional()])),
  ) as z.ZodObject<Record<NotificationKind, z.ZodOptional<z.ZodEnum<{ [M in NotificationMode]: M }>>>>,
});

export const unsubscribeQuery = z.strictObject({ token: z.string().min(1).max(300) });

/** RFC 8058 one-click: mail clients post `List-Unsubscribe=One-Click` as a form; the web page posts nothing. */
export const unsubscribeBody = z.strictObject({ 'List-Unsubscribe': z.literal('One-Click') }).optional();

export const unsubscribeStatus = z.object({
  kind: z.enum(notificationKinds),
  /** The address the emails go to, partly hidden (the link may be forwarded). */
  email: z.string(),
  subscribed: z.boolean(),
});

export const emailStatus = z.object({
  enabled: z.boolean(),
  /** Sender and server as configured (never the credentials), when email is on. */
  from: z.string().nullable(),
  host: z.string().nullable(),
  outbox: z.object({
    pending: z.number().int(),
    failed: z.number().int(),
    sentLastDay: z.number().int(),
  }),
  failures: z.array(
    z.object({
      id,
      purpose: z.string(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      lastAttemptAt: isoDateTime.nullable(),
      nextAttemptAt: isoDateTime.nullable(),
      status: z.enum(['pending', 'failed']),
    }),
  ),
});
export type EmailStatus = z.infer<typeof emailStatus>;

export const emailTestResult = z.object({
  status: z.enum(['sent', 'pending', 'failed']),
  error: z.string().nullable(),
});
