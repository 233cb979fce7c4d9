import { z } from 'zod';
import {
  booleanQuery,
  can,
  countryCode,
  id,
  isoDate,
  isoDateTime,
  optionalText,
  requiredText,
  updateSchemaOf,
  versionNumber,
  visibility,
} from './common.js';

/**
 * Axis 5: monitoring visits to places where migrant children are held or accommodated, their checklists, findings
 * and recommendations with the authorities' follow-up, and (rarely) a child's urgent situation.
 */

export const facilityKinds = [
  'hotspot',
  'detention_centre',
  'police_border_holding',
  'airport_zone',
  'reception_centre',
  'transit_centre',
  'accommodation_centre',
  'shelter_unaccompanied',
  'other',
] as const;
export const visitTypes = ['in_depth', 'thematic', 'follow_up', 'ad_hoc'] as const;
export const visitStatuses = [
  'planned',
  'in_progress',
  'report_drafted',
  'report_validated',
  'published',
  'closed',
] as const;
export type VisitStatus = (typeof visitStatuses)[number];
/** Where a visit may go from each status (the workflow; a step back to redraft a report is allowed). */
export const visitTransitions: Record<VisitStatus, readonly VisitStatus[]> = {
  planned: ['in_progress', 'closed'],
  in_progress: ['report_drafted', 'closed'],
  report_drafted: ['report_validated', 'in_progress', 'closed'],
  report_validated: ['published', 'report_drafted', 'closed'],
  published: ['closed'],
  closed: [],
};

/** The common themes of the reference checklist: answers, findings and recommendations compare across them. */
export const monitoringThemes = [
  'legal_basis',
  'identification_age',
  'separation_safety',
  'guardianship_legal_aid',
  'asylum_information',
  'health',
  'education_leisure',
  'family_contact',
  'material_conditions',
  'complaints_oversight',
  'gender_trafficking',
  'other',
] as const;
export type MonitoringTheme = (typeof monitoringThemes)[number];
export const checklistAnswers = ['yes', 'partly', 'no', 'not_observed'] as const;
export const findingSeverities = ['low', 'medium', 'high', 'critical'] as const;
export const recommendationPriorities = ['low', 'medium', 'high'] as const;
export const recommendationStatuses = [
  'issued',
  'acknowledged',
  'accepted',
  'rejected',
  'in_progress',
  'implemented',
  'partly_implemented',
  'not_implemented',
] as const;
export type RecommendationStatus = (typeof recommendationStatuses)[number];
/** The follow-up steps allowed from each status. Any step out of `issued` is the authority's first reply. */
export const recommendationTransitions: Record<RecommendationStatus, readonly RecommendationStatus[]> = {
  issued: ['acknowledged', 'accepted', 'rejected'],
  acknowledged: ['accepted', 'rejected'],
  accepted: ['in_progress', 'implemented', 'partly_implemented', 'not_implemented'],
  rejected: ['accepted'],
  in_progress: ['implemented', 'partly_implemented', 'not_implemented'],
  partly_implemented: ['in_progress', 'implemented'],
  not_implemented: ['in_progress'],
  implemented: [],
};
/** Statuses in which a recommendation is still expected to move (what "overdue" is about). */
export const openRecommendationStatuses = ['issued', 'acknowledged', 'accepted', 'in_progress'] as const;

export const ageBands = ['0-5', '6-11', '12-14', '15-17'] as const;
export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export const urgentNeeds = [
  'health',
  'mental_health',
  'protection',
  'legal',
  'guardianship',
  'family_tracing',
  'shelter',
  'education',
  'trafficking',
  'other',
] as const;
export const urgentSituationStatuses = ['open', 'referred', 'followed_up', 'closed'] as const;

const standardsList = z.array(requiredText(200)).max(30);
const count = z.number().int().min(0).max(1_000_000);

