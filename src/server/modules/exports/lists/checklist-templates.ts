import { checklistTemplateSummary } from '../../../../shared/contract/monitoring.js';
import { checklistRoutes } from '../../monitoring/checklists.routes.js';
import { boolean, dateTime, number, text } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

export const checklistTemplatesExport = defineExportList(checklistTemplateSummary, {
  name: 'checklist-templates',
  title: 'exports:lists.checklistTemplates',
  route: listRoute(checklistRoutes, 'listChecklistTemplates'),
  columns: [
    text('exports:columns.checklistTemplates.nameFr', (r) => r.nameFr),
    text('exports:columns.checklistTemplates.nameEn', (r) => r.nameEn),
    boolean('exports:columns.checklistTemplates.active', (r) => r.isActive),
    number('exports:columns.checklistTemplates.themes', (r) => r.themeCount),
    number('exports:columns.checklistTemplates.questions', (r) => r.questionCount),
    text('exports:columns.common.visibility', (r) => r.visibility),
    dateTime('exports:columns.common.updatedAt', (r) => r.updatedAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
