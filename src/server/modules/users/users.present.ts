import type { z } from 'zod';
import type { user } from '../../../shared/contract/users.js';
import type { Actor } from '../../auth/actor.js';
import type { UserRow } from '../../db/schema.js';
import { canManageUser } from './users.policy.js';

type User = z.input<typeof user>;

export type UserWithNames = UserRow & { institution_name: string | null; partner_name: string | null };

export function presentUser(actor: Actor, row: UserWithNames): User {
  const manage = canManageUser(actor, row);
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as User['role'],
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    language: row.language as User['language'],
    status: row.status as User['status'],
    lastLoginAt: row.last_login_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: manage, resetPassword: manage && row.status !== 'disabled' },
  };
}
