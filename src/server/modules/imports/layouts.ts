import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  activityCreate,
  activityKinds,
  activityThemes,
  meetingCadences,
  statementTypes,
  trainingAudiences,
} from '../../../shared/contract/activities.js';
import {
  awarenessChannels,
  awarenessSessionCreate,
  awarenessSettings,
  reachAgeBands,
  reachSexes,
  reachStatuses,
} from '../../../shared/contract/awareness.js';
import type { ImportKind } from '../../../shared/contract/imports.js';
import {
  monitoringThemes,
  recommendationCreate,
  recommendationPriorities,
} from '../../../shared/contract/monitoring.js';
import type { InterfaceLanguage } from '../../../shared/languages.js';
import { visibilities } from '../../../shared/roles.js';
import type { DB } from '../../db/schema.js';
import { createActivity } from '../activities/activities.service.js';
import type { AuditContext } from '../audit/record-audit.js';
import { createSession } from '../awareness/sessions.service.js';
import { createRecommendation } from '../monitoring/recommendations.service.js';
import { bulkRecommendations } from './bulk-recommendations.js';
import { CellProblem, type ColumnSpec, catalogOf, message, textToHtml } from './columns.js';

/** What one kind of import is: its columns, how a row becomes the API's create request, and that create. */
export interface ImportLayoutSpec {
  kind: ImportKind;
  columns: ColumnSpec[];
  /** The column a refusal without a field belongs to (a record the writer may not write for, an unknown visit). */
  ownerColumn: string;
  schema: z.ZodType;
  build(values: ReadonlyMap<string, unknown>, defaults: { visitId?: string | undefined }): unknown;
  create(db: Kysely<DB>, context: AuditContext, input: never): Promise<{ id: string }>;
  /** Rows whose rules can be checked once for many and written in one pass (see `bulk-recommendations.ts`). */
  bulk?: typeof bulkRecommendations;
}

const EXAMPLE_ID = '00000000-0000-4000-8000-000000000000';

const column = (key: string, format: ColumnSpec['format'], example: string, more: Partial<ColumnSpec> = {}) =>
  ({ key, format, example, paths: [`body.${key}`], ...more }) satisfies ColumnSpec;

/** Cells of one kind of activity only: their path is under `details`. */
const detail = (
  kinds: (typeof activityKinds)[number][],
  key: string,
  field: string,
  format: ColumnSpec['format'],
  example: string,
  more: Partial<ColumnSpec> = {},
) => column(key, format, example, { kinds, paths: [`body.details.${field}`], ...more });

const ownerColumns = [
  column('ownerInstitution', 'reference', '', { refers: 'institution', paths: ['body.ownerInstitutionId'] }),
  column('visibility', 'choice', 'group', { values: visibilities }),
];

const activityColumns: ColumnSpec[] = [
  column('kind', 'choice', 'meeting', { required: true, values: activityKinds }),
  column('title', 'text', 'Réunion du groupe de travail', { required: true }),
  column('allDay', 'boolean', 'yes'),
  column('startsAt', 'dateOrDateTime', '2018-03-15', { required: true }),
  column('endsAt', 'dateOrDateTime', '2018-03-16'),
  column('timeZone', 'text', 'Europe/Paris', { required: true }),
  column('city', 'text', 'Rabat'),
  column('countryCode', 'text', 'MA'),
  column('online', 'boolean', 'no'),
  column('notes', 'text', ''),
  ...ownerColumns,
  column('organiserInstitutions', 'references', 'Défenseur des droits', {
    refers: 'institution',
    paths: ['body.organiserInstitutionIds'],
  }),
  column(
    'participantInstitutions',
    'references',
    'Institution du Médiateur du Royaume; Défenseur du peuple (Espagne)',
    {
      refers: 'institution',
      paths: ['body.participantInstitutionIds'],
    },
  ),
  column('hostInstitution', 'reference', '', { refers: 'institution', paths: ['body.hostInstitutionId'] }),
  column('partners', 'references', 'UNHCR', { refers: 'partner' }),
  column('themes', 'choices', 'unaccompanied_children; guardianship', { values: activityThemes }),
  column('actions', 'references', '', { paths: ['body.actionIds'] }),
  detail(['dialogue_body'], 'cadence', 'cadence', 'choice', '', { values: meetingCadences }),
  detail(['dialogue_body'], 'memberPeople', 'memberPeople', 'list', ''),
  detail(['meeting'], 'dialogueBody', 'bodyId', 'reference', ''),
  detail(['meeting'], 'agenda', 'agenda', 'text', 'Plan d’action 2018'),
  detail(['meeting'], 'minutes', 'minutesHtml', 'text', ''),
  detail(['meeting'], 'decisions', 'decisions', 'list', 'Visites conjointes en 2018'),
  detail(['training'], 'audiences', 'audiences', 'choices', '', { values: trainingAudiences }),
  detail(['training'], 'trainingParticipants', 'participants', 'list', ''),
  detail(['training'], 'trainers', 'trainers', 'list', ''),
  detail(['training'], 'trainingMaterials', 'materials', 'text', ''),
  detail(['training'], 'evaluation', 'evaluation', 'text', ''),
  detail(['statement'], 'statementType', 'statementType', 'choice', '', { values: statementTypes }),
  detail(['statement'], 'addressee', 'addressee', 'text', ''),
  detail(['statement'], 'statementText', 'textHtml', 'text', ''),
  detail(['statement'], 'publicLink', 'publicLink', 'text', ''),
  detail(['study_visit'], 'visitors', 'visitors', 'list', ''),
  detail(['study_visit'], 'programme', 'programme', 'text', ''),
  detail(['study_visit'], 'placesVisited', 'placesVisited', 'list', ''),
  detail(['study_visit'], 'missionReport', 'missionReportHtml', 'text', ''),
  detail(['study_visit'], 'lessonsLearned', 'lessonsLearned', 'text', ''),
  detail(['course'], 'courseName', 'courseName', 'text', ''),
  detail(['course'], 'courseOrganiser', 'courseOrganiser', 'text', ''),
  detail(['course'], 'courseParticipants', 'participants', 'list', ''),
  detail(['course'], 'certificate', 'certificate', 'text', ''),
];

