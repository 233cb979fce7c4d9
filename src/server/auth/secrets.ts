import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh random token (256 bits), URL-safe. */
export function newToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What the database keeps of a token: an HMAC keyed by the server's session secret. */
export function hashToken(secret: Buffer, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
