import type { LightMyRequestResponse } from 'fastify';
import type { RouteDefinition } from '../../../src/server/http/route.js';
import { type Visibility, visibilities } from '../../../src/shared/roles.js';
import type { Session } from '../../support/app.js';
import {
  everyone,
  expectedEditStatus,
  ownedByFrance,
  ownedByNetwork,
  type PolicyTable,
  type Who,
} from '../../support/policy-matrix.js';
import type { Target } from './fixtures.js';
import type { Person, World } from './world.js';

/** What a case sends: path parameters (the route's `{name}`s), query and body. */
export interface RequestSpec {
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean>;
  body?: unknown;
}

/** The status each person gets, for a target of each visibility (record cases) or once (other cases). */
export type Expectation = (who: Who, visibility: Visibility) => number;

interface ListCheck {
  /** The id a list item carries (default `item.id`). */
  itemId?: (item: Record<string, unknown>) => string;
  /** The list is filtered down to the target alone: `total` must be exactly 1 or 0. */
  exactTotal?: boolean;
  /** The target is the list's parent, not one of its items: check only what is listed. */
  parentOnly?: boolean;
  /** The owner of an item (default: `ownerInstitutionId`, or the network when the item does not say). */
  ownerOf?: (item: Record<string, unknown>) => string | null;
}

/**
 * A route aimed at a record owned by France (or by the network), made once per visibility by `target`. The
 * runner calls the route as every person against each of the four records and compares the status with `expect`.
 * A call expected to succeed gets a record of its own, so that a delete or a state change does not disturb the
 * other calls.
 */
export interface RecordCase {
  kind: 'record';
  label: string;
  /** Who sees and edits the target: ownedByFrance or ownedByNetwork. */
  table: PolicyTable;
  target(w: World, visibility: Visibility): Promise<Target>;
  request(w: World, target: Target, who: Who): RequestSpec | Promise<RequestSpec>;
  expect: Expectation;
  /** For list routes: the target is listed, and counted, exactly when the caller may see it. */
  list?: ListCheck;
  /** For detail routes: the `can.edit` flag the caller gets. */
  canEdit?: (who: Who) => boolean;
}

/** A route that is not about one record of a given visibility: auth, accounts, collections, the network's lists. */
export interface UnscopedCase {
  kind: 'unscoped';
  label: string;
  /** A fixture made for each call (a fresh link, a token of the caller...), with the session the call will use. */
  setup?(w: World, who: Who, session: Session | null): Promise<Target>;
  request(w: World, target: Target | undefined, who: Who): RequestSpec | Promise<RequestSpec>;
  expect: Record<Who, number>;
  /**
   * Which credentials: the person's session (default), a second session of theirs (for operations that end the
   * session they come with), or a new account of the same kind (for operations that change the account).
   */
  actor?: 'session' | 'fresh-session' | 'throwaway';
  list?: ListCheck;
  /** Anything else to check on a 2xx answer. */
  check?(w: World, who: Who, body: Record<string, unknown>): void;
}

export type MatrixCase = RecordCase | UnscopedCase;

export interface MatrixEntry {
  cases: MatrixCase[];
}

export const routeKey = (route: Pick<RouteDefinition, 'method' | 'path'>) => `${route.method} ${route.path}`;

// Expectations, derived from the policy tables of tests/support/policy-matrix.ts.

interface Gate {
  table: PolicyTable;
  /** The status of a call that gets through. */
  ok: number;
  /** May this person do it, once the record is visible to them? (Default: the table's `canEdit`.) */
  may?: (who: Who) => boolean;
  /** Signed-in users only: the anonymous public gets 401 before anything else. */
  signedIn?: boolean;
  /** The status when the record is invisible: 404 for the record in the path, 400 for a reference in the body. */
  invisible?: number;
  /** The role is checked before the record is looked up (collections: "may you add at all?"). */
  roleFirst?: boolean;
}

export function gate({
  table,
  ok,
  may = (who) => table.canEdit[who],
  signedIn = true,
  invisible = 404,
  roleFirst = false,
}: Gate): Expectation {
  return (who, visibility) => {
    if (signedIn && who === 'anonymous') return 401;
    const visible = table.canSee[who].includes(visibility);
    if (roleFirst && !may(who)) return 403;
    if (!visible) return invisible;
    return may(who) ? ok : 403;
  };
}

/** Reading a record: 200 when the caller may see it, 404 otherwise (never 403: its existence does not leak). */
export const sees = (table: PolicyTable): Expectation => gate({ table, ok: 200, may: () => true, signedIn: false });

/** A list: everyone gets one (what it shows is checked item by item). */
export const lists = (): Expectation => () => 200;

