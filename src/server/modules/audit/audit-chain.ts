import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { engineOf } from '../../db/engine.js';
import type { AuditEventTable, DB } from '../../db/schema.js';

/** The hash before the first event of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

type ChainedFields = Omit<AuditEventTable, 'seq' | 'prev_hash' | 'hash'>;

/**
 * An event's canonical form (version 1): a JSON array of its stored fields in a fixed order, ending with the
 * previous event's hash. JSON of strings, numbers and nulls is deterministic, and `changes` is hashed as the text
 * stored. Changing this form needs a new version tag and a migration that re-chains (see 2026-11-28T1500).
 */
export function canonicalEvent(event: ChainedFields, seq: number, prevHash: string): string {
  return JSON.stringify([
    'vigie-audit-v1',
    seq,
    event.id,
    event.at,
    event.actor_user_id ?? null,
    event.actor_label,
    event.entity,
    event.entity_id,
    event.action,
    event.entity_version ?? null,
    event.changes,
    event.institution_id ?? null,
    event.request_id ?? null,
    prevHash,
  ]);
}

export function hashEvent(event: ChainedFields, seq: number, prevHash: string): string {
  return createHash('sha256')
    .update(canonicalEvent(event, seq, prevHash), 'utf8')
    .digest('hex');
}

/**
 * Appends one event to the chain inside the caller's transaction. The chain head is read with a row lock on
 * PostgreSQL (`FOR UPDATE`), so concurrent writers queue behind each other until commit and each links to the
 * event committed before it; SQLite runs one write transaction at a time. A rolled-back transaction takes its
 * event and the head's move with it.
 */
export async function appendAuditEvent(trx: Transaction<DB>, event: ChainedFields): Promise<void> {
  let head = trx.selectFrom('audit_chain_head').select(['seq', 'last_hash']).where('id', '=', 1);
  if (engineOf(trx as unknown as Kysely<unknown>) === 'postgres') head = head.forUpdate();
  const current = await head.executeTakeFirst();
  if (!current) throw new Error('The audit chain has no head: run the migrations.');
  const seq = current.seq + 1;
  const hash = hashEvent(event, seq, current.last_hash);
  await trx
    .insertInto('audit_events')
    .values({ ...event, seq, prev_hash: current.last_hash, hash })
    .execute();
  await trx
    .updateTable('audit_chain_head')
    .set({ seq, last_hash: hash, last_event_id: event.id, updated_at: event.at })
    .where('id', '=', 1)
    .execute();
}

// Rows per INSERT when many events are appended at once: well under SQLite's limit of bound parameters.
const EVENTS_PER_INSERT = 200;

/**
 * Appends several events, in order, inside the caller's transaction: the head is read (and locked) once, each
 * event chained to the one before it in memory, the events inserted a few hundred at a time and the head moved
 * once. For one transaction that writes many records (an import); the chain is the one `appendAuditEvent` makes.
 */
export async function appendAuditEvents(trx: Transaction<DB>, events: ChainedFields[]): Promise<void> {
  const last = events[events.length - 1];
  if (!last) return;
  let head = trx.selectFrom('audit_chain_head').select(['seq', 'last_hash']).where('id', '=', 1);
  if (engineOf(trx as unknown as Kysely<unknown>) === 'postgres') head = head.forUpdate();
  const current = await head.executeTakeFirst();
  if (!current) throw new Error('The audit chain has no head: run the migrations.');
  let seq = current.seq;
  let prevHash = current.last_hash;
  const rows = events.map((event) => {
    seq += 1;
    const hash = hashEvent(event, seq, prevHash);
    const row = { ...event, seq, prev_hash: prevHash, hash };
    prevHash = hash;
    return row;
  });
  for (let start = 0; start < rows.length; start += EVENTS_PER_INSERT) {
    await trx
      .insertInto('audit_events')
      .values(rows.slice(start, start + EVENTS_PER_INSERT))
      .execute();
  }
  await trx
    .updateTable('audit_chain_head')
    .set({ seq, last_hash: prevHash, last_event_id: last.id, updated_at: last.at })
    .where('id', '=', 1)
    .execute();
}

/**
 * For retention: after deleting every event up to `throughSeq` (in the same transaction), record where the
 * remaining chain starts, so that verification accepts the deliberate cut and still catches any other.
 */
export async function recordAuditPruning(trx: Transaction<DB>, throughSeq: number, throughHash: string) {
  await trx
    .updateTable('audit_chain_head')
    .set({ pruned_through_seq: throughSeq, pruned_through_hash: throughHash, updated_at: new Date().toISOString() })
    .where('id', '=', 1)
    .execute();
}

export type ChainProblem =
  /** The event's fields no longer give its hash: it was edited. */
  | 'edited'
  /** The event does not follow the one before it: events were deleted, inserted or reordered before it. */
  | 'broken_link'
  /** Positions are missing before this event: events were deleted. */
  | 'missing_before'
  /** The event is not in the chain at all (written around Vigie). */
  | 'unchained'
  /** The chain ends before its recorded head: the latest events were deleted. */
  | 'missing_at_end'
  /** Events follow the recorded head: they were added around Vigie. */
  | 'after_head';

export interface ChainBreak {
  problem: ChainProblem;
  eventId: string | null;
  seq: number | null;
  at: string | null;
}

export type ChainReport =
  | { intact: true; events: number; headSeq: number; headHash: string }
  | { intact: false; events: number; firstBreak: ChainBreak };

const BATCH = 1000;

/** Walks the whole chain in order and reports the first event where it breaks. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<ChainReport> {
  const head = await db.selectFrom('audit_chain_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!head) throw new Error('The audit chain has no head: run the migrations.');
  const unchained = await db
    .selectFrom('audit_events')
    .select(['id', 'at'])
    .where((eb) => eb.or([eb('seq', 'is', null), eb('hash', 'is', null), eb('prev_hash', 'is', null)]))
    .orderBy('at')
    .orderBy('id')
    .executeTakeFirst();
  let expectedSeq = head.pruned_through_seq + 1;
  let previousHash = head.pruned_through_hash;
  let events = 0;
  const broken = (problem: ChainProblem, row: { id: string; seq: number | null; at: string } | null) => ({
    intact: false as const,
    events,
    firstBreak: { problem, eventId: row?.id ?? null, seq: row?.seq ?? null, at: row?.at ?? null },
  });
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', 'is not', null)
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const seq = row.seq as number;
      if (seq > head.seq) return broken('after_head', row);
      if (seq !== expectedSeq) return broken('missing_before', row);
      if (row.prev_hash !== previousHash) return broken('broken_link', row);
      if (hashEvent(row, seq, previousHash) !== row.hash) return broken('edited', row);
      previousHash = row.hash;
      expectedSeq += 1;
      events += 1;
    }
    if (rows.length < BATCH) break;
  }
  if (expectedSeq - 1 !== head.seq || previousHash !== head.last_hash) {
    return broken('missing_at_end', null);
  }
  if (unchained) return broken('unchained', { id: unchained.id, seq: null, at: unchained.at });
  return { intact: true, events, headSeq: head.seq, headHash: head.last_hash };
}
