import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError } from '../http/errors.js';

/**
 * Failed sign-ins (wrong passwords and wrong second-factor codes) are counted in the database, so the limits hold
 * across every process behind a load balancer. They are counted per (email, client address) and per client
 * address — never per email alone: someone failing forever against an account from their address cannot keep its
 * owner out, who still signs in from anywhere else.
 */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
/** Enough for an office behind one address where several people mistype; low enough to stop spraying. */
export const MAX_FAILURES_PER_ADDRESS = 30;
export const WINDOW_MINUTES = 15;

const WINDOW_MS = WINDOW_MINUTES * 60_000;

/** One sign-in attempt: the account it names and where it comes from. */
export interface Attempt {
  email: string;
  ip: string | undefined;
}

const addressOf = (attempt: Attempt) => attempt.ip ?? 'unknown';

function windowStart(now: number): string {
  return new Date(now - WINDOW_MS).toISOString();
}

/** When the failures keep `max` or more within the window: the moment the oldest one that counts expires. */
function waitMs(failures: { at: string }[], max: number, now: number): number {
  if (failures.length < max) return 0;
  const deciding = failures[max - 1];
  return deciding ? Math.max(0, Date.parse(deciding.at) + WINDOW_MS - now) : 0;
}

/** Seconds before this account may be tried again from this address (0: now). */
export async function secondsBeforeRetry(db: Kysely<DB>, attempt: Attempt): Promise<number> {
  const now = Date.now();
  const since = windowStart(now);
  const address = addressOf(attempt);
  const [pair, fromAddress] = await Promise.all([
    db
      .selectFrom('login_failures')
      .select('at')
      .where('key', '=', attempt.email)
      .where('ip', '=', address)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS)
      .execute(),
    db
      .selectFrom('login_failures')
      .select('at')
      .where('ip', '=', address)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(MAX_FAILURES_PER_ADDRESS)
      .execute(),
  ]);
  const wait = Math.max(
    waitMs(pair, MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS, now),
    waitMs(fromAddress, MAX_FAILURES_PER_ADDRESS, now),
  );
  return Math.ceil(wait / 1000);
}

/** A 429 with Retry-After when this account from this address, or this address, has failed too often. */
export async function assertNotThrottled(db: Kysely<DB>, attempt: Attempt): Promise<void> {
  const seconds = await secondsBeforeRetry(db, attempt);
  if (seconds > 0) {
    throw new AppError(429, 'too_many_attempts', {
      minutes: Math.max(1, Math.ceil(seconds / 60)),
      retryAfter: seconds,
    });
  }
}

export async function recordFailure(db: Kysely<DB>, attempt: Attempt): Promise<void> {
  const now = Date.now();
  await db
    .insertInto('login_failures')
    .values({ key: attempt.email, ip: addressOf(attempt), at: new Date(now).toISOString() })
    .execute();
  await db.deleteFrom('login_failures').where('at', '<', windowStart(now)).execute();
}

/** After a success: this account's failures from this address are forgiven (typing mistakes), no others. */
export async function clearFailures(db: Kysely<DB>, attempt: Attempt): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', attempt.email).where('ip', '=', addressOf(attempt)).execute();
}
