import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { SearchPage, searchQuery } from '../../../shared/contract/search.js';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { presentResult } from './search.present.js';
import * as repo from './search.repo.js';
import { termsOf } from './search-terms.js';

type Query = z.output<typeof searchQuery>;

/**
 * Everything the caller may see that matches the words of `q`, best first. A query with no word in it (only
 * punctuation) matches nothing rather than failing: its characters are never query syntax.
 */
export async function search(db: Kysely<DB>, actor: Actor, query: Query): Promise<SearchPage> {
  const terms = termsOf(query.q);
  const empty = { items: [], total: 0, totalComplete: true, page: query.page, pageSize: query.pageSize };
  if (terms.length === 0) return empty;
  const { rows, total, complete } = await repo.search(db, actor, terms, query, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const texts = await repo.indexedText(db, rows);
  return {
    items: rows.map((row) => presentResult(actor, row, texts.get(`${row.type}:${row.id}`), terms)),
    total,
    totalComplete: complete,
    page: query.page,
    pageSize: query.pageSize,
  };
}
