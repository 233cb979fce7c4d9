import { z } from 'zod';
import { id } from './common.js';

/** What can be imported from a spreadsheet: one record per row, created through the same rules as the API. */
export const importKinds = ['activities', 'awareness-sessions', 'recommendations'] as const;
export type ImportKind = (typeof importKinds)[number];

/** The largest file accepted, and the most rows one import may hold. */
export const IMPORT_MAX_BYTES = 16 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

export const importKindParams = z.strictObject({ kind: z.enum(importKinds) });

/** How a cell is read: its format decides the conversion and what the template explains. */
export const importFormats = [
  'text',
  'integer',
  'decimal',
  'date',
  'dateOrDateTime',
  'boolean',
  'choice',
  'choices',
  'list',
  'reference',
  'references',
] as const;
export type ImportFormat = (typeof importFormats)[number];

export const importColumn = z.object({
  /** The stable key: accepted as a header in any language, as are the labels in French, English, Arabic, Spanish. */
  key: z.string(),
  /** The header in the caller's language. */
  label: z.string(),
  required: z.boolean(),
  format: z.enum(importFormats),
  /** Allowed values (stable keys) of a choice. */
  values: z.array(z.string()),
  /** For activities: the kinds the column applies to (empty: every kind). */
  kinds: z.array(z.string()),
  example: z.string(),
});
export type ImportColumn = z.infer<typeof importColumn>;

export const importLayout = z.object({
  kind: z.enum(importKinds),
  columns: z.array(importColumn),
  maxRows: z.number().int(),
  maxBytes: z.number().int(),
});
export type ImportLayout = z.infer<typeof importLayout>;

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** Preview: the file, and the visit its recommendations belong to when the rows do not say. */
export const importPreviewFields = z.strictObject({ visitId: id.optional() });
/** Confirm: the same file and the checksum its preview gave, so that what is written is what was seen. */
export const importConfirmFields = z.strictObject({ checksum: sha256Hex, visitId: id.optional() });

export const importRowError = z.object({
  /** The column's stable key; null for a problem of the whole row. */
  column: z.string().nullable(),
  issue: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importPreviewRow = z.object({
  /** The row number as the sheet shows it (the header is row 1). */
  row: z.number().int(),
  /** Cells as read, by column key (empty cells left out). */
  values: z.record(z.string(), z.string()),
  errors: z.array(importRowError),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRow>;

export const importPreview = z.object({
  kind: z.enum(importKinds),
  format: z.enum(['csv', 'xlsx']),
  checksum: z.string(),
  /** The columns the file has, in its order, with their label in the caller's language. */
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(importPreviewRow),
  total: z.number().int(),
  invalid: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = z.object({
  kind: z.enum(importKinds),
  checksum: z.string(),
  created: z.number().int(),
  ids: z.array(id),
});
export type ImportResult = z.infer<typeof importResult>;

/** A refused confirm (422): every row error, each naming its row and column. */
export const importRowIssue = z.object({
  field: z.string(),
  issue: z.string(),
  message: z.string(),
  row: z.number().int(),
  column: z.string().nullable(),
});
export type ImportRowIssue = z.infer<typeof importRowIssue>;
