import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { finding, findingCreate, findingUpdate } from '../../../shared/contract/monitoring.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { DB, FindingTable } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { offsetOf } from '../../http/pagination.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { parseStandards } from './templates.present.js';
import { visibleVisitOrNotFound, writableVisit } from './visit-access.js';

type Finding = z.input<typeof finding>;
type Create = z.output<typeof findingCreate>;
type Update = z.output<typeof findingUpdate>;

export interface FindingListQuery {
  theme?: string | undefined;
  severity?: string | undefined;
  page: number;
  pageSize: number;
  sort: 'theme' | 'severity' | 'createdAt';
  order: 'asc' | 'desc';
}

function withCount(db: Kysely<DB>) {
  return db
    .selectFrom('findings')
    .selectAll('findings')
    .select((eb) =>
      eb
        .selectFrom('recommendations')
        .select((r) => r.fn.countAll<number>().as('n'))
        .whereRef('recommendations.finding_id', '=', 'findings.id')
        .as('recommendation_count'),
    );
}
type FindingRow = FindingTable & { recommendation_count: number | string | null };

function present(actor: Actor, owner: string | null, row: FindingRow): Finding {
  return {
    id: row.id,
    visitId: row.visit_id,
    theme: row.theme as Finding['theme'],
    severity: row.severity as Finding['severity'],
    text: row.text,
    standards: parseStandards(row.standards),
    evidence: row.evidence,
    recommendationCount: Number(row.recommendation_count ?? 0),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: canWrite(actor, owner) },
  };
}

// Severity sorts by weight, not by name.
const severityWeight = "case findings.severity when 'low' then 1 when 'medium' then 2 when 'high' then 3 else 4 end";

export async function listFindings(db: Kysely<DB>, actor: Actor, visitId: string, query: FindingListQuery) {
  const visit = await visibleVisitOrNotFound(db, actor, visitId);
  let base = db.selectFrom('findings').where('findings.visit_id', '=', visitId);
  if (query.theme) base = base.where('findings.theme', '=', query.theme);
  if (query.severity) base = base.where('findings.severity', '=', query.severity);
  let rows = withCount(db).where('findings.visit_id', '=', visitId);
  if (query.theme) rows = rows.where('findings.theme', '=', query.theme);
  if (query.severity) rows = rows.where('findings.severity', '=', query.severity);
  const order =
    query.sort === 'severity'
      ? sql.raw(`${severityWeight} ${query.order}`)
      : sql.raw(`${query.sort === 'theme' ? 'findings.theme' : 'findings.created_at'} ${query.order}`);
  const [items, count] = await Promise.all([
    rows
      .orderBy(order)
      .orderBy('findings.created_at')
      .orderBy('findings.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map((row) => present(actor, visit.owner_institution_id, row)),
    total: Number(count.total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function getFinding(db: Kysely<DB>, actor: Actor, owner: string | null, visitId: string, id: string) {
  const row = await withCount(db)
    .where('findings.id', '=', id)
    .where('findings.visit_id', '=', visitId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return present(actor, owner, row);
}

export async function createFinding(db: Kysely<DB>, context: AuditContext, visitId: string, input: Create) {
  const visit = await writableVisit(db, context.actor, visitId);
  const now = nowIso();
  const row: FindingTable = {
    id: randomUUID(),
    visit_id: visitId,
    theme: input.theme,
    severity: input.severity,
    text: input.text,
    standards: JSON.stringify(input.standards),
    evidence: input.evidence ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('findings').values(row).execute();
    await recordAudit(trx, context, {
      entity: 'finding',
      entityId: row.id,
      action: 'create',
      after: row,
      institutionId: visit.owner_institution_id,
    });
  });
  return getFinding(db, context.actor, visit.owner_institution_id, visitId, row.id);
}

export async function updateFinding(db: Kysely<DB>, context: AuditContext, visitId: string, id: string, input: Update) {
  const { actor } = context;
  const visit = await visibleVisitOrNotFound(db, actor, visitId);
  const current = await getFinding(db, actor, visit.owner_institution_id, visitId, id);
  await writableVisit(db, actor, visitId);
  const { version, ...f } = input;
  const changes: Partial<FindingTable> = { updated_at: nowIso() };
  if (f.theme !== undefined) changes.theme = f.theme;
  if (f.severity !== undefined) changes.severity = f.severity;
  if (f.text !== undefined) changes.text = f.text;
  if (f.standards !== undefined) changes.standards = JSON.stringify(f.standards);
  if (f.evidence !== undefined) changes.evidence = f.evidence;
  const applied = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('findings')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    const after = await trx.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
    await recordAudit(trx, context, {
      entity: 'finding',
      entityId: id,
      action: 'update',
      before: { ...current, standards: JSON.stringify(current.standards) },
      after,
      institutionId: visit.owner_institution_id,
    });
    return true;
  });
  if (!applied) {
    throw await staleVersion(db, {
      entity: 'finding',
      entityId: id,
      sentVersion: version,
      current: await getFinding(db, actor, visit.owner_institution_id, visitId, id),
    });
  }
  return getFinding(db, actor, visit.owner_institution_id, visitId, id);
}

export async function deleteFinding(
  db: Kysely<DB>,
  context: AuditContext,
  visitId: string,
  id: string,
  version: number,
) {
  const { actor } = context;
  const visit = await visibleVisitOrNotFound(db, actor, visitId);
  const current = await getFinding(db, actor, visit.owner_institution_id, visitId, id);
  await writableVisit(db, actor, visitId);
  const stale = async () =>
    staleVersion(db, {
      entity: 'finding',
      entityId: id,
      sentVersion: version,
      current: await getFinding(db, actor, visit.owner_institution_id, visitId, id),
    });
  if (current.version !== version) throw await stale();
  const deleted = await db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('findings')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) return false;
    await recordAudit(trx, context, {
      entity: 'finding',
      entityId: id,
      action: 'delete',
      before: current,
      institutionId: visit.owner_institution_id,
    });
    return true;
  });
  if (!deleted) throw await stale();
}
