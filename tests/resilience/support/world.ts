import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../../src/server/auth/passwords.js';
import type { Role } from '../../../src/shared/roles.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  institutionId,
  PASSWORD,
  type Session,
  signIn,
  startTestApp,
  type TestApp,
} from '../../support/app.js';
import type { EngineName } from '../../support/databases.js';
import { MultipartForm } from '../../support/multipart.js';
import { everyone, type Who } from '../../support/policy-matrix.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One person of the policy table, with what it takes to sign them in again. */
export interface Person {
  who: Who;
  role: Role | null;
  userId: string | null;
  email: string | null;
  password: string;
  institutionId: string | null;
  partnerId: string | null;
  session: Session | null;
}

const roleOf: Record<Who, Role | null> = {
  administrator: 'administrator',
  coordinator: 'coordinator',
  contactPointFR: 'contact_point',
  staffFR: 'staff',
  staffMA: 'staff',
  partner: 'partner',
  anonymous: null,
};

/**
 * A running Vigie (in-process, `inject`) on one engine, the people of the policy table signed in, and what the
 * fixtures share: France, Morocco, UNHCR, the seeded working group and France's membership of it.
 */
export interface World {
  t: TestApp;
  engine: EngineName;
  people: Record<Who, Person>;
  france: string;
  morocco: string;
  unhcr: string;
  groupId: string;
  franceMembershipId: string;
  associations: { AOM: string; AOMF: string };
  /** A request through the whole HTTP stack as `who` (session cookie, CSRF header on writes). */
  call(who: Who | Session | null, method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** The same, for fixtures: anything but a 2xx throws, with the answer. */
  ok<T = Record<string, unknown>>(who: Who, method: Method, url: string, body?: unknown): Promise<T>;
  /** A marker no other record carries, to find a fixture in a list. */
  unique(prefix?: string): string;
  /** A fixture built once per world (e.g. the public plan every action hangs on). */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
  /** A second session for the same person (for operations that end the session they are called with). */
  freshSession(who: Who): Promise<Session | null>;
  /** A new account with the same role and institution as `who`, signed in (for operations that change the account). */
  throwaway(who: Who): Promise<Person>;
  /** Inserts an active account directly (no sign-in needed): targets of the users' routes. */
  insertUser(role: Role, options?: { institutionId?: string | null; partnerId?: string | null }): Promise<string>;
  close(): Promise<void>;
}

export async function startWorld(engine: EngineName): Promise<World> {
  const t = await startTestApp(engine);
  const france = await institutionId(t.db, 'FR');
  const morocco = await institutionId(t.db, 'MA');
  const unhcr = (
    await t.db.selectFrom('partners').select('id').where('acronym_en', '=', 'UNHCR').executeTakeFirstOrThrow()
  ).id;
  const group = await t.db.selectFrom('groups').select('id').executeTakeFirstOrThrow();
  const membership = await t.db
    .selectFrom('group_memberships')
    .select('id')
    .where('institution_id', '=', france)
    .executeTakeFirstOrThrow();
  const codes = await t.db.selectFrom('associations').select(['id', 'code']).execute();
  const associationId = (code: string) => codes.find((a) => a.code === code)?.id as string;
  // One hash for every account the fixtures make: argon2 is deliberately slow.
  const passwordHash = await hashPassword(PASSWORD);
  let counter = 0;
  const cache = new Map<string, Promise<unknown>>();

  async function insertUser(
    role: Role,
    options: { institutionId?: string | null; partnerId?: string | null } = {},
  ): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await t.db
      .insertInto('users')
      .values({
        id,
        email: `${role}-${id.slice(0, 8)}@matrix.test`,
        name: `${role} ${id.slice(0, 4)}`,
        password_hash: passwordHash,
        role,
        institution_id: options.institutionId ?? null,
        partner_id: options.partnerId ?? null,
        language: 'en',
        status: 'active',
        last_login_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  const attachments: Record<Who, { institutionId: string | null; partnerId: string | null }> = {
    administrator: { institutionId: null, partnerId: null },
    coordinator: { institutionId: null, partnerId: null },
    contactPointFR: { institutionId: france, partnerId: null },
    staffFR: { institutionId: france, partnerId: null },
    staffMA: { institutionId: morocco, partnerId: null },
    partner: { institutionId: null, partnerId: unhcr },
    anonymous: { institutionId: null, partnerId: null },
  };

  async function newPerson(who: Who): Promise<Person> {
    const role = roleOf[who];
    if (role === null)
      return { who, role, userId: null, email: null, password: '', session: null, ...attachments[who] };
    const userId = await insertUser(role, attachments[who]);
    const { email } = await t.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
    const session = await signIn(t.app, email, PASSWORD);
    return { who, role, userId, email, password: PASSWORD, session, ...attachments[who] };
  }

  const people = {} as Record<Who, Person>;
  for (const who of everyone) {
    if (who === 'administrator') {
      const session = await signIn(t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
      people.administrator = {
        who,
        role: 'administrator',
        userId: session.userId,
        email: ADMIN_EMAIL,
        password: ADMIN_PASSWORD,
        session,
        institutionId: null,
        partnerId: null,
      };
    } else {
      people[who] = await newPerson(who);
    }
  }

  const sessionOf = (who: Who | Session | null): Session | null =>
    who === null ? null : typeof who === 'string' ? people[who].session : who;

  const world: World = {
    t,
    engine,
    people,
    france,
    morocco,
    unhcr,
    groupId: group.id,
    franceMembershipId: membership.id,
    associations: { AOM: associationId('AOM'), AOMF: associationId('AOMF') },
    call(who, method, url, body) {
      const session = sessionOf(who);
      // An upload's form goes as multipart/form-data; anything else as JSON.
      const form = body instanceof MultipartForm ? body : undefined;
      return t.app.inject({
        method,
        url,
        ...(form ? { payload: form.payload } : body === undefined ? {} : { payload: body as object }),
        headers: {
          ...(form ? { 'content-type': form.contentType } : {}),
          'accept-language': 'en',
          ...(session ? { cookie: session.cookie } : {}),
          ...(session && method !== 'GET' ? { 'x-csrf-token': session.csrfToken } : {}),
        },
      });
    },
    async ok<T>(who: Who, method: Method, url: string, body?: unknown): Promise<T> {
      const response = await world.call(who, method, url, body);
      if (response.statusCode >= 300) {
        throw new Error(`fixture ${method} ${url} as ${who}: ${response.statusCode} ${response.body.slice(0, 500)}`);
      }
      return (response.body ? response.json() : undefined) as T;
    },
    unique(prefix = 'Matrix') {
      counter += 1;
      return `${prefix} ${counter} ${randomUUID().slice(0, 8)}`;
    },
    once<T>(key: string, make: () => Promise<T>): Promise<T> {
      let value = cache.get(key) as Promise<T> | undefined;
      if (!value) {
        value = make();
        cache.set(key, value);
      }
      return value;
    },
    async freshSession(who) {
      const person = people[who];
      if (!person.email) return null;
      return signIn(t.app, person.email, person.password);
    },
    throwaway: newPerson,
    insertUser,
    close: () => t.close(),
  };
  return world;
}
