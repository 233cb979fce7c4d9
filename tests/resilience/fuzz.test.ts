import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../src/server/modules/index.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type Session, signIn } from '../support/app.js';
import { testEngines } from '../support/databases.js';
import { MultipartForm } from '../support/multipart.js';
import { routeMatrix } from './route-matrix.js';
import { changedTables, type Digest, type Digester, openDigester } from './support/digest.js';
import * as fixtures from './support/fixtures.js';
import {
  hostileValue,
  type JsonSchema,
  mutate,
  mutation,
  pathValue,
  plausible,
  queryString,
  type RawBody,
  rawBodies,
} from './support/hostile.js';
import type { RequestSpec } from './support/matrix.js';
import { reportSummary } from './support/summary.js';
import { startWorld, type World } from './support/world.js';

/**
 * Every operation of the OpenAPI document, driven with malformed and hostile input as an administrator (API token
 * or session) and as the public: never a 5xx, every refusal in the `{error:{code,message,details}}` shape with a
 * message, and a refused request (or any read) leaves every table as it was.
 */

const SEED = Number(process.env.VIGIE_FUZZ_SEED ?? 20_261_128);
const RUNS = Number(process.env.VIGIE_FUZZ_RUNS ?? 30);

interface Operation {
  method: string;
  path: string;
  operationId: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | undefined;
}

type Actor = 'admin-token' | 'admin-session' | 'anonymous';

type Body = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; raw: RawBody };

interface FuzzRequest {
  actor: Actor;
  language: string;
  params: Record<string, { value: string; raw: boolean }>;
  query: string;
  body: Body;
}

function operationsOf(document: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = (operation.parameters ?? []) as { name: string; in: string; schema: JsonSchema }[];
      // An upload (multipart/form-data) has no JSON schema: it is fuzzed like an operation without a body.
      const requestBody = operation.requestBody as
        | { content: { 'application/json'?: { schema: JsonSchema } } }
        | undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId as string,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        body: requestBody?.content['application/json']?.schema,
      });
    }
  }
  return operations;
}

/** A request the authorization matrix makes for this operation (as the administrator): valid, to start from. */
type Seed = RequestSpec;

function requestOf(operation: Operation, pool: string[], seed: Seed | undefined): fc.Arbitrary<FuzzRequest> {
  const fromSchema = requestFromSchema(operation, pool);
  if (!seed) return fromSchema;
  return fc.oneof(
    { weight: 1, arbitrary: fromSchema },
    { weight: 1, arbitrary: requestFromSeed(operation, pool, seed) },
  );
}

/** A valid request with one thing wrong: a field, a parameter or a query value swapped for a hostile one. */
function requestFromSeed(operation: Operation, pool: string[], seed: Seed): fc.Arbitrary<FuzzRequest> {
  const seedParams = Object.fromEntries(
    operation.pathParams.map((name) => [name, { value: seed.params?.[name] ?? '', raw: false }]),
  );
  const params =
    operation.pathParams.length === 0
      ? fc.constant(seedParams)
      : fc.oneof(
          { weight: 4, arbitrary: fc.constant(seedParams) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.constantFrom(...operation.pathParams), pathValue(pool))
              .map(([name, value]) => ({ ...seedParams, [name]: value })),
          },
        );
  const seedQuery = Object.entries(seed.query ?? {}).map(([key, value]) => [key, String(value)] as const);
  const query = fc.tuple(fc.nat(), hostileValue, fc.boolean()).map(([index, value, replace]) => {
    const entries = seedQuery.map(([key, v]) => [key, v] as [string, string]);
    if (replace && entries.length > 0) {
      const entry = entries[index % entries.length] as [string, string];
      entry[1] = typeof value === 'string' ? value : JSON.stringify(value ?? null);
    }
    return entries.map(([key, v]) => `${percentEncoded(key)}=${percentEncoded(v.slice(0, 20_000))}`).join('&');
  });
  const body: fc.Arbitrary<Body> =
    seed.body === undefined
      ? fc.constant({ kind: 'none' as const })
      : fc.oneof(
          {
            weight: 8,
            arbitrary: fc.record({ path: fc.nat(), value: hostileValue }).map(({ path, value }) => ({
              kind: 'json' as const,
              value: mutate(seed.body, { kind: 'set', path, value }),
            })),
          },
          {
            weight: 2,
            arbitrary: mutation.map((change) => ({ kind: 'json' as const, value: mutate(seed.body, change) })),
          },
          { weight: 1, arbitrary: rawBodies(seed.body).map((raw) => ({ kind: 'raw' as const, raw })) },
        );
  return fc.record({
    actor: fc.constantFrom<Actor>('admin-token', 'admin-token', 'admin-session', 'anonymous'),
    language: fc.constantFrom('en', 'fr', 'ar', 'es'),
    params,
    query,
    body,
  });
}

