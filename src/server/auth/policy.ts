import { roleHas } from '../../shared/roles.js';
import { AppError } from '../http/errors.js';
import type { Actor } from './actor.js';

/**
 * May this actor change a record owned by `ownerInstitutionId` (null: owned by the network)? Administrators may
 * change anything; coordinators the network's records and their own institution's; contact points and staff their
 * own institution's; partners and the public nothing.
 */
export function canWrite(actor: Actor, ownerInstitutionId: string | null): boolean {
  if (actor.kind === 'anonymous') return false;
  const { role, institutionId } = actor.user;
  if (roleHas(role, 'write:record:any')) return true;
  if (ownerInstitutionId === null) return roleHas(role, 'write:record:network');
  return roleHas(role, 'write:record:own') && ownerInstitutionId === institutionId;
}

export function assertCanWrite(actor: Actor, ownerInstitutionId: string | null): void {
  if (!canWrite(actor, ownerInstitutionId)) throw new AppError(403, 'forbidden');
}

/** Records owned by the network itself (associations, groups, declarations): administrators and coordinators. */
export function canWriteNetwork(actor: Actor): boolean {
  return canWrite(actor, null);
}

export function assertRole(actor: Actor, allowed: (actor: Actor) => boolean): void {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  if (!allowed(actor)) throw new AppError(403, 'forbidden');
}
