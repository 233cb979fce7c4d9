import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { booleanQuery, idParams } from '../../../shared/contract/common.js';
import {
  emailStatus,
  emailTestResult,
  notification,
  notificationKinds,
  notificationPreferences,
  notificationPreferencesUpdate,
  readAllResult,
  unreadCount,
  unsubscribeBody,
  unsubscribeQuery,
  unsubscribeStatus,
} from '../../../shared/contract/notifications.js';
import { AppError } from '../../http/errors.js';
import { listQuery, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';
import * as service from './notifications.service.js';

const tag = 'notifications';
export const UNSUBSCRIBE_PATH = '/api/v1/notifications/unsubscribe';

export const notificationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/notifications',
    operationId: 'listNotifications',
    summary: 'My notifications (only those whose record I may still see), newest first with order=desc',
    tag,
    access: 'user',
    query: listQuery(['createdAt', 'kind'], 'createdAt', {
      unread: booleanQuery.optional(),
      kind: z.enum(notificationKinds).optional(),
    }),
    response: pageOf(notification),
    handler: ({ db, actor, query }) => service.listNotifications(db, actor, query),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/notifications/unread-count',
    operationId: 'countUnreadNotifications',
    summary: 'How many of my notifications are unread',
    tag,
    access: 'user',
    response: unreadCount,
    handler: ({ db, actor }) => service.unreadCount(db, actor),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/notifications/{id}/read',
    operationId: 'markNotificationRead',
    summary: 'Mark one of my notifications read (already read: unchanged)',
    tag,
    access: 'user',
    params: idParams,
    response: notification,
    handler: ({ db, actor, requestId, params }) => service.markRead(db, { actor, requestId }, params.id),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/notifications/read-all',
    operationId: 'markAllNotificationsRead',
    summary: 'Mark all my notifications read',
    tag,
    access: 'user',
    response: readAllResult,
    handler: ({ db, actor, requestId }) => service.markAllRead(db, { actor, requestId }),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/notifications/preferences',
    operationId: 'getNotificationPreferences',
    summary: 'How I hear of each kind of reminder: email at once, daily or weekly digest, or only in Vigie',
    tag,
    access: 'user',
    response: notificationPreferences,
    handler: ({ db, config, actor }) => service.getPreferences(db, config, actor),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/notifications/preferences',
    operationId: 'updateNotificationPreferences',
    summary: 'Choose how I hear of some kinds of reminder (kinds not sent keep their mode)',
    tag,
    access: 'user',
    body: notificationPreferencesUpdate,
    response: notificationPreferences,
    handler: ({ db, config, actor, requestId, body }) =>
      service.updatePreferences(db, config, { actor, requestId }, body),
  }),
  defineRoute({
    method: 'GET',
    path: UNSUBSCRIBE_PATH,
    operationId: 'getUnsubscribe',
    summary:
      'What an email’s unsubscribe link would turn off (no sign-in; changes nothing). A browser (Accept: ' +
      'text/html), as mail programs without one-click open it, is sent to the web page that asks',
    tag,
    access: 'public',
    query: unsubscribeQuery,
    response: unsubscribeStatus,
    raw: true,
    handler: async ({ db, config, query, request, reply }) => {
      if ((request.headers.accept ?? '').includes('text/html')) {
        return reply.redirect(`/unsubscribe?token=${encodeURIComponent(query.token)}`, 303);
      }
      return reply.send(await service.unsubscribeStatus(db, config, query.token));
    },
  }),
  defineRoute({
    method: 'POST',
    path: UNSUBSCRIBE_PATH,
    operationId: 'unsubscribe',
    summary:
      'Stop the emails of one kind of reminder for the person the link was made for (no sign-in; RFC 8058 ' +
      'one-click from mail programs too); the reminders stay in Vigie',
    tag,
    access: 'public',
    query: unsubscribeQuery,
    body: unsubscribeBody,
    response: unsubscribeStatus,
    handler: ({ db, config, requestId, query }) => service.unsubscribe(db, config, requestId, query.token),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/admin/email',
    operationId: 'getEmailStatus',
    summary: 'Whether email is on, the outbox (waiting, given up, sent in the last day) and recent failures',
    tag: 'administration',
    access: 'user',
    response: emailStatus,
    handler: ({ db, config, actor }) => service.emailStatus(db, config, actor),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/admin/email/test',
    operationId: 'sendTestEmail',
    summary: 'Send a test email to myself (administrators) and say whether it left; 409 when email is off',
    tag: 'administration',
    access: 'user',
    response: emailTestResult,
    handler: ({ db, config, actor, requestId }) => service.sendTestEmail(db, config, { actor, requestId }),
  }),
];

/**
 * Mail programs post RFC 8058's one-click unsubscribe as a form (`List-Unsubscribe=One-Click`). Vigie otherwise
 * takes JSON only (a cross-site form cannot send it): forms are parsed for that one path and refused elsewhere.
 */
export function acceptOneClickUnsubscribe(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (request, body, done) => {
      if (request.routeOptions.url !== UNSUBSCRIBE_PATH || request.method !== 'POST') {
        done(new AppError(415, 'unsupported_media_type'), undefined);
        return;
      }
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
}