/** A request made from the OpenAPI document alone: plausible values, then one thing wrong. */
function requestFromSchema(operation: Operation, pool: string[]): fc.Arbitrary<FuzzRequest> {
  const params = fc.record(Object.fromEntries(operation.pathParams.map((name) => [name, pathValue(pool)])));
  const bodySchema = operation.body;
  const body: fc.Arbitrary<Body> = bodySchema
    ? fc.oneof(
        {
          weight: 6,
          arbitrary: fc
            .tuple(plausible(bodySchema, pool), mutation)
            .map(([value, change]) => ({ kind: 'json' as const, value: mutate(value, change) })),
        },
        {
          weight: 3,
          arbitrary: plausible(bodySchema, pool)
            .chain((value) => rawBodies(value))
            .map((raw) => ({ kind: 'raw' as const, raw })),
        },
        { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
      )
    : fc.oneof(
        { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constant({}), mutation)
            .map(([value, change]) => ({ kind: 'json' as const, value: mutate(value, change) })),
        },
        { weight: 1, arbitrary: rawBodies({}).map((raw) => ({ kind: 'raw' as const, raw })) },
      );
  return fc.record({
    actor: fc.constantFrom<Actor>('admin-token', 'admin-token', 'admin-session', 'anonymous'),
    language: fc.constantFrom('en', 'fr', 'ar', 'es', 'xx', '*', 'fr-CA;q=0.5, ar;q=0.9', ''),
    params,
    query: operation.query.length > 0 ? queryString(operation.query, pool) : fc.constantFrom('', 'x=1', 'q=%00'),
    body,
  });
}

/** Like encodeURIComponent, but a lone surrogate goes as the bytes Node would send rather than throwing. */
function percentEncoded(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
  }
}

function describeRequest(operation: Operation, request: FuzzRequest): string {
  const show = (value: unknown) => {
    let text: string;
    try {
      text = typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      text = String(value);
    }
    return text && text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
  };
  const body =
    request.body.kind === 'json'
      ? show(request.body.value)
      : request.body.kind === 'raw'
        ? `${request.body.raw.contentType ?? 'no content type'}: ${show(request.body.raw.text)}`
        : 'no body';
  return `${operation.method} ${operation.path} as ${request.actor}, params ${show(request.params)}, query ${show(request.query)}, ${body}`;
}

