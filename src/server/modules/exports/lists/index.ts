import type { ExportListName } from '../../../../shared/contract/exports.js';
import type { ExportList } from '../registry.js';
import { activitiesExport } from './activities.js';
import { auditEventsExport } from './audit-events.js';
import { awarenessSessionsExport } from './awareness-sessions.js';
import { checklistTemplatesExport } from './checklist-templates.js';
import { declarationsExport } from './declarations.js';
import { documentsExport } from './documents.js';
import { facilitiesExport } from './facilities.js';
import { institutionsExport } from './institutions.js';
import { materialsExport } from './materials.js';
import { notificationsExport } from './notifications.js';
import { partnersExport } from './partners.js';
import { planActionsExport } from './plan-actions.js';
import { plansExport } from './plans.js';
import { recommendationsExport } from './recommendations.js';
import { usersExport } from './users.js';
import { visitsExport } from './visits.js';

/** Every exportable list by its name; `satisfies` makes a list named in the contract but missing here a type error. */
export const exportLists = {
  institutions: institutionsExport,
  partners: partnersExport,
  declarations: declarationsExport,
  users: usersExport,
  'audit-events': auditEventsExport,
  plans: plansExport,
  'plan-actions': planActionsExport,
  activities: activitiesExport,
  documents: documentsExport,
  facilities: facilitiesExport,
  visits: visitsExport,
  'checklist-templates': checklistTemplatesExport,
  recommendations: recommendationsExport,
  'awareness-sessions': awarenessSessionsExport,
  materials: materialsExport,
  notifications: notificationsExport,
} satisfies Record<ExportListName, ExportList<Record<string, unknown>>>;
