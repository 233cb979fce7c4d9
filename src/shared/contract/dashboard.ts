import { z } from 'zod';
import { meetingCadences, participantSexes, trainingAudiences } from './activities.js';
import { awarenessSettings, reachAgeBands, reachSexes, reachStatuses } from './awareness.js';
import { countryCode, id, isoDate } from './common.js';
import { facilityKinds, recommendationStatuses } from './monitoring.js';
import { actionStatuses } from './plan.js';

/** The plan's five axes: 1–3 activities, 4 awareness, 5 monitoring. */
export const dashboardAxes = [1, 2, 3, 4, 5] as const;
export type DashboardAxis = (typeof dashboardAxes)[number];

/** GET /api/v1/dashboard: `institutionId` may be repeated (any of them takes part). */
export const dashboardQuery = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    institutionId: z
      .union([id, z.array(id).max(20)])
      .optional()
      .transform((value) => (value === undefined ? [] : Array.isArray(value) ? [...new Set(value)] : [value])),
    axis: z.coerce
      .number()
      .int()
      .refine((v) => v >= 1 && v <= 5, { params: { reason: 'plan_axis' } })
      .optional(),
    country: countryCode.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], params: { reason: 'end_before_start' } });
export type DashboardQueryInput = z.input<typeof dashboardQuery>;

/** What the service is asked for (the parsed query). */
export interface DashboardFilters {
  from?: string | undefined;
  to?: string | undefined;
  institutionIds: string[];
  axis?: number | undefined;
  country?: string | undefined;
}

/** The list pages a figure can lead to. */
export const dashboardLists = [
  'actions',
  'activities',
  'awarenessSessions',
  'awarenessReach',
  'visits',
  'recommendations',
] as const;
export type DashboardList = (typeof dashboardLists)[number];

/**
 * The list behind a figure: the web app's page and the API list with the query that reproduces the figure (its
 * total, or for the reach, the same figure of `/awareness-sessions/reach`). The page takes the same query.
 */
export const figureLink = z.object({
  list: z.enum(dashboardLists),
  page: z.string(),
  api: z.string(),
  query: z.record(z.string(), z.string()),
});
export type FigureLink = z.infer<typeof figureLink>;

/**
 * A number and the list that reproduces it; no link when the lists cannot express the filters (several
 * institutions chosen: each list filters on one).
 */
export const figure = z.object({ value: z.number().int(), link: figureLink.nullable() });
export type Figure = z.infer<typeof figure>;

const figuresBy = <const T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, figure])) as Record<T[number], typeof figure>);
const numbersBy = <const T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<T[number], z.ZodNumber>);

export const dashboardPlanActions = z.object({
  planId: id,
  title: z.string(),
  titleEn: z.string().nullable(),
  total: figure,
  byStatus: figuresBy(actionStatuses),
  overdue: figure,
});

export const dashboardBody = z.object({
  id,
  title: z.string(),
  cadence: z.enum(meetingCadences).nullable(),
  /** Meetings of the body in the period. */
  meetings: figure,
  lastMeetingAt: z.string().nullable(),
  behind: z.boolean(),
});

export const dashboardDialogue = z.object({
  bodies: figure,
  onTime: figure,
  behind: figure,
  /** Meetings held in the period (of any body, or none). */
  meetings: figure,
  /** Every body, those behind their cadence first, then by title. */
  perBody: z.array(dashboardBody),
});

export const dashboardTrainings = z.object({
  trainings: figure,
  /** People trained: the trainings' counted participants (the link is the trainings). */
  people: figure,
  byAudience: z.object(
    Object.fromEntries(trainingAudiences.map((a) => [a, numbersBy(participantSexes)])) as Record<
      (typeof trainingAudiences)[number],
      ReturnType<typeof numbersBy<typeof participantSexes>>
    >,
  ),
  bySex: numbersBy(participantSexes),
});

export const dashboardStatements = z.object({
  statements: figure,
  replied: figure,
  waiting: figure,
  /** Median of days from a statement to its first reply, over those replied; null when none. */
  medianDaysToReply: z.number().nullable(),
});

export const dashboardAwareness = z.object({
  sessions: figure,
  /** Distinct groups: a session and its repeats are one. */
  groups: z.number().int(),
  /** Children reached, each group once (see `/awareness-sessions/reach`). */
  children: figure,
  bySex: numbersBy(reachSexes),
  byAgeBand: numbersBy(reachAgeBands),
  byStatus: numbersBy(reachStatuses),
  bySetting: z.object(
    Object.fromEntries(awarenessSettings.map((s) => [s, z.object({ sessions: figure, children: figure })])) as Record<
      (typeof awarenessSettings)[number],
      z.ZodObject<{ sessions: typeof figure; children: typeof figure }>
    >,
  ),
  adults: z.number().int(),
  /** Media campaigns' estimated audiences: apart, never added to children or adults met. */
  mediaAudience: z.number().int(),
  mediaCampaigns: z.number().int(),
});

export const dashboardVisits = z.object({
  total: figure,
  byFacilityKind: figuresBy(facilityKinds),
  announced: figure,
  unannounced: figure,
  /** With more than one institution. */
  joint: figure,
});

export const dashboardRecommendations = z.object({
  total: figure,
  byStatus: figuresBy(recommendationStatuses),
  /** Implemented out of all (partly implemented not counted): null when there are none. */
  implementationRate: z.number().nullable(),
  overdue: figure,
  repeated: figure,
});

export const dashboardCountry = z.object({
  country: z.string(),
  /** Member institutions of that country the caller may see. */
  institutions: z.number().int(),
  /** Null when the chosen axis leaves visits (5) or sessions (4) out. */
  visits: figure.nullable(),
  sessions: figure.nullable(),
});

export const dashboardFacility = z.object({
  id,
  name: z.string(),
  kind: z.enum(facilityKinds),
  country: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  visits: figure,
});

export const dashboardMap = z.object({
  /** Countries of the member institutions (active in a group of the network). */
  memberCountries: z.array(z.string()),
  /** Per country: visits (by the facility's country) and awareness sessions (by where they took place). */
  countries: z.array(dashboardCountry),
  /** Visited facilities with coordinates. */
  facilities: z.array(dashboardFacility),
});

/** Every section; a section outside the chosen axis is null. */
export const networkDashboard = z.object({
  filters: z.object({
    from: isoDate.nullable(),
    to: isoDate.nullable(),
    institutionIds: z.array(id),
    axis: z.number().int().nullable(),
    country: z.string().nullable(),
  }),
  /** The UTC date "overdue" was measured against. */
  today: isoDate,
  actions: z.array(dashboardPlanActions),
  dialogue: dashboardDialogue.nullable(),
  trainings: dashboardTrainings.nullable(),
  statements: dashboardStatements.nullable(),
  awareness: dashboardAwareness.nullable(),
  visits: dashboardVisits.nullable(),
  recommendations: dashboardRecommendations.nullable(),
  map: dashboardMap,
});
export type NetworkDashboard = z.infer<typeof networkDashboard>;
