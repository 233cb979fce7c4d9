import { createHmac, timingSafeEqual } from 'node:crypto';
import { type NotificationKind, notificationKinds } from '../../../shared/contract/notifications.js';

// The MAC binds the user and the kind: a token turns off that one kind for that one person, and a token edited to
// name another kind or person no longer verifies. It does not expire: an old email's link keeps working.
function mac(secret: Buffer, userId: string, kind: string): Buffer {
  return createHmac('sha256', secret).update(`vigie-unsubscribe\n${userId}\n${kind}`).digest();
}

export function unsubscribeToken(secret: Buffer, userId: string, kind: NotificationKind): string {
  return `${userId}.${kind}.${mac(secret, userId, kind).toString('base64url')}`;
}

/** The (user, kind) a token was made for, or null when it was not made with this secret. */
export function readUnsubscribeToken(secret: Buffer, token: string): { userId: string; kind: NotificationKind } | null {
  const [userId, kind, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !userId || !kind || !signature) return null;
  if (!/^[0-9a-f-]{36}$/.test(userId) || !(notificationKinds as readonly string[]).includes(kind)) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, userId, kind);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind: kind as NotificationKind };
}
