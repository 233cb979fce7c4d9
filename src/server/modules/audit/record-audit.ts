import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { appendAuditEvent, appendAuditEvents } from './audit-chain.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'status_change' | 'handover' | string;

export interface AuditInput {
  entity: string;
  entityId: string;
  action: AuditAction;
  /** The record before and after, as presented or as stored; only fields that differ are kept. */
  before?: object | null;
  after?: object | null;
  institutionId?: string | null;
  /** The record's version after the change; taken from `after.version` when not given. */
  version?: number | null;
}

export interface AuditContext {
  actor: Actor;
  requestId: string | null;
  /** Operators acting from the command line have no user: they are named here. */
  label?: string;
}

// Never copied into the trail, whatever the entity.
const SECRET_FIELDS = new Set([
  'password_hash',
  'passwordHash',
  'token_hash',
  'csrf_token',
  'secret_encrypted',
  'code_hash',
]);

export function changedFields(
  beforeRecord: object | null | undefined,
  afterRecord: object | null | undefined,
): Record<string, { before: unknown; after: unknown }> {
  const before = (beforeRecord ?? {}) as Record<string, unknown>;
  const after = (afterRecord ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of keys) {
    if (SECRET_FIELDS.has(key) || key === 'version' || key === 'updated_at' || key === 'updatedAt') continue;
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) {
      changes[key] = { before: from, after: to };
    }
  }
  return changes;
}

function versionOf(record: object | null | undefined): number | null {
  const version = (record as { version?: unknown } | null | undefined)?.version;
  return typeof version === 'number' ? version : null;
}

/**
 * Writes one audit event; call it with the transaction that makes the change, so both commit or neither. The event
 * is chained to the one before it (see `audit-chain.ts`); called outside a transaction, it opens its own.
 */
export async function recordAudit(db: Kysely<DB> | Transaction<DB>, context: AuditContext, input: AuditInput) {
  const event = eventOf(context, input);
  if (db.isTransaction) await appendAuditEvent(db as Transaction<DB>, event);
  else await db.transaction().execute((trx) => appendAuditEvent(trx, event));
}

/** Writes several audit events, in order, in the transaction that makes the changes (an import's many records). */
export async function recordAudits(trx: Transaction<DB>, context: AuditContext, inputs: AuditInput[]) {
  await appendAuditEvents(
    trx,
    inputs.map((input) => eventOf(context, input)),
  );
}

function eventOf(context: AuditContext, input: AuditInput) {
  const user = context.actor.kind === 'user' ? context.actor.user : null;
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    actor_user_id: user?.id ?? null,
    actor_label: context.label ?? user?.email ?? 'anonymous',
    entity: input.entity,
    entity_id: input.entityId,
    action: input.action,
    entity_version: input.version ?? versionOf(input.after),
    changes: JSON.stringify(changedFields(input.before, input.after)),
    institution_id: input.institutionId ?? null,
    request_id: context.requestId,
  };
}
