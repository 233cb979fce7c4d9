import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { declarationCreate, declarationUpdate } from '../../../shared/contract/network.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite } from '../../auth/policy.js';
import type { DB, DeclarationTable } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { presentDeclaration } from './declarations.present.js';
import * as repo from './declarations.repo.js';

type Create = z.output<typeof declarationCreate>;
type Update = z.output<typeof declarationUpdate>;

async function present(db: Kysely<DB>, actor: Actor, row: DeclarationTable) {
  return presentDeclaration(actor, row, await repo.signatoriesOf(db, [row.id]));
}

/** The signatory associations, each once; an unknown one is a 400 naming the field. */
async function checkedAssociations(db: Kysely<DB>, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await repo.existingAssociations(db, unique);
  if (found.length !== unique.length) {
    const field = 'body.associationIds';
    throw new AppError(400, 'validation_failed', { field }, [{ field, issue: 'unknown_reference', message: '' }]);
  }
  return unique;
}

export async function listDeclarations(db: Kysely<DB>, actor: Actor, query: repo.DeclarationListQuery) {
  const { rows, total } = await repo.listDeclarations(db, actor, query);
  const signatories = await repo.signatoriesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) => presentDeclaration(actor, row, signatories)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getDeclaration(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleDeclaration(db, actor, id);
  if (!row) throw notFound();
  return present(db, actor, row);
}

export async function createDeclaration(db: Kysely<DB>, context: AuditContext, input: Create) {
  const { actor } = context;
  // Declarations are the network's reference documents: administrators and coordinators.
  assertCanWrite(actor, null);
  const associationIds = await checkedAssociations(db, input.associationIds);
  const now = nowIso();
  const row: DeclarationTable = {
    id: randomUUID(),
    title_fr: input.titleFr,
    title_en: input.titleEn ?? null,
    adopted_on: input.adoptedOn ?? null,
    place: input.place ?? null,
    summary_fr: input.summaryFr ?? null,
    summary_en: input.summaryEn ?? null,
    link: input.link ?? null,
    text: input.text ?? null,
    owner_institution_id: null,
    visibility: input.visibility,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertDeclaration(trx, row);
    await repo.replaceSignatories(trx, row.id, associationIds);
    await recordAudit(trx, context, {
      entity: 'declaration',
      entityId: row.id,
      action: 'create',
      after: { ...row, associationIds },
    });
  });
  return getDeclaration(db, actor, row.id);
}

export async function updateDeclaration(db: Kysely<DB>, context: AuditContext, id: string, input: Update) {
  const { actor } = context;
  const current = await repo.findVisibleDeclaration(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const { version, associationIds, ...fields } = input;
  const signatories = associationIds === undefined ? undefined : await checkedAssociations(db, associationIds);
  const changes: Partial<DeclarationTable> = { updated_at: nowIso() };
  if (fields.titleFr !== undefined) changes.title_fr = fields.titleFr;
  if (fields.titleEn !== undefined) changes.title_en = fields.titleEn;
  if (fields.adoptedOn !== undefined) changes.adopted_on = fields.adoptedOn;
  if (fields.place !== undefined) changes.place = fields.place;
  if (fields.summaryFr !== undefined) changes.summary_fr = fields.summaryFr;
  if (fields.summaryEn !== undefined) changes.summary_en = fields.summaryEn;
  if (fields.link !== undefined) changes.link = fields.link;
  if (fields.text !== undefined) changes.text = fields.text;
  if (fields.visibility !== undefined) changes.visibility = fields.visibility;
  // Inside the transaction only `trx` may be used: SQLite has one connection, and `db` would wait for it forever.
  const applied = await db.transaction().execute(async (trx) => {
    const before = await present(trx, actor, current);
    if (!(await repo.updateDeclaration(trx, id, version, changes))) return false;
    if (signatories) await repo.replaceSignatories(trx, id, signatories);
    const after = await present(trx, actor, (await repo.findDeclaration(trx, id)) as DeclarationTable);
    await recordAudit(trx, context, {
      entity: 'declaration',
      entityId: id,
      action: 'update',
      before: { ...before, can: undefined },
      after: { ...after, can: undefined },
      institutionId: current.owner_institution_id,
    });
    return true;
  });
  if (!applied) {
    throw await staleVersion(db, {
      entity: 'declaration',
      entityId: id,
      sentVersion: version,
      current: await getDeclaration(db, actor, id),
    });
  }
  return getDeclaration(db, actor, id);
}

export async function deleteDeclaration(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await repo.findVisibleDeclaration(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  if (current.version !== version)
    throw await staleVersion(db, {
      entity: 'declaration',
      entityId: id,
      sentVersion: version,
      current: await present(db, actor, current),
    });
  const deleted = await db.transaction().execute(async (trx) => {
    const before = await present(trx, actor, current);
    if (!(await repo.deleteDeclaration(trx, id, version))) return false;
    await recordAudit(trx, context, {
      entity: 'declaration',
      entityId: id,
      action: 'delete',
      before: { ...before, can: undefined },
      institutionId: current.owner_institution_id,
    });
    return true;
  });
  if (!deleted) {
    const now = await repo.findVisibleDeclaration(db, actor, id);
    if (!now) throw notFound();
    throw await staleVersion(db, {
      entity: 'declaration',
      entityId: id,
      sentVersion: version,
      current: await present(db, actor, now),
    });
  }
}
