import { type Kysely, type Selectable, sql } from 'kysely';
import { type DocumentFamily, type DocumentMime, documentTypes } from '../../../shared/contract/documents.js';
import { type Visibility, visibilities } from '../../../shared/roles.js';
import type { Actor } from '../../auth/actor.js';
import { visibleTo } from '../../auth/visibility.js';
import type { DB, DocumentLinkTable, DocumentTable, DocumentVersionTable } from '../../db/schema.js';
import { matchesText, offsetOf } from '../../http/pagination.js';
import { ownedRecordTables, pointsAtVisible } from '../owned-records.js';

// A transaction is a Kysely too: repository functions take either.
type Executor = Kysely<DB>;

export interface DocumentFilters {
  q?: string | undefined;
  language?: string | undefined;
  type?: DocumentFamily | undefined;
  institution?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
}

export interface DocumentListQuery extends DocumentFilters {
  page: number;
  pageSize: number;
  sort: 'title' | 'updatedAt' | 'size' | 'language';
  order: 'asc' | 'desc';
}

const sortColumns = {
  title: 'documents.title',
  updatedAt: 'documents.updated_at',
  size: 'current.size',
  language: 'documents.language',
} as const;

/** A version's metadata: everything but its bytes and extracted text, which lists never carry. */
const versionColumns = [
  'number',
  'filename',
  'mime',
  'size',
  'sha256',
  'created_at',
  'created_by',
] as const satisfies readonly (keyof DocumentVersionTable)[];

export type DocumentRow = Selectable<DocumentTable> & {
  current_number: number;
  current_filename: string;
  current_mime: string;
  current_size: number;
  current_sha256: string;
  current_created_at: string;
  current_created_by: string | null;
  current_creator_name: string | null;
  current_has_text: number;
};

function withCurrentVersion(db: Executor) {
  return db
    .selectFrom('documents')
    .innerJoin('document_versions as current', (join) =>
      join
        .onRef('current.document_id', '=', 'documents.id')
        .onRef('current.number', '=', 'documents.current_version_no'),
    )
    .leftJoin('users as creator', 'creator.id', 'current.created_by');
}

function selectDocument<Q extends ReturnType<typeof withCurrentVersion>>(query: Q) {
  return query
    .selectAll('documents')
    .select([
      'current.number as current_number',
      'current.filename as current_filename',
      'current.mime as current_mime',
      'current.size as current_size',
      'current.sha256 as current_sha256',
      'current.created_at as current_created_at',
      'current.created_by as current_created_by',
      'creator.name as current_creator_name',
      sql<number>`case when ${sql.ref('current.text_content')} is null then 0 else 1 end`.as('current_has_text'),
    ]);
}

export const mimesOf = (family: DocumentFamily): DocumentMime[] =>
  (Object.keys(documentTypes) as DocumentMime[]).filter((mime) => documentTypes[mime].family === family);

function filtered(db: Executor, actor: Actor, filters: DocumentFilters) {
  let query = withCurrentVersion(db).where(visibleTo(actor, 'documents'));
  if (filters.q) {
    query = query.where(matchesText(['documents.title', 'documents.description', 'current.filename'], filters.q));
  }
  if (filters.language) {
    // "es" takes in es-MX and es-ES too.
    const language = filters.language;
    query = query.where((eb) =>
      eb.or([eb('documents.language', '=', language), eb('documents.language', 'like', `${language}-%`)]),
    );
  }
  if (filters.type) query = query.where('current.mime', 'in', mimesOf(filters.type));
  if (filters.institution) query = query.where('documents.owner_institution_id', '=', filters.institution);
  if (filters.entity && filters.entityId) {
    const { entity, entityId } = filters;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('document_links')
          .select(sql`1`.as('one'))
          .whereRef('document_links.document_id', '=', 'documents.id')
          .where('document_links.entity', '=', entity)
          .where('document_links.entity_id', '=', entityId)
          // A link says something about its target: only followed as far as the actor may see that record.
          .where(pointsAtVisible(actor, 'document_links')),
      ),
    );
  }
  return query;
}

