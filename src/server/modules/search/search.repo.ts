import { type Expression, expressionBuilder, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type SearchType, searchTypes } from '../../../shared/contract/search.js';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import { engineOf } from '../../db/engine.js';
import type { DB } from '../../db/schema.js';
import { postgresQuery, sqliteMatch } from './search-terms.js';

export interface SearchFilters {
  type?: SearchType;
  axis?: number;
  institutionId?: string;
  country?: string;
  from?: string;
  to?: string;
}

export interface SearchRow {
  type: SearchType;
  id: string;
  doc: number | null;
  title: string;
  title_en: string | null;
  parent_id: string | null;
  date: string | null;
  axis: string | null;
  country: string | null;
  institution_id: string | null;
  institution_name: string | null;
  institution_name_en: string | null;
}

/**
 * One SELECT per kind of record, over the matches `m`: the record joined by its key, filtered by the same
 * `visibleTo` condition as the record's own list (a finding or recommendation by its visit's, a plan action by its
 * own and its plan's), with the columns every result has. Tables keep their names: `visibleTo` refers to them.
 */
function branches(actor: Actor, engine: 'sqlite' | 'postgres'): Record<SearchType, RawBuilder<unknown>> {
  // The matches drive each join (a key lookup per match). SQLite could otherwise start from a filtered table and scan
  // the materialized matches once per row; its CROSS JOIN keeps the written order.
  const fromMatches = engine === 'sqlite' ? sql`cross join` : sql`join`;
  // biome-ignore lint/suspicious/noExplicitAny: the conditions apply to tables named in the raw SQL below.
  const eb = expressionBuilder<any, any>();
  const visible = (table: string): Expression<SqlBool> => visibleTo(actor, table)(eb);
  // The owning institution's name, only where the caller may see that institution's record.
  const owner = (table: string) =>
    sql`left join institutions as owner on owner.id = ${sql.ref(`${table}.owner_institution_id`)} and ${visible('owner')}`;
  const noText = sql`cast(null as text)`;
  const ownerColumns = sql`owner.id as institution_id, owner.name_fr as institution_name, owner.name_en as institution_name_en`;
  return {
    institution: sql`select 'institution' as type, institutions.id as id, m.doc, m.score,
        institutions.name_fr as title, institutions.name_en as title_en, ${noText} as parent_id, ${noText} as date,
        ${noText} as axis, institutions.country_code as country, institutions.id as institution_id,
        institutions.name_fr as institution_name, institutions.name_en as institution_name_en
      from m ${fromMatches} institutions on institutions.id = m.record_id
      where m.entity = 'institution' and ${visible('institutions')}`,
    partner: sql`select 'partner' as type, partners.id as id, m.doc, m.score,
        partners.name_fr as title, partners.name_en as title_en, ${noText} as parent_id, ${noText} as date,
        ${noText} as axis, partners.country_code as country, ${ownerColumns}
      from m ${fromMatches} partners on partners.id = m.record_id ${owner('partners')}
      where m.entity = 'partner' and ${visible('partners')}`,
    plan_action: sql`select 'plan_action' as type, plan_actions.id as id, m.doc, m.score,
        plan_actions.title as title, ${noText} as title_en, ${noText} as parent_id, plan_actions.planned_start as date,
        substr(plan_axes.number, 1, 1) as axis, owner.country_code as country, ${ownerColumns}
      from m ${fromMatches} plan_actions on plan_actions.id = m.record_id
        join plans on plans.id = plan_actions.plan_id
        join plan_axes on plan_axes.id = plan_actions.axis_id ${owner('plan_actions')}
      where m.entity = 'plan_action' and ${visible('plan_actions')} and ${visible('plans')}`,
    activity: sql`select 'activity' as type, activities.id as id, m.doc, m.score,
        activities.title as title, ${noText} as title_en, ${noText} as parent_id,
        substr(activities.starts_local, 1, 10) as date, cast(activities.axis as text) as axis,
        coalesce(activities.country_code, owner.country_code) as country, ${ownerColumns}
      from m ${fromMatches} activities on activities.id = m.record_id ${owner('activities')}
      where m.entity = 'activity' and ${visible('activities')}`,
    facility: sql`select 'facility' as type, facilities.id as id, m.doc, m.score,
        facilities.name as title, ${noText} as title_en, ${noText} as parent_id, ${noText} as date,
        '5' as axis, facilities.country_code as country, ${ownerColumns}
      from m ${fromMatches} facilities on facilities.id = m.record_id ${owner('facilities')}
      where m.entity = 'facility' and ${visible('facilities')}`,
    visit: sql`select 'visit' as type, visits.id as id, m.doc, m.score,
        facilities.name as title, ${noText} as title_en, ${noText} as parent_id, visits.starts_on as date,
        '5' as axis, facilities.country_code as country, ${ownerColumns}
      from m ${fromMatches} visits on visits.id = m.record_id join facilities on facilities.id = visits.facility_id
        ${owner('visits')}
      where m.entity = 'visit' and ${visible('visits')}`,
    finding: sql`select 'finding' as type, findings.id as id, m.doc, m.score,
        facilities.name as title, ${noText} as title_en, visits.id as parent_id, visits.starts_on as date,
        '5' as axis, facilities.country_code as country, ${ownerColumns}
      from m ${fromMatches} findings on findings.id = m.record_id join visits on visits.id = findings.visit_id
        join facilities on facilities.id = visits.facility_id ${owner('visits')}
      where m.entity = 'finding' and ${visible('visits')}`,
    recommendation: sql`select 'recommendation' as type, recommendations.id as id, m.doc, m.score,
        facilities.name as title, ${noText} as title_en, visits.id as parent_id, recommendations.issued_on as date,
        '5' as axis, facilities.country_code as country, ${ownerColumns}
      from m ${fromMatches} recommendations on recommendations.id = m.record_id
        join visits on visits.id = recommendations.visit_id
        join facilities on facilities.id = visits.facility_id ${owner('visits')}
      where m.entity = 'recommendation' and ${visible('visits')}`,
    awareness_session: sql`select 'awareness_session' as type, awareness_sessions.id as id, m.doc, m.score,
        awareness_sessions.title as title, ${noText} as title_en, ${noText} as parent_id,
        awareness_sessions.starts_on as date, '4' as axis,
        coalesce(awareness_sessions.country_code, owner.country_code) as country, ${ownerColumns}
      from m ${fromMatches} awareness_sessions on awareness_sessions.id = m.record_id ${owner('awareness_sessions')}
      where m.entity = 'awareness_session' and ${visible('awareness_sessions')}`,
    material: sql`select 'material' as type, materials.id as id, m.doc, m.score,
        materials.title as title, ${noText} as title_en, ${noText} as parent_id,
        substr(materials.updated_at, 1, 10) as date, '4' as axis, owner.country_code as country, ${ownerColumns}
      from m ${fromMatches} materials on materials.id = m.record_id ${owner('materials')}
      where m.entity = 'material' and ${visible('materials')}`,
    document: sql`select 'document' as type, documents.id as id, m.doc, m.score,
        documents.title as title, ${noText} as title_en, ${noText} as parent_id,
        substr(documents.updated_at, 1, 10) as date, ${noText} as axis, owner.country_code as country, ${ownerColumns}
      from m ${fromMatches} documents on documents.id = m.record_id ${owner('documents')}
      where m.entity = 'document' and ${visible('documents')}`,
  };
}

