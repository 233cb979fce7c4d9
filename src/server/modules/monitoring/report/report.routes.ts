import { z } from 'zod';
import { idParams } from '../../../../shared/contract/common.js';
import { reportQuery } from '../../../../shared/contract/monitoring.js';
import type { InterfaceLanguage } from '../../../../shared/languages.js';
import { defineRoute } from '../../../http/route.js';
import { renderDocx } from './docx.js';
import type { ReportLanguage } from './labels.js';
import { buildReport } from './model.js';
import { renderPdf } from './pdf.js';

const tag = 'monitoring';

/** French or English as asked; else the caller's language when it is one of them, else French. */
function reportLanguage(asked: ReportLanguage | undefined, caller: InterfaceLanguage): ReportLanguage {
  return asked ?? (caller === 'en' ? 'en' : 'fr');
}

const formats = {
  pdf: { type: 'application/pdf', render: renderPdf },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: renderDocx,
  },
} as const;

function reportRoute(format: keyof typeof formats) {
  const { type, render } = formats[format];
  return defineRoute({
    method: 'GET',
    path: `/api/v1/visits/{id}/report.${format}`,
    operationId: format === 'pdf' ? 'getVisitReportPdf' : 'getVisitReportDocx',
    summary:
      format === 'pdf'
        ? 'The visit report as PDF (facility, team, population, checklist, findings, recommendations)'
        : 'The visit report as an editable Word document (DOCX)',
    tag,
    access: 'public',
    params: idParams,
    query: reportQuery,
    response: z.string().describe(type),
    raw: true,
    handler: async ({ db, actor, params, query, language, reply }) => {
      const lang = reportLanguage(query.lang, language);
      const model = await buildReport(db, actor, params.id, lang);
      const body = await render(model, lang);
      reply
        .status(200)
        .header('content-type', type)
        .header('content-disposition', `attachment; filename="${model.filename}.${format}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
      return undefined;
    },
  });
}

export const reportRoutes = [reportRoute('pdf'), reportRoute('docx')];
