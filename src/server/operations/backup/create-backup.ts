import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/connect.js';
import { migrations } from '../../db/migrations/index.js';
import type { DB } from '../../db/schema.js';
import { type AuditContext, recordAudit } from '../../modules/audit/record-audit.js';
import { dataFilePath, dataFiles } from './data-files.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  encodeValue,
  FILE_CHUNK_BYTES,
  type Manifest,
} from './format.js';
import { describeTables, MIGRATION_TABLES, type TableInfo } from './introspect.js';

export const vigieVersion: string = JSON.parse(
  readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'),
).version;

const DEFAULT_PAGE_SIZE = 1000;

export interface BackupOptions {
  file: string;
  dataDir: string;
  /** Replace an existing file of that name. */
  force?: boolean;
  /** Who to name in the audit trail. */
  audit: AuditContext;
  /** Rows read per query. */
  pageSize?: number;
  /** Called after each table is read, inside the snapshot (tests write meanwhile to prove they are not seen). */
  afterTable?: (table: string) => Promise<void>;
}

export interface BackupResult {
  file: string;
  manifest: Manifest;
  bytes: number;
  rows: number;
  /** False when the database's schema is older than this version's: the trail then has no event for it. */
  audited: boolean;
  durationMs: number;
}

/** Gzip text written line by line, with back-pressure, to a file only its owner can read. */
class GzipLines {
  readonly #gzip = createGzip();
  readonly #done: Promise<void>;
  #buffer: string[] = [];
  #buffered = 0;

  constructor(file: string) {
    this.#done = pipeline(this.#gzip, createWriteStream(file, { mode: 0o600, flags: 'wx' }));
    // A failed write surfaces through #done; keep it from being reported as unhandled meanwhile.
    this.#done.catch(() => {});
  }