export async function listDocuments(db: Executor, actor: Actor, query: DocumentListQuery) {
  const base = filtered(db, actor, query);
  const column = sortColumns[query.sort];
  const [rows, count] = await Promise.all([
    selectDocument(base)
      // Documents without a language come last either way, on both engines (they disagree on where nulls sort).
      .orderBy(sql`case when ${sql.ref(column)} is null then 1 else 0 end`)
      .orderBy(column, query.order)
      .orderBy('documents.title')
      .orderBy('documents.id')
      .limit(query.pageSize)
      .offset(offsetOf(query))
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as DocumentRow[], total: Number(count.total) };
}

export async function findVisibleDocument(db: Executor, actor: Actor, id: string): Promise<DocumentRow | undefined> {
  return (await selectDocument(withCurrentVersion(db))
    .where('documents.id', '=', id)
    .where(visibleTo(actor, 'documents'))
    .executeTakeFirst()) as DocumentRow | undefined;
}

export function findDocument(db: Executor, id: string) {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listVersions(db: Executor, documentId: string) {
  return db
    .selectFrom('document_versions as v')
    .leftJoin('users as creator', 'creator.id', 'v.created_by')
    .select(versionColumns.map((column) => `v.${column}` as const))
    .select([
      'creator.name as creator_name',
      sql<number>`case when ${sql.ref('v.text_content')} is null then 0 else 1 end`.as('has_text'),
    ])
    .where('v.document_id', '=', documentId)
    .orderBy('v.number', 'desc')
    .execute();
}

/** A version's bytes, only if the actor may see its document; the current one unless `number` is given. */
export function findVisibleContent(db: Executor, actor: Actor, id: string, number: number | undefined) {
  let query = db
    .selectFrom('documents')
    .innerJoin('document_versions as v', 'v.document_id', 'documents.id')
    .select(['documents.visibility', 'v.number', 'v.filename', 'v.mime', 'v.size', 'v.sha256', 'v.content'])
    .where('documents.id', '=', id)
    .where(visibleTo(actor, 'documents'));
  query =
    number === undefined
      ? query.whereRef('v.number', '=', 'documents.current_version_no')
      : query.where('v.number', '=', number);
  return query.executeTakeFirst();
}

/** The links of a document whose targets the actor may see. */
export function listVisibleLinks(db: Executor, actor: Actor, documentId: string) {
  return db
    .selectFrom('document_links')
    .select(['document_links.entity', 'document_links.entity_id'])
    .where('document_links.document_id', '=', documentId)
    .where(pointsAtVisible(actor, 'document_links'))
    .orderBy('document_links.created_at')
    .orderBy('document_links.entity')
    .orderBy('document_links.entity_id')
    .execute();
}

/** Every link of a document, whoever may see the targets: the visibility rule holds for all of them. */
export function listAllLinks(db: Executor, documentId: string) {
  return db
    .selectFrom('document_links')
    .select(['entity', 'entity_id'])
    .where('document_id', '=', documentId)
    .execute();
}

/** The owner and visibility of a record of a registered entity, whether or not the actor may see it. */
export async function findTarget(
  db: Executor,
  entity: string,
  id: string,
): Promise<{ owner_institution_id: string | null; visibility: string } | undefined> {
  const table = ownedRecordTables[entity];
  if (!table) return undefined;
  // biome-ignore lint/suspicious/noExplicitAny: the table comes from the registry of owned tables.
  return (db as Kysely<any>)
    .selectFrom(table)
    .select(['owner_institution_id', 'visibility'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Is this record of a registered entity visible to the actor? */
export async function targetIsVisible(db: Executor, actor: Actor, entity: string, id: string): Promise<boolean> {
  const table = ownedRecordTables[entity];
  if (!table) return false;
  // biome-ignore lint/suspicious/noExplicitAny: the table comes from the registry of owned tables.
  const row = await (db as Kysely<any>)
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where(visibleTo(actor, table))
    .executeTakeFirst();
  return row !== undefined;
}

export async function institutionIsVisible(db: Executor, actor: Actor, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('institutions')
    .select('id')
    .where('id', '=', id)
    .where(visibleTo(actor, 'institutions'))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertDocument(db: Executor, row: DocumentTable): Promise<void> {
  await db.insertInto('documents').values(row).execute();
}

export async function insertVersion(db: Executor, row: DocumentVersionTable): Promise<void> {
  await db.insertInto('document_versions').values(row).execute();
}

/** Applies a change only if the row is still at `version`; returns false when someone else got there first. */
export async function updateDocument(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<DocumentTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('documents')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes the document (its versions and links go with it) only if it is still at `version`. */
export async function deleteDocument(db: Executor, id: string, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('documents')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Returns whether a link was added (false: it was there already). */
export async function insertLink(db: Executor, row: DocumentLinkTable): Promise<boolean> {
  const result = await db
    .insertInto('document_links')
    .values(row)
    .onConflict((oc) => oc.columns(['document_id', 'entity', 'entity_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteLink(db: Executor, documentId: string, entity: string, entityId: string) {
  const result = await db
    .deleteFrom('document_links')
    .where('document_id', '=', documentId)
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Detaches every document from a record that is being deleted (a visit, an activity): its module calls this in
 * the transaction that deletes the record. The documents themselves stay in the library.
 */
export async function detachEverywhere(trx: Executor, entity: string, entityId: string): Promise<void> {
  await trx.deleteFrom('document_links').where('entity', '=', entity).where('entity_id', '=', entityId).execute();
}

/**
 * The widest visibility of the documents attached to a record (null: none attached). A module narrowing a record's
 * visibility below it would leave documents more visible than their record: it refuses, or narrows them first.
 */
export async function widestAttachedVisibility(
  db: Executor,
  entity: string,
  entityId: string,
): Promise<Visibility | null> {
  const rows = await db
    .selectFrom('document_links')
    .innerJoin('documents', 'documents.id', 'document_links.document_id')
    .select('documents.visibility')
    .distinct()
    .where('document_links.entity', '=', entity)
    .where('document_links.entity_id', '=', entityId)
    .execute();
  const ranks = rows.map((row) => visibilities.indexOf(row.visibility as Visibility));
  return ranks.length === 0 ? null : (visibilities[Math.max(...ranks)] ?? null);
}
