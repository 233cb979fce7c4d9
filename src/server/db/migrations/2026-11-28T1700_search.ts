import { type Kysely, sql } from 'kysely';
import { engineOf } from '../engine.js';

// Frozen once shipped: a later change to what is indexed ships as a new migration that drops these triggers and
// installs its own sources.

/**
 * The full-text index: one row per searchable record, holding only its text (title, body) and its key. Who may see
 * a result and every filter are decided at query time by joining the record itself, so the index never holds a
 * visibility that could go stale. Database triggers generated from `sources` keep it in step with every write,
 * whatever path it takes (API, imports, demo data, restores, commands); urgent situations are never indexed.
 *
 * SQLite: an FTS5 table (`porter` over `unicode61 remove_diacritics 2`: case- and accent-insensitive, English
 * stems). A virtual table is left out of backups; a restore re-runs this migration and the triggers index the rows
 * as they load. FTS5 rows are found again by a phrase on the `key` column ("<entity> <id>"), an index lookup.
 *
 * PostgreSQL: `search_entries` with a `tsvector` under a GIN index, commented as derived so that backups leave it
 * out and restores rebuild it the same way. Text search configurations put `unaccent` before each dictionary. Most
 * records carry no language, so each text is indexed three ways — `simple` (exact words, any language), French
 * stems (the working group's first language) and English stems — and a query term matches any of them.
 */

type Dialected = string | { sqlite: string; postgres: string };

interface Dependency {
  /** A table whose rows feed the text of this entity's records. */
  table: string;
  /** The columns of that table the text reads (an update of others changes nothing). */
  columns: string[];
  /** The ids of the records to re-index, for the changed row `{row}`. */
  ids: string;
}

interface Source {
  entity: string;
  table: string;
  /** The columns of `table` the text reads. */
  columns: string[];
  /** Expressions over the record `r`. */
  title: Dialected;
  body: Dialected;
  dependencies?: Dependency[];
}

/** Text longer than this is cut: PostgreSQL refuses a tsvector over 1 MB, and snippets need no more. */
const MAX_BODY = 1_000_000;
/** What PostgreSQL turns into lexemes, three ways, without positions: well under the 1 MB limit. */
const MAX_VECTOR_BODY = 300_000;

const text = (...parts: string[]) => parts.map((p) => `coalesce(${p}, '')`).join(` || ' ' || `);

// The strings of the activity's kind-specific details (minutes, statement texts, mission reports…), keys left out.
const detailStrings: Dialected = {
  sqlite: `(select group_concat(j.value, ' ') from json_tree(r.details) as j where j.type = 'text')`,
  postgres: `(select string_agg(j #>> '{}', ' ') from jsonb_path_query(r.details::jsonb, 'strict $.**') as j where jsonb_typeof(j) = 'string')`,
};