/** "police/female=12": participants of a training by audience and sex. */
function trainingParticipants(items: string[]) {
  return items.map((item) => {
    const match = /^([a-z_]+)\s*\/\s*([a-z_]+)\s*=\s*(\d+)$/.exec(item.toLocaleLowerCase('und'));
    if (!match) throw new CellProblem('participants_format');
    return { audience: match[1], sex: match[2], count: Number(match[3]) };
  });
}

const richText = (value: unknown) => (typeof value === 'string' ? textToHtml(value) : undefined);

const activities: ImportLayoutSpec = {
  kind: 'activities',
  columns: activityColumns,
  ownerColumn: 'ownerInstitution',
  schema: activityCreate,
  build(values) {
    const get = (key: string) => values.get(key);
    const kind = get('kind');
    const details: Record<string, unknown> = {};
    const problems = new Map<string, CellProblem>();
    for (const spec of activityColumns) {
      if (!spec.kinds || !values.has(spec.key)) continue;
      if (!spec.kinds.includes(kind as string)) {
        problems.set(spec.key, new CellProblem('not_for_kind', { kind: String(kind) }));
        continue;
      }
      const field = spec.paths[0]?.split('.')[2] as string;
      let value = get(spec.key);
      if (spec.key === 'minutes' || spec.key === 'statementText' || spec.key === 'missionReport') {
        value = richText(value);
      }
      if (spec.key === 'trainingParticipants') {
        try {
          value = trainingParticipants(value as string[]);
        } catch (problem) {
          problems.set(spec.key, problem as CellProblem);
          continue;
        }
      }
      details[field] = value;
    }
    if (problems.size > 0) throw problems;
    return {
      kind,
      title: get('title'),
      allDay: get('allDay'),
      startsAt: get('startsAt'),
      // A one-day activity need not repeat its date.
      endsAt: get('endsAt') ?? get('startsAt'),
      timeZone: get('timeZone'),
      city: get('city'),
      countryCode: get('countryCode'),
      online: get('online'),
      notes: get('notes'),
      ownerInstitutionId: get('ownerInstitution'),
      visibility: get('visibility'),
      organiserInstitutionIds: get('organiserInstitutions'),
      participantInstitutionIds: get('participantInstitutions'),
      hostInstitutionId: get('hostInstitution'),
      partners: (get('partners') as string[] | undefined)?.map((partnerId) => ({ partnerId })),
      themes: get('themes'),
      actionIds: get('actions'),
      details,
    };
  },
  create: createActivity as ImportLayoutSpec['create'],
};

/** Reach cells: one column per status × sex × age band, e.g. `unaccompanied.girls.12-14`. */
const reachColumns: ColumnSpec[] = reachStatuses.flatMap((status) =>
  reachSexes.flatMap((sex) =>
    reachAgeBands.map((band) => ({
      key: `${status}.${sex}.${band}`,
      format: 'integer' as const,
      example: status === 'unaccompanied' && sex === 'girls' && band === '12-14' ? '3' : '',
      paths: [`body.children.${status}.${sex}.${band}`],
      labelOf: (language: InterfaceLanguage) => {
        const cells = catalogOf(language).cells;
        return message(language, cells.header, {
          status: cells.status[status],
          sex: cells.sex[sex],
          band: cells.band[band],
        });
      },
    })),
  ),
);

