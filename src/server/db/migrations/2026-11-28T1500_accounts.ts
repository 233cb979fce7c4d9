import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

// Frozen once shipped: later changes go in a new migration.
// Account security: two-factor authentication, recovery codes, sign-in challenges, settings, lockout by address,
// and the audit trail as a hash chain.

/** The hash before the first event of the chain. */
const GENESIS = '0'.repeat(64);

/**
 * Version 1 of an audit event's canonical form: a JSON array of its fields in a fixed order, ending with the
 * previous event's hash. A copy of `modules/audit/audit-chain.ts#canonicalEvent` as it was when this migration
 * shipped: the migration must keep producing the same hashes whatever that file becomes.
 */
function hashEvent(event: Record<string, unknown>, seq: number, prevHash: string): string {
  const canonical = JSON.stringify([
    'vigie-audit-v1',
    seq,
    event.id,
    event.at,
    event.actor_user_id ?? null,
    event.actor_label,
    event.entity,
    event.entity_id,
    event.action,
    event.entity_version ?? null,
    event.changes,
    event.institution_id ?? null,
    event.request_id ?? null,
    prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

const BATCH = 500;

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type.
async function chainExistingEvents(db: Kysely<any>): Promise<{ seq: number; hash: string; id: string | null }> {
  let seq = 0;
  let hash = GENESIS;
  let lastId: string | null = null;
  let after: { at: string; id: string } | null = null;
  for (;;) {
    let query = db.selectFrom('audit_events').selectAll().orderBy('at').orderBy('id').limit(BATCH);
    if (after) {
      const { at, id } = after;
      query = query.where((eb) => eb.or([eb('at', '>', at), eb.and([eb('at', '=', at), eb('id', '>', id)])]));
    }
    const rows = (await query.execute()) as Record<string, unknown>[];
    for (const row of rows) {
      seq += 1;
      const next = hashEvent(row, seq, hash);
      await db
        .updateTable('audit_events')
        .set({ seq, prev_hash: hash, hash: next })
        .where('id', '=', row.id as string)
        .execute();
      hash = next;
      lastId = row.id as string;
    }
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) break;
    after = { at: last.at as string, id: last.id as string };
  }
  return { seq, hash, id: lastId };
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per user who started or finished enrolling: the TOTP secret, encrypted (AES-256-GCM), never in clear.
  await db.schema
    .createTable('user_two_factor')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret_encrypted', 'text', (c) => c.notNull())
    // Null while enrolment waits for its first code.
    .addColumn('enabled_at', 'text')
    // The time step of the last code accepted: a code is refused once its step (or a later one) was used.
    .addColumn('last_used_step', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('recovery_codes_user').on('recovery_codes').columns(['user_id', 'code_hash']).execute();

  // The step between a right password and the second factor: short-lived, single use, stored hashed.
  await db.schema
    .createTable('login_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('login_challenges_user').on('login_challenges').column('user_id').execute();
  await db.schema.createIndex('login_challenges_expires').on('login_challenges').column('expires_at').execute();

  // Settings an administrator changes, one row per area, JSON value, versioned against lost updates.
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db
    .insertInto('settings')
    .values({
      key: 'security',
      value: JSON.stringify({ requireTwoFactorFor: [] }),
      version: 1,
      updated_at: new Date().toISOString(),
      updated_by: null,
    })
    .execute();

  // Failed sign-ins are counted per (email, address) and per address.
  await db.schema.createIndex('login_failures_key_ip').on('login_failures').columns(['key', 'ip', 'at']).execute();
  await db.schema.createIndex('login_failures_ip').on('login_failures').columns(['ip', 'at']).execute();

  // The audit trail as a hash chain: each event's hash covers its fields and the previous event's hash.
  await db.schema.alterTable('audit_events').addColumn('seq', 'integer').execute();
  await db.schema.alterTable('audit_events').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('hash', 'text').execute();
  await db.schema.createIndex('audit_events_seq').on('audit_events').column('seq').unique().execute();

  // The chain's head: one row, locked by every writer so that concurrent transactions chain one after another.
  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('last_hash', 'text', (c) => c.notNull())
    .addColumn('last_event_id', 'text')
    // Where the remaining chain starts when old events are deliberately removed (retention): the last removed
    // event's position and hash.
    .addColumn('pruned_through_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pruned_through_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  const head = await chainExistingEvents(db);
  await db
    .insertInto('audit_chain_head')
    .values({
      id: 1,
      seq: head.seq,
      last_hash: head.hash,
      last_event_id: head.id,
      pruned_through_seq: 0,
      pruned_through_hash: GENESIS,
      updated_at: new Date().toISOString(),
    })
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The accounts migration cannot be undone: restore a backup instead.');
}
