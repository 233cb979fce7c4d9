import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * One module's share of the demonstration data set. `run` writes in the transaction it is given (and only there),
 * once in the life of a database; it may rely on the seeded network and plan and on the parts listed before it.
 */
export interface DemoPart {
  key: string;
  run(trx: Kysely<DB>): Promise<void>;
}
