import type { Kysely } from 'kysely';
import {
  type AwarenessReach,
  type ChildrenGrid,
  type ChildrenInput,
  reachAgeBands,
  reachSexes,
  reachStatuses,
} from '../../../shared/contract/awareness.js';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { type Cell, reachCells, reachTotals, type SessionFilters } from './sessions.repo.js';

export function emptyGrid(): ChildrenGrid {
  const grid = {} as Record<string, Record<string, Record<string, number>>>;
  for (const status of reachStatuses) {
    grid[status] = {};
    for (const sex of reachSexes) {
      const bySex = grid[status] as Record<string, Record<string, number>>;
      bySex[sex] = Object.fromEntries(reachAgeBands.map((band) => [band, 0]));
    }
  }
  return grid as ChildrenGrid;
}

/** Stored cells (sparse) into the full grid a response carries. */
export function gridOf(cells: { sex: string; age_band: string; status: string; count: number | string }[]) {
  const grid = emptyGrid() as Record<string, Record<string, Record<string, number>>>;
  for (const cell of cells) {
    const row = grid[cell.status]?.[cell.sex];
    if (row && cell.age_band in row) row[cell.age_band] = Number(cell.count);
  }
  return grid as ChildrenGrid;
}

/** A request's grid (every level optional, missing is zero) into the cells to store. */
export function cellsOf(input: ChildrenInput): Cell[] {
  const cells: Cell[] = [];
  for (const status of reachStatuses) {
    for (const sex of reachSexes) {
      for (const band of reachAgeBands) {
        const count = input[status]?.[sex]?.[band] ?? 0;
        if (count > 0) cells.push({ status, sex, age_band: band, count });
      }
    }
  }
  return cells;
}

export function totalOf(grid: ChildrenGrid): number {
  let total = 0;
  for (const status of reachStatuses) {
    for (const sex of reachSexes) for (const band of reachAgeBands) total += grid[status][sex][band];
  }
  return total;
}

/** The honest reach of the sessions the actor may see with the filters (see `reachCells` for how repeats count). */
export async function computeReach(db: Kysely<DB>, actor: Actor, filters: SessionFilters): Promise<AwarenessReach> {
  const [cells, totals] = await Promise.all([reachCells(db, actor, filters), reachTotals(db, actor, filters)]);
  const children = gridOf(cells.map((c) => ({ ...c, count: Number(c.n) })));
  const bySex = Object.fromEntries(reachSexes.map((s) => [s, 0])) as Record<string, number>;
  const byAgeBand = Object.fromEntries(reachAgeBands.map((b) => [b, 0])) as Record<string, number>;
  const byStatus = Object.fromEntries(reachStatuses.map((s) => [s, 0])) as Record<string, number>;
  for (const status of reachStatuses) {
    for (const sex of reachSexes) {
      for (const band of reachAgeBands) {
        const n = children[status][sex][band];
        bySex[sex] = (bySex[sex] ?? 0) + n;
        byAgeBand[band] = (byAgeBand[band] ?? 0) + n;
        byStatus[status] = (byStatus[status] ?? 0) + n;
      }
    }
  }
  return {
    sessions: Number(totals.sessions ?? 0),
    groups: Number(totals.groups ?? 0),
    children,
    childrenTotal: totalOf(children),
    bySex,
    byAgeBand,
    byStatus,
    adults: Number(totals.adults ?? 0),
    mediaAudience: Number(totals.audience ?? 0),
    mediaCampaigns: Number(totals.media ?? 0),
  };
}
