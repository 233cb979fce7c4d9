import { z } from 'zod';
import { can, id, isoDateTime, optionalText, requiredText, updateSchemaOf, visibility } from './common.js';

/** The file types the library accepts, recognised from their content (never from their name). */
export const documentTypes = {
  'application/pdf': { family: 'pdf', extension: 'pdf' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { family: 'word', extension: 'docx' },
  'application/vnd.oasis.opendocument.text': { family: 'word', extension: 'odt' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { family: 'spreadsheet', extension: 'xlsx' },
  'application/vnd.oasis.opendocument.spreadsheet': { family: 'spreadsheet', extension: 'ods' },
  'image/jpeg': { family: 'image', extension: 'jpg' },
  'image/png': { family: 'image', extension: 'png' },
  'image/webp': { family: 'image', extension: 'webp' },
} as const;
export type DocumentMime = keyof typeof documentTypes;
export const documentMimes = Object.keys(documentTypes) as [DocumentMime, ...DocumentMime[]];

export const documentFamilies = ['pdf', 'word', 'spreadsheet', 'image'] as const;
export type DocumentFamily = (typeof documentFamilies)[number];

/** For a file input's `accept`: the extensions of the accepted types. */
export const acceptedExtensions = [...new Set(Object.values(documentTypes).map((t) => `.${t.extension}`))].concat(
  '.jpeg',
);

/** A document's language: a BCP 47 tag such as fr, ar, es-MX. */
export const documentLanguage = z
  .string()
  .trim()
  .max(35)
  .refine((v) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v), { params: { reason: 'language_tag' } });

/** An attachment target: an entity registered as an owned record (activity, visit…) and its id. */
export const documentEntity = z
  .string()
  .regex(/^[a-z][a-z_]{0,39}$/)
  .describe('the kind of record, e.g. activity, visit');

export const documentVersion = z.object({
  number: z.number().int().min(1),
  filename: z.string(),
  mime: z.enum(documentMimes),
  family: z.enum(documentFamilies),
  size: z.number().int().min(0),
  sha256: z.string(),
  hasText: z.boolean(),
  createdAt: isoDateTime,
  createdBy: z.object({ id, name: z.string() }).nullable(),
});
export type DocumentVersion = z.infer<typeof documentVersion>;

export const documentLink = z.object({ entity: z.string(), entityId: id });

export const documentSummary = z.object({
  id,
  title: z.string(),
  description: z.string().nullable(),
  language: z.string().nullable(),
  ownerInstitutionId: id.nullable(),
  visibility,
  current: documentVersion,
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can,
});
export type DocumentSummary = z.infer<typeof documentSummary>;

export const documentDetail = documentSummary.extend({
  versions: z.array(documentVersion),
  /** The records this document is attached to that the caller may see. */
  links: z.array(documentLink),
});
export type DocumentDetail = z.infer<typeof documentDetail>;

/**
 * The text fields of an upload (multipart/form-data, before the `file` part). Form fields are strings: an empty
 * one counts as not given.
 */
export const documentUploadFields = z.strictObject({
  title: requiredText(300).optional(),
  description: optionalText(4000),
  language: z.preprocess((v) => (v === '' ? undefined : v), documentLanguage.optional()),
  visibility: z.preprocess((v) => (v === '' ? undefined : v), visibility.optional()),
  /** Defaults to the uploader's institution (the network's for the secretariat). */
  ownerInstitutionId: z.preprocess((v) => (v === '' ? undefined : v), id.optional()),
  /** Attach the new document to this record at once (both or neither). */
  entity: z.preprocess((v) => (v === '' ? undefined : v), documentEntity.optional()),
  entityId: z.preprocess((v) => (v === '' ? undefined : v), id.optional()),
});
export type DocumentUploadFields = z.output<typeof documentUploadFields>;

/** A new version carries no metadata of its own. */
export const documentVersionFields = z.strictObject({});

export const documentMetadata = z.strictObject({
  title: requiredText(300),
  description: optionalText(4000),
  language: documentLanguage.nullable().optional(),
  visibility,
  ownerInstitutionId: id.nullable().optional(),
});
export const documentUpdate = updateSchemaOf(documentMetadata);

export const documentLinkCreate = z.strictObject({ entity: documentEntity, entityId: id });
export const documentLinkParams = z.strictObject({ id, entity: documentEntity, entityId: id });

export const documentContentQuery = z.strictObject({
  version: z.coerce.number().int().min(1).max(2_147_483_646).optional(),
  inline: z.enum(['0', '1']).optional(),
});

export const documentUploadLimits = z.object({
  maxBytes: z.number().int().min(1),
  mimes: z.array(z.enum(documentMimes)),
  extensions: z.array(z.string()),
});
export type DocumentUploadLimits = z.infer<typeof documentUploadLimits>;
