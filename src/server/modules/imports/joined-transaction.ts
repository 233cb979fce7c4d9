import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * The transaction as a database handle whose own `transaction()` joins it: a create service that opens "its"
 * transaction writes into this one instead, so that many creates commit or roll back together. Every query of the
 * service then runs on the transaction's connection (never on `db`, which the SQLite guard would refuse).
 */
export function joinedTransaction(trx: Transaction<DB>): Kysely<DB> {
  const builder = {
    execute: <T>(callback: (joined: Kysely<DB>) => Promise<T>) => callback(handle),
    setIsolationLevel: () => builder,
    setAccessMode: () => builder,
  };
  const handle = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => builder;
      const value = Reflect.get(target, property, target);
      // Kysely keeps its state in private fields: its methods must run on the instance itself, not the proxy.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Kysely<DB>;
  return handle;
}
