import fc from 'fast-check';

/**
 * Generators of malformed and hostile input, driven by the JSON schemas of the OpenAPI document: a plausible value
 * first (so that a request can get past the first check and reach deeper code), then one thing wrong with it.
 */

export type JsonSchema = Record<string, unknown>;

export const BODY_LIMIT = 2 * 1024 * 1024;

/** Strings that have broken software before: injections, traversal, control and direction characters. */
export const nastyStrings = [
  "' OR '1'='1' --",
  '"; DROP TABLE users; --',
  "Robert'); DELETE FROM audit_events; --",
  '%',
  '_',
  '\\',
  '%_\\%',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection, on purpose.
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  '/dev/null',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  '\u200f\u061c',
  '\ufeff',
  'e\u0301\u0301\u0301',
  '😀👩🏽‍⚕️🇫🇷',
  'مرحبا بالعالم',
  '\u0007\u001b[31m',
  '\r\nSet-Cookie: x=y',
  ' ',
  '',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0x10',
  '1e309',
  '__proto__',
  'constructor',
];

export const nastyNumbers = [
  -1,
  0,
  -0,
  0.5,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -1e308,
  5e-324,
];

/** A string of about `size` UTF-16 units, cheap to make. */
const huge = (size: number, unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

export const hugeString = fc
  .tuple(
    fc.constantFrom(201, 301, 1_001, 5_001, 10_001, 100_001, 500_001, BODY_LIMIT - 64, BODY_LIMIT + 1),
    fc.constantFrom('x', 'é', '😀', '\u0000', ' '),
  )
  .map(([size, unit]) => huge(size, unit));

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** Nested values the test can still serialise; deeper ones (up to 500 000 levels) go as raw bodies. */
export const deepValue = fc
  .tuple(fc.constantFrom(10, 100, 1_000), fc.constantFrom<'array' | 'object'>('array', 'object'))
  .map(([depth, kind]) => nested(depth, kind));

/** A value of the wrong kind, or a hostile one of the right kind. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 3, arbitrary: fc.constantFrom(...nastyNumbers) },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': '' }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: deepValue },
);

/** Ids for path parameters: real ones (to reach deeper code), unknown ones, and anything but an id. */
export function pathValue(pool: string[]): fc.Arbitrary<{ value: string; raw: boolean }> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...pool).map((value) => ({ value, raw: false })) },
    { weight: 2, arbitrary: fc.uuid().map((value) => ({ value, raw: false })) },
    {
      weight: 3,
      arbitrary: fc
        .oneof(fc.constantFrom(...nastyStrings.filter((s) => s !== '')), fc.string({ unit: 'binary', minLength: 1 }))
        .map((value) => ({ value, raw: false })),
    },
    // Sent as is, unencoded: traversal and a malformed escape.
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('..', '../users', '..%2f..%2fusers', '%E0%A4%A', '%', '%00', '%ff', ';', '.', 'a?b=c', 'a#b')
        .map((value) => ({ value, raw: true })),
    },
    { weight: 1, arbitrary: fc.constant({ value: 'a'.repeat(10_000), raw: false }) },
  );
}

/** A plausible value for a JSON schema (as zod writes them), with ids taken from `pool`. */
export function plausible(schema: JsonSchema | undefined, pool: string[], depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => plausible(s, pool, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0)
    return plausible(schema.allOf[0] as JsonSchema, pool, depth);
  const type = schema.type;
  if (Array.isArray(type)) {
    return fc.oneof(...type.map((one) => plausible({ ...schema, type: one }, pool, depth + 1)));
  }
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const max = typeof schema.maximum === 'number' ? Math.min(schema.maximum, min + 1000) : min + 1000;
      return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) });
    }
    case 'number':
      return fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1000, noNaN: true }));
    case 'string':
      return plausibleString(schema, pool);
    case 'array': {
      const items = (schema.items as JsonSchema | undefined) ?? {};
      const maxItems = typeof schema.maxItems === 'number' ? Math.min(schema.maxItems, 3) : 3;
      const minItems = typeof schema.minItems === 'number' ? Math.min(schema.minItems, maxItems) : 0;
      return fc.array(plausible(items, pool, depth + 1), { minLength: minItems, maxLength: maxItems });
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      const shape = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, plausible(value, pool, depth + 1)]),
      );
      const additional = schema.additionalProperties;
      if (Object.keys(shape).length === 0 && additional && typeof additional === 'object') {
        return fc.dictionary(fc.string({ maxLength: 10 }), plausible(additional as JsonSchema, pool, depth + 1), {
          maxKeys: 3,
        });
      }
      return fc.record(shape, { requiredKeys: required.filter((k) => k in shape) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function plausibleString(schema: JsonSchema, pool: string[]): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.uuid() });
    case 'date':
      return fc.constantFrom('2030-01-01', '2030-06-30', '2017-01-01', '1999-12-31', '2030-02-30');
    case 'date-time':
      return fc.constantFrom('2030-01-01T00:00:00.000Z', '2017-05-01T12:00:00Z');
    case 'email':
      return fc.constantFrom('someone@example.org', 'fuzz@vigie.test', 'x@y.z');
    case 'uri':
      return fc.constantFrom('https://example.org', 'http://localhost/x', 'javascript:alert(1)');
  }
  if (typeof schema.pattern === 'string') {
    const known: Record<string, string[]> = {
      '^[A-Z]{3}$': ['EUR', 'USD', 'MAD', 'XOF'],
      '^\\d{1,12}(\\.\\d{1,2})?$': ['0', '12500.00', '1.5'],
      '^\\d+(\\.\\d+)?$': ['1', '2.1', '99'],
    };
    const values = known[schema.pattern];
    if (values) return fc.constantFrom(...values);
  }
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? Math.min(schema.maxLength, 40) : 40;
  return fc.oneof(
    fc.string({ minLength: Math.min(minLength, maxLength), maxLength }),
    fc.constantFrom('FR', 'fr', 'en', 'Fuzz', 'public', 'group'),
  );
}