const endAfterStart = <T extends { startsOn?: string | null | undefined; endsOn?: string | null | undefined }>(
  value: T,
) => !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn;
const endIssue = { path: ['endsOn'], params: { reason: 'end_before_start' } };

// ——— Facilities ———

export const facility = z.object({
  id,
  name: z.string(),
  kind: z.enum(facilityKinds),
  countryCode: z.string(),
  region: z.string().nullable(),
  city: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  operatingAuthority: z.string().nullable(),
  capacity: z.number().int().nullable(),
  holdsChildren: z.boolean(),
  isOpen: z.boolean(),
  notes: z.string().nullable(),
  /** Visits the caller may see, and the latest one's first day. */
  visitCount: z.number().int(),
  lastVisitOn: isoDate.nullable(),
  ownerInstitutionId: id.nullable(),
  visibility,
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can,
});
export type Facility = z.infer<typeof facility>;

const facilityFields = z.strictObject({
  name: requiredText(300),
  kind: z.enum(facilityKinds),
  countryCode,
  region: optionalText(200),
  city: optionalText(200),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  operatingAuthority: optionalText(300),
  capacity: count.nullable().optional(),
  holdsChildren: z.boolean().default(false),
  isOpen: z.boolean().default(true),
  notes: optionalText(10_000),
  ownerInstitutionId: id.nullable().optional(),
  visibility: visibility.default('group'),
});
export const facilityCreate = facilityFields;
export const facilityUpdate = updateSchemaOf(facilityFields.omit({ ownerInstitutionId: true }));

/** GET /api/v1/facilities: sort keys and filters (plus page, pageSize, sort, order). */
export const facilitySorts = ['name', 'kind', 'country', 'lastVisit', 'updatedAt'] as const;
export const facilityFilters = {
  q: z.string().trim().max(200).optional(),
  kind: z.enum(facilityKinds).optional(),
  country: countryCode.optional(),
  holdsChildren: booleanQuery.optional(),
  isOpen: booleanQuery.optional(),
};

// ——— Visits ———

export const population = z.object({
  total: count.nullable(),
  children: count.nullable(),
  unaccompanied: count.nullable(),
  girls: count.nullable(),
  age0to5: count.nullable(),
  age6to11: count.nullable(),
  age12to14: count.nullable(),
  age15to17: count.nullable(),
});
export type Population = z.infer<typeof population>;
export const emptyPopulation: Population = {
  total: null,
  children: null,
  unaccompanied: null,
  girls: null,
  age0to5: null,
  age6to11: null,
  age12to14: null,
  age15to17: null,
};

/** Aggregates must add up: children within the total; unaccompanied, girls and the age bands within the children. */
export function populationIssues(p: Population): { field: keyof Population; reason: string }[] {
  const issues: { field: keyof Population; reason: string }[] = [];
  if (p.children !== null && p.total !== null && p.children > p.total)
    issues.push({ field: 'children', reason: 'more_than_total' });
  if (p.children !== null) {
    if (p.unaccompanied !== null && p.unaccompanied > p.children)
      issues.push({ field: 'unaccompanied', reason: 'more_than_children' });
    if (p.girls !== null && p.girls > p.children) issues.push({ field: 'girls', reason: 'more_than_children' });
    const bands = (p.age0to5 ?? 0) + (p.age6to11 ?? 0) + (p.age12to14 ?? 0) + (p.age15to17 ?? 0);
    if (bands > p.children) issues.push({ field: 'age15to17', reason: 'age_bands_more_than_children' });
  }
  return issues;
}

/** Counts not sent are not known (null); the object sent replaces the visit's whole population. */
const populationInput = z
  .strictObject({
    total: count.nullable().default(null),
    children: count.nullable().default(null),
    unaccompanied: count.nullable().default(null),
    girls: count.nullable().default(null),
    age0to5: count.nullable().default(null),
    age6to11: count.nullable().default(null),
    age12to14: count.nullable().default(null),
    age15to17: count.nullable().default(null),
  })
  .superRefine((p, ctx) => {
    for (const issue of populationIssues(p)) {
      ctx.addIssue({ code: 'custom', path: [issue.field], params: { reason: issue.reason }, message: issue.reason });
    }
  });