export const sources: Source[] = [
  {
    entity: 'institution',
    table: 'institutions',
    columns: ['name_fr', 'name_en', 'name_original', 'acronym', 'notes'],
    title: text('r.name_fr', 'r.name_en', 'r.name_original', 'r.acronym'),
    body: text('r.notes'),
  },
  {
    entity: 'partner',
    table: 'partners',
    columns: ['name_fr', 'name_en', 'acronym_fr', 'acronym_en', 'notes'],
    title: text('r.name_fr', 'r.name_en', 'r.acronym_fr', 'r.acronym_en'),
    body: text('r.notes'),
  },
  {
    entity: 'plan_action',
    table: 'plan_actions',
    columns: ['title', 'description', 'comments'],
    title: text('r.title'),
    body: text('r.description', 'r.comments'),
  },
  {
    entity: 'activity',
    table: 'activities',
    columns: ['title', 'notes', 'details', 'city'],
    title: text('r.title'),
    body: {
      sqlite: text('r.city', 'r.notes', detailStrings.sqlite),
      postgres: text('r.city', 'r.notes', detailStrings.postgres),
    },
  },
  {
    entity: 'facility',
    table: 'facilities',
    columns: ['name', 'city', 'region', 'operating_authority', 'notes'],
    title: text('r.name'),
    body: text('r.city', 'r.region', 'r.operating_authority', 'r.notes'),
  },
  {
    entity: 'visit',
    table: 'visits',
    columns: ['facility_id', 'objectives', 'summary'],
    title: text('(select f.name from facilities as f where f.id = r.facility_id)'),
    body: text('r.objectives', 'r.summary'),
    dependencies: [
      { table: 'facilities', columns: ['name'], ids: 'select v.id from visits as v where v.facility_id = {row}.id' },
    ],
  },
  {
    entity: 'finding',
    table: 'findings',
    columns: ['text', 'evidence'],
    title: `''`,
    body: text('r.text', 'r.evidence'),
  },
  {
    entity: 'recommendation',
    table: 'recommendations',
    columns: ['text', 'addressee'],
    title: `''`,
    body: text('r.text', 'r.addressee'),
  },
  {
    entity: 'awareness_session',
    table: 'awareness_sessions',
    columns: ['title', 'place', 'notes'],
    title: text('r.title'),
    body: text('r.place', 'r.notes'),
  },
  {
    entity: 'material',
    table: 'materials',
    columns: ['title', 'description'],
    title: text('r.title'),
    body: text('r.description'),
  },
  {
    entity: 'document',
    table: 'documents',
    columns: ['title', 'description', 'current_version_no'],
    title: text('r.title'),
    // The text of the current version only: an older version's words no longer find the document.
    body: text(
      'r.description',
      '(select dv.text_content from document_versions as dv where dv.document_id = r.id and dv.number = r.current_version_no)',
    ),
    dependencies: [
      { table: 'document_versions', columns: ['text_content', 'number'], ids: 'select {row}.document_id as id' },
    ],
  },
];

function dialect(expression: Dialected, engine: 'sqlite' | 'postgres'): string {
  return typeof expression === 'string' ? expression : expression[engine];
}

/**
 * The statements that re-index `source`'s records whose ids `ids` selects (removing those that are gone). `fresh`:
 * the records were just inserted, so they have no entry to remove yet.
 */
function reindex(source: Source, ids: string[], engine: 'sqlite' | 'postgres', fresh = false): string[] {
  const title = dialect(source.title, engine);
  const body = `substr(${dialect(source.body, engine)}, 1, ${MAX_BODY})`;
  const union = ids.map((i) => `select id from (${i}) as ids`).join(' union ');
  if (engine === 'sqlite') {
    const removals = ids.map(
      (i) => `delete from search_index where rowid in (
        select search_index.rowid from (${i}) as ids
        join search_index on search_index match ('{key} : "${source.entity} ' || replace(ids.id, '"', '""') || '"'))`,
    );
    return [
      ...(fresh ? [] : removals),
      `insert into search_index (key, entity, record_id, title, body)
        select '${source.entity} ' || r.id, '${source.entity}', r.id, ${title}, ${body}
        from ${source.table} as r where r.id in (${union})`,
    ];
  }
  return [
    ...(fresh ? [] : [`delete from search_entries where entity = '${source.entity}' and record_id in (${union})`]),
    `insert into search_entries (entity, record_id, title, body, tsv)
      select '${source.entity}', r.id, t.title, t.body, search_vector(t.title, t.body)
      from ${source.table} as r
      cross join lateral (select ${title} as title, ${body} as body) as t
      where r.id in (${union})`,
  ];
}

interface TriggerPlan {
  name: string;
  /** The entity's own table (not one its text reads): an inserted row is a new record. */
  own: boolean;
  table: string;
  columns: string[];
  source: Source;
  /** Ids of the records the changed row `{row}` feeds. */
  ids: string;
}

function triggerPlans(): TriggerPlan[] {
  return sources.flatMap((source) => [
    {
      name: `search_${source.entity}`,
      own: true,
      table: source.table,
      columns: source.columns,
      source,
      ids: 'select {row}.id as id',
    },
    ...(source.dependencies ?? []).map((d) => ({
      name: `search_${source.entity}_${d.table}`,
      own: false,
      table: d.table,
      columns: d.columns,
      source,
      ids: d.ids,
    })),
  ]);
}

const rowIds = (ids: string, row: 'new' | 'old') => ids.replaceAll('{row}', row);

