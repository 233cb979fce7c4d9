import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AppError } from '../../http/errors.js';
import { versionConflict } from '../../http/versioning.js';

/**
 * The 409 for an edit made from an old version: the current record, and which fields changed since the version
 * the editor had, read from the audit trail (every write records the version it produced).
 */
export async function staleVersion(
  db: Kysely<DB>,
  stale: { entity: string; entityId: string; sentVersion: number; current: unknown },
): Promise<AppError> {
  const events = await db
    .selectFrom('audit_events')
    .select('changes')
    .where('entity', '=', stale.entity)
    .where('entity_id', '=', stale.entityId)
    .where('entity_version', '>', stale.sentVersion)
    .execute();
  const fields = new Set<string>();
  for (const event of events) for (const field of Object.keys(JSON.parse(event.changes))) fields.add(field);
  return versionConflict(stale.current, [...fields].sort());
}
