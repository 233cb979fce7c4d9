import { type SqlBool, sql } from 'kysely';
import { z } from 'zod';

export const MAX_PAGE_SIZE = 100;

/** Query schema for a list: paging, one sort key among `sorts`, its order, and the list's own filters. */
export function listQuery<const S extends readonly [string, ...string[]], F extends z.ZodRawShape>(
  sorts: S,
  defaultSort: S[number],
  filters: F,
) {
  return z.strictObject({
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
    sort: z.enum(sorts).default(defaultSort as never),
    order: z.enum(['asc', 'desc']).default('asc'),
    ...filters,
  });
}

export { pageOf } from '../../shared/contract/common.js';

export function offsetOf(query: { page: number; pageSize: number }): number {
  return (query.page - 1) * query.pageSize;
}

/** A free-text filter: LIKE pattern, case-insensitive on both engines, with LIKE's wildcards escaped. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `lower(column) LIKE '%text%'` over any of `columns`, with the escape character spelled out for both engines. */
export function matchesText(columns: string[], text: string) {
  const pattern = likePattern(text);
  return sql<SqlBool>`(${sql.join(
    columns.map((column) => sql`lower(coalesce(${sql.ref(column)}, '')) like ${pattern} escape '\\'`),
    sql` or `,
  )})`;
}
