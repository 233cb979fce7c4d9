import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  urgentSituation,
  urgentSituationCreate,
  urgentSituationDetail,
  urgentSituationUpdate,
} from '../../../shared/contract/monitoring.js';
import type { Actor } from '../../auth/actor.js';
import { decryptText, encryptText } from '../../auth/encryption.js';
import { canWrite } from '../../auth/policy.js';
import type { DB, UrgentSituationTable } from '../../db/schema.js';
import { notFound } from '../../http/errors.js';
import { offsetOf } from '../../http/pagination.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { canReadUrgent, visibleVisitOrNotFound } from './visit-access.js';

type Situation = z.input<typeof urgentSituation>;
type Detail = z.input<typeof urgentSituationDetail>;
type Create = z.output<typeof urgentSituationCreate>;
type Update = z.output<typeof urgentSituationUpdate>;

export interface SituationListQuery {
  page: number;
  pageSize: number;
}

/** The details are bound to the row's id: a value copied onto another row does not decrypt. */
const context = (id: string) => `urgent_situation:${id}`;

// What the audit trail may hold of a situation: never the details, not even encrypted.
function auditable(row: UrgentSituationTable) {
  const { details_encrypted, ...rest } = row;
  return { ...rest, has_details: details_encrypted !== null };
}

function present(actor: Actor, owner: string | null, row: UrgentSituationTable): Situation {
  return {
    id: row.id,
    visitId: row.visit_id,
    code: row.code,
    ageBand: row.age_band as Situation['ageBand'],
    sex: row.sex as Situation['sex'],
    nationality: row.nationality,
    needs: JSON.parse(row.needs) as Situation['needs'],
    referredTo: row.referred_to,
    status: row.status as Situation['status'],
    hasDetails: row.details_encrypted !== null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: canWrite(actor, owner) && canReadUrgent(actor, owner) },
  };
}

/** The visit, if the actor is of the visiting institution: anyone else is told nothing exists (404). */
async function visitForInsider(db: Kysely<DB>, actor: Actor, visitId: string) {
  const visit = await visibleVisitOrNotFound(db, actor, visitId);
  if (!canReadUrgent(actor, visit.owner_institution_id)) throw notFound();
  return visit;
}

async function situationForInsider(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await db.selectFrom('urgent_situations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const visit = await visitForInsider(db, actor, row.visit_id);
  return { row, owner: visit.owner_institution_id };
}

export async function listSituations(db: Kysely<DB>, actor: Actor, visitId: string, query: SituationListQuery) {
  const visit = await visitForInsider(db, actor, visitId);
  const base = db.selectFrom('urgent_situations').where('visit_id', '=', visitId);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('code').orderBy('id').limit(query.pageSize).offset(offsetOf(query)).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => present(actor, visit.owner_institution_id, row)),
    total: Number(count.total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function createSituation(
  db: Kysely<DB>,
  key: Buffer,
  audit: AuditContext,
  visitId: string,
  input: Create,
) {
  const { actor } = audit;
  const visit = await visitForInsider(db, actor, visitId);
  if (!canWrite(actor, visit.owner_institution_id)) throw notFound();
  const now = nowIso();
  const id = randomUUID();
  const row: UrgentSituationTable = {
    id,
    visit_id: visitId,
    code: input.code,
    age_band: input.ageBand,
    sex: input.sex,
    nationality: input.nationality ?? null,
    needs: JSON.stringify([...new Set(input.needs)]),
    referred_to: input.referredTo ?? null,
    status: input.status,
    details_encrypted: input.details ? encryptText(key, input.details, context(id)) : null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('urgent_situations').values(row).execute();
    await recordAudit(trx, audit, {
      entity: 'urgent_situation',
      entityId: id,
      action: 'create',
      after: auditable(row),
      institutionId: visit.owner_institution_id,
    });
  });
  return present(actor, visit.owner_institution_id, row);
}

export async function updateSituation(db: Kysely<DB>, key: Buffer, audit: AuditContext, id: string, input: Update) {
  const { actor } = audit;
  const { row: current, owner } = await situationForInsider(db, actor, id);
  if (!canWrite(actor, owner)) throw notFound();
  const { version, details, ...f } = input;
  const changes: Partial<UrgentSituationTable> = { updated_at: nowIso() };
  if (f.code !== undefined) changes.code = f.code;
  if (f.ageBand !== undefined) changes.age_band = f.ageBand;
  if (f.sex !== undefined) changes.sex = f.sex;
  if (f.nationality !== undefined) changes.nationality = f.nationality;
  if (f.needs !== undefined) changes.needs = JSON.stringify([...new Set(f.needs)]);
  if (f.referredTo !== undefined) changes.referred_to = f.referredTo;
  if (f.status !== undefined) changes.status = f.status;
  if (details !== undefined) changes.details_encrypted = details ? encryptText(key, details, context(id)) : null;
  const updated = await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('urgent_situations')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return undefined;
    const after = await trx.selectFrom('urgent_situations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, audit, {
      entity: 'urgent_situation',
      entityId: id,
      action: 'update',
      before: auditable(current),
      after: { ...auditable(after), ...(details === undefined ? {} : { details_changed: true }) },
      institutionId: owner,
    });
    return after;
  });
  if (!updated) {
    const now = await db.selectFrom('urgent_situations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!now) throw notFound();
    throw await staleVersion(db, {
      entity: 'urgent_situation',
      entityId: id,
      sentVersion: version,
      current: present(actor, owner, now),
    });
  }
  return present(actor, owner, updated);
}

export async function deleteSituation(db: Kysely<DB>, audit: AuditContext, id: string, version: number) {
  const { actor } = audit;
  const { row: current, owner } = await situationForInsider(db, actor, id);
  if (!canWrite(actor, owner)) throw notFound();
  const stale = async () =>
    staleVersion(db, {
      entity: 'urgent_situation',
      entityId: id,
      sentVersion: version,
      current: present(actor, owner, current),
    });
  if (current.version !== version) throw await stale();
  const deleted = await db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('urgent_situations')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) return false;
    await recordAudit(trx, audit, {
      entity: 'urgent_situation',
      entityId: id,
      action: 'delete',
      before: auditable(current),
      institutionId: owner,
    });
    return true;
  });
  if (!deleted) throw await stale();
}

/** The identifying details, decrypted for the visiting institution's people; the read itself is audited. */
export async function revealSituation(db: Kysely<DB>, key: Buffer, audit: AuditContext, id: string): Promise<Detail> {
  const { actor } = audit;
  const { row, owner } = await situationForInsider(db, actor, id);
  const details = row.details_encrypted === null ? null : decryptText(key, row.details_encrypted, context(id));
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, audit, {
      entity: 'urgent_situation',
      entityId: id,
      action: 'read_details',
      after: { code: row.code },
      institutionId: owner,
      version: row.version,
    });
  });
  return { ...present(actor, owner, row), details };
}
