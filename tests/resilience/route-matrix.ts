/**
 * The authorization matrix: one entry per API operation (`METHOD /path`, as in `src/server/modules/index.ts`).
 * `authorization.test.ts` fails for an operation without an entry.
 *
 * To add one: say how to get a target record of each visibility owned by France (a factory of
 * `support/fixtures.ts`) — or, for an operation that is not about one record (sign-in, a collection's create, the
 * network's own lists), make it `unscoped` — what to send, and the status each person gets. Derive the statuses
 * from the policy tables (`sees`, `edits`, `gate` over `ownedByFrance` / `ownedByNetwork`) rather than writing
 * them out; write them out (`only`, `all`, `signedIn`) only where the rule is about a role, not a record.
 */
import { randomUUID } from 'node:crypto';
import type { Visibility } from '../../src/shared/roles.js';
import { PASSWORD, type Session } from '../support/app.js';
import { ownedByFrance, ownedByNetwork, type Who } from '../support/policy-matrix.js';
import { activitiesEntries } from './matrix/activities.js';
import { awarenessEntries } from './matrix/awareness.js';
import { dashboardEntries } from './matrix/dashboard.js';
import { documentsEntries } from './matrix/documents.js';
import { exportsEntries } from './matrix/exports.js';
import { importsEntries } from './matrix/imports.js';
import { monitoringEntries } from './matrix/monitoring.js';
import { notificationsEntries } from './matrix/notifications.js';
import { publicSiteEntries } from './matrix/public-site.js';
import { reportsEntries } from './matrix/reports.js';
import { searchEntries } from './matrix/search.js';
import type { Target } from './support/fixtures.js';
import * as fixtures from './support/fixtures.js';
import {
  all,
  edits,
  editsPublic,
  gate,
  lists,
  type MatrixEntry,
  only,
  type RecordCase,
  type RequestSpec,
  sees,
  signedIn,
  type UnscopedCase,
} from './support/matrix.js';
import type { World } from './support/world.js';

const today = () => new Date().toISOString().slice(0, 10);

/** Administrators and coordinators admit members and change their status. */
const managesMemberships = (who: Who) => who === 'administrator' || who === 'coordinator';
/** Who may add a record of their own (their institution's, or the network's for the secretariat): not partners. */
const addsOwn = only(201, ['administrator', 'coordinator', 'contactPointFR', 'staffFR', 'staffMA']);
/** Account management: administrators (anyone), France's contact point (France's accounts). */
const managesFrance = only(200, ['administrator', 'contactPointFR']);

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};

function record(
  label: string,
  table: RecordCase['table'],
  target: RecordCase['target'],
  request: RecordCase['request'],
  expect: RecordCase['expect'],
  more: Partial<RecordCase> = {},
): RecordCase {
  return { kind: 'record', label, table, target, request, expect, ...more };
}

function unscoped(
  label: string,
  expect: UnscopedCase['expect'],
  request: UnscopedCase['request'] = () => ({}),
  more: Partial<UnscopedCase> = {},
): UnscopedCase {
  return { kind: 'unscoped', label, expect, request, ...more };
}

const byId = (_w: World, t: Target): RequestSpec => ({ params: { id: t.id } });
const withVersion = (t: Target, body: Record<string, unknown> = {}): RequestSpec => ({
  params: { id: t.id },
  body: { ...body, version: t.version },
});
const deleting = (_w: World, t: Target): RequestSpec => ({ params: { id: t.id }, query: { version: t.version } });
const findByMarker = (_w: World, t: Target): RequestSpec => ({ query: { q: t.marker } });

/** The whole list as each person gets it: everything shown must be visible to them, and counted right. */
const wholeList = (query: Record<string, string | number> = {}, more: Partial<UnscopedCase> = {}) =>
  unscoped('the whole list', all(200), () => ({ query: { pageSize: 100, ...query } }), { list: {}, ...more });

/** The current version of a row, for the network's shared records (associations, groups) that edits move on. */
async function current(w: World, table: 'associations' | 'groups', id: string): Promise<Target> {
  const row = await w.t.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow();
  return { id, version: row.version, marker: id };
}

async function firstAssociation(w: World): Promise<Target> {
  return current(w, 'associations', w.associations.AOM);
}

async function theGroup(w: World): Promise<Target> {
  return current(w, 'groups', w.groupId);
}

/** An active account of France (or Morocco) that nobody signs in with: the users' routes aim at it. */
const accountOf = (country: 'france' | 'morocco') => async (w: World) => {
  const id = await w.insertUser('staff', { institutionId: country === 'france' ? w.france : w.morocco });
  return { id, version: 1, marker: id } satisfies Target;
};

