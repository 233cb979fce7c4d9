import { institutionRoles, type Role, roleHas } from '../../../shared/roles.js';
import type { Actor } from '../../auth/actor.js';

/**
 * Administrators manage every account; a contact point manages the accounts of their own institution, and may
 * give them only institution roles (contact point or staff): never administrator, coordinator or partner.
 */
export function canManageUser(actor: Actor, target: { institution_id: string | null; role: string }): boolean {
  if (actor.kind === 'anonymous') return false;
  const { role, institutionId } = actor.user;
  if (roleHas(role, 'manage:user:any')) return true;
  return (
    roleHas(role, 'manage:user:own') &&
    institutionId !== null &&
    target.institution_id === institutionId &&
    institutionRoles.includes(target.role as Role)
  );
}

export function canListUsers(actor: Actor): boolean {
  if (actor.kind === 'anonymous') return false;
  return roleHas(actor.user.role, 'manage:user:any') || roleHas(actor.user.role, 'manage:user:own');
}
