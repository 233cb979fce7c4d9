import type {
  actionStatuses,
  DimensionKey,
  dimensions,
  indicatorAggregations,
  indicatorFrequencies,
  periodStatuses,
  planStatuses,
  reportStatuses,
} from '../../../../shared/contract/plan';

export type PlanStatus = (typeof planStatuses)[number];
export type ActionStatus = (typeof actionStatuses)[number];
export type IndicatorFrequency = (typeof indicatorFrequencies)[number];
export type IndicatorAggregation = (typeof indicatorAggregations)[number];
export type PeriodStatus = (typeof periodStatuses)[number];
export type ReportStatus = (typeof reportStatuses)[number];

export const planStatusLabels = {
  draft: 'plan:planStatus.draft',
  adopted: 'plan:planStatus.adopted',
  closed: 'plan:planStatus.closed',
} as const satisfies Record<PlanStatus, string>;

export const actionStatusLabels = {
  planned: 'plan:actionStatus.planned',
  in_progress: 'plan:actionStatus.in_progress',
  done: 'plan:actionStatus.done',
  postponed: 'plan:actionStatus.postponed',
  cancelled: 'plan:actionStatus.cancelled',
} as const satisfies Record<ActionStatus, string>;

/**
 * The statuses in their order of progress. Taken from the label map rather than from the contract, so that the
 * web app does not bundle zod for a list of words; `satisfies` above keeps the two in step.
 */
export const actionStatusList = Object.keys(actionStatusLabels) as ActionStatus[];

/** Colours of action statuses, in the bars of the progress and the timeline (always next to a text). */
export const actionStatusColors = {
  planned: 'blue',
  in_progress: 'cyan',
  done: 'teal',
  postponed: 'orange',
  cancelled: 'gray',
} as const satisfies Record<ActionStatus, string>;

export const frequencyLabels = {
  quarterly: 'plan:frequency.quarterly',
  semiannual: 'plan:frequency.semiannual',
  annual: 'plan:frequency.annual',
  plan: 'plan:frequency.plan',
} as const satisfies Record<IndicatorFrequency, string>;

export const aggregationLabels = {
  sum: 'plan:aggregation.sum',
  average: 'plan:aggregation.average',
} as const satisfies Record<IndicatorAggregation, string>;

export const periodStatusLabels = {
  open: 'plan:periodStatus.open',
  closed: 'plan:periodStatus.closed',
} as const satisfies Record<PeriodStatus, string>;

export const reportStatusLabels = {
  draft: 'plan:reportStatus.draft',
  submitted: 'plan:reportStatus.submitted',
  validated: 'plan:reportStatus.validated',
} as const satisfies Record<ReportStatus, string>;

export const dimensionLabels = {
  sex: 'plan:dimension.sex',
  age_band: 'plan:dimension.age_band',
  child_status: 'plan:dimension.child_status',
  profession: 'plan:dimension.profession',
  setting: 'plan:dimension.setting',
  facility_kind: 'plan:dimension.facility_kind',
  announcement: 'plan:dimension.announcement',
  partner_kind: 'plan:dimension.partner_kind',
} as const satisfies Record<DimensionKey, string>;

type DimensionValueLabels = { [D in DimensionKey]: Record<(typeof dimensions)[D][number], string> };

