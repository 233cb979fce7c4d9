import { randomUUID } from 'node:crypto';
import { unsubscribeToken } from '../../../src/server/modules/notifications/unsubscribe-token.js';
import { ownedByFrance, type Who } from '../../support/policy-matrix.js';
import * as fixtures from '../support/fixtures.js';
import { all, gate, type MatrixEntry, only, type RecordCase, signedIn, type UnscopedCase } from '../support/matrix.js';
import type { World } from '../support/world.js';

/** A notification for `userId` about a plan action, inserted as the reminders job would. */
async function notificationFor(w: World, userId: string, actionId: string): Promise<string> {
  const id = randomUUID();
  await w.t.db
    .insertInto('notifications')
    .values({
      id,
      user_id: userId,
      kind: 'action_overdue',
      entity: 'plan_action',
      entity_id: actionId,
      occasion: `overdue:${id}`,
      record_table: 'plan_actions',
      record_id: actionId,
      link: `/actions/${actionId}`,
      params: JSON.stringify({ title: 'Matrix', date: '2018-01-01' }),
      created_at: new Date().toISOString(),
      read_at: null,
      email_state: 'none',
    })
    .execute();
  return id;
}

const userOf = (w: World, who: Who) => w.people[who].userId;

const ownNotification: RecordCase = {
  kind: 'record',
  label: 'a notification of their own about an action of France',
  table: ownedByFrance,
  target: fixtures.action,
  request: async (w, target, who) => {
    const userId = userOf(w, who);
    return { params: { id: userId ? await notificationFor(w, userId, target.id) : randomUUID() } };
  },
  // Shown only while its record is: an action out of the person's sight makes its notification a 404.
  expect: gate({ table: ownedByFrance, ok: 200, may: () => true }),
};

const someoneElses: UnscopedCase = {
  kind: 'unscoped',
  label: 'someone else’s notification',
  expect: { ...all(404), anonymous: 401 },
  setup: async (w) => {
    const action = await w.once('notifications:public-action', () => fixtures.action(w, 'public'));
    const other = await w.insertUser('staff', { institutionId: w.france });
    return { id: await notificationFor(w, other, action.id), version: 1, marker: '' };
  },
  request: (_w, target) => ({ params: { id: target?.id ?? randomUUID() } }),
};

const tokenCase = (label: string, expect: Record<Who, number>, forge: boolean): UnscopedCase => ({
  kind: 'unscoped',
  label,
  expect,
  setup: async (w) => {
    const userId = await w.insertUser('contact_point', { institutionId: w.france });
    const token = unsubscribeToken(w.t.config.sessionSecret, userId, 'visit_upcoming');
    return { id: userId, version: 1, marker: forge ? token.replace('visit_upcoming', 'meeting_upcoming') : token };
  },
  request: (_w, target) => ({ query: { token: target?.marker ?? '' } }),
});

export const notificationsEntries: Record<string, MatrixEntry> = {
  'GET /api/v1/notifications': {
    cases: [
      {
        kind: 'unscoped',
        label: 'their notifications, unread first',
        expect: signedIn(200),
        request: () => ({ query: { unread: 'true', order: 'desc' } }),
      },
    ],
  },
  'GET /api/v1/notifications/unread-count': {
    cases: [{ kind: 'unscoped', label: 'their unread count', expect: signedIn(200), request: () => ({}) }],
  },
  'POST /api/v1/notifications/{id}/read': { cases: [ownNotification, someoneElses] },
  'POST /api/v1/notifications/read-all': {
    cases: [{ kind: 'unscoped', label: 'all theirs', expect: signedIn(200), request: () => ({}) }],
  },
  'GET /api/v1/notifications/preferences': {
    cases: [{ kind: 'unscoped', label: 'their preferences', expect: signedIn(200), request: () => ({}) }],
  },
  'PUT /api/v1/notifications/preferences': {
    cases: [
      {
        kind: 'unscoped',
        label: 'a weekly digest of visits',
        expect: signedIn(200),
        request: () => ({ body: { modes: { visit_upcoming: 'weekly' } } }),
      },
    ],
  },
  'GET /api/v1/notifications/unsubscribe': {
    cases: [
      tokenCase('what a link of an email would turn off', all(200), false),
      tokenCase('a link edited to name another kind', all(400), true),
    ],
  },
  'POST /api/v1/notifications/unsubscribe': {
    cases: [
      tokenCase('the link of an email, by anyone who has it', all(200), false),
      tokenCase('a link edited to name another kind', all(400), true),
    ],
  },
  'GET /api/v1/admin/email': {
    cases: [{ kind: 'unscoped', label: 'the email status', expect: only(200, ['administrator']), request: () => ({}) }],
  },
  // The resilience world runs without SMTP: the administrator is told email is off.
  'POST /api/v1/admin/email/test': {
    cases: [
      { kind: 'unscoped', label: 'a test email to oneself', expect: only(409, ['administrator']), request: () => ({}) },
    ],
  },
};