/** An account that signs in (its address is the marker). */
function signInTarget(w: World): Promise<Target> {
  return w.once('sign-in target', async () => {
    const id = await w.insertUser('staff', { institutionId: w.france });
    const { email } = await w.t.db.selectFrom('users').select('email').where('id', '=', id).executeTakeFirstOrThrow();
    return { id, version: 1, marker: email };
  });
}

async function apiTokenOf(w: World, userId: string): Promise<Target> {
  const id = randomUUID();
  await w.t.db
    .insertInto('api_tokens')
    .values({
      id,
      user_id: userId,
      name: 'matrix',
      token_hash: `matrix-${id}`,
      created_at: new Date().toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, version: 1, marker: id };
}

/** France's report of a new indicator of a public plan, in its open period: what creating a report needs. */
async function reportInputs(w: World, visibility: Visibility): Promise<Target> {
  const indicator = await fixtures.indicator(w, visibility);
  const period = await w.once(`report period:${visibility}`, () => fixtures.period(w, visibility));
  return { ...indicator, periodId: period.id };
}

const reportBody = (t: Target, w: World) => ({
  indicatorId: t.id,
  periodId: t.periodId,
  institutionId: w.france,
  cells: [{ dims: {}, value: 2 }],
});

export const routeMatrix: Record<string, MatrixEntry> = {
  ...documentsEntries,
  ...monitoringEntries,
  ...activitiesEntries,
  ...awarenessEntries,
  ...importsEntries,
  ...notificationsEntries,
  ...publicSiteEntries,
  ...reportsEntries,
  ...searchEntries,
  ...exportsEntries,
  ...dashboardEntries,
  // Signing in and one's own account: not about a record; the public gets 401 wherever a session is needed.
  'POST /api/v1/auth/login': {
    cases: [
      unscoped('the right password', all(200), async (w) => ({
        body: { email: (await signInTarget(w)).marker, password: PASSWORD },
      })),
      unscoped('a wrong password', all(401), (w) => ({
        body: { email: `${w.unique('nobody').replace(/\W+/g, '-')}@matrix.test`, password: 'not the password' },
      })),
    ],
  },
  'POST /api/v1/auth/login/2fa': {
    cases: [
      unscoped(
        'a live challenge and a recovery code',
        all(200),
        (_w, t) => ({
          body: { challenge: t?.challenge, recoveryCode: t?.recoveryCode },
        }),
        { setup: twoFactorChallenge },
      ),
      unscoped('an unknown challenge', all(401), () => ({ body: { challenge: 'x'.repeat(43), code: '123456' } })),
    ],
  },
  'POST /api/v1/auth/logout': {
    cases: [unscoped('a session of their own', all(204), undefined, { actor: 'fresh-session' })],
  },
  'GET /api/v1/auth/me': { cases: [unscoped('their account', signedIn(200))] },
  'PATCH /api/v1/auth/me': {
    cases: [
      unscoped(
        'their name',
        signedIn(200),
        (_w, t, who) => ({ body: { name: `Renamed ${who}`, version: t?.version ?? 1 } }),
        {
          actor: 'throwaway',
        },
      ),
    ],
  },
  'POST /api/v1/auth/password': {
    cases: [
      unscoped(
        'their password',
        { ...signedIn(204) },
        () => ({ body: { currentPassword: PASSWORD, newPassword: 'another long enough password' } }),
        { actor: 'throwaway' },
      ),
    ],
  },
  // One's own second factor and sessions: every signed-in person, on their own account only.
  'GET /api/v1/auth/2fa': { cases: [unscoped('their second factor', signedIn(200))] },
  'POST /api/v1/auth/2fa/setup': {
    cases: [unscoped('enrolling their account', signedIn(200), undefined, { actor: 'throwaway' })],
  },
  'POST /api/v1/auth/2fa/enable': {
    cases: [
      unscoped('the code of their app', signedIn(200), (_w, t) => ({ body: { code: t?.code ?? '000000' } }), {
        actor: 'throwaway',
        setup: async (w, _who, session) => {
          const code = session ? fixtures.totpNow(await fixtures.startTwoFactor(w, session)) : '000000';
          return { id: '', version: 1, marker: '', code };
        },
      }),
    ],
  },
  'POST /api/v1/auth/2fa/disable': {
    cases: [
      unscoped(
        'their password and a recovery code',
        signedIn(204),
        (_w, t) => ({ body: { password: PASSWORD, recoveryCode: t?.recoveryCode ?? 'aaaaa-bbbbb' } }),
        { actor: 'throwaway', setup: recoveryCodeOf },
      ),
    ],
  },
  'POST /api/v1/auth/2fa/recovery-codes': {
    cases: [
      unscoped('their password', signedIn(200), () => ({ body: { password: PASSWORD } }), {
        actor: 'throwaway',
        setup: recoveryCodeOf,
      }),
    ],
  },
  'GET /api/v1/auth/sessions': { cases: [unscoped('their sessions', signedIn(200))] },
  'DELETE /api/v1/auth/sessions/{id}': {
    cases: [
      unscoped('another session of theirs', signedIn(204), byIdOf, {
        setup: async (w, who) => latestSessionOf(w, who === 'anonymous' ? 'staffFR' : who),
      }),
      unscoped("someone else's session", { ...all(404), anonymous: 401 }, byIdOf, {
        setup: async (w) => {
          const target = await signInTarget(w);
          await w.ok('anonymous', 'POST', '/api/v1/auth/login', { email: target.marker, password: PASSWORD });
          const row = await w.t.db
            .selectFrom('sessions')
            .select('id')
            .where('user_id', '=', target.id)
            .orderBy('created_at', 'desc')
            .executeTakeFirstOrThrow();
          return { id: row.id, version: 1, marker: '' };
        },
      }),
    ],
  },
  'POST /api/v1/auth/sessions/revoke-others': {
    cases: [unscoped('their other sessions', signedIn(200), undefined, { actor: 'throwaway' })],
  },
  'POST /api/v1/auth/logout-everywhere': {
    cases: [unscoped('all their sessions', signedIn(204), undefined, { actor: 'throwaway' })],
  },
  'GET /api/v1/settings/security': { cases: [unscoped('the security settings', only(200, ['administrator']))] },
  'PUT /api/v1/settings/security': {
    cases: [
      unscoped('the security settings', only(200, ['administrator']), async (w) => {
        const row = await w.t.db
          .selectFrom('settings')
          .select('version')
          .where('key', '=', 'security')
          .executeTakeFirstOrThrow();
        return { body: { requireTwoFactorFor: [], version: row.version } };
      }),
    ],
  },
  'GET /api/v1/auth/tokens': { cases: [unscoped('their tokens', signedIn(200))] },
  'POST /api/v1/auth/tokens': { cases: [unscoped('a token', signedIn(201), () => ({ body: { name: 'matrix' } }))] },
  'DELETE /api/v1/auth/tokens/{id}': {
    cases: [
      unscoped('a token of their own', signedIn(204), byIdOf, {
        setup: async (w, who) => apiTokenOf(w, w.people[who].userId ?? (await signInTarget(w)).id),
      }),
      unscoped("someone else's token", { ...all(404), anonymous: 401 }, byIdOf, {
        setup: async (w) => apiTokenOf(w, (await signInTarget(w)).id),
      }),
    ],
  },
  'POST /api/v1/auth/check-token': {
    cases: [unscoped('a live invitation', all(200), byToken, { setup: fixtures.invitation })],
  },
  'POST /api/v1/auth/setup': {
    // Once an administrator exists, no set-up link is live: the same refusal for everyone.
    cases: [
      unscoped('no live set-up link', all(400), () => ({
        body: { token: 'x'.repeat(43), email: 'first@matrix.test', name: 'First', password: PASSWORD },
      })),
    ],
  },
  'POST /api/v1/auth/accept-invitation': {
    cases: [
      unscoped('a live invitation', all(200), (_w, t) => ({ body: { token: t?.token, password: PASSWORD } }), {
        setup: fixtures.invitation,
      }),
    ],
  },
  'POST /api/v1/auth/reset-password': {
    cases: [
      unscoped('a live reset link', all(200), (_w, t) => ({ body: { token: t?.token, password: PASSWORD } }), {
        setup: fixtures.passwordReset,
      }),
    ],
  },

  // Accounts: administrators manage all of them, a contact point those of their own institution.
  'GET /api/v1/users': {
    cases: [
      unscoped('the accounts they manage', managesFrance, () => ({ query: { pageSize: 100 } }), {
        check: (w, who, body) => {
          const items = body.items as { institutionId: string | null }[];
          if (who === 'contactPointFR' && items.some((u) => u.institutionId !== w.france)) {
            throw new Error('a contact point lists accounts of another institution');
          }
        },
      }),
    ],
  },
  'GET /api/v1/users/{id}': {
    cases: [
      unscoped('an account of France', managesFrance, byIdOf, { setup: accountOf('france') }),
      unscoped('an account of Morocco', { ...only(200, ['administrator']), contactPointFR: 404 }, byIdOf, {
        setup: accountOf('morocco'),
      }),
      unscoped('their own account', signedIn(200), byIdOf, {
        setup: async (w, who) => ({ id: w.people[who].userId ?? (await signInTarget(w)).id, version: 1, marker: '' }),
      }),
    ],
  },
  'POST /api/v1/users': {
    cases: [
      unscoped('an account of France', created(managesFrance), (w) => ({
        body: {
          email: `${next()}-${w.unique('new').slice(-8)}@matrix.test`,
          name: 'New',
          role: 'staff',
          institutionId: w.france,
        },
      })),
      unscoped('a coordinator', only(201, ['administrator']), (w) => ({
        body: { email: `${next()}-${w.unique('coord').slice(-8)}@matrix.test`, name: 'New', role: 'coordinator' },
      })),
    ],
  },
  'PATCH /api/v1/users/{id}': {
    cases: [
      unscoped('an account of France', managesFrance, renameAccount, { setup: accountOf('france') }),
      unscoped('an account of Morocco', { ...only(200, ['administrator']), contactPointFR: 404 }, renameAccount, {
        setup: accountOf('morocco'),
      }),
    ],
  },
  'POST /api/v1/users/{id}/password-reset': {
    cases: [
      unscoped('an account of France', created(managesFrance), byIdOf, { setup: accountOf('france') }),
      unscoped('an account of Morocco', { ...only(201, ['administrator']), contactPointFR: 404 }, byIdOf, {
        setup: accountOf('morocco'),
      }),
    ],
  },

  // Institutions: owned by France when France's staff add them.
  'GET /api/v1/institutions': {
    cases: [
      record('an institution of France', ownedByFrance, fixtures.institution, findByMarker, lists(), {
        list: { exactTotal: true },
      }),
      wholeList(),
    ],
  },
  'GET /api/v1/institutions/{id}': {
    cases: [
      record('an institution of France', ownedByFrance, fixtures.institution, byId, sees(ownedByFrance), {
        canEdit: (who) => ownedByFrance.canEdit[who],
      }),
    ],
  },
  'POST /api/v1/institutions': {
    cases: [
      unscoped('their own institution’s', addsOwn, (w) => ({
        body: { countryCode: 'FR', nameFr: w.unique('New institution'), kind: 'other' },
      })),
    ],
  },
  'PATCH /api/v1/institutions/{id}': {
    cases: [
      record(
        'an institution of France',
        ownedByFrance,
        fixtures.institution,
        (_w, t, who) => withVersion(t, { notes: who }),
        edits(ownedByFrance),
      ),
    ],
  },
  'DELETE /api/v1/institutions/{id}': {
    cases: [
      record('an institution of France', ownedByFrance, fixtures.institution, deleting, edits(ownedByFrance, 204)),
    ],
  },

  'GET /api/v1/audit-events': { cases: [unscoped('the audit trail', only(200, ['administrator']))] },

  // Operations (src/server/operations): administrators only.
  'GET /api/v1/admin/jobs': { cases: [unscoped('the scheduled jobs', only(200, ['administrator']))] },
  'POST /api/v1/admin/jobs/{name}/run': {
    cases: [
      unscoped('running the retention purge now', only(200, ['administrator']), () => ({
        params: { name: 'retention-purge' },
      })),
    ],
  },
  'GET /api/v1/admin/retention': { cases: [unscoped('the retention periods', only(200, ['administrator']))] },
  'PUT /api/v1/admin/retention': {
    cases: [
      unscoped('changing a retention period', only(200, ['administrator']), async (w) => {
        const current = await w.t.db
          .selectFrom('settings')
          .select('version')
          .where('key', '=', 'retention')
          .executeTakeFirstOrThrow();
        return { body: { version: current.version, days: { oneTimeLinks: 14 } } };
      }),
    ],
  },

  // Associations and the working group: the network's, public, edited by administrators and coordinators.
  'GET /api/v1/associations': { cases: [unscoped('the associations', all(200))] },
  'GET /api/v1/associations/{id}': {
    cases: [unscoped('an association', all(200), byIdOf, { setup: firstAssociation })],
  },
  'PATCH /api/v1/associations/{id}': {
    cases: [
      unscoped(
        'an association',
        editsPublic(ownedByNetwork, 200),
        (_w, t, who) => withVersion(t as Target, { notes: who }),
        {
          setup: firstAssociation,
        },
      ),
    ],
  },
  'GET /api/v1/groups': { cases: [unscoped('the working groups', all(200))] },
  'GET /api/v1/groups/{id}': { cases: [unscoped('the working group', all(200), byIdOf, { setup: theGroup })] },
  'PATCH /api/v1/groups/{id}': {
    cases: [
      unscoped(
        'the working group',
        editsPublic(ownedByNetwork, 200),
        (_w, t, who) => withVersion(t as Target, { descriptionEn: who }),
        { setup: theGroup },
      ),
    ],
  },
  // A membership is seen with its institution.
  'GET /api/v1/groups/{id}/members': {
    cases: [
      record(
        'a member institution of France',
        ownedByFrance,
        fixtures.membership,
        (w) => ({ params: { id: w.groupId }, query: { pageSize: 100 } }),
        lists(),
        { list: { itemId: (item) => item.membershipId as string } },
      ),
    ],
  },
  'POST /api/v1/groups/{id}/members': {
    cases: [
      record(
        'an institution of France, not yet a member',
        ownedByFrance,
        fixtures.institution,
        (w, t) => ({ params: { id: w.groupId }, body: { institutionId: t.id, status: 'active' } }),
        gate({ table: ownedByFrance, ok: 201, may: managesMemberships, roleFirst: true, invisible: 400 }),
      ),
    ],
  },
  'PATCH /api/v1/memberships/{id}/status': {
    cases: [
      record(
        'a member institution of France',
        ownedByFrance,
        fixtures.membership,
        (_w, t) => withVersion(t, { status: 'pending_validation' }),
        gate({ table: ownedByFrance, ok: 200, may: managesMemberships }),
      ),
    ],
  },
  'GET /api/v1/memberships/{id}/history': {
    cases: [record('a member institution of France', ownedByFrance, fixtures.membership, byId, sees(ownedByFrance))],
  },
  'GET /api/v1/memberships/{id}/contact-points': {
    cases: [
      record(
        'a contact point of France',
        ownedByFrance,
        fixtures.franceContactPoint,
        (_w, t) => ({ params: { id: t.membershipId as string } }),
        lists(),
        { list: { ownerOf: (item) => item.institutionId as string } },
      ),
      record('a member institution of France', ownedByFrance, fixtures.membership, byId, sees(ownedByFrance), {
        list: { parentOnly: true, ownerOf: (item) => item.institutionId as string },
      }),
    ],
  },
  'POST /api/v1/memberships/{id}/contact-points': {
    cases: [
      unscoped('France’s own membership', editsPublic(ownedByFrance, 201), (w, _t, who) => ({
        params: { id: w.franceMembershipId },
        body: { name: `Handed over by ${who}`, startsOn: today() },
      })),
      // The member institution owns its contact point, and nobody belongs to an institution France registered.
      record(
        'a member institution of France',
        ownedByFrance,
        fixtures.membership,
        (_w, t, who) => ({ params: { id: t.id }, body: { name: `Handed over by ${who}`, startsOn: today() } }),
        gate({ table: ownedByFrance, ok: 201, may: (who) => who === 'administrator' }),
      ),
    ],
  },
  'GET /api/v1/contact-points/{id}': {
    cases: [
      record('a contact point of France', ownedByFrance, fixtures.franceContactPoint, byId, sees(ownedByFrance), {
        canEdit: (who) => ownedByFrance.canEdit[who],
      }),
    ],
  },
  'PATCH /api/v1/contact-points/{id}': {
    cases: [
      record(
        'a contact point of France',
        ownedByFrance,
        fixtures.franceContactPoint,
        (_w, t, who) => withVersion(t, { notes: who }),
        edits(ownedByFrance),
      ),
    ],
  },

  // Partners: France's when France's staff add them.
  'GET /api/v1/partners': {
    cases: [
      record('a partner of France', ownedByFrance, fixtures.partner, findByMarker, lists(), {
        list: { exactTotal: true },
      }),
      wholeList(),
    ],
  },
  'GET /api/v1/partners/{id}': {
    cases: [
      record('a partner of France', ownedByFrance, fixtures.partner, byId, sees(ownedByFrance), {
        canEdit: (who) => ownedByFrance.canEdit[who],
      }),
    ],
  },
  'POST /api/v1/partners': {
    cases: [
      unscoped('their own institution’s', addsOwn, (w) => ({
        body: { nameFr: w.unique('New partner'), kind: 'other' },
      })),
    ],
  },
  'PATCH /api/v1/partners/{id}': {
    cases: [
      record(
        'a partner of France',
        ownedByFrance,
        fixtures.partner,
        (_w, t, who) => withVersion(t, { notes: who }),
        edits(ownedByFrance),
      ),
    ],
  },
  'DELETE /api/v1/partners/{id}': {
    cases: [record('a partner of France', ownedByFrance, fixtures.partner, deleting, edits(ownedByFrance, 204))],
  },

  // Declarations: the network's reference documents (only the network owns them).
  'GET /api/v1/declarations': {
    cases: [
      record('a declaration', ownedByNetwork, fixtures.declaration, findByMarker, lists(), {
        list: { exactTotal: true },
      }),
      wholeList(),
    ],
  },
  'GET /api/v1/declarations/{id}': {
    cases: [
      record('a declaration', ownedByNetwork, fixtures.declaration, byId, sees(ownedByNetwork), {
        canEdit: (who) => ownedByNetwork.canEdit[who],
      }),
    ],
  },
  'POST /api/v1/declarations': {
    cases: [
      unscoped('a declaration', editsPublic(ownedByNetwork, 201), (w) => ({ body: { titleFr: w.unique('Decl') } })),
    ],
  },
  'PATCH /api/v1/declarations/{id}': {
    cases: [
      record(
        'a declaration',
        ownedByNetwork,
        fixtures.declaration,
        (_w, t, who) => withVersion(t, { place: who }),
        edits(ownedByNetwork),
      ),
    ],
  },
  'DELETE /api/v1/declarations/{id}': {
    cases: [record('a declaration', ownedByNetwork, fixtures.declaration, deleting, edits(ownedByNetwork, 204))],
  },

  // Plans, their axes, indicators and periods: the network's; actions and reports: their institution's.
  'GET /api/v1/plans': {
    cases: [
      record('a plan', ownedByNetwork, fixtures.plan, () => ({ query: { pageSize: 100 } }), lists(), {
        list: {},
      }),
    ],
  },
  'GET /api/v1/plans/{id}': {
    cases: [
      record('a plan', ownedByNetwork, fixtures.plan, byId, sees(ownedByNetwork), {
        canEdit: (who) => ownedByNetwork.canEdit[who],
      }),
    ],
  },
  'POST /api/v1/plans': {
    cases: [
      unscoped('a plan', editsPublic(ownedByNetwork, 201), (w) => ({
        body: { groupId: w.groupId, titleFr: w.unique('New plan'), startsOn: '2040-01-01', endsOn: '2040-12-31' },
      })),
    ],
  },
  'PATCH /api/v1/plans/{id}': {
    cases: [
      record(
        'a plan',
        ownedByNetwork,
        fixtures.plan,
        (_w, t, who) => withVersion(t, { titleEn: who }),
        edits(ownedByNetwork),
      ),
    ],
  },
  'POST /api/v1/plans/{id}/next': {
    cases: [
      record(
        'a plan',
        ownedByNetwork,
        fixtures.plan,
        (w, t) => ({
          params: { id: t.id },
          body: { titleFr: w.unique('Next'), startsOn: '2032-01-01', endsOn: '2033-12-31' },
        }),
        edits(ownedByNetwork, 201),
      ),
    ],
  },
  'GET /api/v1/plans/{id}/progress': {
    cases: [record('a plan', ownedByNetwork, fixtures.sharedPlan, byId, sees(ownedByNetwork))],
  },
  'POST /api/v1/plans/{id}/axes': {
    cases: [
      record(
        'a plan',
        ownedByNetwork,
        fixtures.plan,
        (w, t) => ({ params: { id: t.id }, body: { number: String(500 + next()), titleFr: w.unique('Axis') } }),
        edits(ownedByNetwork, 201),
      ),
    ],
  },
  'PATCH /api/v1/plan-axes/{id}': {
    cases: [
      record(
        'an axis of a plan',
        ownedByNetwork,
        fixtures.axis,
        (_w, t, who) => withVersion(t, { titleEn: who }),
        edits(ownedByNetwork),
      ),
    ],
  },
  'PUT /api/v1/plan-axes/{id}/exceptions/{institutionId}': {
    cases: [
      record(
        'an axis of a plan, for France',
        ownedByNetwork,
        fixtures.axis,
        (w, t, who) => ({ params: { id: t.id, institutionId: w.france }, body: { note: who } }),
        edits(ownedByNetwork),
      ),
    ],
  },
  'DELETE /api/v1/plan-axes/{id}/exceptions/{institutionId}': {
    cases: [
      record(
        'an axis of a plan, for France',
        ownedByNetwork,
        fixtures.axis,
        (w, t) => ({ params: { id: t.id, institutionId: w.france } }),
        edits(ownedByNetwork),
      ),
    ],
  },

  'GET /api/v1/actions': {
    cases: [
      record('an action of France', ownedByFrance, fixtures.action, findByMarker, lists(), {
        list: { exactTotal: true },
      }),
      wholeList(),
    ],
  },
  'GET /api/v1/actions/{id}': {
    cases: [
      record('an action of France', ownedByFrance, fixtures.action, byId, sees(ownedByFrance), {
        canEdit: (who) => ownedByFrance.canEdit[who],
      }),
    ],
  },
  'POST /api/v1/actions': {
    cases: [
      unscoped('on a public plan, led by their institution', addsOwn, async (w) => ({
        body: { axisId: (await fixtures.publicAxis(w)).id, title: w.unique('New action') },
      })),
      // The axis named must be visible (its plan's visibility): an invisible one is an unknown reference.
      record(
        'on an axis of a plan',
        ownedByNetwork,
        fixtures.axis,
        (w, t) => ({ body: { axisId: t.id, title: w.unique('New action') } }),
        gate({ table: ownedByNetwork, ok: 201, may: (who) => addsOwn[who] === 201, roleFirst: true, invisible: 400 }),
      ),
    ],
  },
  'PATCH /api/v1/actions/{id}': {
    cases: [
      record(
        'an action of France',
        ownedByFrance,
        fixtures.action,
        (_w, t, who) => withVersion(t, { comments: who }),
        edits(ownedByFrance),
      ),
    ],
  },
  'DELETE /api/v1/actions/{id}': {
    cases: [record('an action of France', ownedByFrance, fixtures.action, deleting, edits(ownedByFrance, 204))],
  },

  'GET /api/v1/indicators': {
    cases: [
      record('an indicator of a plan', ownedByNetwork, fixtures.indicator, findByMarker, lists(), {
        list: { exactTotal: true },
      }),
    ],
  },
  'GET /api/v1/indicators/{id}': {
    cases: [
      record('an indicator of a plan', ownedByNetwork, fixtures.indicator, byId, sees(ownedByNetwork), {
        canEdit: (who) => ownedByNetwork.canEdit[who],
      }),
    ],
  },
  'POST /api/v1/indicators': {
    cases: [
      record(
        'a plan',
        ownedByNetwork,
        fixtures.plan,
        (w, t) => ({ body: { planId: t.id, code: `N${next()}`, nameFr: w.unique('Indicator'), unit: 'people' } }),
        gate({ table: ownedByNetwork, ok: 201, roleFirst: true, invisible: 400 }),
      ),
    ],
  },
  'PATCH /api/v1/indicators/{id}': {
    cases: [
      record(
        'an indicator of a plan',
        ownedByNetwork,
        fixtures.indicator,
        (_w, t, who) => withVersion(t, { notes: who }),
        edits(ownedByNetwork),
      ),
    ],
  },
  'DELETE /api/v1/indicators/{id}': {
    cases: [record('an indicator of a plan', ownedByNetwork, fixtures.indicator, deleting, edits(ownedByNetwork, 204))],
  },

  'GET /api/v1/plans/{id}/periods': {
    cases: [
      record(
        'a reporting period of a plan',
        ownedByNetwork,
        fixtures.period,
        (_w, t) => ({ params: { id: t.planId as string } }),
        sees(ownedByNetwork),
        { list: {} },
      ),
    ],
  },
  'POST /api/v1/plans/{id}/periods': {
    cases: [
      record(
        'a plan',
        ownedByNetwork,
        fixtures.plan,
        (_w, t) => ({
          params: { id: t.id },
          body: { label: `Matrix period ${next()}`, startsOn: '2030-01-01', endsOn: '2030-06-30' },
        }),
        edits(ownedByNetwork, 201),
      ),
    ],
  },
  'POST /api/v1/reporting-periods/{id}/close': {
    cases: [
      record(
        'an open period of a plan',
        ownedByNetwork,
        fixtures.period,
        (_w, t) => withVersion(t),
        edits(ownedByNetwork),
      ),
    ],
  },
  'POST /api/v1/reporting-periods/{id}/reopen': {
    cases: [
      record(
        'a closed period of a plan',
        ownedByNetwork,
        fixtures.closedPeriod,
        (_w, t) => withVersion(t),
        gate({ table: ownedByNetwork, ok: 200, may: (who) => who === 'administrator' }),
      ),
    ],
  },
  'GET /api/v1/indicator-reports': {
    cases: [
      record(
        'a report of France',
        ownedByFrance,
        fixtures.report,
        (_w, t) => ({ query: { indicatorId: t.indicatorId as string } }),
        lists(),
        { list: { exactTotal: true, ownerOf: (item) => item.institutionId as string } },
      ),
      wholeList({}, { list: { ownerOf: (item) => item.institutionId as string } }),
    ],
  },
  'GET /api/v1/indicator-reports/{id}': {
    cases: [
      record('a report of France', ownedByFrance, fixtures.report, byId, sees(ownedByFrance), {
        canEdit: (who) => ownedByFrance.canEdit[who],
      }),
    ],
  },
  'POST /api/v1/indicator-reports': {
    cases: [
      unscoped(
        'France’s report, on a public plan',
        editsPublic(ownedByFrance, 201),
        (w, t) => ({ body: reportBody(t as Target, w) }),
        {
          setup: (w) => reportInputs(w, 'public'),
        },
      ),
      // Partners report nothing; then the indicator must be visible (its plan's visibility); then only France's
      // people (and administrators) report for France.
      record(
        'France’s report, on an indicator of a plan',
        ownedByNetwork,
        reportInputs,
        (w, t) => ({ body: reportBody(t, w) }),
        (who, visibility) => {
          if (who === 'anonymous') return 401;
          if (who === 'partner') return 403;
          if (!ownedByNetwork.canSee[who].includes(visibility)) return 400;
          return ownedByFrance.canEdit[who] ? 201 : 403;
        },
      ),
    ],
  },
  'PATCH /api/v1/indicator-reports/{id}': {
    cases: [
      record(
        'a report of France',
        ownedByFrance,
        fixtures.report,
        (_w, t, who) => withVersion(t, { notes: who }),
        edits(ownedByFrance),
      ),
    ],
  },
  'POST /api/v1/indicator-reports/{id}/submit': {
    cases: [
      record(
        'a draft report of France',
        ownedByFrance,
        fixtures.report,
        (_w, t) => withVersion(t),
        edits(ownedByFrance),
      ),
    ],
  },
  'POST /api/v1/indicator-reports/{id}/validate': {
    cases: [
      record(
        'a submitted report of France',
        ownedByFrance,
        fixtures.submittedReport,
        (_w, t) => withVersion(t),
        gate({ table: ownedByFrance, ok: 200, may: (who) => who === 'administrator' || who === 'contactPointFR' }),
      ),
    ],
  },
  'DELETE /api/v1/indicator-reports/{id}': {
    cases: [record('a report of France', ownedByFrance, fixtures.report, deleting, edits(ownedByFrance, 204))],
  },
};

/** A sign-in waiting for its second step: an account with two-factor authentication, its challenge, a recovery code. */
async function twoFactorChallenge(w: World): Promise<Target> {
  const person = await w.throwaway('staffFR');
  const codes = await fixtures.enableTwoFactor(w, person.session as Session);
  const login = await w.ok<{ challenge: string }>('anonymous', 'POST', '/api/v1/auth/login', {
    email: person.email,
    password: PASSWORD,
  });
  return {
    id: person.userId as string,
    version: 1,
    marker: '',
    challenge: login.challenge,
    recoveryCode: codes[0] as string,
  };
}

/** Two-factor authentication turned on for the caller's (throwaway) account: one of its recovery codes. */
async function recoveryCodeOf(w: World, _who: Who, session: Session | null): Promise<Target> {
  const codes = session ? await fixtures.enableTwoFactor(w, session) : ['aaaaa-bbbbb'];
  return { id: '', version: 1, marker: '', recoveryCode: codes[0] as string };
}

/** A second session of this person's: the one the call will end. */
async function latestSessionOf(w: World, who: Who): Promise<Target> {
  await w.freshSession(who);
  const row = await w.t.db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', w.people[who].userId as string)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return { id: row.id, version: 1, marker: '' };
}

function byIdOf(_w: World, t: Target | undefined): RequestSpec {
  return { params: { id: t?.id ?? '' } };
}

function byToken(_w: World, t: Target | undefined): RequestSpec {
  return { body: { token: t?.token } };
}

function renameAccount(_w: World, t: Target | undefined, who: Who): RequestSpec {
  return { params: { id: t?.id ?? '' }, body: { name: `Renamed by ${who}`, version: t?.version ?? 1 } };
}

/** The same people, with 201 where they had 200. */
function created(expect: Record<Who, number>): Record<Who, number> {
  return Object.fromEntries(
    Object.entries(expect).map(([who, status]) => [who, status === 200 ? 201 : status]),
  ) as Record<Who, number>;
}
