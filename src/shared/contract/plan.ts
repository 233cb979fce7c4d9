import { z } from 'zod';
import { awarenessReach } from './awareness-reach.js';
import {
  can,
  id,
  isoDate,
  isoDateTime,
  optionalText,
  requiredText,
  updateSchemaOf,
  versionNumber,
  visibility,
} from './common.js';
import { membershipStatuses, partnerKinds } from './network.js';

export const planStatuses = ['draft', 'adopted', 'closed'] as const;
export const actionStatuses = ['planned', 'in_progress', 'done', 'postponed', 'cancelled'] as const;
export const indicatorFrequencies = ['quarterly', 'semiannual', 'annual', 'plan'] as const;
export const indicatorAggregations = ['sum', 'average'] as const;
export const periodStatuses = ['open', 'closed'] as const;
export const reportStatuses = ['draft', 'submitted', 'validated'] as const;

/**
 * Dimensions along which indicator values are broken down, each with its closed list of values. A report gives one
 * value per combination (a cell), so totals and every breakdown are sums of cells and nothing is counted twice.
 */
export const dimensions = {
  sex: ['female', 'male', 'other', 'unknown'],
  age_band: ['0-5', '6-11', '12-14', '15-17', 'adult', 'unknown'],
  child_status: ['unaccompanied', 'separated', 'with_family', 'unknown'],
  profession: [
    'police',
    'border_guards',
    'judges_prosecutors',
    'social_workers',
    'detention_reception_staff',
    'teachers',
    'health_staff',
    'other',
  ],
  setting: ['origin_country', 'reception_site', 'school', 'community_centre', 'media'],
  facility_kind: [
    'hotspot',
    'detention_centre',
    'police_border_holding',
    'airport_zone',
    'reception_centre',
    'transit_centre',
    'accommodation_centre',
    'shelter_unaccompanied',
    'other',
  ],
  announcement: ['announced', 'unannounced'],
  partner_kind: partnerKinds,
} as const;
export type DimensionKey = keyof typeof dimensions;
export const dimensionKeys = Object.keys(dimensions) as [DimensionKey, ...DimensionKey[]];

const endAfterStart = <T extends { startsOn?: string | null | undefined; endsOn?: string | null | undefined }>(
  value: T,
) => !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn;
const endIssue = { path: ['endsOn'], params: { reason: 'end_before_start' } };

export const axisPartner = z.object({
  partnerId: id,
  nameFr: z.string(),
  nameEn: z.string().nullable(),
  acronymFr: z.string().nullable(),
  acronymEn: z.string().nullable(),
  role: z.enum(['participant', 'funder']),
});

export const axisParticipant = z.object({
  institutionId: id,
  countryCode: z.string(),
  nameFr: z.string(),
  nameEn: z.string().nullable(),
  membershipStatus: z.enum(membershipStatuses),
  participates: z.boolean(),
  note: z.string().nullable(),
});

const axisBase = z.object({
  id,
  planId: id,
  parentId: id.nullable(),
  number: z.string(),
  position: z.number().int(),
  titleFr: z.string(),
  titleEn: z.string().nullable(),
  textFr: z.string().nullable(),
  textEn: z.string().nullable(),
  eachInstitution: z.boolean(),
  partners: z.array(axisPartner),
  version: z.number().int(),
  can,
});
export const subItem = axisBase;
export const axis = axisBase.extend({ participants: z.array(axisParticipant), subItems: z.array(subItem) });
export type Axis = z.infer<typeof axis>;

export const plan = z.object({
  id,
  groupId: id,
  titleFr: z.string(),
  titleEn: z.string().nullable(),
  startsOn: isoDate,
  endsOn: isoDate,
  status: z.enum(planStatuses),
  sourceText: z.string().nullable(),
  previousPlanId: id.nullable(),
  visibility,
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  axes: z.array(axis),
  can: can.extend({ prepareNext: z.boolean(), managePeriods: z.boolean() }),
});
export type Plan = z.infer<typeof plan>;

export const planSummary = plan.omit({ axes: true, sourceText: true });

export const planCreate = z
  .strictObject({
    groupId: id,
    titleFr: requiredText(300),
    titleEn: optionalText(300),
    startsOn: isoDate,
    endsOn: isoDate,
    status: z.enum(planStatuses).default('draft'),
    visibility: visibility.default('group'),
  })
  .refine(endAfterStart, endIssue);
