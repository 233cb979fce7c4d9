import type { Kysely } from 'kysely';
import { type ActivityKind, activityKinds } from '../../../shared/contract/activities.js';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { listActivities } from '../activities/activities.service.js';
import { getReach, listSessions } from '../awareness/sessions.service.js';
import { listVisits } from '../monitoring/visits.service.js';

/** The period and the institutions a report covers; no institutions: everything the reader sees. */
export interface Scope {
  from: string;
  to: string;
  institutionIds: string[];
}

interface Listed {
  items: { id: string }[];
  total: number;
}

const PAGE = 100;

/**
 * How many records a list gives for the scope, asking it exactly as the web app does (same filters, same
 * visibility): its total for the whole network or one institution; for several, the records listed for any of
 * them, each counted once (a joint visit is not counted twice).
 */
async function countListed(
  institutionIds: string[],
  list: (institutionId: string | undefined, page: number, pageSize: number) => Promise<Listed>,
): Promise<number> {
  if (institutionIds.length <= 1) return (await list(institutionIds[0], 1, 1)).total;
  const seen = new Set<string>();
  for (const institutionId of institutionIds) {
    for (let page = 1; ; page++) {
      const { items, total } = await list(institutionId, page, PAGE);
      for (const item of items) seen.add(item.id);
      if (page * PAGE >= total) break;
    }
  }
  return seen.size;
}

/** Every record a list gives for the scope (several institutions: each record once), in the list's order. */
export async function allListed<T extends { id: string }>(
  institutionIds: string[],
  list: (institutionId: string | undefined, page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
): Promise<T[]> {
  const found = new Map<string, T>();
  for (const institutionId of institutionIds.length > 0 ? institutionIds : [undefined]) {
    for (let page = 1; ; page++) {
      const { items, total } = await list(institutionId, page, PAGE);
      for (const item of items) if (!found.has(item.id)) found.set(item.id, item);
      if (page * PAGE >= total) break;
    }
  }
  return [...found.values()];
}

export function activitiesOf(
  db: Kysely<DB>,
  actor: Actor,
  scope: Scope,
  filters: { kind?: ActivityKind; axis?: number },
) {
  return (institutionId: string | undefined, page: number, pageSize: number) =>
    listActivities(db, actor, {
      ...filters,
      from: scope.from,
      to: scope.to,
      institutionId,
      page,
      pageSize,
      sort: 'startsAt',
      order: 'asc',
    });
}

export function sessionsOf(db: Kysely<DB>, actor: Actor, scope: Scope) {
  return (institutionId: string | undefined, page: number, pageSize: number) =>
    listSessions(db, actor, {
      from: scope.from,
      to: scope.to,
      institutionId,
      page,
      pageSize,
      sort: 'startsOn',
      order: 'asc',
    });
}

export function visitsOf(db: Kysely<DB>, actor: Actor, scope: Scope) {
  return (institutionId: string | undefined, page: number, pageSize: number) =>
    listVisits(db, actor, {
      from: scope.from,
      to: scope.to,
      institution: institutionId,
      page,
      pageSize,
      sort: 'startsOn',
      order: 'asc',
    });
}

export interface AxisFigures {
  /** Axis number 1–5 → records of the period (activities of the axis, awareness sessions, visits). */
  totals: Record<1 | 2 | 3 | 4 | 5, number>;
  activitiesByKind: Record<ActivityKind, number>;
  /** Null for a selection of several institutions (reach does not add up across them). */
  childrenReached: number | null;
  adultsReached: number | null;
  recommendations: number;
  findings: number;
}

/** The per-axis figures of the period as the reader sees them, computed through the modules' own list queries. */
export async function axisFigures(db: Kysely<DB>, actor: Actor, scope: Scope): Promise<AxisFigures> {
  const ids = scope.institutionIds;
  const byKind = {} as Record<ActivityKind, number>;
  for (const kind of activityKinds) byKind[kind] = await countListed(ids, activitiesOf(db, actor, scope, { kind }));
  const totals = {
    1: await countListed(ids, activitiesOf(db, actor, scope, { axis: 1 })),
    2: await countListed(ids, activitiesOf(db, actor, scope, { axis: 2 })),
    3: await countListed(ids, activitiesOf(db, actor, scope, { axis: 3 })),
    4: await countListed(ids, sessionsOf(db, actor, scope)),
    5: 0,
  };
  const visits = await allListed(ids, visitsOf(db, actor, scope));
  totals[5] = visits.length;
  // Reach counts each group once across its repeats, so it does not add up over institutions: it is given for the
  // whole network or one institution, not for a selection of several.
  const reach =
    ids.length <= 1 ? await getReach(db, actor, { from: scope.from, to: scope.to, institutionId: ids[0] }) : null;
  return {
    totals,
    activitiesByKind: byKind,
    childrenReached: reach ? reach.childrenTotal : null,
    adultsReached: reach ? reach.adults : null,
    recommendations: visits.reduce((n, v) => n + v.counts.recommendations, 0),
    findings: visits.reduce((n, v) => n + v.counts.findings, 0),
  };
}

/** Records of the period of one institution: activities (axes 1–3), awareness sessions, visits. */
export async function institutionFigures(db: Kysely<DB>, actor: Actor, scope: Scope, institutionId: string) {
  const [activities, sessions, visits] = await Promise.all([
    countListed([institutionId], activitiesOf(db, actor, scope, {})),
    countListed([institutionId], sessionsOf(db, actor, scope)),
    countListed([institutionId], visitsOf(db, actor, scope)),
  ]);
  return { activities, sessions, visits };
}
