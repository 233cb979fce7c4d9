import type { z } from 'zod';
import type { reportErrors, reportSummary } from '../../../shared/contract/reports.js';
import type { ReportListRow } from './reports.repo.js';

type Summary = z.input<typeof reportSummary>;

export function institutionIdsOf(row: Pick<ReportListRow, 'institution_ids'>): string[] {
  return JSON.parse(row.institution_ids) as string[];
}

/** A report as its requester sees it: status and progress, the request, the files' sizes (never the bytes). */
export function presentReport(
  row: ReportListRow,
  names: Map<string, { nameFr: string; nameEn: string | null }>,
): Summary {
  return {
    id: row.id,
    status: row.status as Summary['status'],
    progress: row.progress,
    step: row.step as Summary['step'],
    error: row.error as (typeof reportErrors)[number] | null,
    language: row.language as Summary['language'],
    from: row.period_from,
    to: row.period_to,
    institutions: institutionIdsOf(row).flatMap((id) => {
      const name = names.get(id);
      return name ? [{ id, ...name }] : [];
    }),
    pdfSize: row.pdf_size,
    docxSize: row.docx_size,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