export const teamMember = z.strictObject({
  name: requiredText(200),
  role: optionalText(200),
  institutionId: id.nullable().optional(),
});

export const facilitySummary = z.object({
  id,
  name: z.string(),
  kind: z.enum(facilityKinds),
  countryCode: z.string(),
  city: z.string().nullable(),
});

export const institutionSummary = z.object({
  id,
  countryCode: z.string(),
  nameFr: z.string(),
  nameEn: z.string().nullable(),
});

export const partnerSummary = z.object({
  id,
  nameFr: z.string(),
  nameEn: z.string().nullable(),
  acronymFr: z.string().nullable(),
  acronymEn: z.string().nullable(),
});

export const personRef = z.object({ id, name: z.string() }).nullable();

export const visitStatusChange = z.object({
  fromStatus: z.enum(visitStatuses).nullable(),
  toStatus: z.enum(visitStatuses),
  note: z.string().nullable(),
  changedAt: isoDateTime,
  changedBy: personRef,
});

export const visitCounts = z.object({
  questions: z.number().int(),
  answered: z.number().int(),
  findings: z.number().int(),
  recommendations: z.number().int(),
  /** Only a count leaves the visiting institution. */
  urgentSituations: z.number().int(),
});

export const visitSummary = z.object({
  id,
  facility: facilitySummary,
  startsOn: isoDate,
  endsOn: isoDate,
  type: z.enum(visitTypes),
  announced: z.boolean(),
  status: z.enum(visitStatuses),
  statusChangedAt: isoDateTime,
  /** The leading institution (owner); null: the network's secretariat. */
  ownerInstitutionId: id.nullable(),
  leadInstitution: institutionSummary.nullable(),
  /** Institutions visiting with the lead (a joint visit has at least one). */
  institutions: z.array(institutionSummary),
  partners: z.array(partnerSummary),
  population,
  counts: visitCounts,
  visibility,
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can: can.extend({
    /** Statuses the caller may move the visit to now. */
    transitions: z.array(z.enum(visitStatuses)),
    /** May list and read the urgent situations (the visiting institution's own people). */
    urgentSituations: z.boolean(),
  }),
});
export type VisitSummary = z.infer<typeof visitSummary>;

export const visit = visitSummary.extend({
  objectives: z.string().nullable(),
  summary: z.string().nullable(),
  team: z.array(z.object({ name: z.string(), role: z.string().nullable(), institutionId: id.nullable() })),
  /** Plan actions this visit serves (those the caller may see). */
  actionIds: z.array(id),
  statusChangedBy: personRef,
  statusHistory: z.array(visitStatusChange),
  checklistTemplateId: id.nullable(),
  checklistStartedAt: isoDateTime.nullable(),
});
export type Visit = z.infer<typeof visit>;

const visitFields = z.strictObject({
  facilityId: id,
  startsOn: isoDate,
  endsOn: isoDate,
  type: z.enum(visitTypes),
  announced: z.boolean(),
  objectives: optionalText(10_000),
  summary: optionalText(20_000),
  institutionIds: z.array(id).max(50).default([]),
  partnerIds: z.array(id).max(50).default([]),
  team: z.array(teamMember).max(100).default([]),
  actionIds: z.array(id).max(50).default([]),
  population: populationInput.default(emptyPopulation),
  visibility: visibility.default('group'),
});
export const visitCreate = visitFields
  .extend({ ownerInstitutionId: id.nullable().optional() })
  .refine(endAfterStart, endIssue);
