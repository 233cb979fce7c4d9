import { AsyncLocalStorage } from 'node:async_hooks';
import { type Kysely, TransactionBuilder } from 'kysely';

/**
 * SQLite has one connection. A query on the database handle (`db`) made while a transaction holds that connection
 * waits for the transaction, which waits for the query: the whole process stops answering, and logs nothing.
 * This guard makes that mistake loud instead: inside a transaction's callback, asking the driver for a connection
 * throws at once (a 500 with a stack in the log, and a failing test), naming the fix.
 */
const insideTransaction = new AsyncLocalStorage<{ open: boolean }>();

export class QueryOutsideTransactionError extends Error {
  constructor() {
    super(
      'A query used the database handle inside a transaction: on SQLite it would wait forever for the transaction ' +
        'to end. Pass the transaction (trx) down instead.',
    );
    this.name = 'QueryOutsideTransactionError';
  }
}

/** Called by the SQLite driver before it hands out its connection. */
export function assertNotInsideTransaction(): void {
  if (insideTransaction.getStore()?.open) throw new QueryOutsideTransactionError();
}

function guardBuilder<T extends object>(builder: T): T {
  return new Proxy(builder, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === 'execute') {
        return async (callback: (trx: unknown) => Promise<unknown>) =>
          value.call(target, async (trx: unknown) => {
            const scope = { open: true };
            try {
              return await insideTransaction.run(scope, () => callback(trx));
            } finally {
              // Work the callback left running after it returned is no longer inside the transaction.
              scope.open = false;
            }
          });
      }
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        return result instanceof TransactionBuilder ? guardBuilder(result) : result;
      };
    },
  });
}

/** The same Kysely instance, whose `transaction()` marks its callback so the driver can refuse `db` inside it. */
export function guardTransactions<DB>(db: Kysely<DB>): Kysely<DB> {
  return new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === 'transaction') return () => guardBuilder(value.call(target));
      // Kysely keeps its state in private fields: its methods must run on the instance itself, not the proxy.
      return value.bind(target);
    },
  });
}
