import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createUser,
  institutionId,
  PASSWORD,
  request,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from '../../../../tests/support/app.js';
import { testEngines } from '../../../../tests/support/databases.js';
import { RETENTION_JOB } from '../jobs/definitions.js';
import { retentionKinds } from './kinds.js';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const dateDaysAgo = (days: number) => daysAgo(days).slice(0, 10);

describe.each(testEngines())('retention on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let staff: Session;
  let userId: string;
  let membershipId: string;

  async function contactPoint(endsDaysAgo: number | null, name: string) {
    const id = randomUUID();
    const now = new Date().toISOString();
    await t.db
      .insertInto('contact_points')
      .values({
        id,
        membership_id: membershipId,
        name,
        role_title: 'Chargée de mission',
        email: `${name.toLowerCase().replace(/\W/g, '.')}@example.org`,
        phone: '+33 1 23 45 67 89',
        languages: '["fr"]',
        starts_on: dateDaysAgo(4000),
        ends_on: endsDaysAgo === null ? null : dateDaysAgo(endsDaysAgo),
        notes: null,
        owner_institution_id: null,
        visibility: 'group',
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }
  const session = (createdDaysAgo: number) =>
    t.db
      .insertInto('sessions')
      .values({
        id: randomUUID(),
        token_hash: randomUUID(),
        user_id: userId,
        csrf_token: randomUUID(),
        created_at: daysAgo(createdDaysAgo),
        last_seen_at: daysAgo(createdDaysAgo),
        expires_at: daysAgo(createdDaysAgo - 0.5),
        user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
        ip: '203.0.113.7',
      })
      .execute();
  const link = (createdDaysAgo: number, used: boolean, lifetimeDays = 7) =>
    t.db
      .insertInto('one_time_tokens')
      .values({
        id: randomUUID(),
        purpose: 'invitation',
        token_hash: randomUUID(),
        user_id: userId,
        created_by: null,
        created_at: daysAgo(createdDaysAgo),
        expires_at: daysAgo(createdDaysAgo - lifetimeDays),
        used_at: used ? daysAgo(createdDaysAgo - 1) : null,
      })
      .execute();
  const token = (revokedDaysAgo: number | null) =>
    t.db
      .insertInto('api_tokens')
      .values({
        id: randomUUID(),
        user_id: userId,
        name: 'script',
        token_hash: randomUUID(),
        created_at: daysAgo(1000),
        last_used_at: null,
        revoked_at: revokedDaysAgo === null ? null : daysAgo(revokedDaysAgo),
      })
      .execute();
  const count = async (table: 'contact_points' | 'sessions' | 'login_failures' | 'one_time_tokens' | 'api_tokens') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const purge = async () => {
    const response = await request(t.app, admin)('POST', `/api/v1/admin/jobs/${RETENTION_JOB}/run`);
    expect(response.statusCode).toBe(200);
    expect(response.json().outcome).toBe('succeeded');
    return response.json().result as Record<string, { entity: string; count: number; effect: string }[]>;
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
    const france = await institutionId(t.db, 'FR');
    const s = await createUser(t.db, 'staff', { institutionId: france });
    userId = s.id;
    staff = await signIn(t.app, s.email, PASSWORD);
    membershipId = (
      await t.db
        .selectFrom('group_memberships')
        .select('id')
        .where('institution_id', '=', france)
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it('gives every kind its default, minimum and maximum, to administrators only', async () => {
    const response = await request(t.app, admin)('GET', '/api/v1/admin/retention');
    expect(response.statusCode).toBe(200);
    const policy = response.json();
    expect(policy.version).toBe(1);
    expect(policy.kinds.map((k: { kind: string }) => k.kind)).toEqual(retentionKinds.map((k) => k.kind));
    expect(policy.kinds[0]).toMatchObject({
      kind: 'formerContactPoints',
      days: 730,
      defaultDays: 730,
      minimumDays: 90,
      isDefault: true,
    });
    expect((await request(t.app, staff)('GET', '/api/v1/admin/retention')).statusCode).toBe(403);
    expect((await request(t.app, null)('GET', '/api/v1/admin/retention')).statusCode).toBe(401);
    expect(
      (await request(t.app, staff)('PUT', '/api/v1/admin/retention', { version: 1, days: { oneTimeLinks: 10 } }))
        .statusCode,
    ).toBe(403);
  });

  it('validates periods, naming the field, and refuses a stale edit', async () => {
    const put = (body: unknown) => request(t.app, admin)('PUT', '/api/v1/admin/retention', body);
    const cases: [unknown, string, string][] = [
      [{ version: 1, days: { formerContactPoints: 30 } }, 'body.days.formerContactPoints', 'too_small'],
      [{ version: 1, days: { signInMetadata: 100_000 } }, 'body.days.signInMetadata', 'too_big'],
      [{ version: 1, days: { oneTimeLinks: 2.5 } }, 'body.days.oneTimeLinks', 'invalid_type'],
      [{ version: 1, days: { oneTimeLinks: '30' } }, 'body.days.oneTimeLinks', 'invalid_type'],
      [{ version: 1, days: { children: 30 } }, 'body.days.children', 'unrecognized_key'],
      [{ days: {} }, 'body.version', 'invalid_type'],
    ];
    for (const [body, field, issue] of cases) {
      const response = await put(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.details[0]).toMatchObject({ field, issue });
    }
    expect(response400Message((await put(cases[0]?.[0])).json())).toContain('90');

    const changed = await put({ version: 1, days: { formerContactPoints: 365, oneTimeLinks: 7 } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().version).toBe(2);
    expect(changed.json().kinds.find((k: { kind: string }) => k.kind === 'formerContactPoints')).toMatchObject({
      days: 365,
      isDefault: false,
    });
    const stale = await put({ version: 1, days: { formerContactPoints: 400 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.changedFields).toEqual(['formerContactPoints', 'oneTimeLinks']);
    const reset = await put({ version: 2, days: { formerContactPoints: null, oneTimeLinks: null } });
    expect(reset.json().kinds.every((k: { isDefault: boolean }) => k.isDefault)).toBe(true);
    const audited = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'settings')
      .where('entity_id', '=', 'retention')
      .orderBy('seq')
      .execute();
    expect(audited.map((e) => e.entity_version)).toEqual([2, 3]);
    expect(JSON.parse(audited[0]?.changes as string)).toEqual({
      formerContactPoints: { before: 730, after: 365 },
      oneTimeLinks: { before: 30, after: 7 },
    });
  });

  it('purges what has expired, keeps counts and everything recent, and audits each purge without the values', async () => {
    const gone = await contactPoint(800, 'Ancienne Personne');
    const recent = await contactPoint(30, 'Récente Personne');
    await session(200);
    await session(1);
    await t.db
      .insertInto('login_failures')
      .values({ key: 'x@example.org', ip: '198.51.100.1', at: daysAgo(100) })
      .execute();
    await t.db
      .insertInto('login_failures')
      .values({ key: 'y@example.org', ip: '198.51.100.2', at: daysAgo(0) })
      .execute();
    await link(100, true);
    await link(100, false);
    await link(1, false);
    await token(100);
    await token(10);
    await token(null);
    const before = {
      contactPoints: await count('contact_points'),
      sessions: await count('sessions'),
      failures: await count('login_failures'),
    };

    const result = await purge();
    expect(result).toEqual({
      formerContactPoints: [{ entity: 'contact_point', count: 1, effect: 'cleared' }],
      signInMetadata: [
        { entity: 'session', count: 1, effect: 'cleared' },
        { entity: 'login_failure', count: 1, effect: 'cleared' },
      ],
      oneTimeLinks: [{ entity: 'one_time_token', count: 2, effect: 'deleted' }],
      revokedApiTokens: [{ entity: 'api_token', count: 1, effect: 'deleted' }],
      readNotifications: [
        { entity: 'notification', count: 0, effect: 'deleted' },
        { entity: 'email', count: 0, effect: 'deleted' },
      ],
      finishedReports: [{ entity: 'activity_report', count: 0, effect: 'deleted' }],
    });
    expect(await count('contact_points')).toBe(before.contactPoints);
    expect(await count('sessions')).toBe(before.sessions);
    expect(await count('login_failures')).toBe(before.failures);

    const cleared = await t.db
      .selectFrom('contact_points')
      .selectAll()
      .where('id', '=', gone)
      .executeTakeFirstOrThrow();
    expect(cleared).toMatchObject({
      name: null,
      email: null,
      phone: null,
      role_title: 'Chargée de mission',
      version: 2,
    });
    expect(cleared.ends_on).toBe(dateDaysAgo(800));
    const kept = await t.db.selectFrom('contact_points').selectAll().where('id', '=', recent).executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ name: 'Récente Personne', version: 1 });
    const sessions = await t.db
      .selectFrom('sessions')
      .select(['ip', 'created_at'])
      .where('user_id', '=', userId)
      .execute();
    expect(sessions.filter((s) => s.ip === null)).toHaveLength(1);
    expect(await t.db.selectFrom('api_tokens').select('id').where('user_id', '=', userId).execute()).toHaveLength(2);
    expect(await t.db.selectFrom('one_time_tokens').select('id').where('user_id', '=', userId).execute()).toHaveLength(
      1,
    );

    const events = await t.db.selectFrom('audit_events').selectAll().where('entity', '=', 'retention').execute();
    expect(events).toHaveLength(5);
    const ofContactPoints = events.find((e) => e.entity_id === 'formerContactPoints');
    expect(ofContactPoints?.actor_label).toBe(ADMIN_EMAIL);
    expect(JSON.parse(ofContactPoints?.changes as string)).toMatchObject({
      entity: { after: 'contact_point' },
      count: { after: 1 },
      effect: { after: 'cleared' },
      days: { after: 730 },
    });
    const own = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity', '=', 'contact_point')
      .where('entity_id', '=', gone)
      .executeTakeFirstOrThrow();
    expect(own).toMatchObject({ action: 'retention_purge', entity_version: 2 });
    expect(own.changes).not.toContain('Ancienne');
    expect(own.changes).not.toContain('example.org');
    expect(Object.keys(JSON.parse(own.changes)).sort()).toEqual(['email', 'name', 'phone']);

    // An edit made from before the purge is stale.
    const edit = await request(t.app, admin)('PATCH', `/api/v1/contact-points/${gone}`, { name: 'Back', version: 1 });
    expect(edit.statusCode).toBe(409);

    // Nothing left to purge: no new audit event.
    const again = await purge();
    expect(
      Object.values(again)
        .flat()
        .every((p) => p.count === 0),
    ).toBe(true);
    expect(await t.db.selectFrom('audit_events').select('id').where('entity', '=', 'retention').execute()).toHaveLength(
      5,
    );
  });

  it('follows the periods administrators set', async () => {
    const id = await contactPoint(120, 'Plus Courte');
    expect((await purge()).formerContactPoints?.[0]?.count).toBe(0);
    const policy = (await request(t.app, admin)('GET', '/api/v1/admin/retention')).json();
    const set = await request(t.app, admin)('PUT', '/api/v1/admin/retention', {
      version: policy.version,
      days: { formerContactPoints: 90 },
    });
    expect(set.statusCode).toBe(200);
    expect((await purge()).formerContactPoints?.[0]?.count).toBe(1);
    const row = await t.db.selectFrom('contact_points').select('name').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.name).toBeNull();
  });
});

function response400Message(body: { error: { message: string; details: { message: string }[] } }): string {
  return body.error.details[0]?.message ?? '';
}
