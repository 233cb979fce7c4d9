import { createHash, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type DocumentMime,
  documentTypes,
  type documentUpdate,
  documentUploadFields,
} from '../../../shared/contract/documents.js';
import { type Visibility, visibilities } from '../../../shared/roles.js';
import type { Actor } from '../../auth/actor.js';
import { assertCanWrite, canWrite } from '../../auth/policy.js';
import type { DB, DocumentTable, DocumentVersionTable } from '../../db/schema.js';
import { AppError, notFound } from '../../http/errors.js';
import { invalidCharacters, unstorableText, validationError } from '../../http/validation.js';
import { nowIso } from '../../http/versioning.js';
import { type AuditContext, recordAudit } from '../audit/record-audit.js';
import { staleVersion } from '../audit/stale-version.js';
import { isOwnedEntity } from '../owned-records.js';
import { auditedDocument, auditedVersion, presentDocument, presentDocumentDetail } from './documents.present.js';
import * as repo from './documents.repo.js';
import { sniffDocumentType } from './file-types.js';
import { MalformedImageError, stripImageMetadata } from './image-metadata.js';
import { extractDocumentText } from './text-extraction.js';
import type { ReceivedUpload } from './upload.js';

type Update = z.output<typeof documentUpdate>;

export interface UploadContext extends AuditContext {
  log: FastifyBaseLogger;
}

function fieldError(field: string, issue: string, params: Record<string, string | number> = {}): AppError {
  return new AppError(400, 'validation_failed', { field }, [{ field, issue, message: '', params }]);
}

const rank = (visibility: string) => visibilities.indexOf(visibility as Visibility);

