import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import {
  approvalTransitions,
  type materialCreate,
  type materialTransition,
  type materialUpdate,
} from '../../../shared/contract/awareness.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite, canWrite } from '../../auth/policy.js';
import type { DB, MaterialTable } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { institutionIsVisible } from '../partners/partners.repo.js';
import { invalidField, stateConflict, unknownReference } from '../plan/plan-errors.js';
import { presentMaterial } from './materials.present.js';
import * as repo from './materials.repo.js';

type Create = z.output<typeof materialCreate>;
type Update = z.output<typeof materialUpdate>;
type Transition = z.output<typeof materialTransition>;
type Row = Selectable<MaterialTable>;

async function present(db: Kysely<DB>, actor: Actor, rows: Row[]) {
  const [sessions, people] = await Promise.all([
    repo.sessionCounts(
      db,
      actor,
      rows.map((r) => r.id),
    ),
    repo.userNames(db, [...new Set(rows.map((r) => r.status_changed_by).filter((id): id is string => id !== null))]),
  ]);
  return rows.map((row) =>
    presentMaterial(
      actor,
      row,
      sessions.get(row.id) ?? 0,
      row.status_changed_by ? (people.get(row.status_changed_by) ?? null) : null,
    ),
  );
}

export async function listMaterials(db: Kysely<DB>, actor: Actor, query: repo.MaterialListQuery) {
  const { rows, total } = await repo.listMaterials(db, actor, query);
  return { items: await present(db, actor, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getMaterial(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleMaterial(db, actor, id);
  if (!row) throw notFound();
  const [material] = await present(db, actor, [row]);
  if (!material) throw notFound();
  return material;
}

async function written(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findMaterial(db, id);
  if (!row) throw notFound();
  const [material] = await present(db, actor, [row]);
  if (!material) throw notFound();
  return material;
}

export async function createMaterial(db: Kysely<DB>, context: AuditContext, input: Create) {
  const { actor } = context;
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  let owner: string | null;
  if (input.ownerInstitutionId !== undefined) {
    owner = input.ownerInstitutionId;
    if (owner !== null && !(await institutionIsVisible(db, actor, owner))) {
      throw unknownReference('body.ownerInstitutionId');
    }
  } else {
    owner = canWrite(actor, null) ? null : actor.user.institutionId;
  }
  assertCanWrite(actor, owner);
  const now = nowIso();
  const row: MaterialTable = {
    id: randomUUID(),
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    languages: JSON.stringify([...new Set(input.languages)]),
    age_min: input.ageMin ?? null,
    age_max: input.ageMax ?? null,
    approval_status: 'draft',
    status_changed_by: actor.user.id,
    status_changed_at: now,
    owner_institution_id: owner,
    visibility: input.visibility,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertMaterial(trx, row);
    await recordAudit(trx, context, {
      entity: repo.MATERIAL_ENTITY,
      entityId: row.id,
      action: 'create',
      after: row,
      institutionId: owner,
    });
  });
  return written(db, actor, row.id);
}

async function applyChange(
  db: Kysely<DB>,
  context: AuditContext,
  current: Row,
  version: number,
  changes: Partial<MaterialTable>,
  action: string,
) {
  const { actor } = context;
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await repo.updateMaterial(trx, current.id, version, changes))) return false;
    const after = await repo.findMaterial(trx, current.id);
    await recordAudit(trx, context, {
      entity: repo.MATERIAL_ENTITY,
      entityId: current.id,
      action,
      before: current,
      after,
      institutionId: after?.owner_institution_id ?? null,
    });
    return true;
  });
  if (!applied) {
    throw await staleVersion(db, {
      entity: repo.MATERIAL_ENTITY,
      entityId: current.id,
      sentVersion: version,
      current: await getMaterial(db, actor, current.id),
    });
  }
  return written(db, actor, current.id);
}

