import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AuditContext } from '../../modules/audit/record-audit.js';

/** What one purge did to one kind of record: cleared fields (the rows stay) or deleted rows. */
export interface RetentionPurge {
  entity: string;
  count: number;
  effect: 'cleared' | 'deleted';
}

/**
 * A kind of sensitive record with a retention period that administrators set (in days, between a minimum and a
 * maximum). The daily purge calls `purge` in a transaction with the cut-off date: everything older goes. A purge
 * keeps counts intact: records that people count (contact points, sessions…) lose their personal fields and stay;
 * only dead credentials (used links, revoked tokens) are deleted outright. `purge` writes through `trx` only and
 * records any per-record audit it needs; the purge runner audits the totals.
 *
 * To add a kind: define it in the module that owns the table (`<domain>.retention.ts`, as contact points do) and
 * add it to `retentionKinds` in `./kinds.ts`. Its `kind` is the name administrators see and set; keep it stable.
 */
export interface RetentionKind {
  kind: string;
  summary: string;
  defaultDays: number;
  minimumDays: number;
  maximumDays: number;
  purge(trx: Transaction<DB>, context: { cutoff: Date; now: Date; audit: AuditContext }): Promise<RetentionPurge[]>;
}

/** Stands for a cleared personal value in the audit trail, which never copies the value itself. */
export const REMOVED = '[removed]';
