import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { RetentionPolicy, retentionUpdateOf } from '../../../shared/contract/operations.js';
import type { DB } from '../../db/schema.js';
import { type AuditContext, recordAudit } from '../../modules/audit/record-audit.js';
import { staleVersion } from '../../modules/audit/stale-version.js';
import { retentionKinds } from './kinds.js';
import type { RetentionKind, RetentionPurge } from './registry.js';

export const RETENTION_SETTINGS = 'retention';
const DAY_MS = 86_400_000;

type Overrides = Record<string, number>;

async function readSettings(db: Kysely<DB>) {
  const row = await db.selectFrom('settings').selectAll().where('key', '=', RETENTION_SETTINGS).executeTakeFirst();
  if (!row) throw new Error('The retention settings are missing: run the migrations.');
  const stored = JSON.parse(row.value) as Overrides;
  // Only kinds the code knows, within their current limits (a limit may have moved since the value was set).
  const overrides: Overrides = {};
  for (const kind of retentionKinds) {
    const days = stored[kind.kind];
    if (typeof days === 'number') overrides[kind.kind] = Math.min(kind.maximumDays, Math.max(kind.minimumDays, days));
  }
  return { row, overrides };
}

function present(row: { version: number; updated_at: string; updated_by: string | null }, overrides: Overrides) {
  return {
    kinds: retentionKinds.map((kind) => ({
      kind: kind.kind,
      summary: kind.summary,
      days: overrides[kind.kind] ?? kind.defaultDays,
      defaultDays: kind.defaultDays,
      minimumDays: kind.minimumDays,
      maximumDays: kind.maximumDays,
      isDefault: overrides[kind.kind] === undefined,
    })),
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  } satisfies RetentionPolicy;
}

export async function readRetentionPolicy(db: Kysely<DB>): Promise<RetentionPolicy> {
  const { row, overrides } = await readSettings(db);
  return present(row, overrides);
}

export type RetentionUpdate = z.output<ReturnType<typeof retentionUpdateOf>>;

/** Sets retention periods (null: back to the default), refusing an edit made from an older version. */
export async function updateRetentionPolicy(
  db: Kysely<DB>,
  context: AuditContext & { userId: string },
  input: RetentionUpdate,
): Promise<RetentionPolicy> {
  const applied = await db.transaction().execute(async (trx) => {
    const { row, overrides } = await readSettings(trx);
    if (row.version !== input.version) return false;
    const next: Overrides = { ...overrides };
    for (const [kind, days] of Object.entries(input.days)) {
      if (days === null) delete next[kind];
      else if (days !== undefined) next[kind] = days;
    }
    const result = await trx
      .updateTable('settings')
      .set({
        value: JSON.stringify(next),
        version: row.version + 1,
        updated_at: new Date().toISOString(),
        updated_by: context.userId,
      })
      .where('key', '=', RETENTION_SETTINGS)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    const days = (o: Overrides) => Object.fromEntries(retentionKinds.map((k) => [k.kind, o[k.kind] ?? k.defaultDays]));
    await recordAudit(trx, context, {
      entity: 'settings',
      entityId: RETENTION_SETTINGS,
      action: 'update',
      before: days(overrides),
      after: days(next),
      version: row.version + 1,
    });
    return true;
  });
  if (!applied) {
    throw await staleVersion(db, {
      entity: 'settings',
      entityId: RETENTION_SETTINGS,
      sentVersion: input.version,
      current: await readRetentionPolicy(db),
    });
  }
  return readRetentionPolicy(db);
}

export type PurgeReport = Record<string, RetentionPurge[]>;

/**
 * Purges, kind by kind, what has outlived its retention period: each kind in its own transaction with one audit
 * event per purged entity (which kind, how many, what was done, the cut-off). A kind that fails does not stop the
 * others; the run then fails naming it, so the job retries.
 */
export async function purgeExpired(
  db: Kysely<DB>,
  audit: AuditContext,
  now = new Date(),
  kinds: RetentionKind[] = retentionKinds,
): Promise<PurgeReport> {
  const { overrides } = await readSettings(db);
  const report: PurgeReport = {};
  const failed: string[] = [];
  for (const kind of kinds) {
    const days = overrides[kind.kind] ?? kind.defaultDays;
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    try {
      report[kind.kind] = await db.transaction().execute(async (trx) => {
        const purges = await kind.purge(trx, { cutoff, now, audit });
        for (const purge of purges) {
          if (purge.count === 0) continue;
          await recordAudit(trx, audit, {
            entity: 'retention',
            entityId: kind.kind,
            action: 'purge',
            after: { ...purge, days, cutoff: cutoff.toISOString() },
          });
        }
        return purges;
      });
    } catch (error) {
      failed.push(`${kind.kind}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failed.length > 0) throw new Error(`Retention purge failed for ${failed.join('; ')}`);
  return report;
}
