import { z } from 'zod';
import {
  can,
  countryCode,
  id,
  isoDate,
  isoDateTime,
  optionalText,
  requiredText,
  updateSchemaOf,
  url,
  versionNumber,
  visibility,
} from './common.js';

export const institutionKinds = [
  'ombudsman',
  'mediator',
  'children_ombudsman',
  'human_rights_institution',
  'other',
] as const;
export const associationStatuses = ['member', 'not_member', 'unknown'] as const;
export const membershipStatuses = ['active', 'pending_validation', 'withdrawn'] as const;
export const partnerKinds = ['international_organisation', 'civil_society', 'government', 'academic', 'other'] as const;
export const dataStatuses = ['confirmed', 'to_confirm'] as const;

export const association = z.object({
  id,
  code: z.string(),
  nameFr: z.string(),
  nameEn: z.string(),
  foundedOn: isoDate.nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.number().int(),
  can,
});
export type Association = z.infer<typeof association>;

export const institutionAssociation = z.object({
  associationId: id,
  code: z.string(),
  status: z.enum(associationStatuses),
  note: z.string().nullable(),
});

export const institutionMembershipSummary = z.object({
  membershipId: id,
  groupId: id,
  groupNameFr: z.string(),
  groupNameEn: z.string(),
  status: z.enum(membershipStatuses),
  position: z.number().int(),
});

export const institution = z.object({
  id,
  countryCode: z.string(),
  nameOriginal: z.string().nullable(),
  nameFr: z.string(),
  nameEn: z.string().nullable(),
  acronym: z.string().nullable(),
  kind: z.enum(institutionKinds),
  website: z.string().nullable(),
  dataStatus: z.enum(dataStatuses),
  notes: z.string().nullable(),
  ownerInstitutionId: id.nullable(),
  visibility,
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  associations: z.array(institutionAssociation),
  memberships: z.array(institutionMembershipSummary),
  can,
});
export type Institution = z.infer<typeof institution>;

const institutionAssociationInput = z.strictObject({
  associationId: id,
  status: z.enum(associationStatuses),
  note: optionalText(500),
});

export const institutionCreate = z.strictObject({
  countryCode,
  nameOriginal: optionalText(300),
  nameFr: requiredText(300),
  nameEn: optionalText(300),
  acronym: optionalText(40),
  kind: z.enum(institutionKinds),
  website: url.nullable().optional(),
  dataStatus: z.enum(dataStatuses).default('confirmed'),
  notes: optionalText(4000),
  visibility: visibility.default('public'),
  associations: z.array(institutionAssociationInput).max(20).default([]),
});

export const institutionUpdate = updateSchemaOf(institutionCreate);

export const groupMember = z.object({
  membershipId: id,
  position: z.number().int(),
  status: z.enum(membershipStatuses),
  statusSince: isoDate.nullable(),
  institution: z.object({
    id,
    countryCode: z.string(),
    nameFr: z.string(),
    nameEn: z.string().nullable(),
    nameOriginal: z.string().nullable(),
  }),
  contactPoint: z
    .object({ id, name: z.string().nullable(), roleTitle: z.string().nullable(), email: z.string().nullable() })
    .nullable(),
  version: z.number().int(),
  can,
});

export const group = z.object({
  id,
  nameFr: z.string(),
  nameEn: z.string(),
  descriptionFr: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  associations: z.array(z.object({ id, code: z.string() })),
  memberCount: z.number().int(),
  version: z.number().int(),
  can,
});

export const membershipStatusChange = z.object({
  id,
  status: z.enum(membershipStatuses),
  changedOn: isoDate.nullable(),
  note: z.string().nullable(),
  actorUserId: id.nullable(),
  createdAt: isoDateTime,
});

export const membershipStatusUpdate = z.strictObject({
  status: z.enum(membershipStatuses),
  changedOn: isoDate.optional(),
  note: optionalText(1000),
  version: versionNumber,
});

export const membershipCreate = z.strictObject({
  institutionId: id,
  status: z.enum(membershipStatuses).default('pending_validation'),
  changedOn: isoDate.optional(),
  note: optionalText(1000),
});

