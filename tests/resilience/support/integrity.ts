import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Database } from '../../../src/server/db/connect.js';

/**
 * Whether the database itself is sound after a crash: SQLite's `PRAGMA integrity_check` and `foreign_key_check`;
 * on PostgreSQL, amcheck over every table (`verify_heapam`) and every B-tree index (`bt_index_check` with
 * `heapallindexed`: each row is found through each index), and the foreign keys re-checked by query.
 * Returns what is wrong (nothing, normally).
 */
export async function integrityProblems(database: Database, sqliteFile?: string): Promise<string[]> {
  if (database.engine === 'sqlite') {
    if (!sqliteFile) throw new Error('no SQLite file');
    const reader = new SQLite(sqliteFile, { readonly: true });
    try {
      const integrity = reader.pragma('integrity_check', { simple: true });
      const foreignKeys = reader.pragma('foreign_key_check') as unknown[];
      return [
        ...(integrity === 'ok' ? [] : [`integrity_check: ${String(integrity)}`]),
        ...foreignKeys.map((row) => `foreign_key_check: ${JSON.stringify(row)}`),
      ];
    } finally {
      reader.close();
    }
  }
  const db = database.db;
  await sql`create extension if not exists amcheck`.execute(db);
  const problems: string[] = [];
  const tables = await sql<{ relname: string }>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'`.execute(db);
  for (const { relname } of tables.rows) {
    const heap = await sql<{ msg: string }>`select msg from verify_heapam(${relname}::regclass)`.execute(db);
    problems.push(...heap.rows.map((r) => `${relname}: ${r.msg}`));
  }
  const indexes = await sql<{ indexrelid: number; name: string }>`
    select i.indexrelid::int as indexrelid, c.relname as name
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and a.amname = 'btree'`.execute(db);
  for (const index of indexes.rows) {
    try {
      await sql`select bt_index_check(${index.indexrelid}::oid, true)`.execute(db);
    } catch (error) {
      problems.push(`${index.name}: ${String(error)}`);
    }
  }
  const foreignKeys = await sql<{
    conname: string;
    conrelid: string;
    confrelid: string;
    cols: string;
    refcols: string;
  }>`
    select con.conname, con.conrelid::regclass::text as conrelid, con.confrelid::regclass::text as confrelid,
      (select string_agg(quote_ident(a.attname), ',' order by k.n) from unnest(con.conkey) with ordinality k(attnum, n)
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as cols,
      (select string_agg(quote_ident(a.attname), ',' order by k.n) from unnest(con.confkey) with ordinality k(attnum, n)
        join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as refcols
    from pg_constraint con join pg_namespace n on n.oid = con.connamespace
    where con.contype = 'f' and n.nspname = current_schema()`.execute(db);
  for (const fk of foreignKeys.rows) {
    const cols = fk.cols.split(',');
    const refs = fk.refcols.split(',');
    const notNull = cols.map((c) => `t.${c} is not null`).join(' and ');
    const join = cols.map((c, i) => `r.${refs[i]} = t.${c}`).join(' and ');
    const orphans = await sql<{ n: number }>`${sql.raw(
      `select count(*)::int as n from ${fk.conrelid} t where ${notNull} and not exists (select 1 from ${fk.confrelid} r where ${join})`,
    )}`.execute(db);
    const n = Number(orphans.rows[0]?.n ?? 0);
    if (n > 0) problems.push(`${fk.conname}: ${n} rows point at nothing`);
  }
  return problems;
}
