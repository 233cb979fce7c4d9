import type { Kysely } from 'kysely';
import { z } from 'zod';
import { auditEvent } from '../../../shared/contract/audit.js';
import { isoDate } from '../../../shared/contract/common.js';
import { roleHas } from '../../../shared/roles.js';
import type { Actor } from '../../auth/actor.js';
import type { AuditEventRow, DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { listQuery, offsetOf, pageOf } from '../../http/pagination.js';
import { defineRoute } from '../../http/route.js';

const query = listQuery(['at', 'entity', 'action'], 'at', {
  entity: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(100).optional(),
  actorUserId: z.uuid().optional(),
  action: z.string().trim().max(60).optional(),
  institutionId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
}).extend({ order: z.enum(['asc', 'desc']).default('desc') });

type Query = z.output<typeof query>;

const sortColumns = { at: 'at', entity: 'entity', action: 'action' } as const;

function present(row: AuditEventRow): z.input<typeof auditEvent> {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    changes: JSON.parse(row.changes),
    institutionId: row.institution_id,
    requestId: row.request_id,
  };
}

async function listAuditEvents(db: Kysely<DB>, actor: Actor, q: Query) {
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  if (!roleHas(actor.user.role, 'read:audit:any')) throw new AppError(403, 'forbidden');
  let base = db.selectFrom('audit_events');
  if (q.entity) base = base.where('entity', '=', q.entity);
  if (q.entityId) base = base.where('entity_id', '=', q.entityId);
  if (q.actorUserId) base = base.where('actor_user_id', '=', q.actorUserId);
  if (q.action) base = base.where('action', '=', q.action);
  if (q.institutionId) base = base.where('institution_id', '=', q.institutionId);
  if (q.from) base = base.where('at', '>=', `${q.from}T00:00:00.000Z`);
  // `to` is inclusive: the whole day.
  if (q.to) base = base.where('at', '<', new Date(Date.parse(`${q.to}T00:00:00.000Z`) + 86_400_000).toISOString());
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy(sortColumns[q.sort], q.order)
      .orderBy('id', q.order)
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(count.total), page: q.page, pageSize: q.pageSize };
}

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/audit-events',
    operationId: 'listAuditEvents',
    summary: 'The audit trail (administrators): who changed what, when, with the fields before and after',
    tag: 'audit',
    access: 'user',
    query,
    response: pageOf(auditEvent),
    handler: ({ db, actor, query: q }) => listAuditEvents(db, actor, q),
  }),
];
