import { z } from 'zod';
import {
  childrenGrid,
  type ReachAgeBand,
  type ReachSex,
  type ReachStatus,
  reachAgeBands,
  reachSexes,
  reachStatuses,
} from './awareness-reach.js';
import {
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
import { budget } from './plan.js';

export * from './awareness-reach.js';

export const awarenessSettings = [
  'origin_country',
  'reception',
  'transit',
  'accommodation',
  'school',
  'community_centre',
  'media_campaign',
] as const;
/** Settings that are places where children are received, in transit or accommodated: a facility may be named. */
export const facilitySettings = ['reception', 'transit', 'accommodation'] as const;
export const awarenessChannels = [
  'in_person',
  'radio',
  'television',
  'social_media',
  'posters',
  'leaflets',
  'other',
] as const;
export const materialKinds = ['leaflet', 'poster', 'video', 'audio', 'other'] as const;
export const approvalStatuses = ['draft', 'in_review', 'approved', 'withdrawn'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];
/** The approval workflow: from each status, where a material may go next. */
export const approvalTransitions: Record<ApprovalStatus, readonly ApprovalStatus[]> = {
  draft: ['in_review'],
  in_review: ['approved', 'draft'],
  approved: ['withdrawn'],
  withdrawn: ['draft'],
};

/** A language used: a BCP 47 tag such as fr, ar, ti, es-MX. */
export const languageTag = z
  .string()
  .trim()
  .max(35)
  .refine((v) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v), { params: { reason: 'language_tag' } });

const childCount = z.number().int().min(0).max(1_000_000);

/**
 * Children met, counted (never recorded one by one): status → sex → age band → count. In a request every level is
 * optional (a missing cell is zero), so an invalid count is refused naming its cell, e.g.
 * `body.children.unaccompanied.girls.12-14`. In a response every cell is present.
 */
export const childrenInput = (() => {
  const byAge = z.strictObject(
    Object.fromEntries(reachAgeBands.map((band) => [band, childCount.optional()])) as Record<
      ReachAgeBand,
      z.ZodOptional<typeof childCount>
    >,
  );
  const bySex = z.strictObject(
    Object.fromEntries(reachSexes.map((sex) => [sex, byAge.optional()])) as Record<
      ReachSex,
      z.ZodOptional<typeof byAge>
    >,
  );
  return z.strictObject(
    Object.fromEntries(reachStatuses.map((status) => [status, bySex.optional()])) as Record<
      ReachStatus,
      z.ZodOptional<typeof bySex>
    >,
  );
})();
export type ChildrenInput = z.input<typeof childrenInput>;

const sessionFields = z.strictObject({
  title: requiredText(300),
  setting: z.enum(awarenessSettings),
  channel: z.enum(awarenessChannels),
  facilityId: id.nullable().optional(),
  countryCode: countryCode.nullable().optional(),
  place: optionalText(300),
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  languages: z.array(languageTag).max(20).default([]),
  materialIds: z.array(id).max(50).default([]),
  partnerIds: z.array(id).max(50).default([]),
  funderPartnerId: id.nullable().optional(),
  budget: budget.nullable().optional(),
  planActionId: id.nullable().optional(),
  repeatOfId: id.nullable().optional(),
  children: childrenInput.default({}),
  adults: childCount.default(0),
  estimatedAudience: z.number().int().min(0).max(10_000_000_000).nullable().optional(),
  notes: optionalText(10_000),
  ownerInstitutionId: id.nullable().optional(),
  visibility: visibility.default('group'),
});

const endAfterStart = (value: { startsOn?: string | undefined; endsOn?: string | null | undefined }) =>
  !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn;
const endIssue = { path: ['endsOn'], params: { reason: 'end_before_start' } };

export const awarenessSessionCreate = sessionFields.refine(endAfterStart, endIssue);
export const awarenessSessionUpdate = updateSchemaOf(sessionFields.omit({ repeatOfId: true })).refine(
  endAfterStart,
  endIssue,
);

const reference = z.object({ id, name: z.string() });