export const planUpdate = z
  .strictObject({
    titleFr: requiredText(300).optional(),
    titleEn: optionalText(300),
    startsOn: isoDate.optional(),
    endsOn: isoDate.optional(),
    status: z.enum(planStatuses).optional(),
    visibility: visibility.optional(),
    version: versionNumber,
  })
  .refine(endAfterStart, endIssue);

/** "Prepare the next plan": a new draft with the same axes; unfinished actions carried over, linked to their origin. */
export const nextPlanCreate = z
  .strictObject({
    titleFr: requiredText(300),
    titleEn: optionalText(300),
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .refine(endAfterStart, endIssue);

export const axisCreate = z.strictObject({
  parentId: id.nullable().optional(),
  number: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/),
  titleFr: requiredText(500),
  titleEn: optionalText(500),
  textFr: optionalText(5000),
  textEn: optionalText(5000),
  eachInstitution: z.boolean().default(false),
});
export const axisUpdate = updateSchemaOf(axisCreate.omit({ parentId: true, number: true }));

export const axisExceptionBody = z.strictObject({ note: optionalText(1000) });

export const actionLinkSummary = z.object({ entity: z.string(), count: z.number().int() });

export const budget = z.strictObject({
  /** Decimal string with up to two decimals, e.g. "12500.00". */
  amount: z
    .string()
    .regex(/^\d{1,12}(\.\d{1,2})?$/)
    .describe('non-negative decimal with at most two decimals'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .describe('ISO 4217, e.g. EUR, USD, MAD'),
});

export const action = z.object({
  id,
  planId: id,
  axisId: id,
  axisNumber: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  leadInstitutionId: id.nullable(),
  leadInstitutionName: z.string().nullable(),
  participantInstitutionIds: z.array(id),
  partnerIds: z.array(id),
  status: z.enum(actionStatuses),
  plannedStart: isoDate.nullable(),
  plannedEnd: isoDate.nullable(),
  completedOn: isoDate.nullable(),
  /** Past its planned end and neither done nor cancelled. */
  overdue: z.boolean(),
  funderPartnerId: id.nullable(),
  budget: z.object({ amount: z.string(), currency: z.string() }).nullable(),
  comments: z.string().nullable(),
  carriedFromId: id.nullable(),
  ownerInstitutionId: id.nullable(),
  visibility,
  links: z.array(actionLinkSummary),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can,
});
export type Action = z.infer<typeof action>;

const actionStartEnd = <T extends { plannedStart?: string | null; plannedEnd?: string | null }>(value: T) =>
  !value.plannedStart || !value.plannedEnd || value.plannedEnd >= value.plannedStart;
const actionEndIssue = { path: ['plannedEnd'], params: { reason: 'end_before_start' } };

const actionFields = z.strictObject({
  axisId: id,
  title: requiredText(300),
  description: optionalText(10_000),
  leadInstitutionId: id.nullable().optional(),
  participantInstitutionIds: z.array(id).max(200).default([]),
  partnerIds: z.array(id).max(100).default([]),
  status: z.enum(actionStatuses).default('planned'),
  plannedStart: isoDate.nullable().optional(),
  plannedEnd: isoDate.nullable().optional(),
  completedOn: isoDate.nullable().optional(),
  funderPartnerId: id.nullable().optional(),
  budget: budget.nullable().optional(),
  comments: optionalText(10_000),
  visibility: visibility.default('group'),
});
export const actionCreate = actionFields.refine(actionStartEnd, actionEndIssue);
export const actionUpdate = updateSchemaOf(actionFields).refine(actionStartEnd, actionEndIssue);

export const indicator = z.object({
  id,
  planId: id,
  axisId: id.nullable(),
  actionId: id.nullable(),
  code: z.string(),
  nameFr: z.string(),
  nameEn: z.string().nullable(),
  unit: z.string(),
  aggregation: z.enum(indicatorAggregations),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  frequency: z.enum(indicatorFrequencies),
  dimensions: z.array(z.enum(dimensionKeys)),
  notes: z.string().nullable(),
  version: z.number().int(),
  can,
});
export type Indicator = z.infer<typeof indicator>;

const indicatorFields = z.strictObject({
  planId: id,
  axisId: id.nullable().optional(),
  actionId: id.nullable().optional(),
  code: z.string().trim().min(1).max(30),
  nameFr: requiredText(300),
  nameEn: optionalText(300),
  unit: requiredText(60),
  aggregation: z.enum(indicatorAggregations).default('sum'),
  baseline: z.number().finite().min(0).nullable().optional(),
  target: z.number().finite().min(0).nullable().optional(),
  frequency: z.enum(indicatorFrequencies).default('annual'),
  dimensions: z.array(z.enum(dimensionKeys)).max(4).default([]),
  notes: optionalText(4000),
});
export const indicatorCreate = indicatorFields;
export const indicatorUpdate = updateSchemaOf(indicatorFields.omit({ planId: true }));

export const reportingPeriod = z.object({
  id,
  planId: id,
  label: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  status: z.enum(periodStatuses),
  closedAt: isoDateTime.nullable(),
  version: z.number().int(),
  /** `close`: open, and the caller may close it (coordinator, administrator); `reopen`: closed, and the caller may
   * reopen it (administrator). */
  can: can.extend({ close: z.boolean(), reopen: z.boolean() }),
});
/** A plan's reporting periods, in date order. */
export const reportingPeriodList = z.object({ items: z.array(reportingPeriod) });
export const reportingPeriodCreate = z
  .strictObject({ label: requiredText(60), startsOn: isoDate, endsOn: isoDate })
  .refine(endAfterStart, endIssue);
export const periodTransition = z.strictObject({ version: versionNumber });
/** Submitting or validating a report names the version it was read at, like an edit (stale: 409). */
export const reportTransition = z.strictObject({ version: versionNumber });

export const reportCell = z.strictObject({
  /** One value per dimension of the indicator, e.g. { "sex": "female", "age_band": "12-14" }. */
  dims: z.record(z.string(), z.string()),
  value: z.number().finite().min(0),
});

export const indicatorReport = z.object({
  id,
  indicatorId: id,
  periodId: id,
  institutionId: id,
  institutionName: z.string(),
  status: z.enum(reportStatuses),
  cells: z.array(z.object({ dims: z.record(z.string(), z.string()), value: z.number() })),
  total: z.number(),
  /** Per dimension, per value: the sum of the cells (derived, never entered). */
  breakdown: z.record(z.string(), z.record(z.string(), z.number())),
  notes: z.string().nullable(),
  submittedAt: isoDateTime.nullable(),
  validatedAt: isoDateTime.nullable(),
  periodStatus: z.enum(periodStatuses),
  visibility,
  version: z.number().int(),
  updatedAt: isoDateTime,
  can: can.extend({ submit: z.boolean(), validate: z.boolean() }),
});
export type IndicatorReport = z.infer<typeof indicatorReport>;

export const indicatorReportCreate = z.strictObject({
  indicatorId: id,
  periodId: id,
  institutionId: id,
  cells: z.array(reportCell).min(1).max(2000),
  notes: optionalText(4000),
  visibility: visibility.default('group'),
});
export const indicatorReportUpdate = z.strictObject({
  cells: z.array(reportCell).min(1).max(2000).optional(),
  notes: optionalText(4000),
  visibility: visibility.optional(),
  version: versionNumber,
});

const statusCounts = z.object(
  Object.fromEntries(actionStatuses.map((s) => [s, z.number().int()])) as Record<
    (typeof actionStatuses)[number],
    z.ZodNumber
  >,
);

export const indicatorProgress = z.object({
  indicatorId: id,
  code: z.string(),
  nameFr: z.string(),
  nameEn: z.string().nullable(),
  unit: z.string(),
  aggregation: z.enum(indicatorAggregations),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  /** From validated reports only. */
  value: z.number().nullable(),
  validatedReports: z.number().int(),
  pendingReports: z.number().int(),
  breakdown: z.record(z.string(), z.record(z.string(), z.number())),
});

export const planProgress = z.object({
  planId: id,
  filters: z.object({ periodId: id.nullable(), institutionId: id.nullable(), axisId: id.nullable() }),
  today: isoDate,
  totals: z.object({ actions: statusCounts, overdue: z.number().int(), linkedRecords: z.number().int() }),
  axes: z.array(
    z.object({
      axisId: id,
      number: z.string(),
      titleFr: z.string(),
      titleEn: z.string().nullable(),
      actions: statusCounts,
      overdue: z.number().int(),
      linkedRecords: z.number().int(),
      indicators: z.array(indicatorProgress),
      /** Awareness sessions linked to the axis's actions: their honest reach (each group once, media apart); null
       * when none the caller may see is linked. */
      reach: awarenessReach.nullable(),
    }),
  ),
  institutions: z.array(
    z.object({
      institutionId: id,
      countryCode: z.string(),
      nameFr: z.string(),
      nameEn: z.string().nullable(),
      membershipStatus: z.enum(membershipStatuses),
      actions: statusCounts,
      overdue: z.number().int(),
      reportsValidated: z.number().int(),
      reportsPending: z.number().int(),
    }),
  ),
});
export type PlanProgress = z.infer<typeof planProgress>;
