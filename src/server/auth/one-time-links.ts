import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { hashToken, newToken } from './secrets.js';

export type OneTimePurpose = 'setup' | 'invitation' | 'password_reset';

const lifetimeHours: Record<OneTimePurpose, number> = { setup: 24, invitation: 7 * 24, password_reset: 2 };
const pagePath: Record<OneTimePurpose, string> = {
  setup: '/setup',
  invitation: '/invitation',
  password_reset: '/reset-password',
};

/**
 * Issues a one-time link for a user; an earlier unused link of the same purpose for that user stops working.
 * The token travels in the URL fragment, so it never reaches server logs or Referer headers.
 */
export async function issueLink(
  db: Kysely<DB>,
  config: Config,
  purpose: OneTimePurpose,
  userId: string,
  createdBy: string | null,
): Promise<{ url: string; expiresAt: string }> {
  const token = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + lifetimeHours[purpose] * 3_600_000).toISOString();
  await db
    .deleteFrom('one_time_tokens')
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
  await db
    .insertInto('one_time_tokens')
    .values({
      id: randomUUID(),
      purpose,
      token_hash: hashToken(config.sessionSecret, token),
      user_id: userId,
      created_by: createdBy,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { url: `${config.publicUrl}${pagePath[purpose]}#token=${token}`, expiresAt };
}

/** The live token row for a link, or a 400 `invalid_token` (unknown, used, expired or for another purpose). */
export async function findLiveToken(db: Kysely<DB>, config: Config, token: string, purpose?: OneTimePurpose) {
  const row = await db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(config.sessionSecret, token))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) < Date.now() || (purpose && row.purpose !== purpose)) {
    throw new AppError(400, 'invalid_token');
  }
  return row;
}

/** Marks a token used; false if another request used it first (so a link works exactly once). */
export async function markUsed(db: Kysely<DB>, tokenId: string): Promise<boolean> {
  const result = await db
    .updateTable('one_time_tokens')
    .set({ used_at: new Date().toISOString() })
    .where('id', '=', tokenId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
