import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqlite } from './connect.js';
import { withStatementCache } from './sqlite-statement-cache.js';

interface Item {
  id: number;
  label: string;
}
interface TestDB {
  items: Item;
}

describe('SQLite statement cache', () => {
  let raw: SQLite.Database;
  beforeEach(() => {
    raw = new SQLite(':memory:');
    raw.exec(`create table items (id integer primary key, label text not null unique)`);
    raw.exec(`insert into items (id, label) values (1, 'a'), (2, 'b'), (3, 'c')`);
  });
  afterEach(() => {
    if (raw.open) raw.close();
  });

  it('prepares a query once and binds each call its own parameters', async () => {
    const prepare = vi.spyOn(raw, 'prepare');
    const db = new Kysely<TestDB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
    const byId = (id: number) => db.selectFrom('items').select('label').where('id', '=', id).executeTakeFirst();
    expect(await byId(1)).toEqual({ label: 'a' });
    expect(await byId(3)).toEqual({ label: 'c' });
    expect(await byId(2)).toEqual({ label: 'b' });
    expect(await byId(9)).toBeUndefined();
    const update = (id: number, label: string) =>
      db.updateTable('items').set({ label }).where('id', '=', id).executeTakeFirst();
    expect((await update(1, 'x')).numUpdatedRows).toBe(1n);
    expect((await update(9, 'y')).numUpdatedRows).toBe(0n);
    expect(await byId(1)).toEqual({ label: 'x' });
    expect(prepare).toHaveBeenCalledTimes(2);
    await db.destroy();
    expect(raw.open).toBe(false);
  });

  it('keeps a statement usable after it failed', async () => {
    const db = new Kysely<TestDB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
    const insert = (id: number, label: string) => db.insertInto('items').values({ id, label }).execute();
    await expect(insert(4, 'a')).rejects.toThrow(/UNIQUE/);
    await insert(4, 'd');
    const labels = await db.selectFrom('items').select('label').orderBy('id').execute();
    expect(labels.map((row) => row.label)).toEqual(['a', 'b', 'c', 'd']);
    await db.destroy();
  });

  it('gives a second statement for SQL whose kept statement is still being iterated', () => {
    const cache = withStatementCache(raw);
    const text = 'select id from items where id >= ? order by id';
    const outer = cache.prepare(text).iterate([1]);
    const seen: [number, number[]][] = [];
    for (const row of outer as Iterable<{ id: number }>) {
      const inner = cache.prepare(text).iterate([row.id]) as Iterable<{ id: number }>;
      seen.push([row.id, [...inner].map((r) => r.id)]);
      // The kept statement is free again once its iteration ended: it runs a plain query too.
      expect(cache.prepare(text).all([3])).toEqual([{ id: 3 }]);
    }
    expect(seen).toEqual([
      [1, [1, 2, 3]],
      [2, [2, 3]],
      [3, [3]],
    ]);
  });

  it('forgets the least recently used statement past its capacity', () => {
    const cache = withStatementCache(raw, 2);
    const first = cache.prepare('select 1');
    cache.prepare('select 2');
    expect(cache.prepare('select 1')).toBe(first);
    cache.prepare('select 3');
    expect(cache.size).toBe(2);
    expect(cache.prepare('select 1')).toBe(first);
    const second = cache.prepare('select 2');
    expect(cache.prepare('select 2')).toBe(second);
    expect(cache.size).toBe(2);
  });

  it('prepares everything afresh after a schema change, and keeps no schema statement', () => {
    const cache = withStatementCache(raw);
    const all = cache.prepare('select * from items where id = ?');
    expect(all.all([1])).toEqual([{ id: 1, label: 'a' }]);
    cache.prepare('alter table items add column note text').run([]);
    expect(cache.size).toBe(0);
    const after = cache.prepare('select * from items where id = ?');
    expect(after).not.toBe(all);
    expect(after.all([1])).toEqual([{ id: 1, label: 'a', note: null }]);
  });
});

describe('SQLite database opened by the server, with its statement cache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigie-statements-'));
  const database = openSqlite(path.join(dir, 'statements.sqlite'));
  const db = database.db as unknown as Kysely<TestDB>;
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const labels = async (executor: Kysely<TestDB>) =>
    (await executor.selectFrom('items').select('label').orderBy('id').execute()).map((row) => row.label);

  it('runs the same statements inside and outside transactions, committed or rolled back', async () => {
    await sql`create table items (id integer primary key, label text not null)`.execute(db);
    const insert = (executor: Kysely<TestDB>, id: number, label: string) =>
      executor.insertInto('items').values({ id, label }).execute();
    await insert(db, 1, 'a');
    await db.transaction().execute(async (trx) => {
      await insert(trx, 2, 'b');
      expect(await labels(trx)).toEqual(['a', 'b']);
    });
    await expect(
      db.transaction().execute(async (trx) => {
        await insert(trx, 3, 'c');
        expect(await labels(trx)).toEqual(['a', 'b', 'c']);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await labels(db)).toEqual(['a', 'b']);
    await insert(db, 3, 'c');
    expect(await labels(db)).toEqual(['a', 'b', 'c']);
  });

  it('sees a column added by a migration in queries it ran before', async () => {
    const everything = () => db.selectFrom('items').selectAll().where('id', '=', 1).execute();
    expect(await everything()).toEqual([{ id: 1, label: 'a' }]);
    await db.schema.alterTable('items').addColumn('note', 'text').execute();
    expect(await everything()).toEqual([{ id: 1, label: 'a', note: null }]);
  });

  it('runs a streamed query again, after a stream read to its end and one left early', async () => {
    const above = (id: number) => db.selectFrom('items').select('id').where('id', '>=', id).orderBy('id');
    const streamed: number[] = [];
    for await (const row of above(1).stream()) streamed.push(row.id);
    expect(streamed).toEqual([1, 2, 3]);
    for await (const row of above(2).stream()) {
      expect(row.id).toBe(2);
      break;
    }
    expect((await above(1).execute()).map((r) => r.id)).toEqual([1, 2, 3]);
    const again: number[] = [];
    for await (const row of above(3).stream()) again.push(row.id);
    expect(again).toEqual([3]);
  });
});
