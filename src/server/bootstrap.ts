import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { anonymous } from './auth/actor.js';
import { hashPassword } from './auth/passwords.js';
import { hashToken, newToken } from './auth/secrets.js';
import type { Config } from './config.js';
import type { DB } from './db/schema.js';
import { nowIso } from './http/versioning.js';
import { recordAudit } from './modules/audit/record-audit.js';

const SETUP_TOKEN_HOURS = 24;

export type BootstrapResult =
  | { kind: 'admin-created'; email: string }
  | { kind: 'admin-exists' }
  | { kind: 'setup-link'; url: string };

/**
 * Makes sure someone can administer Vigie: creates the administrator named by the environment (once; an existing
 * account is never overwritten), or, when there is none, issues a one-time set-up link.
 */
export async function ensureAdministrator(db: Kysely<DB>, config: Config): Promise<BootstrapResult> {
  if (config.adminEmail && config.adminPassword) {
    const email = config.adminEmail;
    const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) return { kind: 'admin-exists' };
    const passwordHash = await hashPassword(config.adminPassword);
    const now = nowIso();
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      const row = {
        id,
        email,
        name: email.split('@')[0] ?? email,
        password_hash: passwordHash,
        role: 'administrator',
        institution_id: null,
        partner_id: null,
        language: 'fr',
        status: 'active',
        last_login_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto('users').values(row).execute();
      await recordAudit(
        trx,
        { actor: anonymous, requestId: null, label: 'system:environment' },
        { entity: 'user', entityId: id, action: 'create', after: { ...row, password_hash: undefined } },
      );
    });
    return { kind: 'admin-created', email };
  }
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'administrator')
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (admin) return { kind: 'admin-exists' };
  const token = newToken();
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    // Only the newest link works: a link printed by an earlier start is void.
    await trx.deleteFrom('one_time_tokens').where('purpose', '=', 'setup').where('used_at', 'is', null).execute();
    await trx
      .insertInto('one_time_tokens')
      .values({
        id: randomUUID(),
        purpose: 'setup',
        token_hash: hashToken(config.sessionSecret, token),
        user_id: null,
        created_by: null,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SETUP_TOKEN_HOURS * 3_600_000).toISOString(),
        used_at: null,
      })
      .execute();
  });
  return { kind: 'setup-link', url: `${config.publicUrl}/setup#token=${token}` };
}