/** One thing wrong with a plausible object: a field of the wrong kind, a missing one, an extra one. */
export type Mutation =
  | { kind: 'as is' }
  | { kind: 'set'; path: number; value: unknown }
  | { kind: 'drop'; path: number }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'replace'; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'as is' as const }) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('set' as const), path: fc.nat(), value: hostileValue }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop' as const), path: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      key: fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'ownerInstitutionId', 'version', 'role', ''),
        fc.string({ maxLength: 12 }),
      ),
      value: hostileValue,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: hostileValue }) },
);

/** Applies a mutation at one of the object's (nested) keys, chosen by `path` modulo their number. */
export function mutate(value: unknown, change: Mutation): unknown {
  if (change.kind === 'as is') return value;
  if (change.kind === 'replace') return change.value;
  if (value === null || typeof value !== 'object') {
    return change.kind === 'extra' ? { [change.key]: change.value } : change.kind === 'set' ? change.value : value;
  }
  const copy = structuredClone(value) as Record<string, unknown>;
  if (change.kind === 'extra') {
    // Defined as an own property, so that `__proto__` travels as a key rather than setting the prototype.
    Object.defineProperty(copy, change.key, {
      value: change.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return copy;
  }
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      slots.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(key) : key });
      walk(child);
    }
  };
  walk(copy);
  if (slots.length === 0) return change.kind === 'set' ? change.value : copy;
  const slot = slots[change.path % slots.length] as (typeof slots)[number];
  if (change.kind === 'set') (slot.parent as Record<string | number, unknown>)[slot.key] = change.value;
  else if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
  else delete slot.parent[slot.key as string];
  return copy;
}

/** Bodies that are not what a JSON parser or the content-type check expects. */
export type RawBody = { text: string; contentType: string | undefined };

export function rawBodies(plausibleBody: unknown): fc.Arbitrary<RawBody> {
  const json = JSON.stringify(plausibleBody ?? {});
  const firstKey =
    plausibleBody && typeof plausibleBody === 'object' ? Object.keys(plausibleBody as object)[0] : undefined;
  const duplicated = fc.constantFrom(...nastyStrings, 'bogus', 1, null).map((value) => {
    const key = firstKey ?? 'version';
    const extra = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
    return json === '{}' ? `{${extra},${extra}}` : `${json.slice(0, -1)},${extra}}`;
  });
  const asJson = (text: fc.Arbitrary<string>) =>
    text.map((t) => ({ text: t, contentType: 'application/json' as string | undefined }));
  return fc.oneof(
    { weight: 3, arbitrary: asJson(duplicated) },
    {
      weight: 3,
      arbitrary: asJson(
        fc.constantFrom(
          json.slice(0, Math.max(1, Math.floor(json.length / 2))),
          `${json},`,
          `${json}${json}`,
          `\ufeff${json}`,
          json.replaceAll('"', "'"),
          '{"a":NaN}',
          '{"a":1,}',
          '{/* comment */}',
          '{"__proto__":{"isAdmin":true}}',
          '{"constructor":{"prototype":{"isAdmin":true}}}',
          '"just a string"',
          '42',
          'null',
          'true',
          '[]',
          '',
          ' ',
          '\u0000',
          '{"a":"\\ud800"}',
          '{"a":"\\u0000"}',
          '{"a":1e999}',
        ),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
          'application/json; charset=latin1',
          'application/json; charset=utf-16',
          'application/jsonx',
          'application/*',
          undefined,
        )
        .map((contentType) => ({ text: json, contentType })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(BODY_LIMIT - 100, BODY_LIMIT + 1, 3 * BODY_LIMIT)
        .map((size) => ({ text: `{"a":"${'x'.repeat(size)}"}`, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(1_000, 100_000, 500_000), fc.boolean()).map(([depth, arrays]) => ({
        text: arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
        contentType: 'application/json',
      })),
    },
  );
}

/** A query string: plausible values for the operation's parameters, then unknown, duplicated or hostile ones. */
export function queryString(parameters: { name: string; schema: JsonSchema }[], pool: string[]): fc.Arbitrary<string> {
  const plausibleQuery = fc.record(Object.fromEntries(parameters.map((p) => [p.name, plausible(p.schema, pool)])), {
    requiredKeys: [],
  });
  const component = (text: string) => {
    try {
      return encodeURIComponent(text);
    } catch {
      return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
    }
  };
  const encode = (key: string, value: unknown) =>
    `${component(key)}=${component(typeof value === 'string' ? value : JSON.stringify(value))}`;
  const names = parameters.map((p) => p.name);
  const extra = fc.oneof(
    fc.constant(''),
    fc.tuple(fc.constantFrom(...names, 'unknown', 'a[b]', '__proto__', 'page[]'), hostileValue).map(([key, value]) => {
      const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
      return encode(key, text.length > 10_000 ? text.slice(0, 10_000) : text);
    }),
    fc.constantFrom(...(names.length ? names : ['x'])).map((key) => `${key}=1&${key}=2`),
    fc.constantFrom('%E0%A4%A', '%', '&&&', '=', 'q=%00', 'q=%ff%fe', 'a=b=c', `q=${'x'.repeat(5000)}`),
  );
  return fc.tuple(plausibleQuery, extra).map(([query, tail]) => {
    const head = Object.entries(query).map(([key, value]) => encode(key, value));
    return [...head, ...(tail ? [tail] : [])].join('&');
  });
}
