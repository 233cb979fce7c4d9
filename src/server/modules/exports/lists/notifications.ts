import { notification } from '../../../../shared/contract/notifications.js';
import { notificationRoutes } from '../../notifications/notifications.routes.js';
import { dateTime, text } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

export const notificationsExport = defineExportList(notification, {
  name: 'notifications',
  title: 'exports:lists.notifications',
  route: listRoute(notificationRoutes, 'listNotifications'),
  columns: [
    dateTime('exports:columns.notifications.createdAt', (r) => r.createdAt),
    text('exports:columns.notifications.kind', (r) => r.kind),
    text('exports:columns.notifications.occasion', (r) => r.occasion),
    text('exports:columns.notifications.entity', (r) => r.entity),
    text('exports:columns.notifications.entityId', (r) => r.entityId),
    text('exports:columns.notifications.link', (r) => r.link),
    dateTime('exports:columns.notifications.readAt', (r) => r.readAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
