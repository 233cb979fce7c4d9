import { recommendation } from '../../../../shared/contract/monitoring.js';
import { recommendationRoutes } from '../../monitoring/findings.routes.js';
import { boolean, date, dateTime, number, text } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

/** The recommendation tracker; an import of recommendations reads the same headers. */
export const recommendationsExport = defineExportList(recommendation, {
  name: 'recommendations',
  title: 'exports:lists.recommendations',
  route: listRoute(recommendationRoutes, 'listRecommendations'),
  columns: [
    text('exports:columns.recommendations.facility', (r) => r.visit.facility.name),
    text('exports:columns.recommendations.country', (r) => r.visit.facility.countryCode),
    date('exports:columns.recommendations.visitStartsOn', (r) => r.visit.startsOn),
    text('exports:columns.recommendations.addressee', (r) => r.addressee),
    text('exports:columns.recommendations.text', (r) => r.text),
    text('exports:columns.recommendations.theme', (r) => r.theme),
    text('exports:columns.recommendations.priority', (r) => r.priority),
    date('exports:columns.recommendations.issuedOn', (r) => r.issuedOn),
    date('exports:columns.recommendations.dueOn', (r) => r.dueOn),
    text('exports:columns.recommendations.status', (r) => r.status),
    date('exports:columns.recommendations.statusOn', (r) => r.statusOn),
    date('exports:columns.recommendations.firstReplyOn', (r) => r.firstReplyOn),
    number('exports:columns.recommendations.daysToFirstReply', (r) => r.daysToFirstReply),
    boolean('exports:columns.recommendations.overdue', (r) => r.overdue),
    text('exports:columns.recommendations.visitId', (r) => r.visit.id),
    text('exports:columns.common.visibility', (r) => r.visibility),
    dateTime('exports:columns.common.updatedAt', (r) => r.updatedAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
