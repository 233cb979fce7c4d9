import { action } from '../../../../shared/contract/plan.js';
import { actionRoutes } from '../../plan/actions.routes.js';
import { boolean, date, dateTime, number, text } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

export const planActionsExport = defineExportList(action, {
  name: 'plan-actions',
  title: 'exports:lists.planActions',
  route: listRoute(actionRoutes, 'listActions'),
  columns: [
    text('exports:columns.planActions.axis', (r) => r.axisNumber),
    text('exports:columns.planActions.title', (r) => r.title),
    text('exports:columns.planActions.leadInstitution', (r) => r.leadInstitutionName),
    text('exports:columns.planActions.status', (r) => r.status),
    date('exports:columns.planActions.plannedStart', (r) => r.plannedStart),
    date('exports:columns.planActions.plannedEnd', (r) => r.plannedEnd),
    date('exports:columns.planActions.completedOn', (r) => r.completedOn),
    boolean('exports:columns.planActions.overdue', (r) => r.overdue),
    number('exports:columns.planActions.budget', (r) => (r.budget ? Number(r.budget.amount) : null)),
    text('exports:columns.planActions.currency', (r) => r.budget?.currency),
    text('exports:columns.planActions.comments', (r) => r.comments),
    text('exports:columns.common.visibility', (r) => r.visibility),
    dateTime('exports:columns.common.updatedAt', (r) => r.updatedAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
