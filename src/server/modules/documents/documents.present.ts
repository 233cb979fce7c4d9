import type {
  DocumentDetail,
  DocumentMime,
  DocumentSummary,
  DocumentVersion,
} from '../../../shared/contract/documents.js';
import { documentTypes } from '../../../shared/contract/documents.js';
import type { Visibility } from '../../../shared/roles.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { DocumentRow, listVersions, listVisibleLinks } from './documents.repo.js';

function versionOf(v: {
  number: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  hasText: boolean;
  createdAt: string;
  createdBy: string | null;
  creatorName: string | null;
}): DocumentVersion {
  const mime = v.mime as DocumentMime;
  return {
    number: v.number,
    filename: v.filename,
    mime,
    family: documentTypes[mime].family,
    size: Number(v.size),
    sha256: v.sha256,
    hasText: v.hasText,
    createdAt: v.createdAt,
    createdBy: v.createdBy === null ? null : { id: v.createdBy, name: v.creatorName ?? '' },
  };
}

export function presentDocument(actor: Actor, row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    language: row.language,
    ownerInstitutionId: row.owner_institution_id,
    visibility: row.visibility as Visibility,
    current: versionOf({
      number: row.current_number,
      filename: row.current_filename,
      mime: row.current_mime,
      size: row.current_size,
      sha256: row.current_sha256,
      hasText: Number(row.current_has_text) === 1,
      createdAt: row.current_created_at,
      createdBy: row.current_created_by,
      creatorName: row.current_creator_name,
    }),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: canWrite(actor, row.owner_institution_id) },
  };
}

export function presentDocumentDetail(
  actor: Actor,
  row: DocumentRow,
  versions: Awaited<ReturnType<typeof listVersions>>,
  links: Awaited<ReturnType<typeof listVisibleLinks>>,
): DocumentDetail {
  return {
    ...presentDocument(actor, row),
    versions: versions.map((v) =>
      versionOf({
        number: v.number,
        filename: v.filename,
        mime: v.mime,
        size: v.size,
        sha256: v.sha256,
        hasText: Number(v.has_text) === 1,
        createdAt: v.created_at,
        createdBy: v.created_by,
        creatorName: v.creator_name,
      }),
    ),
    links: links.map((link) => ({ entity: link.entity, entityId: link.entity_id })),
  };
}

/** Metadata of a document for the audit trail: never its bytes or its extracted text. */
export function auditedDocument(row: {
  title: string;
  description: string | null;
  language: string | null;
  owner_institution_id: string | null;
  visibility: string;
  version: number;
}) {
  return {
    title: row.title,
    description: row.description,
    language: row.language,
    owner_institution_id: row.owner_institution_id,
    visibility: row.visibility,
    version: row.version,
  };
}

/** A version for the audit trail: what identifies the file, not what it holds. */
export function auditedVersion(v: { number: number; filename: string; mime: string; size: number; sha256: string }) {
  return { number: v.number, filename: v.filename, mime: v.mime, size: Number(v.size), sha256: v.sha256 };
}
