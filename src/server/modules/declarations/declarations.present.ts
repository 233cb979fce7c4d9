import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { declaration } from '../../../shared/contract/network.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { DeclarationTable } from '../../db/schema.js';
import type { signatoriesOf } from './declarations.repo.js';

type Declaration = z.input<typeof declaration>;

export function presentDeclaration(
  actor: Actor,
  row: Selectable<DeclarationTable>,
  signatories: Awaited<ReturnType<typeof signatoriesOf>>,
): Declaration {
  return {
    id: row.id,
    titleFr: row.title_fr,
    titleEn: row.title_en,
    adoptedOn: row.adopted_on,
    place: row.place,
    summaryFr: row.summary_fr,
    summaryEn: row.summary_en,
    link: row.link,
    text: row.text,
    associations: signatories.filter((s) => s.declaration_id === row.id).map((s) => ({ id: s.id, code: s.code })),
    visibility: row.visibility as Declaration['visibility'],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: canWrite(actor, row.owner_institution_id) },
  };
}
