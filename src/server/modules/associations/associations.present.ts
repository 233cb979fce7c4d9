import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { association } from '../../../shared/contract/network.js';
import type { Actor } from '../../auth/actor.js';
import { canWriteNetwork } from '../../auth/policy.js';
import type { AssociationTable } from '../../db/schema.js';

type Association = z.input<typeof association>;

export function presentAssociation(actor: Actor, row: Selectable<AssociationTable>): Association {
  return {
    id: row.id,
    code: row.code,
    nameFr: row.name_fr,
    nameEn: row.name_en,
    foundedOn: row.founded_on,
    website: row.website,
    notes: row.notes,
    version: row.version,
    can: { edit: canWriteNetwork(actor) },
  };
}
