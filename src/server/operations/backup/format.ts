import { z } from 'zod';

/**
 * The backup file: gzip text, one JSON value per line, the same whatever the engine.
 *
 *   line 1   the manifest: format and version, backup id, Vigie version, source engine, creation time, the
 *            migrations the database had run, and per table its columns, primary key, row count and SHA-256;
 *            per data file its path, size and SHA-256
 *   then     per table, in foreign-key order: `{"table":"name"}`, then one JSON array per row, values in the
 *            manifest's column order (text, numbers, null; binary as `{"$base64":"…"}`)
 *   then     per data file: `{"file":"path"}`, then its content as base64 JSON strings (48 KiB per line)
 *   last     `{"end":true}`: a file without it was cut short
 *
 * A table's checksum is the SHA-256 of its row lines, each with its newline, as UTF-8. The manifest is its own
 * gzip member, written once the rest is known; `zcat file | head -1` shows it.
 */
export const BACKUP_FORMAT = 'vigie-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const FILE_CHUNK_BYTES = 48 * 1024;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  id: z.string().min(1),
  vigieVersion: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  createdAt: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      columns: z.array(z.string().min(1)).min(1),
      primaryKey: z.array(z.string()),
      rows: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  files: z.array(
    z.object({
      path: z.string().min(1),
      size: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type Manifest = z.infer<typeof manifestSchema>;

export type JsonValue = string | number | boolean | null | { $base64: string } | { $number: string };

/** A column value as the backup writes it: engine-neutral JSON. */
export function encodeValue(value: unknown, where: string): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $number: String(value) };
  if (typeof value === 'bigint') {
    if (value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)) return Number(value);
    throw new Error(`${where}: integer ${value} is too large to copy exactly.`);
  }
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return value.toISOString();
  throw new Error(`${where}: a value of type ${typeof value} is not part of the portable schema.`);
}

/** The value to write back into a column. */
export function decodeValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object') {
    if ('$base64' in value && typeof value.$base64 === 'string') return Buffer.from(value.$base64, 'base64');
    if ('$number' in value && typeof value.$number === 'string') return Number(value.$number);
    throw new Error('An unknown value in a row.');
  }
  return value;
}

/** Why a backup cannot be used or a restore cannot proceed: said to the operator as is. */
export class BackupError extends Error {}
