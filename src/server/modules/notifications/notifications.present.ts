import type { Notification } from '../../../shared/contract/notifications.js';
import type { NotificationRow } from '../../db/schema.js';

export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as Notification['kind'],
    occasion: row.occasion.split(':')[0] ?? row.occasion,
    entity: row.entity,
    entityId: row.entity_id,
    link: row.link,
    params: JSON.parse(row.params) as Notification['params'],
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