export async function listDocuments(db: Kysely<DB>, actor: Actor, query: repo.DocumentListQuery) {
  const { rows, total } = await repo.listDocuments(db, actor, query);
  return {
    items: rows.map((row) => presentDocument(actor, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getDocument(db: Kysely<DB>, actor: Actor, id: string) {
  const row = await repo.findVisibleDocument(db, actor, id);
  if (!row) throw notFound();
  const [versions, links] = await Promise.all([repo.listVersions(db, id), repo.listVisibleLinks(db, actor, id)]);
  return presentDocumentDetail(actor, row, versions, links);
}

/** A file name safe to store and to send back: no folders, no control characters, the type's extension. */
export function safeFilename(name: string, mime: DocumentMime): string {
  const base =
    name
      .split(/[/\\]/)
      .pop()
      ?.replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, '')
      .trim()
      .slice(0, 200) ?? '';
  const extension = documentTypes[mime].extension;
  const accepted = mime === 'image/jpeg' ? ['jpg', 'jpeg'] : [extension];
  const current = /\.([^.]+)$/.exec(base)?.[1]?.toLowerCase();
  // A name whose extension says another type would open in the wrong program once downloaded.
  if (base === '' || base.startsWith('.')) return `document.${extension}`;
  return current !== undefined && accepted.includes(current) ? base : `${base}.${extension}`;
}

interface StoredFile {
  mime: DocumentMime;
  bytes: Uint8Array;
  sha256: string;
  text: string | null;
  filename: string;
}

/** Checks a file's type from its content, strips photos' metadata, extracts the text: what is stored. */
async function prepareFile(file: NonNullable<ReceivedUpload['file']>, log: FastifyBaseLogger): Promise<StoredFile> {
  const mime = await sniffDocumentType(file.bytes);
  if (!mime) throw new AppError(415, 'unsupported_media_type', { kind: 'file' });
  let bytes: Uint8Array;
  try {
    bytes = stripImageMetadata(mime, file.bytes);
  } catch (error) {
    if (error instanceof MalformedImageError) throw fieldError('body.file', 'invalid_format');
    throw error;
  }
  let text: string | null = null;
  try {
    text = await extractDocumentText(mime, bytes);
  } catch (error) {
    // The file is kept all the same: search will simply not find it by its content.
    log.warn({ err: error, mime }, 'text extraction failed');
  }
  return {
    mime,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text,
    filename: safeFilename(file.filename, mime),
  };
}

function versionRow(documentId: string, number: number, file: StoredFile, actor: Actor, now: string) {
  return {
    id: randomUUID(),
    document_id: documentId,
    number,
    filename: file.filename,
    mime: file.mime,
    size: file.bytes.length,
    sha256: file.sha256,
    text_content: file.text,
    content: file.bytes,
    created_at: now,
    created_by: actor.kind === 'user' ? actor.user.id : null,
  } satisfies DocumentVersionTable;
}

interface Target {
  entity: string;
  entityId: string;
  visibility: string;
}

/** A record a document may be attached to by this actor: registered, visible, and writable by them. */
async function attachableTarget(
  db: Kysely<DB>,
  actor: Actor,
  entity: string,
  entityId: string,
  fields: { entity: string; entityId: string },
): Promise<Target> {
  if (!isOwnedEntity(entity)) throw fieldError(fields.entity, 'not_attachable');
  const target = await repo.findTarget(db, entity, entityId);
  if (!target || !(await repo.targetIsVisible(db, actor, entity, entityId))) {
    throw fieldError(fields.entityId, 'unknown_reference');
  }
  assertCanWrite(actor, target.owner_institution_id);
  return { entity, entityId, visibility: target.visibility };
}

export async function uploadDocument(db: Kysely<DB>, context: UploadContext, upload: ReceivedUpload) {
  const { actor } = context;
  if (actor.kind === 'anonymous') throw new AppError(401, 'unauthenticated');
  const unstorable = unstorableText(upload.fields, 'body');
  if (unstorable) throw invalidCharacters(unstorable);
  const parsed = documentUploadFields.safeParse(upload.fields);
  if (!parsed.success) throw validationError(parsed.error, 'body');
  const input = parsed.data;
  if ((input.entity === undefined) !== (input.entityId === undefined)) {
    throw fieldError(input.entity === undefined ? 'body.entity' : 'body.entityId', 'invalid_type');
  }
  if (!upload.file) throw fieldError('body.file', 'file_required');

  let owner: string | null;
  if (input.ownerInstitutionId !== undefined) {
    owner = input.ownerInstitutionId;
    if (!(await repo.institutionIsVisible(db, actor, owner)))
      throw fieldError('body.ownerInstitutionId', 'unknown_reference');
  } else {
    owner = canWrite(actor, null) ? null : actor.user.institutionId;
  }
  assertCanWrite(actor, owner);

  const target =
    input.entity !== undefined && input.entityId !== undefined
      ? await attachableTarget(db, actor, input.entity, input.entityId, {
          entity: 'body.entity',
          entityId: 'body.entityId',
        })
      : null;
  // Attached: as visible as the record at most (group by default, narrowed to the record's own visibility).
  const visibility =
    input.visibility ??
    (target && rank(target.visibility) < rank('group') ? (target.visibility as Visibility) : 'group');
  if (target && rank(visibility) > rank(target.visibility)) throw fieldError('body.visibility', 'visibility_wider');

  const file = await prepareFile(upload.file, context.log);
  const now = nowIso();
  const document: DocumentTable = {
    id: randomUUID(),
    title: input.title ?? file.filename,
    description: input.description ?? null,
    language: input.language ?? null,
    current_version_no: 1,
    created_by: actor.user.id,
    owner_institution_id: owner,
    visibility,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const version = versionRow(document.id, 1, file, actor, now);
  await db.transaction().execute(async (trx) => {
    await repo.insertDocument(trx, document);
    await repo.insertVersion(trx, version);
    if (target) {
      await repo.insertLink(trx, {
        document_id: document.id,
        entity: target.entity,
        entity_id: target.entityId,
        created_at: now,
      });
    }
    await recordAudit(trx, context, {
      entity: 'document',
      entityId: document.id,
      action: 'create',
      after: {
        ...auditedDocument(document),
        file: auditedVersion(version),
        ...(target ? { attached_to: { entity: target.entity, entity_id: target.entityId } } : {}),
      },
      institutionId: owner,
    });
  });
  return getDocument(db, actor, document.id);
}

export async function uploadVersion(db: Kysely<DB>, context: UploadContext, id: string, upload: ReceivedUpload) {
  const { actor } = context;
  const current = await repo.findVisibleDocument(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const unknown = Object.keys(upload.fields)[0];
  if (unknown !== undefined) throw fieldError(`body.${unknown}`, 'unrecognized_key');
  if (!upload.file) throw fieldError('body.file', 'file_required');
  const file = await prepareFile(upload.file, context.log);
  const now = nowIso();
  const number = current.current_version_no + 1;
  const version = versionRow(id, number, file, actor, now);
  const applied = await db.transaction().execute(async (trx) => {
    // The document's version moves on too: an edit begun before this upload is told the file changed.
    const moved = await repo.updateDocument(trx, id, current.version, { current_version_no: number, updated_at: now });
    if (!moved) return false;
    await repo.insertVersion(trx, version);
    await recordAudit(trx, context, {
      entity: 'document',
      entityId: id,
      action: 'new_version',
      before: {
        file: auditedVersion({
          number: current.current_number,
          filename: current.current_filename,
          mime: current.current_mime,
          size: current.current_size,
          sha256: current.current_sha256,
        }),
      },
      after: { file: auditedVersion(version) },
      institutionId: current.owner_institution_id,
      version: current.version + 1,
    });
    return true;
  });
  if (!applied) {
    throw await staleVersion(db, {
      entity: 'document',
      entityId: id,
      sentVersion: current.version,
      current: await getDocument(db, actor, id),
    });
  }
  return getDocument(db, actor, id);
}

export async function updateDocument(db: Kysely<DB>, context: AuditContext, id: string, input: Update) {
  const { actor } = context;
  const current = await repo.findVisibleDocument(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const { version, ...fields } = input;
  if (fields.ownerInstitutionId !== undefined && fields.ownerInstitutionId !== current.owner_institution_id) {
    // Giving a document away needs the right to write for the new owner too.
    if (
      fields.ownerInstitutionId !== null &&
      !(await repo.institutionIsVisible(db, actor, fields.ownerInstitutionId))
    ) {
      throw fieldError('body.ownerInstitutionId', 'unknown_reference');
    }
    assertCanWrite(actor, fields.ownerInstitutionId);
  }
  const changes: Partial<DocumentTable> = { updated_at: nowIso() };
  if (fields.title !== undefined) changes.title = fields.title;
  if (fields.description !== undefined) changes.description = fields.description;
  if (fields.language !== undefined) changes.language = fields.language;
  if (fields.ownerInstitutionId !== undefined) changes.owner_institution_id = fields.ownerInstitutionId;
  if (fields.visibility !== undefined) changes.visibility = fields.visibility;
  const applied = await db.transaction().execute(async (trx) => {
    if (fields.visibility !== undefined && rank(fields.visibility) > rank(current.visibility)) {
      // Read inside the transaction, so that a record attached meanwhile is taken into account.
      for (const link of await repo.listAllLinks(trx, id)) {
        const target = await repo.findTarget(trx, link.entity, link.entity_id);
        if (target && rank(fields.visibility) > rank(target.visibility)) {
          throw fieldError('body.visibility', 'visibility_wider');
        }
      }
    }
    if (!(await repo.updateDocument(trx, id, version, changes))) return false;
    const after = await repo.findDocument(trx, id);
    await recordAudit(trx, context, {
      entity: 'document',
      entityId: id,
      action: 'update',
      before: auditedDocument(current),
      after: after ? auditedDocument(after) : null,
      institutionId: after?.owner_institution_id ?? null,
    });
    return true;
  });
  if (!applied) {
    throw await staleVersion(db, {
      entity: 'document',
      entityId: id,
      sentVersion: version,
      current: await getDocument(db, actor, id),
    });
  }
  return getDocument(db, actor, id);
}

export async function deleteDocument(db: Kysely<DB>, context: AuditContext, id: string, version: number) {
  const { actor } = context;
  const current = await repo.findVisibleDocument(db, actor, id);
  if (!current) throw notFound();
  assertCanWrite(actor, current.owner_institution_id);
  const deleted = await db.transaction().execute(async (trx) => {
    const versions = await repo.listVersions(trx, id);
    const links = await repo.listAllLinks(trx, id);
    if (!(await repo.deleteDocument(trx, id, version))) return false;
    await recordAudit(trx, context, {
      entity: 'document',
      entityId: id,
      action: 'delete',
      before: {
        ...auditedDocument(current),
        files: versions.map(auditedVersion),
        attached_to: links,
      },
      institutionId: current.owner_institution_id,
      version: current.version,
    });
    return true;
  });
  if (!deleted) {
    throw await staleVersion(db, {
      entity: 'document',
      entityId: id,
      sentVersion: version,
      current: await getDocument(db, actor, id),
    });
  }
}

export async function linkDocument(
  db: Kysely<DB>,
  context: AuditContext,
  id: string,
  input: { entity: string; entityId: string },
) {
  const { actor } = context;
  const document = await repo.findVisibleDocument(db, actor, id);
  if (!document) throw notFound();
  const target = await attachableTarget(db, actor, input.entity, input.entityId, {
    entity: 'body.entity',
    entityId: 'body.entityId',
  });
  await db.transaction().execute(async (trx) => {
    // Read again inside the transaction: the document's visibility may have been widened meanwhile.
    const now = await repo.findDocument(trx, id);
    if (!now) throw notFound();
    if (rank(now.visibility) > rank(target.visibility)) {
      throw new AppError(409, 'conflict', { reason: 'visibility_wider' }, { reason: 'visibility_wider' });
    }
    const added = await repo.insertLink(trx, {
      document_id: id,
      entity: target.entity,
      entity_id: target.entityId,
      created_at: nowIso(),
    });
    if (added) {
      await recordAudit(trx, context, {
        entity: 'document',
        entityId: id,
        action: 'attach',
        after: { attached_to: { entity: target.entity, entity_id: target.entityId } },
        institutionId: now.owner_institution_id,
        version: now.version,
      });
    }
  });
  return getDocument(db, actor, id);
}

export async function unlinkDocument(
  db: Kysely<DB>,
  context: AuditContext,
  id: string,
  entity: string,
  entityId: string,
) {
  const { actor } = context;
  const document = await repo.findVisibleDocument(db, actor, id);
  if (!document) throw notFound();
  // Detaching changes the record the document was attached to: its writers decide.
  if (!isOwnedEntity(entity)) throw notFound();
  const target = await repo.findTarget(db, entity, entityId);
  if (!target || !(await repo.targetIsVisible(db, actor, entity, entityId))) throw notFound();
  assertCanWrite(actor, target.owner_institution_id);
  const removed = await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteLink(trx, id, entity, entityId))) return false;
    await recordAudit(trx, context, {
      entity: 'document',
      entityId: id,
      action: 'detach',
      before: { attached_to: { entity, entity_id: entityId } },
      institutionId: document.owner_institution_id,
      version: document.version,
    });
    return true;
  });
  if (!removed) throw notFound();
}

/** A version's bytes and what to say about them, for a download. */
export async function documentContent(db: Kysely<DB>, actor: Actor, id: string, number: number | undefined) {
  const row = await repo.findVisibleContent(db, actor, id, number);
  if (!row) throw notFound();
  return row;
}
