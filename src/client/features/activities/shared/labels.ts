import type {
  ActivityKind,
  activityPartnerRoles,
  activityThemes,
  followUpStatuses,
  institutionRoles,
  meetingCadences,
  participantSexes,
  statementTypes,
  trainingAudiences,
} from '../../../../shared/contract/activities';

export type { ActivityKind };
export type ActivityTheme = (typeof activityThemes)[number];
export type TrainingAudience = (typeof trainingAudiences)[number];
export type ParticipantSex = (typeof participantSexes)[number];
export type StatementType = (typeof statementTypes)[number];
export type MeetingCadence = (typeof meetingCadences)[number];
export type FollowUpStatus = (typeof followUpStatuses)[number];
export type InstitutionRole = (typeof institutionRoles)[number];
export type PartnerRole = (typeof activityPartnerRoles)[number];

export const kindLabels = {
  dialogue_body: 'activities:kind.dialogue_body',
  meeting: 'activities:kind.meeting',
  training: 'activities:kind.training',
  statement: 'activities:kind.statement',
  study_visit: 'activities:kind.study_visit',
  course: 'activities:kind.course',
} as const satisfies Record<ActivityKind, string>;

/** The kinds in the plan's order; taken from the label map so the web app does not bundle zod for a list of words. */
export const kindList = Object.keys(kindLabels) as ActivityKind[];

export const axisOfKind = {
  dialogue_body: 1,
  meeting: 1,
  training: 2,
  statement: 2,
  study_visit: 3,
  course: 3,
} as const satisfies Record<ActivityKind, 1 | 2 | 3>;

export const themeLabels = {
  crc: 'activities:theme.crc',
  non_discrimination: 'activities:theme.non_discrimination',
  hate_speech: 'activities:theme.hate_speech',
  xenophobia: 'activities:theme.xenophobia',
  age_assessment: 'activities:theme.age_assessment',
  guardianship: 'activities:theme.guardianship',
  unaccompanied_children: 'activities:theme.unaccompanied_children',
  asylum: 'activities:theme.asylum',
  trafficking: 'activities:theme.trafficking',
  detention: 'activities:theme.detention',
  family_reunification: 'activities:theme.family_reunification',
  child_participation: 'activities:theme.child_participation',
  security_forces_ethics: 'activities:theme.security_forces_ethics',
  identity_minorities: 'activities:theme.identity_minorities',
  other: 'activities:theme.other',
} as const satisfies Record<ActivityTheme, string>;

export const audienceLabels = {
  police: 'activities:audience.police',
  border_guards: 'activities:audience.border_guards',
  judiciary: 'activities:audience.judiciary',
  social_workers: 'activities:audience.social_workers',
  detention_staff: 'activities:audience.detention_staff',
  teachers: 'activities:audience.teachers',
  health_staff: 'activities:audience.health_staff',
  ombudsman_staff: 'activities:audience.ombudsman_staff',
  other: 'activities:audience.other',
} as const satisfies Record<TrainingAudience, string>;
export const audienceList = Object.keys(audienceLabels) as TrainingAudience[];

export const sexLabels = {
  female: 'activities:sex.female',
  male: 'activities:sex.male',
  other: 'activities:sex.other',
  unknown: 'activities:sex.unknown',
} as const satisfies Record<ParticipantSex, string>;
export const sexList = Object.keys(sexLabels) as ParticipantSex[];

export const statementTypeLabels = {
  opinion: 'activities:statementType.opinion',
  recommendation: 'activities:statementType.recommendation',
  press_release: 'activities:statementType.press_release',
  report: 'activities:statementType.report',
  bill_opinion: 'activities:statementType.bill_opinion',
} as const satisfies Record<StatementType, string>;

export const cadenceLabels = {
  monthly: 'activities:cadence.monthly',
  quarterly: 'activities:cadence.quarterly',
  semiannual: 'activities:cadence.semiannual',
  annual: 'activities:cadence.annual',
} as const satisfies Record<MeetingCadence, string>;

export const followUpStatusLabels = {
  open: 'activities:followUpStatus.open',
  in_progress: 'activities:followUpStatus.in_progress',
  done: 'activities:followUpStatus.done',
} as const satisfies Record<FollowUpStatus, string>;
export const followUpStatusList = Object.keys(followUpStatusLabels) as FollowUpStatus[];

export const institutionRoleLabels = {
  organiser: 'activities:institutionRole.organiser',
  participant: 'activities:institutionRole.participant',
  host: 'activities:institutionRole.host',
} as const satisfies Record<InstitutionRole, string>;

export const partnerRoleLabels = {
  participant: 'activities:partnerRole.participant',
  expert: 'activities:partnerRole.expert',
  member: 'activities:partnerRole.member',
  host: 'activities:partnerRole.host',
  funder: 'activities:partnerRole.funder',
} as const satisfies Record<PartnerRole, string>;
