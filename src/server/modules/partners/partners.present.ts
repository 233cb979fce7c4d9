import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { partner } from '../../../shared/contract/network.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { PartnerTable } from '../../db/schema.js';

type Partner = z.input<typeof partner>;

export function presentPartner(actor: Actor, row: Selectable<PartnerTable>): Partner {
  return {
    id: row.id,
    nameFr: row.name_fr,
    nameEn: row.name_en,
    acronymFr: row.acronym_fr,
    acronymEn: row.acronym_en,
    kind: row.kind as Partner['kind'],
    countryCode: row.country_code,
    website: row.website,
    notes: row.notes,
    ownerInstitutionId: row.owner_institution_id,
    visibility: row.visibility as Partner['visibility'],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: canWrite(actor, row.owner_institution_id) },
  };
}
