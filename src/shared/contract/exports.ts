import { z } from 'zod';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The lists that can be exported, as named in `POST /api/v1/exports/{list}`. */
export const exportListNames = [
  'institutions',
  'partners',
  'declarations',
  'users',
  'audit-events',
  'plans',
  'plan-actions',
  'activities',
  'documents',
  'facilities',
  'visits',
  'checklist-templates',
  'recommendations',
  'awareness-sessions',
  'materials',
  'notifications',
] as const;
export type ExportListName = (typeof exportListNames)[number];

/** Most rows one export may hold: past it, the caller is asked to narrow the filters. */
export const MAX_EXPORT_ROWS = 100_000;

export const exportParams = z.strictObject({ list: z.string().min(1).max(100) });

/**
 * What to export: the format, and the list's own query (its filters, sort and order, as the list page sends them,
 * without paging: every matching row is exported).
 */
export const exportRequest = z.strictObject({
  format: z.enum(exportFormats),
  filters: z.record(z.string().max(100), z.string().max(1000)).default({}),
});
export type ExportRequest = z.input<typeof exportRequest>;

/** The version of the portability file's layout; a reader checks it before anything else. */
export const PORTABILITY_FORMAT = 'vigie-institution-data/1';
