import { awarenessSessionSummary } from '../../../../shared/contract/awareness.js';
import { awarenessRoutes } from '../../awareness/awareness.routes.js';
import { date, dateTime, number, text, textList } from '../columns.js';
import { defineExportList, listRoute } from '../registry.js';

/** Sessions and campaigns with their totals; an import of awareness sessions reads the same headers. */
export const awarenessSessionsExport = defineExportList(awarenessSessionSummary, {
  name: 'awareness-sessions',
  title: 'exports:lists.awarenessSessions',
  route: listRoute(awarenessRoutes, 'listAwarenessSessions'),
  columns: [
    text('exports:columns.awarenessSessions.title', (r) => r.title),
    text('exports:columns.awarenessSessions.setting', (r) => r.setting),
    text('exports:columns.awarenessSessions.channel', (r) => r.channel),
    date('exports:columns.awarenessSessions.startsOn', (r) => r.startsOn),
    date('exports:columns.awarenessSessions.endsOn', (r) => r.endsOn),
    text('exports:columns.awarenessSessions.country', (r) => r.countryCode),
    text('exports:columns.awarenessSessions.place', (r) => r.place),
    text('exports:columns.awarenessSessions.facility', (r) => r.facility?.name),
    textList('exports:columns.awarenessSessions.languages', (r) => r.languages),
    number('exports:columns.awarenessSessions.children', (r) => r.childrenTotal),
    number('exports:columns.awarenessSessions.adults', (r) => r.adults),
    number('exports:columns.awarenessSessions.estimatedAudience', (r) => r.estimatedAudience),
    text('exports:columns.awarenessSessions.repeatOf', (r) => r.repeatOf?.id),
    text('exports:columns.awarenessSessions.owner', (r) => r.ownerInstitutionName),
    text('exports:columns.common.visibility', (r) => r.visibility),
    dateTime('exports:columns.common.updatedAt', (r) => r.updatedAt),
    text('exports:columns.common.id', (r) => r.id),
  ],
});
