import type {
  ApprovalStatus,
  awarenessChannels,
  awarenessSettings,
  materialKinds,
} from '../../../shared/contract/awareness';

export type Setting = (typeof awarenessSettings)[number];
export type Channel = (typeof awarenessChannels)[number];
export type MaterialKind = (typeof materialKinds)[number];

export const settingLabels = {
  origin_country: 'awareness:setting.origin_country',
  reception: 'awareness:setting.reception',
  transit: 'awareness:setting.transit',
  accommodation: 'awareness:setting.accommodation',
  school: 'awareness:setting.school',
  community_centre: 'awareness:setting.community_centre',
  media_campaign: 'awareness:setting.media_campaign',
} as const satisfies Record<Setting, string>;

export const channelLabels = {
  in_person: 'awareness:channel.in_person',
  radio: 'awareness:channel.radio',
  television: 'awareness:channel.television',
  social_media: 'awareness:channel.social_media',
  posters: 'awareness:channel.posters',
  leaflets: 'awareness:channel.leaflets',
  other: 'awareness:channel.other',
} as const satisfies Record<Channel, string>;

export const materialKindLabels = {
  leaflet: 'awareness:materialKind.leaflet',
  poster: 'awareness:materialKind.poster',
  video: 'awareness:materialKind.video',
  audio: 'awareness:materialKind.audio',
  other: 'awareness:materialKind.other',
} as const satisfies Record<MaterialKind, string>;

export const approvalLabels = {
  draft: 'awareness:approval.draft',
  in_review: 'awareness:approval.in_review',
  approved: 'awareness:approval.approved',
  withdrawn: 'awareness:approval.withdrawn',
} as const satisfies Record<ApprovalStatus, string>;

export const approvalColors: Record<ApprovalStatus, string> = {
  draft: 'gray',
  in_review: 'yellow',
  approved: 'green',
  withdrawn: 'red',
};

/** The button that moves a material to each status. */
export const transitionLabels = {
  draft: 'awareness:transition.draft',
  in_review: 'awareness:transition.in_review',
  approved: 'awareness:transition.approved',
  withdrawn: 'awareness:transition.withdrawn',
} as const satisfies Record<ApprovalStatus, string>;
