import { Secret, TOTP } from 'otpauth';
import type { Visibility } from '../../../src/shared/roles.js';
import type { Session } from '../../support/app.js';
import type { World } from './world.js';

/**
 * A record the authorization matrix aims at: its id and version, the marker that finds it in a list, and whatever
 * else the route needs (its membership, its plan...).
 */
export interface Target {
  id: string;
  version: number;
  marker: string;
  [key: string]: string | number;
}

type Json = Record<string, unknown>;

const today = () => new Date().toISOString().slice(0, 10);

// Records owned by France, created by France's staff through the API (the owner follows from who creates them).

export async function institution(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Institution');
  const created = await w.ok<Json>('staffFR', 'POST', '/api/v1/institutions', {
    countryCode: 'FR',
    nameFr: marker,
    kind: 'other',
    visibility,
    associations: [{ associationId: w.associations.AOM, status: 'member' }],
  });
  if (created.ownerInstitutionId !== w.france) throw new Error('an institution made by France’s staff is France’s');
  return { id: created.id as string, version: created.version as number, marker };
}

/** A membership of the working group, for an institution owned by France of the given visibility. */
export async function membership(w: World, visibility: Visibility): Promise<Target> {
  const owned = await institution(w, visibility);
  const member = await w.ok<Json>('administrator', 'POST', `/api/v1/groups/${w.groupId}/members`, {
    institutionId: owned.id,
    status: 'active',
  });
  return {
    id: member.membershipId as string,
    version: member.version as number,
    marker: owned.marker,
    institutionId: owned.id,
  };
}

/** A contact point of France's own membership (owned by France), handed over with the given visibility. */
export async function franceContactPoint(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Contact');
  const created = await w.ok<Json>(
    'administrator',
    'POST',
    `/api/v1/memberships/${w.franceMembershipId}/contact-points`,
    {
      name: marker,
      startsOn: today(),
      visibility,
    },
  );
  return {
    id: created.id as string,
    version: created.version as number,
    marker,
    membershipId: w.franceMembershipId,
  };
}

export async function partner(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Partner');
  const created = await w.ok<Json>('staffFR', 'POST', '/api/v1/partners', {
    nameFr: marker,
    kind: 'civil_society',
    visibility,
  });
  return { id: created.id as string, version: created.version as number, marker };
}

/** An action led (so owned) by France, on an axis of a public plan, so that only its own visibility matters. */
export async function action(w: World, visibility: Visibility): Promise<Target> {
  const axis = await publicAxis(w);
  const marker = w.unique('Action');
  const created = await w.ok<Json>('staffFR', 'POST', '/api/v1/actions', {
    axisId: axis.id,
    title: marker,
    visibility,
  });
  if (created.ownerInstitutionId !== w.france) throw new Error('an action made by France’s staff is France’s');
  return { id: created.id as string, version: created.version as number, marker, planId: axis.planId as string };
}

/** France's report of an indicator of a public plan (a new indicator each time: one report per key). */
export async function report(w: World, visibility: Visibility): Promise<Target> {
  const plan = await sharedPlan(w, 'public');
  const indicator = await createIndicator(w, plan.id);
  const period = await openPeriod(w, 'public');
  const marker = w.unique('Report');
  const created = await w.ok<Json>('staffFR', 'POST', '/api/v1/indicator-reports', {
    indicatorId: indicator.id,
    periodId: period.id,
    institutionId: w.france,
    cells: [{ dims: {}, value: 3 }],
    notes: marker,
    visibility,
  });
  return {
    id: created.id as string,
    version: created.version as number,
    marker,
    indicatorId: indicator.id,
    periodId: period.id,
  };
}

export async function submittedReport(w: World, visibility: Visibility): Promise<Target> {
  const draft = await report(w, visibility);
  const submitted = await w.ok<Json>('staffFR', 'POST', `/api/v1/indicator-reports/${draft.id}/submit`, {
    version: draft.version,
  });
  return { ...draft, version: submitted.version as number };
}

// The network's records (no owner institution), created by the administrator.

export async function declaration(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Declaration');
  const created = await w.ok<Json>('administrator', 'POST', '/api/v1/declarations', { titleFr: marker, visibility });
  return { id: created.id as string, version: created.version as number, marker };
}

export async function plan(w: World, visibility: Visibility): Promise<Target> {
  const marker = w.unique('Plan');
  const created = await w.ok<Json>('administrator', 'POST', '/api/v1/plans', {
    groupId: w.groupId,
    titleFr: marker,
    startsOn: '2030-01-01',
    endsOn: '2031-12-31',
    status: 'adopted',
    visibility,
  });
  return { id: created.id as string, version: created.version as number, marker };
}

