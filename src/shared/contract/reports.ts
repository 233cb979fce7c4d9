import { z } from 'zod';
import { id, isoDate, isoDateTime } from './common.js';

/** The languages a consolidated report is written in (the working group's two working languages). */
export const reportLanguages = ['fr', 'en'] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

export const reportStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** The steps of a generation, in order; `progress` says how far along they are. */
export const reportSteps = ['plan', 'axes', 'institutions', 'highlights', 'pdf', 'docx'] as const;
export type ReportStep = (typeof reportSteps)[number];

/** Why a generation failed: interrupted too many times, its requester's account is no longer active, or a fault. */
export const reportErrors = ['interrupted', 'requester_unavailable', 'generation_failed'] as const;

/** The longest period one report covers, in days (two years, leap day included). */
export const MAX_REPORT_DAYS = 731;
/** How many institutions a report may be limited to. */
export const MAX_REPORT_INSTITUTIONS = 50;

export const reportCreate = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    language: z.enum(reportLanguages),
    /** Only these institutions' records; omitted or empty: everything the requester sees. */
    institutionIds: z.array(id).max(MAX_REPORT_INSTITUTIONS).optional(),
  })
  .refine((v) => v.to >= v.from, { path: ['to'], params: { reason: 'end_before_start' } })
  .refine((v) => v.to < v.from || (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 < MAX_REPORT_DAYS, {
    path: ['to'],
    params: { reason: 'range_too_long' },
  });

export const reportSummary = z.object({
  id,
  status: z.enum(reportStatuses),
  progress: z.number().int().min(0).max(100),
  step: z.enum(reportSteps).nullable(),
  error: z.enum(reportErrors).nullable(),
  language: z.enum(reportLanguages),
  from: isoDate,
  to: isoDate,
  institutions: z.array(z.object({ id, nameFr: z.string(), nameEn: z.string().nullable() })),
  pdfSize: z.number().int().nullable(),
  docxSize: z.number().int().nullable(),
  createdAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const reportCreated = z.object({ id, status: z.literal('queued') });

export const reportSorts = ['createdAt', 'from', 'status'] as const;