/** The key column's phrase for a kind of record ("awareness_session" is the tokens "awareness session"). */
const keyPhrase = (type: SearchType) => `{key} : "${type.replaceAll('_', ' ')}"`;

/**
 * The matches, ranked, found in the full-text index first (the cheap, selective step); the joins for visibility
 * and filters then run on those rows only. `doc` finds the row again for its snippet (SQLite's rowid). With
 * `candidates`, only the best that many: SQLite ranks on the index alone and reads those rows' keys after, by rowid.
 */
function matchesOf(db: Kysely<DB>, terms: string[], type: SearchType | undefined, candidates: number | undefined) {
  // The candidates are the first in the very order results are listed in (ties broken the same way), so that
  // every match left out comes after every candidate.
  if (engineOf(db as Kysely<unknown>) === 'postgres') {
    const onlyType = type ? sql` and entity = ${type}` : sql``;
    const best = candidates === undefined ? sql`` : sql` order by score, entity, record_id limit ${candidates}`;
    const query = postgresQuery(terms);
    // Normalised by the text's length (1 + log), as bm25 does: shorter texts with the words rank first.
    return sql`select entity, record_id, cast(null as bigint) as doc, -ts_rank(tsv, q.q, 1) as score
      from search_entries, (select ${query} as q) as q where tsv @@ q.q${onlyType}${best}`;
  }
  const best = candidates === undefined ? sql`` : sql` order by score, rowid limit ${candidates}`;
  // The kind is a phrase of the indexed key column, so that a filter by type is answered by the index too.
  const match = type ? `(${sqliteMatch(terms)}) AND ${keyPhrase(type)}` : sqliteMatch(terms);
  return sql`select s.entity, s.record_id, r.doc, r.score
    from (select rowid as doc, bm25(search_index, 0.0, 0.0, 0.0, 4.0, 1.0) as score
      from search_index where search_index match ${match}${best}) as r
    cross join search_index as s on s.rowid = r.doc`;
}

