import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { group, groupMember, membershipStatusChange } from '../../../shared/contract/network.js';
import { roleHas } from '../../../shared/roles.js';
import { type Actor, roleOf } from '../../auth/actor.js';
import { canWriteNetwork } from '../../auth/policy.js';
import type { GroupTable, MembershipStatusChangeTable } from '../../db/schema.js';
import type { associationsOfGroups, currentContactPoints, MemberRow, memberCounts } from './groups.repo.js';

type Group = z.input<typeof group>;
type GroupMember = z.input<typeof groupMember>;
type StatusChange = z.input<typeof membershipStatusChange>;

/** Admitting members and changing their status is the secretariat's: administrators and coordinators. */
export function canManageMembership(actor: Actor): boolean {
  return roleHas(roleOf(actor), 'manage:membership:any');
}

export function presentGroup(
  actor: Actor,
  row: Selectable<GroupTable>,
  associations: Awaited<ReturnType<typeof associationsOfGroups>>,
  counts: Awaited<ReturnType<typeof memberCounts>>,
): Group {
  return {
    id: row.id,
    nameFr: row.name_fr,
    nameEn: row.name_en,
    descriptionFr: row.description_fr,
    descriptionEn: row.description_en,
    associations: associations.filter((a) => a.group_id === row.id).map((a) => ({ id: a.id, code: a.code })),
    memberCount: Number(counts.find((c) => c.group_id === row.id)?.n ?? 0),
    version: row.version,
    can: { edit: canWriteNetwork(actor) },
  };
}

export function presentMember(
  actor: Actor,
  row: MemberRow,
  contactPoints: Awaited<ReturnType<typeof currentContactPoints>>,
): GroupMember {
  const contact = contactPoints.find((c) => c.membership_id === row.id);
  return {
    membershipId: row.id,
    position: row.position,
    status: row.status as GroupMember['status'],
    statusSince: row.status_since,
    institution: {
      id: row.institution_id,
      countryCode: row.country_code,
      nameFr: row.name_fr,
      nameEn: row.name_en,
      nameOriginal: row.name_original,
    },
    contactPoint: contact
      ? { id: contact.id, name: contact.name, roleTitle: contact.role_title, email: contact.email }
      : null,
    version: row.version,
    can: { edit: canManageMembership(actor) },
  };
}

export function presentStatusChange(row: Selectable<MembershipStatusChangeTable>): StatusChange {
  return {
    id: row.id,
    status: row.status as StatusChange['status'],
    changedOn: row.changed_on,
    note: row.note,
    actorUserId: row.actor_user_id,
    createdAt: row.created_at,
  };
}