/** One plan of each visibility per world, for the records that hang on a plan. */
export function sharedPlan(w: World, visibility: Visibility): Promise<Target> {
  return w.once(`plan:${visibility}`, () => plan(w, visibility));
}

let axisNumber = 0;

/** An axis of the shared plan of that visibility (a new number each time). */
export async function axis(w: World, visibility: Visibility): Promise<Target> {
  const owner = await sharedPlan(w, visibility);
  axisNumber += 1;
  const marker = w.unique('Axis');
  const created = await w.ok<Json>('administrator', 'POST', `/api/v1/plans/${owner.id}/axes`, {
    number: String(axisNumber),
    titleFr: marker,
  });
  return { id: created.id as string, version: created.version as number, marker, planId: owner.id };
}

export function publicAxis(w: World): Promise<Target> {
  return w.once('axis:public', () => axis(w, 'public'));
}

let indicatorCode = 0;

async function createIndicator(w: World, planId: string): Promise<Target> {
  indicatorCode += 1;
  const marker = w.unique('Indicator');
  const created = await w.ok<Json>('administrator', 'POST', '/api/v1/indicators', {
    planId,
    code: `M${indicatorCode}`,
    nameFr: marker,
    unit: 'people',
  });
  return { id: created.id as string, version: created.version as number, marker, planId };
}

/** An indicator of the shared plan of that visibility. */
export async function indicator(w: World, visibility: Visibility): Promise<Target> {
  return createIndicator(w, (await sharedPlan(w, visibility)).id);
}

let periodLabel = 0;

/** A reporting period of the shared plan of that visibility. */
export async function period(w: World, visibility: Visibility): Promise<Target> {
  const owner = await sharedPlan(w, visibility);
  periodLabel += 1;
  const marker = `Period ${periodLabel}`;
  const created = await w.ok<Json>('administrator', 'POST', `/api/v1/plans/${owner.id}/periods`, {
    label: marker,
    startsOn: '2030-01-01',
    endsOn: '2030-12-31',
  });
  return { id: created.id as string, version: created.version as number, marker, planId: owner.id };
}

function openPeriod(w: World, visibility: Visibility): Promise<Target> {
  return w.once(`period:${visibility}`, () => period(w, visibility));
}

export async function closedPeriod(w: World, visibility: Visibility): Promise<Target> {
  const open = await period(w, visibility);
  const closed = await w.ok<Json>('administrator', 'POST', `/api/v1/reporting-periods/${open.id}/close`, {
    version: open.version,
  });
  return { ...open, version: closed.version as number };
}

// Accounts, tokens and one-time links.

/** The token of a one-time link (it travels in the URL fragment). */
export function tokenOf(url: string): string {
  const token = new URL(url).hash.replace(/^#token=/, '');
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

/** A fresh invitation, issued by the administrator: the token and the invited address. */
export async function invitation(w: World): Promise<Target> {
  const marker = w.unique('invited').replace(/\W+/g, '-').toLowerCase();
  const created = await w.ok<{ user: { id: string; version: number }; invitation: { url: string } }>(
    'administrator',
    'POST',
    '/api/v1/users',
    { email: `${marker}@matrix.test`, name: marker, role: 'staff', institutionId: w.france },
  );
  return { id: created.user.id, version: created.user.version, marker, token: tokenOf(created.invitation.url) };
}

/** A fresh password-reset link for an active account of France. */
export async function passwordReset(w: World): Promise<Target> {
  const userId = await w.insertUser('staff', { institutionId: w.france });
  const link = await w.ok<{ url: string }>('administrator', 'POST', `/api/v1/users/${userId}/password-reset`);
  return { id: userId, version: 1, marker: userId, token: tokenOf(link.url) };
}

// Second factors.

/** The code an authenticator app shows now for this secret. */
export function totpNow(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
}

/** Starts enrolling the session's account in two-factor authentication: the secret to confirm it with. */
export async function startTwoFactor(w: World, session: Session): Promise<string> {
  const response = await w.call(session, 'POST', '/api/v1/auth/2fa/setup');
  if (response.statusCode !== 200) throw new Error(`2FA set-up: ${response.statusCode} ${response.body}`);
  return response.json().secret as string;
}

/** Turns two-factor authentication on for the session's account: its recovery codes. */
export async function enableTwoFactor(w: World, session: Session): Promise<string[]> {
  const secret = await startTwoFactor(w, session);
  const response = await w.call(session, 'POST', '/api/v1/auth/2fa/enable', { code: totpNow(secret) });
  if (response.statusCode !== 200) throw new Error(`2FA enable: ${response.statusCode} ${response.body}`);
  return response.json().recoveryCodes as string[];
}
