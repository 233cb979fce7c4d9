import { z } from 'zod';

export const reachSexes = ['girls', 'boys', 'other'] as const;
export const reachAgeBands = ['0-5', '6-11', '12-14', '15-17'] as const;
export const reachStatuses = ['unaccompanied', 'separated', 'with_family'] as const;
export type ReachSex = (typeof reachSexes)[number];
export type ReachAgeBand = (typeof reachAgeBands)[number];
export type ReachStatus = (typeof reachStatuses)[number];

function grid<T extends z.ZodType>(cell: T) {
  const byAge = z.strictObject(
    Object.fromEntries(reachAgeBands.map((band) => [band, cell])) as Record<ReachAgeBand, T>,
  );
  const bySex = z.strictObject(
    Object.fromEntries(reachSexes.map((sex) => [sex, byAge])) as Record<ReachSex, typeof byAge>,
  );
  return z.strictObject(
    Object.fromEntries(reachStatuses.map((status) => [status, bySex])) as Record<ReachStatus, typeof bySex>,
  );
}

/** A full grid of children counted: status → sex → age band → count. */
export const childrenGrid = grid(z.number().int());
export type ChildrenGrid = z.infer<typeof childrenGrid>;

/**
 * Honest reach: people met, each series of sessions with the same group counted once, and media audiences apart.
 */
export const awarenessReach = z.object({
  sessions: z.number().int(),
  /** Distinct groups: a first session and its repeats are one. */
  groups: z.number().int(),
  children: childrenGrid,
  childrenTotal: z.number().int(),
  bySex: z.record(z.enum(reachSexes), z.number().int()),
  byAgeBand: z.record(z.enum(reachAgeBands), z.number().int()),
  byStatus: z.record(z.enum(reachStatuses), z.number().int()),
  adults: z.number().int(),
  /** Media campaigns' estimated audiences: never added to the people met. */
  mediaAudience: z.number().int(),
  mediaCampaigns: z.number().int(),
});
export type AwarenessReach = z.infer<typeof awarenessReach>;
