import type { Selectable } from 'kysely';
import { type ApprovalStatus, approvalTransitions, type Material } from '../../../shared/contract/awareness.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { MaterialTable } from '../../db/schema.js';

/** Who approved or withdrew a material is for the network's own people, not for partners or the public. */
export function seesPeople(actor: Actor): boolean {
  return actor.kind === 'user' && actor.user.role !== 'partner';
}

export function presentMaterial(
  actor: Actor,
  row: Selectable<MaterialTable>,
  sessions: number,
  changedBy: string | null,
): Material {
  const writable = canWrite(actor, row.owner_institution_id);
  const status = row.approval_status as ApprovalStatus;
  return {
    id: row.id,
    kind: row.kind as Material['kind'],
    title: row.title,
    description: row.description,
    languages: JSON.parse(row.languages) as string[],
    ageMin: row.age_min,
    ageMax: row.age_max,
    approvalStatus: status,
    statusChangedBy: seesPeople(actor) ? changedBy : null,
    statusChangedAt: row.status_changed_at,
    sessions,
    ownerInstitutionId: row.owner_institution_id,
    visibility: row.visibility as Material['visibility'],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: writable, delete: writable, transitions: writable ? [...approvalTransitions[status]] : [] },
  };
}