export const awarenessSession = z.object({
  id,
  title: z.string(),
  setting: z.enum(awarenessSettings),
  channel: z.enum(awarenessChannels),
  facility: reference.nullable(),
  countryCode: z.string().nullable(),
  place: z.string().nullable(),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  languages: z.array(z.string()),
  materials: z.array(reference),
  partners: z.array(reference),
  funder: reference.nullable(),
  budget: z.object({ amount: z.string(), currency: z.string() }).nullable(),
  planAction: reference.nullable(),
  /** The first session of the series when this one repeats it with the same group. */
  repeatOf: reference.nullable(),
  repeats: z.number().int(),
  children: childrenGrid,
  childrenTotal: z.number().int(),
  adults: z.number().int(),
  estimatedAudience: z.number().int().nullable(),
  notes: z.string().nullable(),
  ownerInstitutionId: id.nullable(),
  ownerInstitutionName: z.string().nullable(),
  visibility,
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can: can.extend({ delete: z.boolean(), repeat: z.boolean() }),
});
export type AwarenessSession = z.infer<typeof awarenessSession>;

/** List row: the record without its grid. */
export const awarenessSessionSummary = awarenessSession.omit({ children: true, materials: true, partners: true });
export type AwarenessSessionSummary = z.infer<typeof awarenessSessionSummary>;

export const awarenessFilters = {
  q: z.string().trim().max(200).optional(),
  setting: z.enum(awarenessSettings).optional(),
  channel: z.enum(awarenessChannels).optional(),
  institutionId: id.optional(),
  country: countryCode.optional(),
  language: languageTag.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

export const awarenessReachQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  institutionId: id.optional(),
  setting: z.enum(awarenessSettings).optional(),
  channel: z.enum(awarenessChannels).optional(),
  country: countryCode.optional(),
  planActionId: id.optional(),
});

const ageRangeOrdered = (value: { ageMin?: number | null | undefined; ageMax?: number | null | undefined }) =>
  value.ageMin === null || value.ageMin === undefined || value.ageMax === null || value.ageMax === undefined
    ? true
    : value.ageMax >= value.ageMin;
const ageIssue = { path: ['ageMax'], params: { reason: 'age_range' } };
const age = z.number().int().min(0).max(17);

const materialFields = z.strictObject({
  kind: z.enum(materialKinds),
  title: requiredText(300),
  description: optionalText(5000),
  languages: z.array(languageTag).max(20).default([]),
  ageMin: age.nullable().optional(),
  ageMax: age.nullable().optional(),
  ownerInstitutionId: id.nullable().optional(),
  visibility: visibility.default('group'),
});
export const materialCreate = materialFields.refine(ageRangeOrdered, ageIssue);
export const materialUpdate = updateSchemaOf(materialFields).refine(ageRangeOrdered, ageIssue);
export const materialTransition = z.strictObject({ to: z.enum(approvalStatuses), version: versionNumber });

export const material = z.object({
  id,
  kind: z.enum(materialKinds),
  title: z.string(),
  description: z.string().nullable(),
  languages: z.array(z.string()),
  ageMin: z.number().int().nullable(),
  ageMax: z.number().int().nullable(),
  approvalStatus: z.enum(approvalStatuses),
  statusChangedBy: z.string().nullable(),
  statusChangedAt: isoDateTime.nullable(),
  /** Sessions (visible to the caller) that used it. */
  sessions: z.number().int(),
  ownerInstitutionId: id.nullable(),
  visibility,
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can: can.extend({ delete: z.boolean(), transitions: z.array(z.enum(approvalStatuses)) }),
});
export type Material = z.infer<typeof material>;

export const materialFilters = {
  q: z.string().trim().max(200).optional(),
  kind: z.enum(materialKinds).optional(),
  status: z.enum(approvalStatuses).optional(),
  language: languageTag.optional(),
  /** Suitable for a child of this age. */
  age: z.coerce.number().int().min(0).max(17).optional(),
  institutionId: id.optional(),
};
