import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Failed sign-ins are counted in the database, so the limit holds across every process behind a load balancer. */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

function windowStart(): string {
  return new Date(Date.now() - WINDOW_MINUTES * 60_000).toISOString();
}

export async function isThrottled(db: Kysely<DB>, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('key', '=', email)
    .where('at', '>', windowStart())
    .executeTakeFirstOrThrow();
  return Number(row.count) >= MAX_FAILURES;
}

export async function recordFailure(db: Kysely<DB>, email: string, ip: string | undefined): Promise<void> {
  await db
    .insertInto('login_failures')
    .values({ key: email, ip: ip ?? null, at: new Date().toISOString() })
    .execute();
  await db.deleteFrom('login_failures').where('at', '<', windowStart()).execute();
}

export async function clearFailures(db: Kysely<DB>, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', email).execute();
}