function filtered(
  db: Kysely<DB>,
  actor: Actor,
  terms: string[],
  filters: SearchFilters,
  candidates: number | undefined,
) {
  const all = branches(actor, engineOf(db as Kysely<unknown>));
  const kinds = filters.type ? [filters.type] : searchTypes;
  const conditions: RawBuilder<unknown>[] = [];
  if (filters.axis !== undefined) conditions.push(sql`u.axis = ${String(filters.axis)}`);
  if (filters.institutionId) conditions.push(sql`u.institution_id = ${filters.institutionId}`);
  if (filters.country) conditions.push(sql`u.country = ${filters.country}`);
  if (filters.from) conditions.push(sql`u.date >= ${filters.from}`);
  if (filters.to) conditions.push(sql`u.date <= ${filters.to}`);
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return {
    cte: sql`with m as materialized (${matchesOf(db, terms, filters.type, candidates)})`,
    body: sql`from (${sql.join(
      kinds.map((k) => all[k]),
      sql` union all `,
    )}) as u ${where}`,
  };
}

export interface SearchResultPage {
  rows: SearchRow[];
  /** Every visible match, or (when `complete` is false) those among the best candidates. */
  total: number;
  complete: boolean;
}

/** Matches ranked beyond this many are looked at only when a page cannot be filled from the best ones. */
export const SEARCH_CANDIDATES = 2000;
/** Then ten times as many, before every match: narrow filters usually fill a page from there. */
const WIDER_CANDIDATES = SEARCH_CANDIDATES * 10;

/**
 * A page of visible matches, best first, and how many there are (counted in the ranking's own pass, which visits
 * every match it ranks anyway). The best SEARCH_CANDIDATES matches are looked at first: when their visible ones fill
 * the page, it is the exact page (every match left out ranks after them) and only the total is a lower bound;
 * otherwise (few visible, narrow filters, a far page) ten times as many, then every match, whose total is exact.
 */
export async function search(
  db: Kysely<DB>,
  actor: Actor,
  terms: string[],
  filters: SearchFilters,
  page: { limit: number; offset: number },
  steps: number[] = [SEARCH_CANDIDATES, WIDER_CANDIDATES],
): Promise<SearchResultPage> {
  for (const candidates of steps) {
    const best = await rankedPage(db, actor, terms, filters, page, candidates + 1);
    if (best.candidates <= candidates) return { rows: best.rows, total: best.total, complete: true };
    if (best.rows.length === page.limit) return { rows: best.rows, total: best.total, complete: false };
  }
  const every = await rankedPage(db, actor, terms, filters, page, undefined);
  return { rows: every.rows, total: every.total, complete: true };
}

async function rankedPage(
  db: Kysely<DB>,
  actor: Actor,
  terms: string[],
  filters: SearchFilters,
  page: { limit: number; offset: number },
  candidates: number | undefined,
) {
  const { cte, body } = filtered(db, actor, terms, filters, candidates);
  const { rows } = await sql<
    SearchRow & { total: number | string; candidates: number | string }
  >`${cte} select u.type, u.id, u.doc, u.title, u.title_en, u.parent_id, u.date, u.axis, u.country,
      u.institution_id, u.institution_name, u.institution_name_en, count(*) over () as total,
      (select count(*) from m) as candidates
    ${body} order by u.score, u.doc, u.type, u.id limit ${page.limit} offset ${page.offset}`.execute(db);
  const first = rows[0];
  if (first) {
    return { rows, total: Number(first.total), candidates: Number(first.candidates) };
  }
  const count = await sql<{ n: number | string; candidates: number | string }>`${cte}
    select (select count(*) ${body}) as n, (select count(*) from m) as candidates`.execute(db);
  const row = count.rows[0];
  return { rows, total: Number(row?.n ?? 0), candidates: Number(row?.candidates ?? 0) };
}

/** The indexed text of the results of a page, for their snippets: only rows already found visible. */
export async function indexedText(
  db: Kysely<DB>,
  rows: SearchRow[],
): Promise<Map<string, { title: string; body: string }>> {
  const texts = new Map<string, { title: string; body: string }>();
  if (rows.length === 0) return texts;
  if (engineOf(db as Kysely<unknown>) === 'postgres') {
    const found = await sql<{ entity: string; record_id: string; title: string; body: string }>`
      select entity, record_id, title, body from search_entries
      where ${sql.join(
        rows.map((r) => sql`(entity = ${r.type} and record_id = ${r.id})`),
        sql` or `,
      )}`.execute(db);
    for (const row of found.rows) texts.set(`${row.entity}:${row.record_id}`, { title: row.title, body: row.body });
    return texts;
  }
  const found = await sql<{ entity: string; record_id: string; title: string; body: string }>`
    select entity, record_id, title, body from search_index
    where rowid in (${sql.join(rows.map((r) => Number(r.doc)))})`.execute(db);
  for (const row of found.rows) texts.set(`${row.entity}:${row.record_id}`, { title: row.title, body: row.body });
  return texts;
}
