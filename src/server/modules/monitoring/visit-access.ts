import type { Kysely } from 'kysely';
import { roleHas } from '../../../shared/roles.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite } from '../../auth/policy.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';

/**
 * The parts of a visit (checklist, findings, recommendations, urgent situations) are seen by whoever sees the visit
 * and written by whoever may write it: its leading institution (or, for the network's, the coordinators).
 */
export async function visibleVisitOrNotFound(db: Kysely<DB>, actor: Actor, visitId: string) {
  const row = await db
    .selectFrom('visits')
    .selectAll()
    .where('id', '=', visitId)
    .where(visibleTo(actor, 'visits'))
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function writableVisit(db: Kysely<DB>, actor: Actor, visitId: string) {
  const row = await visibleVisitOrNotFound(db, actor, visitId);
  assertCanWrite(actor, row.owner_institution_id);
  return row;
}

/**
 * Who may read a visit's urgent individual situations: the visiting institution's own people (contact points and
 * staff of the leading institution), or for a visit of the network, its coordinators. Nobody else, administrators
 * included: outside the institution only counts are shown.
 */
export function canReadUrgent(actor: Actor, ownerInstitutionId: string | null): boolean {
  if (actor.kind === 'anonymous') return false;
  const { role, institutionId } = actor.user;
  if (ownerInstitutionId === null) return roleHas(role, 'write:record:network') && role !== 'administrator';
  return roleHas(role, 'write:record:own') && institutionId === ownerInstitutionId;
}
