import { z } from 'zod';
import { id, isoDateTime, versionNumber } from './common.js';

/** A scheduled job as administrators see it: when it last ran, how it went, when it runs next. */
export const jobStatus = z.object({
  name: z.string(),
  summary: z.string(),
  intervalSeconds: z.number().int(),
  nextRunAt: isoDateTime.nullable(),
  lastStartedAt: isoDateTime.nullable(),
  lastFinishedAt: isoDateTime.nullable(),
  lastError: z.string().nullable(),
  /** What the last successful run reported, e.g. how many records a purge cleared. */
  lastResult: z.unknown().nullable(),
  /** Consecutive failures: retries wait longer after each one. */
  failures: z.number().int(),
  attempts: z.number().int(),
  /** A process holds the job's lock right now. */
  running: z.boolean(),
});
export type JobStatus = z.infer<typeof jobStatus>;

export const jobParams = z.strictObject({ name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/) });

export const jobRun = z.object({
  job: jobStatus,
  outcome: z.enum(['succeeded', 'failed']),
  error: z.string().nullable(),
  result: z.unknown().nullable(),
});

export const retentionKind = z.object({
  kind: z.string(),
  summary: z.string(),
  days: z.number().int(),
  defaultDays: z.number().int(),
  minimumDays: z.number().int(),
  maximumDays: z.number().int(),
  isDefault: z.boolean(),
});

export const retentionPolicy = z.object({
  kinds: z.array(retentionKind),
  version: z.number().int(),
  updatedAt: isoDateTime,
  updatedBy: id.nullable(),
});
export type RetentionPolicy = z.infer<typeof retentionPolicy>;

/**
 * The edit of the retention periods: the version edited, and days per kind to change (null: back to the default;
 * kinds not sent keep their period). Built from the server's registry of kinds and their limits.
 */
export function retentionUpdateOf(kinds: readonly { kind: string; minimumDays: number; maximumDays: number }[]) {
  return z.strictObject({
    version: versionNumber,
    days: z.strictObject(
      Object.fromEntries(
        kinds.map((k) => [k.kind, z.number().int().min(k.minimumDays).max(k.maximumDays).nullable().optional()]),
      ),
    ),
  });
}
