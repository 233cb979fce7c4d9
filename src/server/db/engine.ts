import { type Kysely, PostgresAdapter } from 'kysely';
import type { Engine } from './connect.js';

/** Which engine a Kysely instance talks to: for the few statements that differ (identity columns, full-text). */
export function engineOf(db: Kysely<unknown>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
