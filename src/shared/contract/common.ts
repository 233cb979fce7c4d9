import { z } from 'zod';
import { visibilities } from '../roles.js';

export const id = z.uuid();
export const idParams = z.strictObject({ id: z.uuid() });
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime();
export const countryCode = z
  .string()
  .refine((v) => /^[A-Z]{2}$/.test(v), { params: { reason: 'country_code' } })
  .describe('ISO 3166-1 alpha-2, upper case');
export const visibility = z.enum(visibilities);
/**
 * The version an edit (or a delete, or a transition) was made from. Versions are 32-bit integers in the database and
 * an edit writes version + 1, so the largest a client may name is 2^31 - 2: anything larger could never match and
 * would overflow PostgreSQL's integer before it was compared.
 */
export const MAX_VERSION = 2_147_483_646;
export const versionNumber = z.number().int().min(1).max(MAX_VERSION);
/** A delete names its version in the query string. */
export const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1).max(MAX_VERSION) });
/** Optional text in a form: trimmed, empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const url = z.url({ protocol: /^https?$/ }).max(2000);

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

/** What the current user may do with a record, so the client never re-implements the rules. */
export const can = z.object({ edit: z.boolean() });

export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ok = z.object({ ok: z.literal(true) });

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * The edit schema of a record from its create schema: every field optional, defaults removed (zod applies a
 * default even inside `.optional()`, and an edit must never reset a field the caller did not send, such as a
 * record's visibility), plus the version the edit was made from.
 */
export function updateSchemaOf<S extends z.ZodRawShape>(create: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(create.shape).map(([key, field]) => [
      key,
      ((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType).optional(),
    ]),
  ) as unknown as { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };
  return z.strictObject({ ...shape, version: versionNumber });
}

/** A page of a list: what every list endpoint returns. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}
