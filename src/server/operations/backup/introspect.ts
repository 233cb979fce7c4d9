import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../db/connect.js';

/** One table as the engine describes it: what a backup copies and what a restore must respect. */
export interface TableInfo {
  name: string;
  /** Stored columns in their declared order; generated columns are left out (the engine computes them). */
  columns: string[];
  /** Primary-key columns in key order (empty when the table has none). */
  primaryKey: string[];
  /** Other tables this one refers to by foreign key. */
  references: string[];
  /** Columns that refer to this same table (an axis's parent, a plan's predecessor). */
  selfReferences: string[];
  /** PostgreSQL identity or serial columns, whose sequence must follow restored values. */
  sequenced: string[];
}

/** Kysely's migration bookkeeping: copied first and restored first, so a restored database knows its schema. */
export const MIGRATION_TABLES = ['vigie_migrations', 'vigie_migrations_lock'];

// biome-ignore lint/suspicious/noExplicitAny: tables are discovered at run time, not known to the schema type.
type AnyDb = Kysely<any>;

async function describeSqlite(db: AnyDb): Promise<Omit<TableInfo, 'sequenced'>[]> {
  // Virtual tables (full-text indexes) and their shadow tables are derived data, rebuilt from the rows.
  const tables = await sql<{ name: string }>`
    select name from pragma_table_list
    where schema = 'main' and type = 'table' and name not like 'sqlite\\_%' escape '\\'
    order by name`.execute(db);
  const result: Omit<TableInfo, 'sequenced'>[] = [];
  for (const { name } of tables.rows) {
    const columns = await sql<{ name: string; pk: number; hidden: number }>`
      select name, pk, hidden from pragma_table_xinfo(${name}) order by cid`.execute(db);
    const keys = await sql<{ table: string; from: string }>`
      select "table", "from" from pragma_foreign_key_list(${name})`.execute(db);
    result.push({
      name,
      columns: columns.rows.filter((c) => c.hidden === 0).map((c) => c.name),
      primaryKey: columns.rows
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      references: [...new Set(keys.rows.filter((k) => k.table !== name).map((k) => k.table))],
      selfReferences: keys.rows.filter((k) => k.table === name).map((k) => k.from),
    });
  }
  return result;
}

async function describePostgres(db: AnyDb): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
      and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
      -- A table commented 'derived' (the full-text index) is rebuilt from the rows, like SQLite's virtual tables.
      and coalesce(obj_description(c.oid, 'pg_class'), '') <> 'derived'
    order by c.relname`.execute(db);
  const columns = await sql<{ table: string; name: string; identity: string; generated: string; sequenced: boolean }>`
    select c.relname as "table", a.attname as name, a.attidentity as identity, a.attgenerated as generated,
      (a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid), '') like 'nextval(%') as sequenced
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
      and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table: string; name: string; position: number }>`
    select c.relname as "table", a.attname as name, array_position(i.indkey::int2[], a.attnum) as position
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where c.relnamespace = current_schema()::regnamespace and i.indisprimary`.execute(db);
  const foreign = await sql<{ table: string; referenced: string; column: string }>`
    select c.relname as "table", r.relname as referenced, a.attname as "column"
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class r on r.oid = k.confrelid
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
    where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace`.execute(db);
  return tables.rows.map(({ name }) => ({
    name,
    columns: columns.rows.filter((c) => c.table === name && c.generated === '').map((c) => c.name),
    primaryKey: keys.rows
      .filter((k) => k.table === name)
      .sort((a, b) => a.position - b.position)
      .map((k) => k.name),
    references: [
      ...new Set(foreign.rows.filter((f) => f.table === name && f.referenced !== name).map((f) => f.referenced)),
    ],
    selfReferences: foreign.rows.filter((f) => f.table === name && f.referenced === name).map((f) => f.column),
    sequenced: columns.rows.filter((c) => c.table === name && c.sequenced).map((c) => c.name),
  }));
}

/**
 * Every table of the database in foreign-key order (a table after those it refers to; migration bookkeeping
 * first; ties by name), so that inserting in this order never refers to a row not yet there.
 */
export async function describeTables(db: AnyDb, engine: Engine): Promise<TableInfo[]> {
  const tables =
    engine === 'postgres'
      ? await describePostgres(db)
      : (await describeSqlite(db)).map((t) => ({ ...t, sequenced: [] }));
  return inDependencyOrder(tables);
}

export function inDependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const placed = new Set<string>();
  const ordered: TableInfo[] = [];
  for (const name of MIGRATION_TABLES) {
    const table = byName.get(name);
    if (table) {
      ordered.push(table);
      placed.add(name);
    }
  }
  const remaining = tables.filter((t) => !placed.has(t.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  while (remaining.length > 0) {
    const index = remaining.findIndex((t) => t.references.every((r) => placed.has(r) || !byName.has(r)));
    if (index < 0) {
      throw new Error(
        `Foreign keys form a cycle between ${remaining.map((t) => t.name).join(', ')}: no order restores them.`,
      );
    }
    const [table] = remaining.splice(index, 1) as [TableInfo];
    ordered.push(table);
    placed.add(table.name);
  }
  return ordered;
}
