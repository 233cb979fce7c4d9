import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Database, Engine } from '../../db/connect.js';
import { migrations } from '../../db/migrations/index.js';
import { withStartupLock } from '../../db/startup-lock.js';
import { type AuditContext, recordAudit } from '../../modules/audit/record-audit.js';
import { dataFilePath } from './data-files.js';
import { BackupError, decodeValue, type Manifest } from './format.js';
import { describeTables, MIGRATION_TABLES, type TableInfo } from './introspect.js';
import { readBackup, verifyBackup } from './read-backup.js';

export interface RestoreOptions {
  file: string;
  dataDir: string;
  /** Replace a database that holds data (and data files that differ) instead of refusing. */
  force?: boolean;
  audit: AuditContext;
}

export interface RestoreResult {
  manifest: Manifest;
  rows: number;
  files: number;
  /** Migrations newer than the backup, run on the restored data. */
  migrated: string[];
  /** Whether the database held data that the restore replaced (with --force). */
  replaced: string[];
  durationMs: number;
}

// biome-ignore lint/suspicious/noExplicitAny: tables are discovered at run time.
type AnyDb = Kysely<any>;

/**
 * Tables that hold rows in a database nobody has used yet: migration bookkeeping, rows the migrations themselves
 * write (settings' defaults, the audit chain's head) and the scheduler's jobs. Anything else makes a database
 * non-empty; people's data always leaves audit events too.
 */
const BOOKKEEPING = new Set([...MIGRATION_TABLES, 'settings', 'audit_chain_head', 'jobs']);

/** Parameters per INSERT, well under both engines' limits. */
const MAX_PARAMETERS = 10_000;

/** The backup's migrations must be this version's first ones, in order: a newer schema is refused. */
export function checkMigrations(backup: string[], known: string[]): string[] {
  const unknown = backup.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `This backup comes from a newer version of Vigie: its database had run migrations this version does not know (${unknown.join(', ')}). Install a Vigie version that has them, then restore.`,
    );
  }
  backup.forEach((name, index) => {
    if (known[index] !== name) {
      throw new BackupError(
        `The backup's migrations do not follow this version's order (expected ${known[index]} where the backup has ${name}).`,
      );
    }
  });
  return known.slice(backup.length);
}

async function nonEmptyTables(trx: AnyDb, tables: TableInfo[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    if (BOOKKEEPING.has(table.name)) continue;
    const { rows } = await sql`select 1 as found from ${sql.table(table.name)} limit 1`.execute(trx);
    if (rows.length > 0) found.push(table.name);
  }
  return found;
}

/** Removes every object of the database's schema (tables, views, sequences, routines, types), extensions' aside. */
async function wipe(trx: AnyDb, engine: Engine, tables: TableInfo[]): Promise<void> {
  if (engine === 'sqlite') {
    const views = await sql<{ name: string }>`select name from sqlite_schema where type = 'view'`.execute(trx);
    for (const { name } of views.rows) await sql`drop view if exists ${sql.table(name)}`.execute(trx);
    const virtual = await sql<{ name: string }>`
      select name from pragma_table_list where schema = 'main' and type = 'virtual'`.execute(trx);
    for (const { name } of virtual.rows) await sql`drop table if exists ${sql.table(name)}`.execute(trx);
    // Children before parents: foreign keys hold at every step.
    for (const table of [...tables].reverse()) await sql`drop table if exists ${sql.table(table.name)}`.execute(trx);
    return;
  }
  const notExtension = (oid: string) =>
    sql.raw(`not exists (select 1 from pg_depend d where d.objid = ${oid} and d.deptype = 'e')`);
  const views = await sql<{ name: string; kind: string }>`
    select c.relname as name, c.relkind as kind from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('v', 'm') and ${notExtension('c.oid')}`.execute(
    trx,
  );
  for (const view of views.rows) {
    await sql`drop ${sql.raw(view.kind === 'm' ? 'materialized view' : 'view')} if exists ${sql.table(view.name)} cascade`.execute(
      trx,
    );
  }
  const all = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and ${notExtension('c.oid')}`.execute(
    trx,
  );
  if (all.rows.length > 0) {
    await sql`drop table if exists ${sql.join(all.rows.map((t) => sql.table(t.name)))} cascade`.execute(trx);
  }
  const sequences = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'S' and ${notExtension('c.oid')}`.execute(
    trx,
  );
  for (const { name } of sequences.rows) await sql`drop sequence if exists ${sql.table(name)} cascade`.execute(trx);
  const routines = await sql<{ signature: string; kind: string }>`
    select p.oid::regprocedure::text as signature, p.prokind as kind from pg_proc p
    where p.pronamespace = current_schema()::regnamespace and ${notExtension('p.oid')}`.execute(trx);
  for (const routine of routines.rows) {
    const what = routine.kind === 'p' ? 'procedure' : routine.kind === 'a' ? 'aggregate' : 'function';
    await sql`drop ${sql.raw(what)} if exists ${sql.raw(routine.signature)} cascade`.execute(trx);
  }
  const types = await sql<{ name: string }>`
    select t.oid::regtype::text as name from pg_type t
    where t.typnamespace = current_schema()::regnamespace and t.typtype in ('e', 'd') and ${notExtension('t.oid')}`.execute(
    trx,
  );
  for (const { name } of types.rows) await sql`drop type if exists ${sql.raw(name)} cascade`.execute(trx);
}