async function installSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table search_index using fts5(
    key, entity unindexed, record_id unindexed, title, body,
    tokenize = 'porter unicode61 remove_diacritics 2')`.execute(db);
  for (const plan of triggerPlans()) {
    const on = (event: string, statements: string[]) =>
      sql
        .raw(
          `create trigger ${plan.name}_${event.split(' ')[0]} after ${event} on ${plan.table} for each row begin
          ${statements.map((s) => `${s};`).join('\n')}
        end`,
        )
        .execute(db);
    await on('insert', reindex(plan.source, [rowIds(plan.ids, 'new')], 'sqlite', plan.own));
    await on('delete', reindex(plan.source, [rowIds(plan.ids, 'old')], 'sqlite'));
    await on(
      `update of ${plan.columns.join(', ')}`,
      reindex(plan.source, [rowIds(plan.ids, 'old'), rowIds(plan.ids, 'new')], 'sqlite'),
    );
  }
  for (const source of sources) {
    for (const statement of reindex(source, [`select id from ${source.table}`], 'sqlite', true)) {
      await sql.raw(statement).execute(db);
    }
  }
}

async function installPostgres(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  // A restore empties the schema's tables and routines but not its text search configurations: start afresh.
  for (const [name, copy, dictionary] of [
    ['vigie_simple', 'simple', 'simple'],
    ['vigie_french', 'french', 'french_stem'],
    ['vigie_english', 'english', 'english_stem'],
  ] as const) {
    await sql.raw(`drop text search configuration if exists ${name}`).execute(db);
    await sql.raw(`create text search configuration ${name} (copy = ${copy})`).execute(db);
    await sql
      .raw(
        `alter text search configuration ${name}
          alter mapping for hword, hword_part, word, asciihword, asciiword, hword_asciipart with unaccent, ${dictionary}`,
      )
      .execute(db);
  }
  await sql
    .raw(`create function search_vector(title text, body text) returns tsvector language sql stable as $$
      select setweight(to_tsvector('vigie_simple', title), 'A')
        || setweight(to_tsvector('vigie_french', title), 'A')
        || setweight(to_tsvector('vigie_english', title), 'A')
        || strip(to_tsvector('vigie_simple', left(body, ${MAX_VECTOR_BODY})))
        || strip(to_tsvector('vigie_french', left(body, ${MAX_VECTOR_BODY})))
        || strip(to_tsvector('vigie_english', left(body, ${MAX_VECTOR_BODY})))
    $$`)
    .execute(db);
  await sql`create table search_entries (
    entity text not null,
    record_id text not null,
    title text not null,
    body text not null,
    tsv tsvector not null,
    primary key (entity, record_id))`.execute(db);
  // Backups copy the rows that matter and leave derived tables out; restores rebuild this one through the triggers.
  await sql`comment on table search_entries is 'derived'`.execute(db);
  await sql`create index search_entries_tsv on search_entries using gin (tsv)`.execute(db);

  for (const plan of triggerPlans()) {
    const ofNew = reindex(plan.source, [rowIds(plan.ids, 'new')], 'postgres', plan.own);
    const ofOld = reindex(plan.source, [rowIds(plan.ids, 'old')], 'postgres');
    const ofBoth = reindex(plan.source, [rowIds(plan.ids, 'old'), rowIds(plan.ids, 'new')], 'postgres');
    const block = (statements: string[]) => statements.map((s) => `${s};`).join('\n');
    await sql
      .raw(`create function ${plan.name}() returns trigger language plpgsql as $$ begin
        if tg_op = 'INSERT' then ${block(ofNew)}
        elsif tg_op = 'DELETE' then ${block(ofOld)}
        else ${block(ofBoth)}
        end if;
        return null;
      end $$`)
      .execute(db);
    await sql
      .raw(
        `create trigger ${plan.name} after insert or delete or update of ${plan.columns.join(', ')}
          on ${plan.table} for each row execute function ${plan.name}()`,
      )
      .execute(db);
  }
  for (const source of sources) {
    for (const statement of reindex(source, [`select id from ${source.table}`], 'postgres', true)) {
      await sql.raw(statement).execute(db);
    }
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type.
export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'postgres') await installPostgres(db);
  else await installSqlite(db);
}