/** Changing a record: as `expectedEditStatus` says (401, 404, 403), with the route's own success status. */
export const edits =
  (table: PolicyTable, ok = 200): Expectation =>
  (who, visibility) => {
    const status = expectedEditStatus(table, who, visibility);
    return status === 200 ? ok : status;
  };

/** The same status for everyone. */
export const all = (status: number): Record<Who, number> =>
  Object.fromEntries(everyone.map((who) => [who, status])) as Record<Who, number>;

/** Signed-in users get `status`, the public 401. */
export const signedIn = (status: number): Record<Who, number> => ({ ...all(status), anonymous: 401 });

/** The status of an edit of a public record owned by `table`'s owner, with the route's success status. */
export const editsPublic = (table: PolicyTable, ok: number): Record<Who, number> =>
  Object.fromEntries(everyone.map((who) => [who, edits(table, ok)(who, 'public')])) as Record<Who, number>;

/** Only the listed people get `ok`; other signed-in users 403, the public 401. */
export const only = (ok: number, allowed: Who[]): Record<Who, number> =>
  Object.fromEntries(
    everyone.map((who) => [who, who === 'anonymous' ? 401 : allowed.includes(who) ? ok : 403]),
  ) as Record<Who, number>;

/**
 * Whether `who` may see a record of this owner and visibility, from the tables: France's records as
 * `ownedByFrance`, the network's as `ownedByNetwork`, another institution's as France's are seen from outside.
 */
export function canSeeOwned(w: World, who: Who, owner: string | null, visibility: Visibility): boolean {
  if (owner === null) return ownedByNetwork.canSee[who].includes(visibility);
  if (owner === w.france) return ownedByFrance.canSee[who].includes(visibility);
  if (w.people[who].institutionId === owner) return true;
  const outsider: Who = who === 'contactPointFR' || who === 'staffFR' ? 'staffMA' : who;
  return ownedByFrance.canSee[outsider].includes(visibility);
}

// The runner.

export interface Mismatch {
  route: string;
  label: string;
  who: Who;
  visibility: Visibility | '-';
  expected: number | string;
  got: number | string;
  body: string;
}

export interface RunCounts {
  /** Calls made: route × person × visibility (or × person, for routes that are not about one record). */
  calls: number;
  /** Lists checked for what they show and count. */
  listChecks: number;
}

