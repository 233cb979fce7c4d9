import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/schema.js';
import { accountLinkEmail } from './messages.js';
import { enqueueEmail } from './outbox.js';

/**
 * Emails an invitation or a reset link to its owner, when email is on, in the transaction that issued it. The link
 * is still returned to whoever asked (email may be off, or slow); the outbox keeps it encrypted.
 */
export async function emailAccountLink(
  trx: Kysely<DB>,
  config: Config,
  user: { id: string; name: string; email: string; language: string },
  purpose: 'invitation' | 'password_reset',
  link: { url: string; expiresAt: string },
): Promise<void> {
  if (!config.smtp) return;
  await enqueueEmail(trx, config, {
    userId: user.id,
    to: user.email,
    language: user.language,
    purpose,
    content: accountLinkEmail(user, purpose, link),
  });
}
