import { AsyncLocalStorage } from 'node:async_hooks';
import { type Kysely, TransactionBuilder } from 'kysely';

/**
 * SQLite has one connection. A query on the database handle (`db`) made while a transaction holds that connection
 * waits for the transaction, which waits for the query: the whole process stops answering, and logs nothing.
 * This guard makes that mistake loud instead: inside a transaction's callback, asking the driver for a connection
 * throws at once (a 500 with a stack in the log, and a failing test), naming the fix.
 */
interface Scope {
  /** The database whose single connection the transaction holds: another database may be queried meanwhile. */
  owner: object;
  open: boolean;
}
const insideTransaction = new AsyncLocalStorage<readonly Scope[]>();

export class QueryOutsideTransactionError extends Error {
  constructor() {
    super(
      'A query used the database handle inside a transaction: on SQLite it would wait forever for the transaction ' +
        'to end. Pass the transaction (trx) down instead.',
    );
    this.name = 'QueryOutsideTransactionError';
  }
}

/** Called by the SQLite driver of `owner` before it hands out its connection. */
export function assertNotInsideTransaction(owner: object): void {
  const scopes = insideTransaction.getStore() ?? [];
  if (scopes.some((scope) => scope.owner === owner && scope.open)) throw new QueryOutsideTransactionError();
}

function guardBuilder<T extends object>(builder: T, owner: object): T {
  return new Proxy(builder, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === 'execute') {
        return async (callback: (trx: unknown) => Promise<unknown>) =>
          value.call(target, async (trx: unknown) => {
            const scope: Scope = { owner, open: true };
            const scopes = [...(insideTransaction.getStore() ?? []), scope];
            try {
              return await insideTransaction.run(scopes, () => callback(trx));
            } finally {
              // Work the callback left running after it returned is no longer inside the transaction.
              scope.open = false;
            }
          });
      }
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        return result instanceof TransactionBuilder ? guardBuilder(result, owner) : result;
      };
    },
  });
}

/**
 * The same Kysely instance, whose `transaction()` marks its callback so that the driver of `owner` can refuse `db`
 * inside it.
 */
export function guardTransactions<DB>(db: Kysely<DB>, owner: object): Kysely<DB> {
  return new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property === 'transaction') return () => guardBuilder(value.call(target), owner);
      // Kysely keeps its state in private fields: its methods must run on the instance itself, not the proxy.
      return value.bind(target);
    },
  });
}