function urlOf(route: RouteDefinition, spec: RequestSpec): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = spec.params?.[name];
    if (value === undefined) throw new Error(`${routeKey(route)}: the case gives no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const query = Object.entries(spec.query ?? {})
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

async function credentials(w: World, who: Who, actor: UnscopedCase['actor']): Promise<Session | null> {
  if (who === 'anonymous') return null;
  if (actor === 'fresh-session') return w.freshSession(who);
  if (actor === 'throwaway') return ((await w.throwaway(who)) as Person).session;
  return w.people[who].session;
}

function checkList(
  w: World,
  who: Who,
  body: Record<string, unknown>,
  check: ListCheck,
  target: { id: string; visible: boolean } | undefined,
): string | undefined {
  const items = body.items as Record<string, unknown>[] | undefined;
  if (!Array.isArray(items)) return 'no items';
  for (const item of items) {
    if (typeof item.visibility !== 'string') continue;
    const owner = check.ownerOf
      ? check.ownerOf(item)
      : ((item.ownerInstitutionId as string | null | undefined) ?? null);
    if (!canSeeOwned(w, who, owner, item.visibility as Visibility)) {
      return `lists ${String(item.id)} (owner ${owner}, ${item.visibility}), which ${who} may not see`;
    }
  }
  const total = body.total as number | undefined;
  const pageSize = body.pageSize as number | undefined;
  if (total !== undefined && pageSize !== undefined && total <= pageSize && total !== items.length) {
    return `total ${total} but ${items.length} items on the only page`;
  }
  if (target) {
    const ids = items.map((item) => (check.itemId ? check.itemId(item) : (item.id as string)));
    if (ids.includes(target.id) !== target.visible) {
      return target.visible ? 'the visible target is not listed' : 'the invisible target is listed';
    }
    if (check.exactTotal && total !== (target.visible ? 1 : 0)) {
      return `total ${total}, expected ${target.visible ? 1 : 0}`;
    }
  }
  return undefined;
}

/** Calls one route as every person (against every visibility, for record cases) and returns what did not match. */
export async function runEntry(
  w: World,
  route: RouteDefinition,
  entry: MatrixEntry,
  counts: RunCounts,
): Promise<Mismatch[]> {
  const mismatches: Mismatch[] = [];
  const key = routeKey(route);
  const writes = route.method !== 'GET';
  const note = (m: Omit<Mismatch, 'route'>) => mismatches.push({ route: key, ...m });

  for (const c of entry.cases) {
    if (c.kind === 'record') {
      for (const visibility of visibilities) {
        let shared: Target | undefined;
        for (const who of everyone) {
          const expected = c.expect(who, visibility);
          // A call that should succeed changes its record (a delete, a state change): it gets one of its own.
          let target: Target;
          if (writes && expected < 300) target = await c.target(w, visibility);
          else {
            shared ??= await c.target(w, visibility);
            target = shared;
          }
          const spec = await c.request(w, target, who);
          const response = await w.call(who, route.method, urlOf(route, spec), spec.body);
          counts.calls += 1;
          const found = verdict(response, expected);
          if (found) {
            note({ label: c.label, who, visibility, expected, got: response.statusCode, body: found });
            continue;
          }
          if (response.statusCode !== 200 || route.method !== 'GET') continue;
          // A downloaded file has no JSON to check: its status was the check.
          if (!String(response.headers['content-type'] ?? '').includes('json')) continue;
          const body = response.json() as Record<string, unknown>;
          if (c.list) {
            counts.listChecks += 1;
            await readAllPages(w, who, route, spec, body);
            const wrong = checkList(
              w,
              who,
              body,
              c.list,
              c.list.parentOnly ? undefined : { id: target.id, visible: c.table.canSee[who].includes(visibility) },
            );
            if (wrong) note({ label: c.label, who, visibility, expected: 'list', got: wrong, body: '' });
          }
          if (c.canEdit) {
            const edit = (body.can as { edit?: unknown } | undefined)?.edit;
            if (edit !== c.canEdit(who)) {
              note({
                label: c.label,
                who,
                visibility,
                expected: `can.edit ${c.canEdit(who)}`,
                got: String(edit),
                body: '',
              });
            }
          }
        }
      }
    } else {
      for (const who of everyone) {
        const expected = c.expect[who];
        const session = await credentials(w, who, c.actor);
        const target = c.setup ? await c.setup(w, who, session) : undefined;
        const spec = await c.request(w, target, who);
        const response = await w.call(session, route.method, urlOf(route, spec), spec.body);
        counts.calls += 1;
        const found = verdict(response, expected);
        if (found) {
          note({ label: c.label, who, visibility: '-', expected, got: response.statusCode, body: found });
          continue;
        }
        if (response.statusCode >= 300 || !response.body) continue;
        // A file or a calendar (text/calendar) has no JSON to check: its status was the check.
        if (!String(response.headers['content-type'] ?? '').includes('json')) continue;
        const body = response.json() as Record<string, unknown>;
        if (c.list && route.method === 'GET') {
          counts.listChecks += 1;
          await readAllPages(w, session, route, spec, body);
          const wrong = checkList(w, who, body, c.list, undefined);
          if (wrong) note({ label: c.label, who, visibility: '-', expected: 'list', got: wrong, body: '' });
        }
        try {
          c.check?.(w, who, body);
        } catch (error) {
          note({ label: c.label, who, visibility: '-', expected: 'check', got: String(error), body: '' });
        }
      }
    }
  }
  return mismatches;
}

/** A list longer than a page: the following pages are fetched and their items added to the first page's. */
async function readAllPages(
  w: World,
  who: Who | Session | null,
  route: RouteDefinition,
  spec: RequestSpec,
  body: Record<string, unknown>,
): Promise<void> {
  const items = body.items as unknown[] | undefined;
  const total = body.total as number | undefined;
  const pageSize = body.pageSize as number | undefined;
  if (!Array.isArray(items) || total === undefined || !pageSize) return;
  for (let page = 2; items.length < total && page <= Math.ceil(total / pageSize); page += 1) {
    const response = await w.call(who, 'GET', urlOf(route, { ...spec, query: { ...spec.query, page } }));
    const more = (response.json() as { items?: unknown[] }).items ?? [];
    if (more.length === 0) break;
    items.push(...more);
  }
  body.pageSize = Math.max(total, pageSize);
}

/** Undefined when the answer is the expected one; else what came back, for the report. */
function verdict(response: LightMyRequestResponse, expected: number): string | undefined {
  if (response.statusCode === expected) return undefined;
  return response.body.slice(0, 300);
}

export function describeMismatches(mismatches: Mismatch[]): string {
  return mismatches
    .map(
      (m) =>
        `${m.route} [${m.label}] as ${m.who} on ${m.visibility}: expected ${m.expected}, got ${m.got}${m.body ? ` — ${m.body}` : ''}`,
    )
    .join('\n');
}
