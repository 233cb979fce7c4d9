import { formerContactPoints } from '../../modules/contact-points/contact-points.retention.js';
import { readNotifications } from '../../modules/notifications/notifications.retention.js';
import { finishedReports } from '../../modules/reports/reports.retention.js';
import type { RetentionKind } from './registry.js';

/** Addresses and browsers of past sign-ins: kept for security investigations, then cleared; the rows stay. */
const signInMetadata: RetentionKind = {
  kind: 'signInMetadata',
  summary: 'IP addresses and browser descriptions of sessions and failed sign-ins',
  defaultDays: 90,
  minimumDays: 7,
  maximumDays: 365,
  async purge(trx, { cutoff }) {
    const before = cutoff.toISOString();
    const sessions = await trx
      .updateTable('sessions')
      .set({ ip: null, user_agent: null })
      .where('created_at', '<', before)
      .where((eb) => eb.or([eb('ip', 'is not', null), eb('user_agent', 'is not', null)]))
      .executeTakeFirst();
    const failures = await trx
      .updateTable('login_failures')
      .set({ ip: null })
      .where('at', '<', before)
      .where('ip', 'is not', null)
      .executeTakeFirst();
    return [
      { entity: 'session', count: Number(sessions.numUpdatedRows), effect: 'cleared' },
      { entity: 'login_failure', count: Number(failures.numUpdatedRows), effect: 'cleared' },
    ];
  },
};

/** Set-up, invitation and reset links that were used or expired: dead credentials, deleted. */
const oneTimeLinks: RetentionKind = {
  kind: 'oneTimeLinks',
  summary: 'One-time links (set-up, invitation, password reset) used or expired; their issue and use stay audited',
  defaultDays: 30,
  minimumDays: 1,
  maximumDays: 365,
  async purge(trx, { cutoff }) {
    const before = cutoff.toISOString();
    const result = await trx
      .deleteFrom('one_time_tokens')
      .where((eb) => eb.or([eb('used_at', '<', before), eb('expires_at', '<', before)]))
      .executeTakeFirst();
    return [{ entity: 'one_time_token', count: Number(result.numDeletedRows), effect: 'deleted' }];
  },
};

/** Revoked personal API tokens: dead credentials, deleted; their creation and revocation stay audited. */
const revokedApiTokens: RetentionKind = {
  kind: 'revokedApiTokens',
  summary: 'Revoked API tokens; their creation and revocation stay audited',
  defaultDays: 90,
  minimumDays: 1,
  maximumDays: 730,
  async purge(trx, { cutoff }) {
    const result = await trx
      .deleteFrom('api_tokens')
      .where('revoked_at', 'is not', null)
      .where('revoked_at', '<', cutoff.toISOString())
      .executeTakeFirst();
    return [{ entity: 'api_token', count: Number(result.numDeletedRows), effect: 'deleted' }];
  },
};

/**
 * Every kind of record with a retention period, in the order administrators see them. Later modules add theirs
 * here (see `registry.ts`).
 */
export const retentionKinds: RetentionKind[] = [
  formerContactPoints,
  signInMetadata,
  oneTimeLinks,
  revokedApiTokens,
  readNotifications,
  finishedReports,
];
