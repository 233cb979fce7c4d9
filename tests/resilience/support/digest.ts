import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { generationsSettled } from '../../../src/server/modules/reports/generation.js';
import type { TestApp } from '../../support/app.js';

/**
 * Bookkeeping that a refused request may legitimately write: a session's or token's last use, and the counters
 * that throttle guessing (failed sign-ins, wrong second-factor codes). Everything else must stay as it was.
 */
export const bookkeeping = {
  tables: new Set(['login_failures', 'vigie_migrations_lock']),
  columns: {
    sessions: ['last_seen_at'],
    api_tokens: ['last_used_at'],
    login_challenges: ['attempts'],
  } as Record<string, string[]>,
};

/**
 * The full-text index and its shadow tables: derived from the rows (triggers rewrite an entry whenever its record
 * is written), so a change there always comes with a change in a table that is compared.
 */
function isDerived(table: string): boolean {
  return table === 'search_entries' || table === 'search_index' || table.startsWith('search_index_');
}

/** Per table: the row count and an order-independent sum of 32-bit row hashes. */
export type Digest = Map<string, string>;

export interface Digester {
  digest(): Promise<Digest>;
  close(): Promise<void>;
}

/** The tables whose digests differ, for a failure message. */
export function changedTables(before: Digest, after: Digest): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

// cyrb53, cut to 32 bits: fast, good enough to notice a changed row; the count catches the rest.
function hash32(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

function kept(table: string, columns: string[]): string[] {
  const ignored = bookkeeping.columns[table] ?? [];
  return columns.filter((column) => !ignored.includes(column));
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Digests of every table of the test database, cheap enough to take around each request: SQLite asks
 * `PRAGMA data_version` first (it moves only when another connection commits) and hashes rows in one aggregate
 * per table through a function of its own read-only connection; PostgreSQL sums `hashtext` row hashes in one
 * query over all tables.
 */
export async function openDigester(t: TestApp): Promise<Digester> {
  if (t.engine === 'sqlite') {
    const file = t.testDatabase.file;
    if (!file) throw new Error('no SQLite file');
    const reader = new SQLite(file, { readonly: true });
    reader.function('vigie_row_hash', { varargs: true, deterministic: true }, (...values: unknown[]) =>
      hash32(values.map((v) => (v === null ? '\u0000' : `${typeof v}:${String(v)}`)).join('\u0001')),
    );
    const tables = (
      reader
        .prepare(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%_fts%'",
        )
        .all() as { name: string }[]
    )
      .map((r) => r.name)
      .filter((name) => !bookkeeping.tables.has(name) && !isDerived(name))
      .sort();
    const statements = tables.map((table) => {
      const columns = kept(
        table,
        (reader.prepare(`pragma table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name),
      );
      const row = columns.map(quote).join(', ');
      return {
        table,
        statement: reader.prepare(
          `select count(*) as n, coalesce(sum(vigie_row_hash(${row})), 0) as h from ${quote(table)}`,
        ),
      };
    });
    const version = reader.prepare('pragma data_version').pluck();
    let lastVersion = -1;
    let last: Digest = new Map();
    return {
      async digest() {
        // A report accepted earlier may still be generating in the background: compare once it is written.
        await generationsSettled();
        const now = version.get() as number;
        if (now === lastVersion) return last;
        const digest: Digest = new Map();
        for (const { table, statement } of statements) {
          const { n, h } = statement.get() as { n: number; h: number };
          digest.set(table, `${n}:${h}`);
        }
        lastVersion = now;
        last = digest;
        return digest;
      },
      async close() {
        reader.close();
      },
    };
  }
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(t.db);
  const byTable = new Map<string, string[]>();
  for (const { table_name, column_name } of columns.rows) {
    if (bookkeeping.tables.has(table_name) || isDerived(table_name)) continue;
    byTable.set(table_name, [...(byTable.get(table_name) ?? []), column_name]);
  }
  const parts = [...byTable.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([table, all]) => {
      const row = kept(table, all).map(quote).join(', ');
      return (
        `select '${table}' as t, count(*)::bigint as n, ` +
        `coalesce(sum(hashtext(row(${row})::text)::bigint), 0)::bigint as h ` +
        `from ${quote(table)}`
      );
    });
  const query = sql.raw<{ t: string; n: number | string; h: number | string }>(parts.join(' union all '));
  return {
    async digest() {
      await generationsSettled();
      const result = await query.execute(t.db);
      return new Map(result.rows.map((r) => [r.t, `${r.n}:${r.h}`]));
    },
    async close() {},
  };
}