const awarenessColumns: ColumnSpec[] = [
  column('title', 'text', 'Vos droits au centre d’accueil', { required: true }),
  column('setting', 'choice', 'reception', { required: true, values: awarenessSettings }),
  column('channel', 'choice', 'in_person', { required: true, values: awarenessChannels }),
  column('facility', 'reference', '', { paths: ['body.facilityId'] }),
  column('countryCode', 'text', 'FR'),
  column('place', 'text', 'Calais'),
  column('startsOn', 'date', '2018-03-01', { required: true }),
  column('endsOn', 'date', ''),
  column('languages', 'list', 'fr; ar; ti'),
  column('materials', 'references', '', { paths: ['body.materialIds'] }),
  column('partners', 'references', 'IOM', { refers: 'partner', paths: ['body.partnerIds'] }),
  column('funder', 'reference', '', { refers: 'partner', paths: ['body.funderPartnerId'] }),
  column('budgetAmount', 'decimal', '', { paths: ['body.budget.amount', 'body.budget'] }),
  column('budgetCurrency', 'text', '', { paths: ['body.budget.currency'] }),
  column('planAction', 'reference', '', { paths: ['body.planActionId'] }),
  column('repeatOf', 'reference', '', { paths: ['body.repeatOfId'] }),
  ...reachColumns,
  column('adults', 'integer', '1'),
  column('estimatedAudience', 'integer', ''),
  column('notes', 'text', ''),
  ...ownerColumns,
];

const awarenessSessions: ImportLayoutSpec = {
  kind: 'awareness-sessions',
  columns: awarenessColumns,
  ownerColumn: 'ownerInstitution',
  schema: awarenessSessionCreate,
  build(values) {
    const get = (key: string) => values.get(key);
    const children: Record<string, Record<string, Record<string, unknown>>> = {};
    for (const spec of reachColumns) {
      if (!values.has(spec.key)) continue;
      const [status, sex, band] = spec.key.split('.') as [string, string, string];
      children[status] ??= {};
      const bySex = children[status] as Record<string, Record<string, unknown>>;
      bySex[sex] ??= {};
      (bySex[sex] as Record<string, unknown>)[band] = get(spec.key);
    }
    const amount = get('budgetAmount');
    const currency = get('budgetCurrency');
    return {
      title: get('title'),
      setting: get('setting'),
      channel: get('channel'),
      facilityId: get('facility'),
      countryCode: get('countryCode'),
      place: get('place'),
      startsOn: get('startsOn'),
      endsOn: get('endsOn'),
      languages: get('languages'),
      materialIds: get('materials'),
      partnerIds: get('partners'),
      funderPartnerId: get('funder'),
      budget: amount === undefined && currency === undefined ? undefined : { amount, currency },
      planActionId: get('planAction'),
      repeatOfId: get('repeatOf'),
      children,
      adults: get('adults'),
      estimatedAudience: get('estimatedAudience'),
      notes: get('notes'),
      ownerInstitutionId: get('ownerInstitution'),
      visibility: get('visibility'),
    };
  },
  create: createSession as ImportLayoutSpec['create'],
};

const recommendations: ImportLayoutSpec = {
  kind: 'recommendations',
  columns: [
    column('visit', 'reference', EXAMPLE_ID, { paths: ['body.visitId'] }),
    column('finding', 'reference', '', { paths: ['body.findingId'] }),
    column('addressee', 'text', 'Ministère de l’Intérieur', { required: true }),
    column('text', 'text', 'Désigner un tuteur dès l’arrivée de chaque enfant non accompagné.', { required: true }),
    column('theme', 'choice', monitoringThemes[0], { required: true, values: monitoringThemes }),
    column('priority', 'choice', 'high', { values: recommendationPriorities }),
    column('issuedOn', 'date', '2018-05-02', { required: true }),
    column('dueOn', 'date', '2018-11-02'),
    column('repeats', 'reference', '', { paths: ['body.repeatsId'] }),
  ],
  ownerColumn: 'visit',
  schema: recommendationCreate,
  build(values, defaults) {
    const get = (key: string) => values.get(key);
    return {
      visitId: get('visit') ?? defaults.visitId,
      findingId: get('finding'),
      addressee: get('addressee'),
      text: get('text'),
      theme: get('theme'),
      priority: get('priority'),
      issuedOn: get('issuedOn'),
      dueOn: get('dueOn'),
      repeatsId: get('repeats'),
    };
  },
  create: createRecommendation as ImportLayoutSpec['create'],
  bulk: bulkRecommendations,
};

export const layouts: Record<ImportKind, ImportLayoutSpec> = {
  activities,
  'awareness-sessions': awarenessSessions,
  recommendations,
};

/** The column whose errors a request path names: the longest matching path wins (`body.budget.amount`). */
export function columnOfPath(layout: ImportLayoutSpec, path: string): string | null {
  let best: { key: string; length: number } | null = null;
  for (const spec of layout.columns) {
    for (const prefix of spec.paths) {
      if ((path === prefix || path.startsWith(`${prefix}.`)) && prefix.length > (best?.length ?? -1)) {
        best = { key: spec.key, length: prefix.length };
      }
    }
  }
  return best?.key ?? null;
}
