import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../src/server/db/connect.js';
import { describeTables } from '../../src/server/operations/backup/introspect.js';

export type TableRows = Map<string, string[]>;

const normalize = (value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value);

/** Every row of every table, each as the JSON of its columns in name order, sorted: for exact comparisons. */
// biome-ignore lint/suspicious/noExplicitAny: every table, whatever the schema type says.
export async function readAllRows(db: Kysely<any>, engine: Engine): Promise<TableRows> {
  const result: TableRows = new Map();
  for (const table of await describeTables(db, engine)) {
    const columns = [...table.columns].sort();
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    result.set(table.name, rows.map((row) => JSON.stringify(columns.map((c) => [c, normalize(row[c])]))).sort());
  }
  return result;
}

/** The lines of a backup file, parsed: its manifest and, per table, its rows as objects. */
export async function readBackupFile(file: string) {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let manifest: { tables: { name: string; columns: string[] }[] } | undefined;
  const tables = new Map<string, Record<string, unknown>[]>();
  let current: { name: string; columns: string[] } | undefined;
  for await (const line of lines) {
    const value = JSON.parse(line);
    if (!manifest) {
      manifest = value;
      continue;
    }
    if (Array.isArray(value) && current) {
      const columns = current.columns;
      tables.get(current.name)?.push(Object.fromEntries(columns.map((c, i) => [c, value[i]])));
    } else if (value && typeof value === 'object' && 'table' in value) {
      current = manifest?.tables.find((t) => t.name === value.table);
      tables.set(value.table, []);
    }
  }
  return { manifest, tables };
}
