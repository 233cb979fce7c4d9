import type { meetingCadences, participantSexes, trainingAudiences } from '../../../shared/contract/activities';
import type { awarenessSettings } from '../../../shared/contract/awareness';
import type { facilityKinds, recommendationStatuses } from '../../../shared/contract/monitoring';
import type { actionStatuses } from '../../../shared/contract/plan';

// Label maps of literal keys, the words each module already has for its values (checked against the contract's
// lists by `satisfies`); the lists of values come from these maps, so the page does not bundle zod.

export const axisLabels = {
  '1': 'dashboard:axis.1',
  '2': 'dashboard:axis.2',
  '3': 'dashboard:axis.3',
  '4': 'dashboard:axis.4',
  '5': 'dashboard:axis.5',
} as const;

export const actionStatusLabels = {
  planned: 'plan:actionStatus.planned',
  in_progress: 'plan:actionStatus.in_progress',
  done: 'plan:actionStatus.done',
  postponed: 'plan:actionStatus.postponed',
  cancelled: 'plan:actionStatus.cancelled',
} as const satisfies Record<(typeof actionStatuses)[number], string>;

export const cadenceLabels = {
  monthly: 'activities:cadence.monthly',
  quarterly: 'activities:cadence.quarterly',
  semiannual: 'activities:cadence.semiannual',
  annual: 'activities:cadence.annual',
} as const satisfies Record<(typeof meetingCadences)[number], string>;

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
} as const satisfies Record<(typeof trainingAudiences)[number], string>;

export const participantSexLabels = {
  female: 'activities:sex.female',
  male: 'activities:sex.male',
  other: 'activities:sex.other',
  unknown: 'activities:sex.unknown',
} as const satisfies Record<(typeof participantSexes)[number], string>;

export const settingLabels = {
  origin_country: 'awareness:setting.origin_country',
  reception: 'awareness:setting.reception',
  transit: 'awareness:setting.transit',
  accommodation: 'awareness:setting.accommodation',
  school: 'awareness:setting.school',
  community_centre: 'awareness:setting.community_centre',
  media_campaign: 'awareness:setting.media_campaign',
} as const satisfies Record<(typeof awarenessSettings)[number], string>;

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
} as const satisfies Record<(typeof facilityKinds)[number], string>;

export const recommendationStatusLabels = {
  issued: 'monitoring:recommendationStatus.issued',
  acknowledged: 'monitoring:recommendationStatus.acknowledged',
  accepted: 'monitoring:recommendationStatus.accepted',
  rejected: 'monitoring:recommendationStatus.rejected',
  in_progress: 'monitoring:recommendationStatus.in_progress',
  implemented: 'monitoring:recommendationStatus.implemented',
  partly_implemented: 'monitoring:recommendationStatus.partly_implemented',
  not_implemented: 'monitoring:recommendationStatus.not_implemented',
} as const satisfies Record<(typeof recommendationStatuses)[number], string>;
