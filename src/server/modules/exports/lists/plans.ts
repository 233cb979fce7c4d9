import { planSummary } from '../../../../shared/contract/plan.js';
import { planRoutes } from '../../plan/plans.routes.js';
import { date, dateTime, text } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

export const plansExport = defineExportList(planSummary, {
  name: 'plans',
  title: 'exports:lists.plans',
  route: listRoute(planRoutes, 'listPlans'),
  columns: [
    text('exports:columns.plans.titleFr', (r) => r.titleFr),
    text('exports:columns.plans.titleEn', (r) => r.titleEn),
    date('exports:columns.plans.startsOn', (r) => r.startsOn),
    date('exports:columns.plans.endsOn', (r) => r.endsOn),
    text('exports:columns.plans.status', (r) => r.status),
    text('exports:columns.common.visibility', (r) => r.visibility),
    dateTime('exports:columns.common.updatedAt', (r) => r.updatedAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
