import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createUser,
  institutionId,
  PASSWORD,
  request,
  type Session,
  signIn,
  type TestApp,
} from '../../../../tests/support/app.js';
import { type DimensionKey, dimensions, type Plan } from '../../../shared/contract/plan.js';

/** The people of the plan's tests: one of each role, France's and Morocco's staff, UNHCR as a partner. */
export interface People {
  admin: Session;
  coordinator: Session;
  contactPointFR: Session;
  staffFR: Session;
  contactPointMA: Session;
  staffMA: Session;
  partner: Session;
  france: string;
  morocco: string;
  turkey: string;
  unhcr: string;
  iom: string;
}

export async function signInPeople(t: TestApp): Promise<People> {
  const france = await institutionId(t.db, 'FR');
  const morocco = await institutionId(t.db, 'MA');
  const turkey = await institutionId(t.db, 'TR');
  const partnerId = async (acronym: string) =>
    (await t.db.selectFrom('partners').select('id').where('acronym_en', '=', acronym).executeTakeFirstOrThrow()).id;
  const unhcr = await partnerId('UNHCR');
  const iom = await partnerId('IOM');
  const as = async (role: Parameters<typeof createUser>[1], options: Parameters<typeof createUser>[2] = {}) =>
    signIn(t.app, (await createUser(t.db, role, options)).email, PASSWORD);
  return {
    admin: await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD),
    coordinator: await as('coordinator'),
    contactPointFR: await as('contact_point', { institutionId: france }),
    staffFR: await as('staff', { institutionId: france }),
    contactPointMA: await as('contact_point', { institutionId: morocco }),
    staffMA: await as('staff', { institutionId: morocco }),
    partner: await as('partner', { partnerId: unhcr }),
    france,
    morocco,
    turkey,
    unhcr,
    iom,
  };
}

/** The seeded 2017–2018 plan, as the administrator sees it. */
export async function seededPlan(t: TestApp, admin: Session): Promise<Plan> {
  const list = await request(t.app, admin)('GET', '/api/v1/plans?pageSize=100&sort=startsOn');
  const summary = list.json().items.find((p: { titleFr: string }) => p.titleFr === "Projet de plan d'action 2017-2018");
  expect(summary).toBeDefined();
  return (await request(t.app, admin)('GET', `/api/v1/plans/${summary.id}`)).json();
}

/** An axis or sub-item of a plan by its number. */
export function axisId(plan: Plan, number: string): string {
  for (const axis of plan.axes) {
    if (axis.number === number) return axis.id;
    const sub = axis.subItems.find((s) => s.number === number);
    if (sub) return sub.id;
  }
  throw new Error(`no axis ${number}`);
}

export async function indicatorId(t: TestApp, planId: string, code: string): Promise<string> {
  const row = await t.db
    .selectFrom('indicators')
    .select('id')
    .where('plan_id', '=', planId)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function periodId(t: TestApp, planId: string, label: string): Promise<string> {
  const row = await t.db
    .selectFrom('reporting_periods')
    .select('id')
    .where('plan_id', '=', planId)
    .where('label', '=', label)
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface CellInput {
  dims: Record<string, string>;
  value: number;
}

/** The full cross-classification of `keys`, each cell valued by `value` (its index by default). */
export function fullCells(
  keys: DimensionKey[],
  value: (dims: Record<string, string>, index: number) => number,
): CellInput[] {
  let combinations: Record<string, string>[] = [{}];
  for (const key of keys) {
    combinations = combinations.flatMap((c) => dimensions[key].map((v) => ({ ...c, [key]: v })));
  }
  return combinations.map((dims, index) => ({ dims, value: value(dims, index) }));
}

export async function countRows(
  t: TestApp,
  table: 'plans' | 'plan_axes' | 'plan_actions' | 'indicators' | 'indicator_reports' | 'reporting_periods',
): Promise<number> {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The first detail of a 400, for `expect(...).toMatchObject({ field, issue })`. */
export function firstDetail(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(400);
  return response.json().error.details[0];
}

/** A real activity (a meeting by default) recorded through the API, for the records that count in an action. */
export async function recordActivity(
  t: TestApp,
  session: Session,
  body: { kind?: 'meeting' | 'training' | 'study_visit'; visibility?: string; title?: string } = {},
): Promise<string> {
  const kind = body.kind ?? 'meeting';
  const response = await request(t.app, session)('POST', '/api/v1/activities', {
    kind,
    title: body.title ?? `Activity (${kind})`,
    startsAt: '2017-05-10',
    endsAt: '2017-05-10',
    timeZone: 'Europe/Paris',
    visibility: body.visibility ?? 'group',
    details: {},
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}
