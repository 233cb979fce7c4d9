import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from './connect.js';
import { QueryOutsideTransactionError } from './transaction-guard.js';

describe('SQLite transaction guard', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigie-guard-'));
  const database = openSqlite(path.join(dir, 'guard.sqlite'));
  const { db } = database;
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses at once a query on the handle inside a transaction, and rolls the transaction back', async () => {
    await sql`create table t (n integer)`.execute(db);
    const attempt = db.transaction().execute(async (trx) => {
      await sql`insert into t values (1)`.execute(trx);
      await sql`select count(*) from t`.execute(db);
    });
    await expect(attempt).rejects.toBeInstanceOf(QueryOutsideTransactionError);
    const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
    expect(rows[0]?.n).toBe(0);
  });

  it('lets the transaction itself, read-only transactions and later queries through', async () => {
    await db.transaction().execute((trx) => sql`insert into t values (2)`.execute(trx));
    const read = await db
      .transaction()
      .setAccessMode('read only')
      .execute((trx) => sql<{ n: number }>`select count(*) as n from t`.execute(trx));
    expect(read.rows[0]?.n).toBe(1);
    const detached: Promise<unknown>[] = [];
    await db.transaction().execute(async (trx) => {
      await sql`insert into t values (3)`.execute(trx);
      // Work started inside and run after the transaction ends may use the handle.
      detached.push(new Promise((resolve) => setTimeout(resolve, 10)).then(() => sql`select 1`.execute(db)));
    });
    await expect(Promise.all(detached)).resolves.toBeDefined();
    await expect(db.transaction().execute(() => db.transaction().execute(async () => 1))).rejects.toBeInstanceOf(
      QueryOutsideTransactionError,
    );
  });

  it('lets another handle on the same file write while a transaction of the first reads', async () => {
    const second = openSqlite(path.join(dir, 'guard.sqlite'));
    try {
      const seen = await db
        .transaction()
        .setAccessMode('read only')
        .execute(async (trx) => {
          await second.db.transaction().execute((other) => sql`insert into t values (4)`.execute(other));
          return (await sql<{ n: number }>`select count(*) as n from t`.execute(trx)).rows[0]?.n;
        });
      expect(seen).toBe(3);
    } finally {
      await second.close();
    }
  });
});
