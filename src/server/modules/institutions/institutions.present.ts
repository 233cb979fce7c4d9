import type { z } from 'zod';
import type { institution } from '../../../shared/contract/network.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { InstitutionRow } from '../../db/schema.js';
import type { associationsOf, membershipsOf } from './institutions.repo.js';

type Institution = z.input<typeof institution>;

export function presentInstitution(
  actor: Actor,
  row: InstitutionRow,
  associations: Awaited<ReturnType<typeof associationsOf>>,
  memberships: Awaited<ReturnType<typeof membershipsOf>>,
): Institution {
  return {
    id: row.id,
    countryCode: row.country_code,
    nameOriginal: row.name_original,
    nameFr: row.name_fr,
    nameEn: row.name_en,
    acronym: row.acronym,
    kind: row.kind as Institution['kind'],
    website: row.website,
    dataStatus: row.data_status as Institution['dataStatus'],
    notes: row.notes,
    ownerInstitutionId: row.owner_institution_id,
    visibility: row.visibility as Institution['visibility'],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    associations: associations
      .filter((a) => a.institution_id === row.id)
      .map((a) => ({
        associationId: a.association_id,
        code: a.code,
        status: a.status as Institution['associations'][number]['status'],
        note: a.note,
      })),
    memberships: memberships
      .filter((m) => m.institution_id === row.id)
      .map((m) => ({
        membershipId: m.id,
        groupId: m.group_id,
        groupNameFr: m.name_fr,
        groupNameEn: m.name_en,
        status: m.status as Institution['memberships'][number]['status'],
        position: m.position,
      })),
    can: { edit: canWrite(actor, row.owner_institution_id) },
  };
}