export const contactPoint = z.object({
  id,
  membershipId: id,
  institutionId: id,
  name: z.string().nullable(),
  roleTitle: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  notes: z.string().nullable(),
  visibility,
  version: z.number().int(),
  updatedAt: isoDateTime,
  can,
});
export type ContactPoint = z.infer<typeof contactPoint>;

const languageTag = z
  .string()
  .max(35)
  .refine((v) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v), { params: { reason: 'language_tag' } });

export const contactPointUpdate = z.strictObject({
  name: optionalText(200),
  roleTitle: optionalText(200),
  email: z.email().max(254).nullable().optional(),
  phone: optionalText(60),
  languages: z.array(languageTag).max(20).optional(),
  notes: optionalText(2000),
  visibility: visibility.optional(),
  version: versionNumber,
});

/** A handover ends the current contact point and opens a new one; the old one stays in the history. */
export const contactPointHandover = z.strictObject({
  name: requiredText(200),
  roleTitle: optionalText(200),
  email: z.email().max(254).nullable().optional(),
  phone: optionalText(60),
  languages: z.array(languageTag).max(20).default([]),
  startsOn: isoDate,
  notes: optionalText(2000),
  visibility: visibility.default('group'),
});

export const partner = z.object({
  id,
  nameFr: z.string(),
  nameEn: z.string().nullable(),
  acronymFr: z.string().nullable(),
  acronymEn: z.string().nullable(),
  kind: z.enum(partnerKinds),
  countryCode: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  ownerInstitutionId: id.nullable(),
  visibility,
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can,
});
export type Partner = z.infer<typeof partner>;

export const partnerCreate = z.strictObject({
  nameFr: requiredText(300),
  nameEn: optionalText(300),
  acronymFr: optionalText(40),
  acronymEn: optionalText(40),
  kind: z.enum(partnerKinds),
  countryCode: countryCode.nullable().optional(),
  website: url.nullable().optional(),
  notes: optionalText(4000),
  /** Defaults to the creator's institution; network-level partners (null) need a coordinator or administrator. */
  ownerInstitutionId: id.nullable().optional(),
  visibility: visibility.default('group'),
});
export const partnerUpdate = updateSchemaOf(partnerCreate);

export const declaration = z.object({
  id,
  titleFr: z.string(),
  titleEn: z.string().nullable(),
  adoptedOn: isoDate.nullable(),
  place: z.string().nullable(),
  summaryFr: z.string().nullable(),
  summaryEn: z.string().nullable(),
  link: z.string().nullable(),
  text: z.string().nullable(),
  associations: z.array(z.object({ id, code: z.string() })),
  visibility,
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can,
});
export type Declaration = z.infer<typeof declaration>;

export const declarationCreate = z.strictObject({
  titleFr: requiredText(500),
  titleEn: optionalText(500),
  adoptedOn: isoDate.nullable().optional(),
  place: optionalText(200),
  summaryFr: optionalText(5000),
  summaryEn: optionalText(5000),
  link: url.nullable().optional(),
  text: optionalText(500_000),
  associationIds: z.array(id).max(20).default([]),
  visibility: visibility.default('public'),
});
export const declarationUpdate = updateSchemaOf(declarationCreate);

export const associationUpdate = z.strictObject({
  nameFr: requiredText(300).optional(),
  nameEn: requiredText(300).optional(),
  foundedOn: isoDate.nullable().optional(),
  website: url.nullable().optional(),
  notes: optionalText(4000),
  version: versionNumber,
});

export const groupUpdate = z.strictObject({
  nameFr: requiredText(300).optional(),
  nameEn: requiredText(300).optional(),
  descriptionFr: optionalText(4000),
  descriptionEn: optionalText(4000),
  version: versionNumber,
});

/** A membership's status changes, newest first. */
export const membershipHistory = z.object({ items: z.array(membershipStatusChange) });

/** A member's contact points: the current one first, then the past ones, latest first. */
export const contactPointList = z.object({ items: z.array(contactPoint) });