export async function updateMaterial(db: Kysely<DB>, context: AuditContext, id: string, input: Update) {
  const { actor } = context;
  const current = await repo.findVisibleMaterial(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const { version, ...fields } = input;
  if (fields.ownerInstitutionId !== undefined && fields.ownerInstitutionId !== current.owner_institution_id) {
    if (fields.ownerInstitutionId !== null && !(await institutionIsVisible(db, actor, fields.ownerInstitutionId))) {
      throw unknownReference('body.ownerInstitutionId');
    }
    assertCanWrite(actor, fields.ownerInstitutionId);
  }
  const changes: Partial<MaterialTable> = { updated_at: nowIso() };
  if (fields.kind !== undefined) changes.kind = fields.kind;
  if (fields.title !== undefined) changes.title = fields.title;
  if (fields.description !== undefined) changes.description = fields.description;
  if (fields.languages !== undefined) changes.languages = JSON.stringify([...new Set(fields.languages)]);
  if (fields.ageMin !== undefined) changes.age_min = fields.ageMin;
  if (fields.ageMax !== undefined) changes.age_max = fields.ageMax;
  if (fields.ownerInstitutionId !== undefined) changes.owner_institution_id = fields.ownerInstitutionId;
  if (fields.visibility !== undefined) changes.visibility = fields.visibility;
  const ageMin = changes.age_min !== undefined ? changes.age_min : current.age_min;
  const ageMax = changes.age_max !== undefined ? changes.age_max : current.age_max;
  if (ageMin !== null && ageMax !== null && ageMax < ageMin) {
    throw invalidField(fields.ageMax !== undefined ? 'body.ageMax' : 'body.ageMin', 'age_range');
  }
  return applyChange(db, context, current, version, changes, 'update');
}

/** The approval workflow (draft → in review → approved → withdrawn → draft), who and when kept on the material. */
export async function transitionMaterial(db: Kysely<DB>, context: AuditContext, id: string, input: Transition) {
  const { actor } = context;
  const current = await repo.findVisibleMaterial(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  if (current.version !== input.version) {
    throw await staleVersion(db, {
      entity: repo.MATERIAL_ENTITY,
      entityId: id,
      sentVersion: input.version,
      current: await getMaterial(db, actor, id),
    });
  }
  const from = current.approval_status as keyof typeof approvalTransitions;
  if (!approvalTransitions[from].includes(input.to)) throw stateConflict(from);
  const now = nowIso();
  return applyChange(
    db,
    context,
    current,
    input.version,
    {
      approval_status: input.to,
      status_changed_by: actor.kind === 'user' ? actor.user.id : null,
      status_changed_at: now,
      updated_at: now,
    },
    'status_change',
  );
}

export async function deleteMaterial(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await repo.findVisibleMaterial(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const stale = async () =>
    staleVersion(db, {
      entity: repo.MATERIAL_ENTITY,
      entityId: id,
      sentVersion: version,
      current: await getMaterial(db, actor, id),
    });
  if (current.version !== version) throw await stale();
  // Sessions that used it keep saying so, whoever may see them: a used material is withdrawn, not deleted.
  if (((await repo.sessionCounts(db, null, [id])).get(id) ?? 0) > 0) {
    throw new AppError(409, 'conflict', { reason: 'in_use' }, { reason: 'in_use' });
  }
  const deleted = await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteMaterial(trx, id, version))) return false;
    await trx
      .deleteFrom('document_links')
      .where('entity', '=', repo.MATERIAL_ENTITY)
      .where('entity_id', '=', id)
      .execute();
    await recordAudit(trx, context, {
      entity: repo.MATERIAL_ENTITY,
      entityId: id,
      action: 'delete',
      before: current,
      institutionId: current.owner_institution_id,
    });
    return true;
  });
  if (!deleted) {
    if (!(await repo.findVisibleMaterial(db, actor, id))) throw notFound();
    throw await stale();
  }
}