  async write(line: string): Promise<void> {
    this.#buffer.push(line, '\n');
    this.#buffered += line.length + 1;
    if (this.#buffered >= 64 * 1024) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#buffer.length === 0) return;
    const chunk = this.#buffer.join('');
    this.#buffer = [];
    this.#buffered = 0;
    if (!this.#gzip.write(chunk)) await Promise.race([once(this.#gzip, 'drain'), this.#done]);
  }

  async close(): Promise<void> {
    await this.flush();
    this.#gzip.end();
    await this.#done;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: tables are discovered at run time.
type AnyDb = Kysely<any>;

/** Tables whose rows hold whole files (up to the upload limit each): a few rows per page, not a thousand. */
const filePageSizes: Record<string, number> = { document_versions: 4, activity_reports: 4 };

/** Reads a table page by page in primary-key order (keyset paging), so memory holds one page at a time. */
async function* pagesOf(db: AnyDb, table: TableInfo, pageSize: number): AsyncGenerator<Record<string, unknown>[]> {
  const columns = sql.join(table.columns.map((c) => sql.id(c)));
  const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
  const orderBy = sql.join(order.map((c) => sql.id(c)));
  let after: unknown[] | null = null;
  let offset = 0;
  for (;;) {
    let where = sql``;
    if (table.primaryKey.length > 0 && after) {
      where = sql`where (${orderBy}) > (${sql.join(after)})`;
    }
    const paging = table.primaryKey.length > 0 ? sql`` : sql`offset ${offset}`;
    const { rows } = await sql<Record<string, unknown>>`
      select ${columns} from ${sql.table(table.name)} ${where} order by ${orderBy} limit ${pageSize} ${paging}`.execute(
      db,
    );
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1] as Record<string, unknown>;
    after = table.primaryKey.map((c) => last[c]);
    offset += rows.length;
  }
}

/** A read-only snapshot: one read transaction (SQLite's WAL keeps it stable), REPEATABLE READ on PostgreSQL. */
function inSnapshot<T>(database: Database, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const builder = database.db.transaction().setAccessMode('read only');
  return (database.engine === 'postgres' ? builder.setIsolationLevel('repeatable read') : builder).execute(work);
}

function fsyncDirectory(dir: string) {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can sync a directory; the file itself is synced.
  }
}

/**
 * Writes a consistent backup of the whole database, while the server keeps running: every table (migration
 * bookkeeping included) read in one snapshot, then the data folder's files. The file appears complete or not at all
 * (written beside it, synced, renamed). The backup is audited once written.
 */
export async function createBackup(database: Database, options: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const target = path.resolve(options.file);
  if (existsSync(target) && !options.force) {
    throw new BackupError(`${target} already exists: choose another name, or add --force to replace it.`);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  const id = randomUUID();
  const bodyFile = `${target}.${id}.body.partial`;
  const finalFile = `${target}.${id}.partial`;
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  try {
    const body = new GzipLines(bodyFile);
    const createdAt = new Date().toISOString();
    const snapshot = await inSnapshot(database, async (trx) => {
      const tables = await describeTables(trx, database.engine);
      const migrations = tables.some((t) => t.name === MIGRATION_TABLES[0])
        ? (await sql<{ name: string }>`select name from vigie_migrations order by name`.execute(trx)).rows.map(
            (r) => r.name,
          )
        : [];
      const described: Manifest['tables'] = [];
      for (const table of tables) {
        await body.write(JSON.stringify({ table: table.name }));
        const hash = createHash('sha256');
        let count = 0;
        for await (const rows of pagesOf(trx, table, Math.min(pageSize, filePageSizes[table.name] ?? pageSize))) {
          for (const row of rows) {
            const line = JSON.stringify(table.columns.map((c) => encodeValue(row[c], `${table.name}.${c}`)));
            hash.update(`${line}\n`, 'utf8');
            await body.write(line);
            count += 1;
          }
        }
        described.push({
          name: table.name,
          columns: table.columns,
          primaryKey: table.primaryKey,
          rows: count,
          sha256: hash.digest('hex'),
        });
        await options.afterTable?.(table.name);
      }
      return { migrations, tables: described };
    });

    const files: Manifest['files'] = [];
    for (const relative of dataFiles(options.dataDir, [target, bodyFile, finalFile])) {
      await body.write(JSON.stringify({ file: relative }));
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of createReadStream(dataFilePath(options.dataDir, relative), {
        highWaterMark: FILE_CHUNK_BYTES,
      })) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        size += bytes.length;
        await body.write(JSON.stringify(bytes.toString('base64')));
      }
      files.push({ path: relative, size, sha256: hash.digest('hex') });
    }
    await body.write(JSON.stringify({ end: true }));
    await body.close();

    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      id,
      vigieVersion,
      engine: database.engine,
      createdAt,
      migrations: snapshot.migrations,
      tables: snapshot.tables,
      files,
    };
    const fd = openSync(finalFile, 'wx', 0o600);
    try {
      writeSync(fd, gzipSync(`${JSON.stringify(manifest)}\n`));
      for await (const chunk of createReadStream(bodyFile)) writeSync(fd, chunk as Buffer);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(finalFile, target);
    fsyncDirectory(path.dirname(target));

    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    const bytes = statSync(target).size;
    // The trail is written in the current schema's form: a database this version has not migrated yet (a backup
    // taken before an upgrade) gets none, and the result says so.
    const current = manifest.migrations.join() === Object.keys(migrations).sort().join();
    if (current) {
      await recordAudit(database.db, options.audit, {
        entity: 'backup',
        entityId: id,
        action: 'create',
        after: {
          file: target,
          engine: database.engine,
          createdAt,
          tables: manifest.tables.length,
          rows,
          files: files.length,
          bytes,
        },
      });
    }
    return {
      file: target,
      manifest,
      bytes,
      rows,
      audited: current,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    rmSync(bodyFile, { force: true });
    rmSync(finalFile, { force: true });
  }
}