/** Kysely's migration bookkeeping, as its Migrator creates it, so that later starts migrate as usual. */
async function createMigrationTables(trx: AnyDb): Promise<void> {
  await trx.schema
    .createTable('vigie_migrations')
    .addColumn('name', 'varchar(255)', (c) => c.notNull().primaryKey())
    .addColumn('timestamp', 'varchar(255)', (c) => c.notNull())
    .execute();
  await trx.schema
    .createTable('vigie_migrations_lock')
    .addColumn('id', 'varchar(255)', (c) => c.notNull().primaryKey())
    .addColumn('is_locked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await trx.insertInto('vigie_migrations_lock').values({ id: 'migration_lock', is_locked: 0 }).execute();
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

/** Loads one table's rows; a column referring to the same table is filled in once every row is there. */
class TableLoader {
  readonly #deferred: { key: unknown[]; values: unknown[] }[] = [];
  readonly #selfColumns: number[];
  readonly #keyColumns: number[];
  rows = 0;

  constructor(
    private readonly trx: AnyDb,
    private readonly engine: Engine,
    private readonly manifestTable: Manifest['tables'][number],
    private readonly target: TableInfo,
  ) {
    const columns = manifestTable.columns;
    // SQLite checks foreign keys at commit (defer_foreign_keys); PostgreSQL's are immediate.
    this.#selfColumns =
      engine === 'postgres' ? target.selfReferences.map((c) => columns.indexOf(c)).filter((i) => i >= 0) : [];
    this.#keyColumns = manifestTable.primaryKey.map((c) => columns.indexOf(c));
    if (this.#selfColumns.length > 0 && (this.#keyColumns.length === 0 || this.#keyColumns.includes(-1))) {
      throw new BackupError(`Table ${manifestTable.name} refers to itself but has no primary key to restore it by.`);
    }
  }

  async insert(rows: unknown[][]): Promise<void> {
    const columns = this.manifestTable.columns;
    const perInsert = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
    for (let start = 0; start < rows.length; start += perInsert) {
      const values = rows.slice(start, start + perInsert).map((row) => {
        const decoded = row.map(decodeValue);
        if (this.#selfColumns.some((i) => decoded[i] !== null)) {
          this.#deferred.push({
            key: this.#keyColumns.map((i) => decoded[i]),
            values: this.#selfColumns.map((i) => decoded[i]),
          });
          for (const i of this.#selfColumns) decoded[i] = null;
        }
        return Object.fromEntries(columns.map((c, i) => [c, decoded[i]]));
      });
      await this.trx.insertInto(this.manifestTable.name).values(values).execute();
      this.rows += values.length;
    }
  }

  async finish(): Promise<void> {
    const columns = this.manifestTable.columns;
    for (const { key, values } of this.#deferred) {
      let update = this.trx
        .updateTable(this.manifestTable.name)
        .set(Object.fromEntries(this.#selfColumns.map((c, i) => [columns[c] as string, values[i]])));
      this.manifestTable.primaryKey.forEach((column, i) => {
        update = update.where(column, '=', key[i]);
      });
      await update.execute();
    }
    if (this.engine === 'postgres') {
      for (const column of this.target.sequenced) {
        const qualified = sql`quote_ident(current_schema()) || '.' || quote_ident(${this.manifestTable.name})`;
        await sql`select setval(pg_get_serial_sequence(${qualified}, ${column}), coalesce(max(${sql.id(column)}), 0) + 1, false)
          from ${sql.table(this.manifestTable.name)}`.execute(this.trx);
      }
    }
  }
}

function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Restores a backup into this database, whatever engine either used: inside one transaction, the database is
 * emptied, given the backup's schema (its migrations), loaded in foreign-key order with every checksum checked,
 * brought to this version's schema (later migrations run on the restored data) and the restore audited. Refuses a
 * database that holds data unless `force`; refuses a backup from a newer schema. Runs under the start-up lock, so
 * a server starting meanwhile waits; servers already running should be stopped first.
 */
export async function restoreBackup(database: Database, options: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now();
  const file = path.resolve(options.file);
  const manifest = await verifyBackup(file);
  const pending = checkMigrations(manifest.migrations, Object.keys(migrations).sort());

  for (const entry of manifest.files) {
    const destination = dataFilePath(options.dataDir, entry.path);
    if (existsSync(destination) && !options.force && sha256Of(destination) !== entry.sha256) {
      throw new BackupError(
        `The data folder already has a different ${entry.path}: move it away, or add --force to overwrite it.`,
      );
    }
  }

  const staging = path.join(path.resolve(options.dataDir), `.restore-${manifest.id}`);
  return withStartupLock(database, options.dataDir, async () => {
    rmSync(staging, { recursive: true, force: true });
    try {
      const result = await database.db.transaction().execute(async (trx) => {
        const db = trx as unknown as AnyDb;
        if (database.engine === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(db);
        else await sql`set local lock_timeout = '60s'`.execute(db);

        const existing = await describeTables(db, database.engine);
        if (existing.length > 0 && !existing.some((t) => t.name === MIGRATION_TABLES[0])) {
          throw new BackupError(
            `This database holds tables that are not Vigie's (${existing
              .slice(0, 5)
              .map((t) => t.name)
              .join(', ')}…): restore only into a Vigie database or an empty one.`,
          );
        }
        const replaced = await nonEmptyTables(db, existing);
        if (replaced.length > 0 && !options.force) {
          throw new BackupError(
            `The database is not empty (rows in ${replaced.slice(0, 6).join(', ')}${replaced.length > 6 ? '…' : ''}). Restore into an empty database, or add --force to replace its content with the backup's.`,
          );
        }
        await wipe(db, database.engine, existing);
        await createMigrationTables(db);
        for (const name of manifest.migrations) await migrations[name]?.up(db);

        const target = new Map((await describeTables(db, database.engine)).map((t) => [t.name, t]));
        for (const table of manifest.tables) {
          const here = target.get(table.name);
          if (!here || !sameColumns(here.columns, table.columns)) {
            throw new BackupError(
              `Table ${table.name} of the backup does not match the schema its migrations give here (${here ? `columns ${here.columns.join(', ')}` : 'no such table'}).`,
            );
          }
        }
        // Rows the migrations wrote (defaults) give way to the backup's.
        for (const table of [...manifest.tables].reverse()) await db.deleteFrom(table.name).execute();

        let rows = 0;
        let loader: TableLoader | undefined;
        for await (const event of readBackup(file)) {
          if (event.kind === 'rows') {
            loader ??= new TableLoader(db, database.engine, event.table, target.get(event.table.name) as TableInfo);
            await loader.insert(event.rows);
          } else if (event.kind === 'tableEnd') {
            loader ??= new TableLoader(db, database.engine, event.table, target.get(event.table.name) as TableInfo);
            await loader.finish();
            rows += loader.rows;
            loader = undefined;
          } else if (event.kind === 'fileChunk') {
            const staged = path.join(staging, ...event.file.path.split('/'));
            mkdirSync(path.dirname(staged), { recursive: true });
            appendFileSync(staged, event.chunk, { mode: 0o600 });
          } else if (event.kind === 'fileEnd') {
            const staged = path.join(staging, ...event.file.path.split('/'));
            if (!existsSync(staged)) {
              mkdirSync(path.dirname(staged), { recursive: true });
              appendFileSync(staged, Buffer.alloc(0), { mode: 0o600 });
            }
          }
        }

        for (const name of pending) {
          await migrations[name]?.up(db);
          await db.insertInto('vigie_migrations').values({ name, timestamp: new Date().toISOString() }).execute();
        }

        await recordAudit(trx, options.audit, {
          entity: 'backup',
          entityId: manifest.id,
          action: 'restore',
          after: {
            file,
            engine: manifest.engine,
            createdAt: manifest.createdAt,
            tables: manifest.tables.length,
            rows,
            files: manifest.files.length,
            migrated: pending,
            replaced,
          },
        });
        return { rows, replaced };
      });

      for (const entry of manifest.files) {
        const destination = dataFilePath(options.dataDir, entry.path);
        mkdirSync(path.dirname(destination), { recursive: true });
        renameSync(path.join(staging, ...entry.path.split('/')), destination);
      }
      return {
        manifest,
        rows: result.rows,
        files: manifest.files.length,
        migrated: pending,
        replaced: result.replaced,
        durationMs: Math.round(performance.now() - started),
      };
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  });
}
