import type { RetentionKind } from '../../operations/retention/registry.js';

/**
 * Finished consolidated reports (done or failed): a copy of what their requester saw then, with names and
 * figures, kept for download for the period and then deleted; their creation and deletion stay audited. Reports
 * waiting or being generated stay whatever their age.
 */
export const finishedReports: RetentionKind = {
  kind: 'finishedReports',
  summary: 'Consolidated activity reports finished (done or failed) longer ago than the period (deleted)',
  defaultDays: 365,
  minimumDays: 7,
  maximumDays: 3650,
  async purge(trx, { cutoff }) {
    const result = await trx
      .deleteFrom('activity_reports')
      .where('status', 'in', ['done', 'failed'])
      .where('finished_at', '<', cutoff.toISOString())
      .executeTakeFirst();
    return [{ entity: 'activity_report', count: Number(result.numDeletedRows), effect: 'deleted' }];
  },
};
