import type { DashboardList, Figure, FigureLink } from '../../../shared/contract/dashboard.js';
import type { Scope } from './dashboard.repo.js';

type Query = Record<string, string | number | boolean | undefined>;

const apis: Record<DashboardList, string> = {
  actions: '/api/v1/actions',
  activities: '/api/v1/activities',
  awarenessSessions: '/api/v1/awareness-sessions',
  awarenessReach: '/api/v1/awareness-sessions/reach',
  visits: '/api/v1/visits',
  recommendations: '/api/v1/recommendations',
};

/** Each list's name for "this institution takes part". */
const institutionParam: Record<DashboardList, string> = {
  actions: 'institutionId',
  activities: 'institutionId',
  awarenessSessions: 'institutionId',
  awarenessReach: 'institutionId',
  visits: 'institution',
  recommendations: 'institution',
};

/**
 * Builds the figures of one dashboard: each number with the list (web page and API) and the query that reproduce
 * it. The scope's institution, country and period go into every query the list understands; the caller adds what
 * singles the figure out (a status, a kind…).
 */
export function figures(scope: Scope) {
  const linkable = scope.institutionIds.length <= 1;
  const institution = scope.institutionIds[0];

  function link(list: DashboardList, page: string, base: Query, extra: Query): FigureLink | null {
    if (!linkable) return null;
    const query: Record<string, string> = {};
    const all: Query = { ...base, ...extra };
    if (institution) all[institutionParam[list]] = institution;
    for (const [key, value] of Object.entries(all)) if (value !== undefined) query[key] = String(value);
    return { list, page, api: apis[list], query };
  }

  const period = { from: scope.from, to: scope.to };
  const country = { country: scope.country };
  const figure = (value: number, l: FigureLink | null): Figure => ({ value, link: l });

  return {
    action: (value: number, planId: string, axisId: string | undefined, extra: Query = {}) =>
      figure(value, link('actions', `/plans/${planId}/actions`, { planId, axisId, ...period, ...country }, extra)),
    /** Dialogue bodies are counted as they stand now: no period. */
    body: (value: number, extra: Query = {}) =>
      figure(value, link('activities', '/activities', { kind: 'dialogue_body', ...country }, extra)),
    activity: (value: number, kind: string, extra: Query = {}) =>
      figure(value, link('activities', '/activities', { kind, ...period, ...country }, extra)),
    sessions: (value: number, extra: Query = {}) =>
      figure(value, link('awarenessSessions', '/awareness-sessions', { ...period, ...country }, extra)),
    reach: (value: number, extra: Query = {}) =>
      figure(value, link('awarenessReach', '/awareness-reach', { ...period, ...country }, extra)),
    visits: (value: number, extra: Query = {}) =>
      figure(value, link('visits', '/visits', { ...period, ...country }, extra)),
    recommendations: (value: number, extra: Query = {}) =>
      figure(value, link('recommendations', '/recommendations', { ...period, ...country }, extra)),
  };
}

/** The median of a list of numbers (null when empty). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