export const visitUpdate = updateSchemaOf(visitFields).refine(endAfterStart, endIssue);
export const visitTransition = z.strictObject({
  to: z.enum(visitStatuses),
  note: optionalText(2000),
  version: versionNumber,
});

/** GET /api/v1/visits: sort keys and filters (plus page, pageSize, sort, order). */
export const visitSorts = ['startsOn', 'facility', 'country', 'status', 'type', 'updatedAt'] as const;
export const visitFilters = {
  q: z.string().trim().max(200).optional(),
  facility: id.optional(),
  kind: z.enum(facilityKinds).optional(),
  country: countryCode.optional(),
  status: z.enum(visitStatuses).optional(),
  type: z.enum(visitTypes).optional(),
  announced: booleanQuery.optional(),
  /** With at least one other institution. */
  joint: booleanQuery.optional(),
  /** Led by or joined by this institution. */
  institution: id.optional(),
  /** Linked to this plan action. */
  actionId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

// ——— Checklist templates ———

export const templateQuestion = z.object({
  id,
  position: z.number().int(),
  textFr: z.string(),
  textEn: z.string().nullable(),
  standards: z.array(z.string()),
});
export const templateTheme = z.object({
  id,
  position: z.number().int(),
  theme: z.enum(monitoringThemes),
  titleFr: z.string(),
  titleEn: z.string().nullable(),
  questions: z.array(templateQuestion),
});
export const checklistTemplateSummary = z.object({
  id,
  nameFr: z.string(),
  nameEn: z.string().nullable(),
  descriptionFr: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  isActive: z.boolean(),
  themeCount: z.number().int(),
  questionCount: z.number().int(),
  ownerInstitutionId: id.nullable(),
  visibility,
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can,
});
export const checklistTemplate = checklistTemplateSummary.extend({ themes: z.array(templateTheme) });
export type ChecklistTemplate = z.infer<typeof checklistTemplate>;

const templateThemeInput = z.strictObject({
  theme: z.enum(monitoringThemes),
  titleFr: requiredText(300),
  titleEn: optionalText(300),
  questions: z
    .array(
      z.strictObject({
        textFr: requiredText(1000),
        textEn: optionalText(1000),
        standards: standardsList.default([]),
      }),
    )
    .min(1)
    .max(100),
});
const templateFields = z.strictObject({
  nameFr: requiredText(300),
  nameEn: optionalText(300),
  descriptionFr: optionalText(4000),
  descriptionEn: optionalText(4000),
  isActive: z.boolean().default(true),
  /** The whole structure; an edit that sends it replaces it (visits already started keep their copy). */
  themes: z.array(templateThemeInput).min(1).max(50),
  visibility: visibility.default('group'),
});
export const checklistTemplateCreate = templateFields;
export const checklistTemplateUpdate = updateSchemaOf(templateFields);
export const checklistTemplateSorts = ['name', 'updatedAt'] as const;
export const checklistTemplateFilters = {
  q: z.string().trim().max(200).optional(),
  active: booleanQuery.optional(),
};

// ——— A visit's checklist (a copy of the template taken when it starts) ———

export const checklistItem = z.object({
  /** The answer's id: what an answer names. */
  id,
  position: z.number().int(),
  textFr: z.string(),
  textEn: z.string().nullable(),
  standards: z.array(z.string()),
  answer: z.enum(checklistAnswers).nullable(),
  note: z.string().nullable(),
  answeredAt: isoDateTime.nullable(),
});
export const visitChecklist = z.object({
  visitId: id,
  templateId: id.nullable(),
  startedAt: isoDateTime.nullable(),
  themes: z.array(
    z.object({
      position: z.number().int(),
      theme: z.enum(monitoringThemes),
      titleFr: z.string(),
      titleEn: z.string().nullable(),
      questions: z.array(checklistItem),
    }),
  ),
  totals: z.object({
    yes: z.number().int(),
    partly: z.number().int(),
    no: z.number().int(),
    not_observed: z.number().int(),
    unanswered: z.number().int(),
  }),
  /** The visit's version: starting the checklist or saving answers names it, like an edit (stale: 409). */
  version: z.number().int(),
  can,
});
export type VisitChecklist = z.infer<typeof visitChecklist>;
export const checklistStart = z.strictObject({ templateId: id, version: versionNumber });
export const checklistAnswersUpdate = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        id,
        answer: z.enum(checklistAnswers).nullable(),
        note: optionalText(4000),
      }),
    )
    .min(1)
    .max(2000),
  version: versionNumber,
});

