import { auditEvent } from '../../../../shared/contract/audit.js';
import { auditRoutes } from '../../audit/audit.routes.js';
import { dateTime, text, textList } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

export const auditEventsExport = defineExportList(auditEvent, {
  name: 'audit-events',
  title: 'exports:lists.auditEvents',
  route: listRoute(auditRoutes, 'listAuditEvents'),
  columns: [
    dateTime('exports:columns.auditEvents.at', (r) => r.at),
    text('exports:columns.auditEvents.actor', (r) => r.actorLabel),
    text('exports:columns.auditEvents.action', (r) => r.action),
    text('exports:columns.auditEvents.entity', (r) => r.entity),
    text('exports:columns.auditEvents.entityId', (r) => r.entityId),
    // The names of the fields that changed: their values stay in the trail, read there with its own access.
    textList('exports:columns.auditEvents.fields', (r) => Object.keys(r.changes)),
    text('exports:columns.auditEvents.institutionId', (r) => r.institutionId),
    text('exports:columns.auditEvents.requestId', (r) => r.requestId),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