describe.each(testEngines())('hostile input on %s', (engine) => {
  let w: World;
  let digester: Digester;
  let adminToken: string;
  let adminTokenId: string;
  let adminSession: Session;
  const counts = { operations: 0, requests: 0, rejections: 0, unchanged: 0, accepted: 0, unsendable: 0 };
  const started = Date.now();
  /** The digest after the last request, when nothing has been written since: the next request's "before". */
  let lastDigest: Digest | undefined;

  async function freshAdminSession() {
    adminSession = await signIn(w.t.app, ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  async function freshAdminToken() {
    const created = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'fuzz' },
      headers: { cookie: adminSession.cookie, 'x-csrf-token': adminSession.csrfToken },
    });
    if (created.statusCode !== 201) throw new Error(`no API token: ${created.body}`);
    adminToken = created.json().token;
    adminTokenId = created.json().id;
  }

  /**
   * After an accepted write the administrator's credentials may be gone (a sign-out, a revoked token), or their
   * role may now need a second factor they do not have: set them right, so the run goes on as an administrator.
   */
  async function keepAdminSignedIn() {
    await w.t.db
      .updateTable('settings')
      .set({ value: JSON.stringify({ requireTwoFactorFor: [] }) })
      .where('key', '=', 'security')
      .where('value', '!=', JSON.stringify({ requireTwoFactorFor: [] }))
      .execute();
    const me = (headers: Record<string, string>) =>
      w.t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers }).then((r) => r.statusCode);
    if ((await me({ cookie: adminSession.cookie })) !== 200) await freshAdminSession();
    if ((await me({ authorization: `Bearer ${adminToken}` })) !== 200) await freshAdminToken();
  }

  beforeAll(async () => {
    w = await startWorld(engine);
    adminSession = w.people.administrator.session as Session;
    await freshAdminToken();
    // Records of every kind, so that real ids take requests past the first check.
    await fixtures.report(w, 'public');
    await fixtures.submittedReport(w, 'group');
    await fixtures.action(w, 'group');
    await fixtures.membership(w, 'institution');
    await fixtures.franceContactPoint(w, 'partners');
    await fixtures.closedPeriod(w, 'public');
    await fixtures.declaration(w, 'group');
    await fixtures.partner(w, 'institution');
    digester = await openDigester(w.t);
  });
  afterAll(async () => {
    reportSummary(
      'fuzz',
      engine,
      counts,
      `${counts.operations} operations fuzzed, ${counts.requests} requests sent (seed ${SEED}, ${RUNS} runs each), ` +
        `${counts.rejections} rejections checked (well-formed error, database unchanged), ${counts.unchanged} ` +
        `database digests compared, ${counts.accepted} accepted, in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    await digester?.close();
    await w?.close();
  });

  /** The request the matrix makes as the administrator against a public record (or its only case). */
  async function seedOf(key: string): Promise<Seed | undefined> {
    const first = routeMatrix[key]?.cases[0];
    if (!first) return undefined;
    try {
      if (first.kind === 'record') return await first.request(w, await first.target(w, 'public'), 'administrator');
      // A case that changes the caller's own account (2FA, sessions) makes its fixture on a throwaway account.
      const session = first.actor === 'throwaway' ? (await w.throwaway('staffFR')).session : adminSession;
      const target = first.setup ? await first.setup(w, 'administrator', session) : undefined;
      return await first.request(w, target, 'administrator');
    } catch {
      return undefined;
    }
  }

  async function idPool(): Promise<string[]> {
    const tables = [
      'institutions',
      'partners',
      'declarations',
      'associations',
      'groups',
      'group_memberships',
      'contact_points',
      'plans',
      'plan_axes',
      'plan_actions',
      'indicators',
      'reporting_periods',
      'indicator_reports',
      'users',
      'api_tokens',
    ] as const;
    const ids: string[] = [];
    for (const table of tables) {
      const rows = await w.t.db.selectFrom(table).select('id').orderBy('created_at', 'desc').limit(3).execute();
      ids.push(...rows.map((r) => r.id));
    }
    // The administrator's own account and token stay out of reach: disabling them would end the run, not test it.
    return ids.filter((id) => id !== w.people.administrator.userId && id !== adminTokenId);
  }

  it('every operation: no 5xx, well-formed errors, a refused request changes nothing', async () => {
    const document = (await w.t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const operations = operationsOf(document);
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(
      allRoutes.map((r) => `${r.method} ${r.path}`).sort(),
    );
    const pool = await idPool();
    const failures: string[] = [];
    const seeds = new Map<string, Seed>();
    for (const operation of operations) {
      const seed = await seedOf(`${operation.method} ${operation.path}`);
      // An upload's seed is a multipart form, not JSON to mutate: its operation is fuzzed from the schema alone
      // (hostile JSON, raw and malformed multipart bodies); its fields and files are checked by the documents tests.
      if (seed && !(seed.body instanceof MultipartForm)) seeds.set(operation.operationId, seed);
    }

    for (const [index, operation] of operations.entries()) {
      counts.operations += 1;
      const property = fc.asyncProperty(
        requestOf(operation, pool, seeds.get(operation.operationId)),
        async (request) => {
          const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
            const param = request.params[name] as { value: string; raw: boolean };
            return param.raw ? param.value : percentEncoded(param.value);
          });
          const headers: Record<string, string> = {};
          if (request.language) headers['accept-language'] = request.language;
          if (request.actor === 'admin-token') headers.authorization = `Bearer ${adminToken}`;
          if (request.actor === 'admin-session') {
            headers.cookie = adminSession.cookie;
            headers['x-csrf-token'] = adminSession.csrfToken;
          }
          const options: InjectOptions = {
            method: operation.method as InjectOptions['method'],
            url: request.query ? `${path}?${request.query}` : path,
            headers,
          };
          if (request.body.kind === 'json') {
            options.payload = JSON.stringify(request.body.value);
            headers['content-type'] = 'application/json';
          } else if (request.body.kind === 'raw') {
            options.payload = request.body.raw.text;
            if (request.body.raw.contentType) headers['content-type'] = request.body.raw.contentType;
          }
          const before = lastDigest ?? (await digester.digest());
          lastDigest = undefined;
          let response: Awaited<ReturnType<typeof w.t.app.inject>>;
          try {
            response = await w.t.app.inject(options);
          } catch {
            // The client library refused to send it (an impossible URL or header): nothing reached Vigie.
            counts.unsendable += 1;
            return;
          }
          counts.requests += 1;
          const status = response.statusCode;
          if (status >= 500) throw new Error(`${status}: ${response.body.slice(0, 300)}`);
          if (status >= 400) {
            let error: { code?: unknown; message?: unknown } | undefined;
            try {
              error = response.json().error;
            } catch {
              throw new Error(`${status} without a JSON body: ${response.body.slice(0, 200)}`);
            }
            if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message.trim() === '') {
              throw new Error(`${status} without {error:{code,message}}: ${response.body.slice(0, 200)}`);
            }
          }
          const after = await digester.digest();
          if (status >= 400 || operation.method === 'GET') {
            const changed = changedTables(before, after);
            if (changed.length > 0) {
              throw new Error(`${status}, but the database changed: ${changed.join(', ')}`);
            }
            counts.unchanged += 1;
            if (status >= 400) counts.rejections += 1;
            lastDigest = after;
          } else {
            counts.accepted += 1;
            await keepAdminSignedIn();
          }
        },
      );
      const result = await fc.check(property, { seed: SEED + index, numRuns: RUNS });
      if (result.failed) {
        const request = result.counterexample?.[0] as FuzzRequest | undefined;
        failures.push(
          `${operation.operationId}: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}\n` +
            `    ${request ? describeRequest(operation, request) : '(no counterexample)'}\n` +
            `    replay: seed ${result.seed}, path ${result.counterexample ? result.counterexamplePath : '-'}`,
        );
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