/** Every value of every dimension, with its label: the cells of a report and the rows of a breakdown. */
export const dimensionValueLabels = {
  sex: {
    female: 'plan:dimensionValue.sex.female',
    male: 'plan:dimensionValue.sex.male',
    other: 'plan:dimensionValue.sex.other',
    unknown: 'plan:dimensionValue.sex.unknown',
  },
  age_band: {
    '0-5': 'plan:dimensionValue.age_band.age_0_5',
    '6-11': 'plan:dimensionValue.age_band.age_6_11',
    '12-14': 'plan:dimensionValue.age_band.age_12_14',
    '15-17': 'plan:dimensionValue.age_band.age_15_17',
    adult: 'plan:dimensionValue.age_band.adult',
    unknown: 'plan:dimensionValue.age_band.unknown',
  },
  child_status: {
    unaccompanied: 'plan:dimensionValue.child_status.unaccompanied',
    separated: 'plan:dimensionValue.child_status.separated',
    with_family: 'plan:dimensionValue.child_status.with_family',
    unknown: 'plan:dimensionValue.child_status.unknown',
  },
  profession: {
    police: 'plan:dimensionValue.profession.police',
    border_guards: 'plan:dimensionValue.profession.border_guards',
    judges_prosecutors: 'plan:dimensionValue.profession.judges_prosecutors',
    social_workers: 'plan:dimensionValue.profession.social_workers',
    detention_reception_staff: 'plan:dimensionValue.profession.detention_reception_staff',
    teachers: 'plan:dimensionValue.profession.teachers',
    health_staff: 'plan:dimensionValue.profession.health_staff',
    other: 'plan:dimensionValue.profession.other',
  },
  setting: {
    origin_country: 'plan:dimensionValue.setting.origin_country',
    reception_site: 'plan:dimensionValue.setting.reception_site',
    school: 'plan:dimensionValue.setting.school',
    community_centre: 'plan:dimensionValue.setting.community_centre',
    media: 'plan:dimensionValue.setting.media',
  },
  facility_kind: {
    hotspot: 'plan:dimensionValue.facility_kind.hotspot',
    detention_centre: 'plan:dimensionValue.facility_kind.detention_centre',
    police_border_holding: 'plan:dimensionValue.facility_kind.police_border_holding',
    airport_zone: 'plan:dimensionValue.facility_kind.airport_zone',
    reception_centre: 'plan:dimensionValue.facility_kind.reception_centre',
    transit_centre: 'plan:dimensionValue.facility_kind.transit_centre',
    accommodation_centre: 'plan:dimensionValue.facility_kind.accommodation_centre',
    shelter_unaccompanied: 'plan:dimensionValue.facility_kind.shelter_unaccompanied',
    other: 'plan:dimensionValue.facility_kind.other',
  },
  announcement: {
    announced: 'plan:dimensionValue.announcement.announced',
    unannounced: 'plan:dimensionValue.announcement.unannounced',
  },
  partner_kind: {
    international_organisation: 'plan:dimensionValue.partner_kind.international_organisation',
    civil_society: 'plan:dimensionValue.partner_kind.civil_society',
    government: 'plan:dimensionValue.partner_kind.government',
    academic: 'plan:dimensionValue.partner_kind.academic',
    other: 'plan:dimensionValue.partner_kind.other',
  },
} as const satisfies DimensionValueLabels;

/** The dimensions, and the values of each, in the contract's order (from the exhaustive label maps above). */
export const dimensionKeyList = Object.keys(dimensionLabels) as DimensionKey[];

export function dimensionValuesOf<D extends DimensionKey>(dimension: D): (typeof dimensions)[D][number][] {
  return Object.keys(dimensionValueLabels[dimension]) as (typeof dimensions)[D][number][];
}

/** The label key of one value of a dimension; a value the contract does not list has none. */
type DimensionValueKey = {
  [D in DimensionKey]: (typeof dimensionValueLabels)[D][keyof (typeof dimensionValueLabels)[D]];
}[DimensionKey];

export function dimensionValueLabel(dimension: DimensionKey, value: string): DimensionValueKey | undefined {
  const labels: Record<string, DimensionValueKey> = dimensionValueLabels[dimension];
  return Object.hasOwn(labels, value) ? labels[value] : undefined;
}

/** Records of other modules that serve an action (meetings, trainings, visits…); others are counted together. */
export const linkEntityLabels = {
  meeting: 'plan:links.meeting',
  training: 'plan:links.training',
  statement: 'plan:links.statement',
  study_visit: 'plan:links.study_visit',
  course: 'plan:links.course',
  awareness_session: 'plan:links.awareness_session',
  visit: 'plan:links.visit',
} as const;

export function linkEntityLabel(entity: string) {
  const labels: Record<string, (typeof linkEntityLabels)[keyof typeof linkEntityLabels]> = linkEntityLabels;
  return Object.hasOwn(labels, entity) ? labels[entity] : undefined;
}