// ——— Findings ———

export const finding = z.object({
  id,
  visitId: id,
  theme: z.enum(monitoringThemes),
  severity: z.enum(findingSeverities),
  text: z.string(),
  standards: z.array(z.string()),
  evidence: z.string().nullable(),
  recommendationCount: z.number().int(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can,
});
export type Finding = z.infer<typeof finding>;
const findingFields = z.strictObject({
  theme: z.enum(monitoringThemes),
  severity: z.enum(findingSeverities),
  text: requiredText(10_000),
  standards: standardsList.default([]),
  evidence: optionalText(10_000),
});
export const findingCreate = findingFields;
export const findingUpdate = updateSchemaOf(findingFields);
export const findingParams = z.strictObject({ id, findingId: id });
export const findingSorts = ['theme', 'severity', 'createdAt'] as const;
export const findingFilters = {
  theme: z.enum(monitoringThemes).optional(),
  severity: z.enum(findingSeverities).optional(),
};

// ——— Recommendations and their follow-up ———

export const followUp = z.object({
  id,
  happenedOn: isoDate,
  fromStatus: z.enum(recommendationStatuses),
  toStatus: z.enum(recommendationStatuses),
  note: z.string().nullable(),
  evidence: z.string().nullable(),
  createdAt: isoDateTime,
  createdBy: personRef,
});

export const recommendationVisit = z.object({
  id,
  startsOn: isoDate,
  facility: facilitySummary,
  ownerInstitutionId: id.nullable(),
});

export const recommendation = z.object({
  id,
  visit: recommendationVisit,
  findingId: id.nullable(),
  addressee: z.string(),
  text: z.string(),
  theme: z.enum(monitoringThemes),
  priority: z.enum(recommendationPriorities),
  issuedOn: isoDate,
  dueOn: isoDate.nullable(),
  /** The earlier recommendation this one repeats (if the caller may see it). */
  repeats: z.object({ id, text: z.string(), issuedOn: isoDate }).nullable(),
  status: z.enum(recommendationStatuses),
  statusOn: isoDate,
  firstReplyOn: isoDate.nullable(),
  /** Days from issue to the authority's first reply; null while it has not replied. */
  daysToFirstReply: z.number().int().nullable(),
  /** Past its due date and still open. */
  overdue: z.boolean(),
  /** The visit's visibility: a recommendation is seen by whoever sees its visit. */
  visibility,
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can: can.extend({ nextStatuses: z.array(z.enum(recommendationStatuses)) }),
});
export type Recommendation = z.infer<typeof recommendation>;
export const recommendationDetail = recommendation.extend({ followUps: z.array(followUp) });
export type RecommendationDetail = z.infer<typeof recommendationDetail>;

const recommendationFields = z.strictObject({
  findingId: id.nullable().optional(),
  addressee: requiredText(300),
  text: requiredText(10_000),
  theme: z.enum(monitoringThemes),
  priority: z.enum(recommendationPriorities).default('medium'),
  issuedOn: isoDate,
  dueOn: isoDate.nullable().optional(),
  repeatsId: id.nullable().optional(),
});
const dueAfterIssue = <T extends { issuedOn?: string | undefined; dueOn?: string | null | undefined }>(v: T) =>
  !v.issuedOn || !v.dueOn || v.dueOn >= v.issuedOn;
const dueIssue = { path: ['dueOn'], params: { reason: 'due_before_issue' } };
export const recommendationCreate = recommendationFields.extend({ visitId: id }).refine(dueAfterIssue, dueIssue);
export const recommendationUpdate = updateSchemaOf(recommendationFields).refine(dueAfterIssue, dueIssue);
/** A dated step of the follow-up: moves the status (allowed transitions only) and names the version. */
export const followUpCreate = z.strictObject({
  happenedOn: isoDate,
  status: z.enum(recommendationStatuses),
  note: optionalText(4000),
  evidence: optionalText(4000),
  version: versionNumber,
});

/** GET /api/v1/recommendations (the tracker across visits): sort keys and filters. */
export const recommendationSorts = ['issuedOn', 'dueOn', 'status', 'theme', 'priority', 'country', 'facility'] as const;
export const recommendationFilters = {
  q: z.string().trim().max(200).optional(),
  country: countryCode.optional(),
  facilityKind: z.enum(facilityKinds).optional(),
  facility: id.optional(),
  theme: z.enum(monitoringThemes).optional(),
  /** Text within the addressee's name. */
  addressee: z.string().trim().max(200).optional(),
  status: z.enum(recommendationStatuses).optional(),
  priority: z.enum(recommendationPriorities).optional(),
  overdue: booleanQuery.optional(),
  /** Repeats an earlier recommendation. */
  repeated: booleanQuery.optional(),
  /** Of visits led or joined by this institution. */
  institution: id.optional(),
  visit: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

/** GET /api/v1/recommendations/themes-by-country: the same filters but country; counts per theme and country. */
export const themesByCountry = z.object({
  countries: z.array(z.string()),
  themes: z.array(z.enum(monitoringThemes)),
  cells: z.array(
    z.object({
      theme: z.enum(monitoringThemes),
      countryCode: z.string(),
      recommendations: z.number().int(),
      open: z.number().int(),
      implemented: z.number().int(),
      repeated: z.number().int(),
      /** Visits (of that country) with at least one recommendation on the theme. */
      visits: z.number().int(),
    }),
  ),
  /** Today's date on the server, for "overdue". */
  today: isoDate,
});
export type ThemesByCountry = z.infer<typeof themesByCountry>;

// ——— Urgent individual situations ———

export const urgentSituation = z.object({
  id,
  visitId: id,
  /** Pseudonymous: never a name. */
  code: z.string(),
  ageBand: z.enum(ageBands),
  sex: z.enum(sexes),
  nationality: z.string().nullable(),
  needs: z.array(z.enum(urgentNeeds)),
  referredTo: z.string().nullable(),
  status: z.enum(urgentSituationStatuses),
  hasDetails: z.boolean(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can,
});
export type UrgentSituation = z.infer<typeof urgentSituation>;
/** One situation read with its identifying details (decrypted; every such read is audited). */
export const urgentSituationDetail = urgentSituation.extend({ details: z.string().nullable() });
const urgentFields = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{2,30}$/)
    .describe('pseudonymous code: letters, digits, dashes'),
  ageBand: z.enum(ageBands),
  sex: z.enum(sexes),
  nationality: countryCode.nullable().optional(),
  needs: z.array(z.enum(urgentNeeds)).max(urgentNeeds.length).default([]),
  referredTo: optionalText(500),
  status: z.enum(urgentSituationStatuses).default('open'),
  /** Identifying details: encrypted at rest, readable only by the visiting institution's people. */
  details: optionalText(10_000),
});
export const urgentSituationCreate = urgentFields;
export const urgentSituationUpdate = updateSchemaOf(urgentFields);

// ——— Report ———

export const reportLanguages = ['fr', 'en'] as const;
/** GET /api/v1/visits/{id}/report.pdf and .docx; the caller's language (French or English) when not given. */
export const reportQuery = z.strictObject({ lang: z.enum(reportLanguages).optional() });
