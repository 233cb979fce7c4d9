import type {
  ageBands,
  checklistAnswers,
  facilityKinds,
  findingSeverities,
  MonitoringTheme,
  RecommendationStatus,
  recommendationPriorities,
  sexes,
  urgentNeeds,
  urgentSituationStatuses,
  VisitStatus,
  visitTypes,
} from '../../../../shared/contract/monitoring';

export type FacilityKind = (typeof facilityKinds)[number];
export type VisitType = (typeof visitTypes)[number];
export type ChecklistAnswer = (typeof checklistAnswers)[number];
export type FindingSeverity = (typeof findingSeverities)[number];
export type RecommendationPriority = (typeof recommendationPriorities)[number];
export type AgeBand = (typeof ageBands)[number];
export type Sex = (typeof sexes)[number];
export type UrgentNeed = (typeof urgentNeeds)[number];
export type UrgentStatus = (typeof urgentSituationStatuses)[number];
export type { MonitoringTheme, RecommendationStatus, VisitStatus };

// Label maps of literal keys (checked against the contract's lists by `satisfies`); the lists of values the web app
// needs come from these maps, so that it does not bundle zod for a list of words.

export const facilityKindLabels = {
  hotspot: 'monitoring:facilityKind.hotspot',
  detention_centre: 'monitoring:facilityKind.detention_centre',
  police_border_holding: 'monitoring:facilityKind.police_border_holding',
  airport_zone: 'monitoring:facilityKind.airport_zone',
  reception_centre: 'monitoring:facilityKind.reception_centre',
  transit_centre: 'monitoring:facilityKind.transit_centre',
  accommodation_centre: 'monitoring:facilityKind.accommodation_centre',
  shelter_unaccompanied: 'monitoring:facilityKind.shelter_unaccompanied',
  other: 'monitoring:facilityKind.other',
} as const satisfies Record<FacilityKind, string>;

export const visitTypeLabels = {
  in_depth: 'monitoring:visitType.in_depth',
  thematic: 'monitoring:visitType.thematic',
  follow_up: 'monitoring:visitType.follow_up',
  ad_hoc: 'monitoring:visitType.ad_hoc',
} as const satisfies Record<VisitType, string>;

export const visitStatusLabels = {
  planned: 'monitoring:visitStatus.planned',
  in_progress: 'monitoring:visitStatus.in_progress',
  report_drafted: 'monitoring:visitStatus.report_drafted',
  report_validated: 'monitoring:visitStatus.report_validated',
  published: 'monitoring:visitStatus.published',
  closed: 'monitoring:visitStatus.closed',
} as const satisfies Record<VisitStatus, string>;

/** The button that moves a visit to each status: a verb, where the status is a state. */
export const visitTransitionLabels = {
  planned: 'monitoring:visitTransition.planned',
  in_progress: 'monitoring:visitTransition.in_progress',
  report_drafted: 'monitoring:visitTransition.report_drafted',
  report_validated: 'monitoring:visitTransition.report_validated',
  published: 'monitoring:visitTransition.published',
  closed: 'monitoring:visitTransition.closed',
} as const satisfies Record<VisitStatus, string>;

export const visitStatusColors = {
  planned: 'blue',
  in_progress: 'cyan',
  report_drafted: 'yellow',
  report_validated: 'teal',
  published: 'green',
  closed: 'gray',
} as const satisfies Record<VisitStatus, string>;

export const themeLabels = {
  legal_basis: 'monitoring:theme.legal_basis',
  identification_age: 'monitoring:theme.identification_age',
  separation_safety: 'monitoring:theme.separation_safety',
  guardianship_legal_aid: 'monitoring:theme.guardianship_legal_aid',
  asylum_information: 'monitoring:theme.asylum_information',
  health: 'monitoring:theme.health',
  education_leisure: 'monitoring:theme.education_leisure',
  family_contact: 'monitoring:theme.family_contact',
  material_conditions: 'monitoring:theme.material_conditions',
  complaints_oversight: 'monitoring:theme.complaints_oversight',
  gender_trafficking: 'monitoring:theme.gender_trafficking',
  other: 'monitoring:theme.other',
} as const satisfies Record<MonitoringTheme, string>;

export const answerLabels = {
  yes: 'monitoring:answer.yes',
  partly: 'monitoring:answer.partly',
  no: 'monitoring:answer.no',
  not_observed: 'monitoring:answer.not_observed',
} as const satisfies Record<ChecklistAnswer, string>;

export const severityLabels = {
  low: 'monitoring:severity.low',
  medium: 'monitoring:severity.medium',
  high: 'monitoring:severity.high',
  critical: 'monitoring:severity.critical',
} as const satisfies Record<FindingSeverity, string>;

export const severityColors = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
} as const satisfies Record<FindingSeverity, string>;

export const priorityLabels = {
  low: 'monitoring:priority.low',
  medium: 'monitoring:priority.medium',
  high: 'monitoring:priority.high',
} as const satisfies Record<RecommendationPriority, string>;

export const recommendationStatusLabels = {
  issued: 'monitoring:recommendationStatus.issued',
  acknowledged: 'monitoring:recommendationStatus.acknowledged',
  accepted: 'monitoring:recommendationStatus.accepted',
  rejected: 'monitoring:recommendationStatus.rejected',
  in_progress: 'monitoring:recommendationStatus.in_progress',
  implemented: 'monitoring:recommendationStatus.implemented',
  partly_implemented: 'monitoring:recommendationStatus.partly_implemented',
  not_implemented: 'monitoring:recommendationStatus.not_implemented',
} as const satisfies Record<RecommendationStatus, string>;

export const recommendationStatusColors = {
  issued: 'blue',
  acknowledged: 'cyan',
  accepted: 'teal',
  rejected: 'red',
  in_progress: 'yellow',
  implemented: 'green',
  partly_implemented: 'lime',
  not_implemented: 'orange',
} as const satisfies Record<RecommendationStatus, string>;

export const ageBandLabels = {
  '0-5': 'monitoring:ageBand.age_0_5',
  '6-11': 'monitoring:ageBand.age_6_11',
  '12-14': 'monitoring:ageBand.age_12_14',
  '15-17': 'monitoring:ageBand.age_15_17',
} as const satisfies Record<AgeBand, string>;

export const sexLabels = {
  female: 'monitoring:sex.female',
  male: 'monitoring:sex.male',
  other: 'monitoring:sex.other',
  unknown: 'monitoring:sex.unknown',
} as const satisfies Record<Sex, string>;

export const needLabels = {
  health: 'monitoring:need.health',
  mental_health: 'monitoring:need.mental_health',
  protection: 'monitoring:need.protection',
  legal: 'monitoring:need.legal',
  guardianship: 'monitoring:need.guardianship',
  family_tracing: 'monitoring:need.family_tracing',
  shelter: 'monitoring:need.shelter',
  education: 'monitoring:need.education',
  trafficking: 'monitoring:need.trafficking',
  other: 'monitoring:need.other',
} as const satisfies Record<UrgentNeed, string>;

export const urgentStatusLabels = {
  open: 'monitoring:urgentStatus.open',
  referred: 'monitoring:urgentStatus.referred',
  followed_up: 'monitoring:urgentStatus.followed_up',
  closed: 'monitoring:urgentStatus.closed',
} as const satisfies Record<UrgentStatus, string>;

export const themeList = Object.keys(themeLabels) as MonitoringTheme[];
export const answerList = Object.keys(answerLabels) as ChecklistAnswer[];
