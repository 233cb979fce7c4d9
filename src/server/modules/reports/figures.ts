import type { Kysely } from 'kysely';
import type { ActivityKind } from '../../../shared/contract/activities.js';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { listActivities } from '../activities/activities.service.js';
import { listSessions } from '../awareness/sessions.service.js';
import { listVisits } from '../monitoring/visits.service.js';

/** The period and the institutions a report covers; no institutions: everything the reader sees. */
export interface Scope {
  from: string;
  to: string;
  institutionIds: string[];
}

interface Listed<T> {
  items: T[];
  total: number;
}

type List<T> = (institutionId: string | undefined, page: number, pageSize: number) => Promise<Listed<T>>;

const PAGE = 100;

/**
 * Lets the process answer other requests between two queries: on SQLite every query runs synchronously, and a
 * long chain of them would otherwise hold the event loop for the whole generation.
 */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every record a list gives for the scope (several institutions: each record once), in the list's order. */
export async function allListed<T extends { id: string }>(institutionIds: string[], list: List<T>): Promise<T[]> {
  const found = new Map<string, T>();
  for (const institutionId of institutionIds.length > 0 ? institutionIds : [undefined]) {
    for (let page = 1; ; page++) {
      await breathe();
      const { items, total } = await list(institutionId, page, PAGE);
      for (const item of items) if (!found.has(item.id)) found.set(item.id, item);
      if (page * PAGE >= total) break;
    }
  }
  return [...found.values()];
}

/**
 * How many records a list gives for the scope, asking it exactly as the web app does (same filters, same
 * visibility): its total for the whole network or one institution; for several, the records listed for any of
 * them, each counted once (a joint visit is not counted twice).
 */
export async function countListed<T extends { id: string }>(institutionIds: string[], list: List<T>): Promise<number> {
  if (institutionIds.length > 1) return (await allListed(institutionIds, list)).length;
  await breathe();
  return (await list(institutionIds[0], 1, 1)).total;
}

/**
 * The first records of a list for the scope in the list's order: one page for the network or one institution;
 * for several, every record of each, merged and ordered by `key`.
 */
export async function firstListed<T extends { id: string }>(
  institutionIds: string[],
  list: List<T>,
  count: number,
  key: (item: T) => string,
): Promise<T[]> {
  if (institutionIds.length <= 1) {
    await breathe();
    return (await list(institutionIds[0], 1, count)).items;
  }
  return (await allListed(institutionIds, list)).sort((a, b) => key(b).localeCompare(key(a))).slice(0, count);
}

type Order = 'asc' | 'desc';

export function activitiesOf(
  db: Kysely<DB>,
  actor: Actor,
  scope: Scope,
  filters: { kind?: ActivityKind; axis?: number },
  order: Order = 'asc',
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
      order,
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

export function visitsOf(db: Kysely<DB>, actor: Actor, scope: Scope, order: Order = 'asc') {
  return (institutionId: string | undefined, page: number, pageSize: number) =>
    listVisits(db, actor, {
      from: scope.from,
      to: scope.to,
      institution: institutionId,
      page,
      pageSize,
      sort: 'startsOn',
      order,
    });
}

export interface AxisFigures {
  /** Axis number 1–5 → records of the period (activities of the axis, awareness sessions, visits). */
  totals: Record<1 | 2 | 3 | 4 | 5, number>;
  /** Axis 3's records, which no dashboard section counts. */
  studyVisits: number;
  courses: number;
}

/** The per-axis totals of the period as the reader sees them, through the modules' own list queries. */
export async function axisFigures(db: Kysely<DB>, actor: Actor, scope: Scope): Promise<AxisFigures> {
  const ids = scope.institutionIds;
  return {
    totals: {
      1: await countListed(ids, activitiesOf(db, actor, scope, { axis: 1 })),
      2: await countListed(ids, activitiesOf(db, actor, scope, { axis: 2 })),
      3: await countListed(ids, activitiesOf(db, actor, scope, { axis: 3 })),
      4: await countListed(ids, sessionsOf(db, actor, scope)),
      5: await countListed(ids, visitsOf(db, actor, scope)),
    },
    studyVisits: await countListed(ids, activitiesOf(db, actor, scope, { kind: 'study_visit' })),
    courses: await countListed(ids, activitiesOf(db, actor, scope, { kind: 'course' })),
  };
}

/** Records of the period of one institution: activities (axes 1–3), awareness sessions, visits. */
export async function institutionFigures(db: Kysely<DB>, actor: Actor, scope: Scope, institutionId: string) {
  return {
    activities: await countListed([institutionId], activitiesOf(db, actor, scope, {})),
    sessions: await countListed([institutionId], sessionsOf(db, actor, scope)),
    visits: await countListed([institutionId], visitsOf(db, actor, scope)),
  };
}
