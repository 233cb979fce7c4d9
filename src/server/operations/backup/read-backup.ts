import { createHash, type Hash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, type Manifest, manifestSchema } from './format.js';

export type BackupEvent =
  | { kind: 'rows'; table: Manifest['tables'][number]; rows: unknown[][] }
  | { kind: 'tableEnd'; table: Manifest['tables'][number] }
  | { kind: 'fileChunk'; file: Manifest['files'][number]; chunk: Buffer }
  | { kind: 'fileEnd'; file: Manifest['files'][number] };

const ROWS_PER_EVENT = 500;

async function* linesOf(file: string): AsyncGenerator<string> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) yield line;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('Z_') || code === 'ERR_ZLIB') {
      throw new BackupError(`${file} is not a readable gzip file (${(error as Error).message}).`);
    }
    throw error;
  } finally {
    lines.close();
    input.destroy();
  }
}

function parseLine(line: string, where: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`The backup is damaged: ${where} is not JSON.`);
  }
}

/** The manifest alone (the first line), checked: format, version. */
export async function readManifest(file: string): Promise<Manifest> {
  for await (const line of linesOf(file)) return parseManifest(line);
  throw new BackupError(`${file} is empty.`);
}

function parseManifest(line: string): Manifest {
  const value = parseLine(line, 'the manifest') as { format?: unknown; formatVersion?: unknown };
  if (value?.format !== BACKUP_FORMAT) throw new BackupError('This file is not a Vigie backup.');
  if (typeof value.formatVersion === 'number' && value.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `This backup uses format version ${value.formatVersion}, newer than this Vigie reads (${BACKUP_FORMAT_VERSION}): upgrade Vigie first.`,
    );
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw new BackupError(`The backup's manifest is damaged: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/**
 * Reads a whole backup in order, checking as it goes that it matches its manifest: sections in the manifest's
 * order, each row with the right number of values, counts and SHA-256 checksums, the end marker. A mismatch throws
 * (a restore in progress rolls back). Memory holds one batch of rows at a time.
 */
export async function* readBackup(file: string): AsyncGenerator<BackupEvent, Manifest, undefined> {
  const lines = linesOf(file);
  const first = await lines.next();
  if (first.done) throw new BackupError(`${file} is empty.`);
  const manifest = parseManifest(first.value);

  let tableIndex = -1;
  let fileIndex = -1;
  let table: Manifest['tables'][number] | undefined;
  let dataFile: Manifest['files'][number] | undefined;
  let hash: Hash = createHash('sha256');
  let count = 0;
  let batch: unknown[][] = [];
  let ended = false;
  let lineNumber = 1;

  function* closeSection(): Generator<BackupEvent> {
    if (table) {
      if (batch.length > 0) yield { kind: 'rows', table, rows: batch };
      batch = [];
      const digest = hash.digest('hex');
      if (count !== table.rows || digest !== table.sha256) {
        throw new BackupError(
          `The backup is damaged: table ${table.name} has ${count} rows (manifest: ${table.rows})${digest === table.sha256 ? '' : ' and a wrong checksum'}.`,
        );
      }
      yield { kind: 'tableEnd', table };
      table = undefined;
    }
    if (dataFile) {
      const digest = hash.digest('hex');
      if (count !== dataFile.size || digest !== dataFile.sha256) {
        throw new BackupError(`The backup is damaged: file ${dataFile.path} does not match its checksum.`);
      }
      yield { kind: 'fileEnd', file: dataFile };
      dataFile = undefined;
    }
  }

  for await (const line of lines) {
    lineNumber += 1;
    if (ended) throw new BackupError(`The backup is damaged: content after its end (line ${lineNumber}).`);
    if (line.startsWith('[')) {
      if (!table) throw new BackupError(`The backup is damaged: a row outside any table (line ${lineNumber}).`);
      const row = parseLine(line, `line ${lineNumber}`);
      if (!Array.isArray(row) || row.length !== table.columns.length) {
        throw new BackupError(`The backup is damaged: line ${lineNumber} does not fit table ${table.name}.`);
      }
      hash.update(`${line}\n`, 'utf8');
      count += 1;
      batch.push(row);
      if (batch.length >= ROWS_PER_EVENT) {
        yield { kind: 'rows', table, rows: batch };
        batch = [];
      }
      continue;
    }
    if (line.startsWith('"')) {
      if (!dataFile)
        throw new BackupError(`The backup is damaged: file content outside any file (line ${lineNumber}).`);
      const chunk = Buffer.from(parseLine(line, `line ${lineNumber}`) as string, 'base64');
      hash.update(chunk);
      count += chunk.length;
      yield { kind: 'fileChunk', file: dataFile, chunk };
      continue;
    }
    const marker = parseLine(line, `line ${lineNumber}`) as { table?: string; file?: string; end?: boolean };
    yield* closeSection();
    hash = createHash('sha256');
    count = 0;
    if (typeof marker.table === 'string') {
      tableIndex += 1;
      table = manifest.tables[tableIndex];
      if (fileIndex >= 0 || table?.name !== marker.table) {
        throw new BackupError(`The backup is damaged: table ${marker.table} is not where its manifest puts it.`);
      }
    } else if (typeof marker.file === 'string') {
      fileIndex += 1;
      dataFile = manifest.files[fileIndex];
      if (tableIndex !== manifest.tables.length - 1 || dataFile?.path !== marker.file) {
        throw new BackupError(`The backup is damaged: file ${marker.file} is not where its manifest puts it.`);
      }
    } else if (marker.end === true) {
      ended = true;
    } else {
      throw new BackupError(`The backup is damaged: line ${lineNumber} is not understood.`);
    }
  }
  if (!ended || tableIndex !== manifest.tables.length - 1 || fileIndex !== manifest.files.length - 1) {
    throw new BackupError('The backup is incomplete: it ends before its last table or file (a copy cut short?).');
  }
  return manifest;
}

/** Reads the whole file and checks it against its manifest, touching no database. */
export async function verifyBackup(file: string): Promise<Manifest> {
  const reader = readBackup(file);
  for (;;) {
    const next = await reader.next();
    if (next.done) return next.value;
  }
}
