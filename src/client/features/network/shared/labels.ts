import type {
  associationStatuses,
  dataStatuses,
  institutionKinds,
  membershipStatuses,
  partnerKinds,
} from '../../../../shared/contract/network';

export type InstitutionKind = (typeof institutionKinds)[number];
export type MembershipStatus = (typeof membershipStatuses)[number];
export type AssociationStatus = (typeof associationStatuses)[number];
export type PartnerKind = (typeof partnerKinds)[number];
export type DataStatus = (typeof dataStatuses)[number];

export const institutionKindLabels = {
  ombudsman: 'network:institutionKind.ombudsman',
  mediator: 'network:institutionKind.mediator',
  children_ombudsman: 'network:institutionKind.children_ombudsman',
  human_rights_institution: 'network:institutionKind.human_rights_institution',
  other: 'network:institutionKind.other',
} as const satisfies Record<InstitutionKind, string>;

export const membershipStatusLabels = {
  active: 'network:membershipStatus.active',
  pending_validation: 'network:membershipStatus.pending_validation',
  withdrawn: 'network:membershipStatus.withdrawn',
} as const satisfies Record<MembershipStatus, string>;

export const associationStatusLabels = {
  member: 'network:associationStatus.member',
  not_member: 'network:associationStatus.not_member',
  unknown: 'network:associationStatus.unknown',
} as const satisfies Record<AssociationStatus, string>;

export const partnerKindLabels = {
  international_organisation: 'network:partnerKind.international_organisation',
  civil_society: 'network:partnerKind.civil_society',
  government: 'network:partnerKind.government',
  academic: 'network:partnerKind.academic',
  other: 'network:partnerKind.other',
} as const satisfies Record<PartnerKind, string>;

export const dataStatusLabels = {
  confirmed: 'network:dataStatus.confirmed',
  to_confirm: 'network:dataStatus.to_confirm',
} as const satisfies Record<DataStatus, string>;
