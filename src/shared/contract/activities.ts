import { z } from 'zod';
import {
  countryCode,
  id,
  isoDate,
  isoDateTime,
  optionalText,
  requiredText,
  updateSchemaOf,
  url,
  visibility,
} from './common.js';

/** What the working group does on axes 1 to 3 of the plan; the axis follows from the kind. */
export const activityKinds = ['dialogue_body', 'meeting', 'training', 'statement', 'study_visit', 'course'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const axisOfKind = {
  dialogue_body: 1,
  meeting: 1,
  training: 2,
  statement: 2,
  study_visit: 3,
  course: 3,
} as const satisfies Record<ActivityKind, 1 | 2 | 3>;
export const activityAxes = [1, 2, 3] as const;

export const institutionRoles = ['organiser', 'participant', 'host'] as const;
export const activityPartnerRoles = ['participant', 'expert', 'member', 'host', 'funder'] as const;

export const activityThemes = [
  'crc',
  'non_discrimination',
  'hate_speech',
  'xenophobia',
  'age_assessment',
  'guardianship',
  'unaccompanied_children',
  'asylum',
  'trafficking',
  'detention',
  'family_reunification',
  'child_participation',
  'security_forces_ethics',
  'identity_minorities',
  'other',
] as const;

export const trainingAudiences = [
  'police',
  'border_guards',
  'judiciary',
  'social_workers',
  'detention_staff',
  'teachers',
  'health_staff',
  'ombudsman_staff',
  'other',
] as const;
export const participantSexes = ['female', 'male', 'other', 'unknown'] as const;

export const statementTypes = ['opinion', 'recommendation', 'press_release', 'report', 'bill_opinion'] as const;
export const meetingCadences = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
/** Months between two meetings of a dialogue body, by cadence. */
export const cadenceMonths = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 } as const satisfies Record<
  (typeof meetingCadences)[number],
  number
>;
export const followUpStatuses = ['open', 'in_progress', 'done'] as const;

let knownZones: Set<string> | undefined;
/** An IANA time zone the runtime knows (UTC included, which `supportedValuesOf` leaves out). */
export function isTimeZone(value: string): boolean {
  knownZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return knownZones.has(value);
}

export const timeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, { params: { reason: 'time_zone' } })
  .describe('IANA time zone, e.g. Africa/Casablanca');

/** A local date ('YYYY-MM-DD', all-day activities) or local date-time ('YYYY-MM-DDTHH:mm') in the activity's zone. */
export const localDateOrTime = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(v) && isValidLocal(v), {
    params: { reason: 'local_date_time' },
  })
  .describe("'YYYY-MM-DD' for an all-day activity, 'YYYY-MM-DDTHH:mm' otherwise, local to timeZone");

function isValidLocal(value: string): boolean {
  const [date, time] = value.split('T');
  const [y, m, d] = (date ?? '').split('-').map(Number);
  // Within two centuries: enough for any activity, and a bound on the time-zone rules a calendar must carry.
  if ((y ?? 0) < 1950 || (y ?? 0) > 2150) return false;
  const day = new Date(Date.UTC(y ?? 0, (m ?? 0) - 1, d ?? 0));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() + 1 !== m || day.getUTCDate() !== d) return false;
  if (time === undefined) return true;
  const [h, min] = time.split(':').map(Number);
  return (h ?? 99) < 24 && (min ?? 99) < 60;
}

const shortList = (max: number, each: number) => z.array(requiredText(each)).max(max);
/** Rich text (minutes, reports): HTML that the server sanitises on write, keeping a small set of tags. */
const richText = optionalText(200_000);

export const dialogueBodyDetails = z.strictObject({
  cadence: z.enum(meetingCadences),
  /** Members who are people (by role, e.g. "juvenile judge, Rabat court"); organisations are partners, role member. */
  memberPeople: shortList(100, 300).default([]),
});

export const meetingDetails = z.strictObject({
  /** The dialogue body that met; null for a meeting of the working group itself. */
  bodyId: id.nullable().default(null),
  agenda: optionalText(20_000),
  minutesHtml: richText,
  decisions: shortList(100, 2000).default([]),
});

export const trainingParticipantCount = z.strictObject({
  audience: z.enum(trainingAudiences),
  sex: z.enum(participantSexes),
  count: z.number().int().min(0).max(100_000),
});

export const trainingDetails = z.strictObject({
  audiences: z.array(z.enum(trainingAudiences)).max(trainingAudiences.length).default([]),
  /** Participants by audience and sex (one line per pair). */
  participants: z
    .array(trainingParticipantCount)
    .max(trainingAudiences.length * participantSexes.length)
    .default([]),
  trainers: shortList(100, 300).default([]),
  materials: optionalText(20_000),
  evaluation: optionalText(20_000),
});

export const statementDetails = z.strictObject({
  statementType: z.enum(statementTypes),
  addressee: requiredText(500),
  textHtml: richText,
  publicLink: url.nullable().optional(),
});

export const studyVisitDetails = z.strictObject({
  /** Visiting people, by role; visiting institutions are the participant institutions. */
  visitors: shortList(100, 300).default([]),
  programme: optionalText(20_000),
  placesVisited: shortList(100, 500).default([]),
  missionReportHtml: richText,
  lessonsLearned: optionalText(20_000),
});

export const courseDetails = z.strictObject({
  courseName: requiredText(500),
  courseOrganiser: optionalText(500),
  /** Participants by role; their institutions are the participant institutions. */
  participants: shortList(100, 300).default([]),
  certificate: optionalText(2000),
});

export const activityDetailsByKind = {
  dialogue_body: dialogueBodyDetails,
  meeting: meetingDetails,
  training: trainingDetails,
  statement: statementDetails,
  study_visit: studyVisitDetails,
  course: courseDetails,
} as const;

const partnerLink = z.strictObject({ partnerId: id, role: z.enum(activityPartnerRoles).default('participant') });

/** Fields every kind shares. Dates: local to `timeZone`; an all-day activity gives dates, a timed one date-times. */
export const activityCommon = z.strictObject({
  title: requiredText(500),
  allDay: z.boolean().default(true),
  startsAt: localDateOrTime,
  endsAt: localDateOrTime,
  timeZone,
  city: optionalText(200),
  countryCode: countryCode.nullable().optional(),
  online: z.boolean().default(false),
  notes: optionalText(20_000),
  /** Defaults to the creator's institution; network activities (null) need a coordinator or administrator. */
  ownerInstitutionId: id.nullable().optional(),
  visibility: visibility.default('group'),
  organiserInstitutionIds: z.array(id).max(50).default([]),
  participantInstitutionIds: z.array(id).max(200).default([]),
  hostInstitutionId: id.nullable().optional(),
  partners: z.array(partnerLink).max(100).default([]),
  themes: z.array(z.enum(activityThemes)).max(activityThemes.length).default([]),
  /** Plan actions the activity serves (visible to the caller). */
  actionIds: z.array(id).max(50).default([]),
});

function createOf<K extends ActivityKind>(kind: K) {
  return activityCommon.extend({ kind: z.literal(kind), details: activityDetailsByKind[kind] });
}

export const activityCreate = z.discriminatedUnion('kind', [
  createOf('dialogue_body'),
  createOf('meeting'),
  createOf('training'),
  createOf('statement'),
  createOf('study_visit'),
  createOf('course'),
]);
export type ActivityCreate = z.input<typeof activityCreate>;

/**
 * An edit: any common field, and `details` whole (replacing the stored details) in the shape of the activity's
 * kind, which cannot change. Lists (institutions, partners, themes, actions) are replaced when sent.
 */
export const activityUpdate = updateSchemaOf(activityCommon).extend({
  details: z
    .union([dialogueBodyDetails, meetingDetails, trainingDetails, statementDetails, studyVisitDetails, courseDetails])
    .optional(),
});
export type ActivityUpdate = z.input<typeof activityUpdate>;

const canEditDelete = z.object({ edit: z.boolean(), delete: z.boolean() });

export const followUp = z.object({
  id,
  activityId: id,
  text: z.string(),
  owner: z.string().nullable(),
  dueOn: isoDate.nullable(),
  status: z.enum(followUpStatuses),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can: canEditDelete,
});
export type FollowUp = z.infer<typeof followUp>;

export const followUpCreate = z.strictObject({
  text: requiredText(2000),
  /** Who carries it out: a name, a role or an institution, as free text. */
  owner: optionalText(300),
  dueOn: isoDate.nullable().optional(),
  status: z.enum(followUpStatuses).default('open'),
});
export const followUpUpdate = updateSchemaOf(followUpCreate);

export const statementResponse = z.object({
  id,
  activityId: id,
  receivedOn: isoDate,
  summary: z.string().nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can: canEditDelete,
});
export type StatementResponse = z.infer<typeof statementResponse>;

export const statementResponseCreate = z.strictObject({
  receivedOn: isoDate,
  summary: optionalText(20_000),
});
export const statementResponseUpdate = updateSchemaOf(statementResponseCreate);

export const activityInstitution = z.object({
  institutionId: id,
  role: z.enum(institutionRoles),
  countryCode: z.string(),
  nameFr: z.string(),
  nameEn: z.string().nullable(),
});

export const activityPartner = z.object({
  partnerId: id,
  role: z.enum(activityPartnerRoles),
  nameFr: z.string(),
  nameEn: z.string().nullable(),
  acronymFr: z.string().nullable(),
  acronymEn: z.string().nullable(),
});

export const activityAction = z.object({ id, title: z.string() });

const detailsOut = {
  dialogue_body: z.object({ cadence: z.enum(meetingCadences), memberPeople: z.array(z.string()) }),
  meeting: z.object({
    bodyId: id.nullable(),
    agenda: z.string().nullable(),
    /** Sanitised on the server; still to be rendered as untrusted HTML. */
    minutesHtml: z.string().nullable(),
    decisions: z.array(z.string()),
  }),
  training: z.object({
    audiences: z.array(z.enum(trainingAudiences)),
    participants: z.array(
      z.object({ audience: z.enum(trainingAudiences), sex: z.enum(participantSexes), count: z.number().int() }),
    ),
    trainers: z.array(z.string()),
    materials: z.string().nullable(),
    evaluation: z.string().nullable(),
  }),
  statement: z.object({
    statementType: z.enum(statementTypes),
    addressee: z.string(),
    textHtml: z.string().nullable(),
    publicLink: z.string().nullable(),
  }),
  study_visit: z.object({
    visitors: z.array(z.string()),
    programme: z.string().nullable(),
    placesVisited: z.array(z.string()),
    missionReportHtml: z.string().nullable(),
    lessonsLearned: z.string().nullable(),
  }),
  course: z.object({
    courseName: z.string(),
    courseOrganiser: z.string().nullable(),
    participants: z.array(z.string()),
    certificate: z.string().nullable(),
  }),
} as const;

const activityBase = z.object({
  id,
  axis: z.number().int(),
  title: z.string(),
  allDay: z.boolean(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  /** The same instants in UTC; an all-day activity ends at midnight after its last day. */
  startsUtc: isoDateTime,
  endsUtc: isoDateTime,
  city: z.string().nullable(),
  countryCode: z.string().nullable(),
  online: z.boolean(),
  notes: z.string().nullable(),
  ownerInstitutionId: id.nullable(),
  visibility,
  institutions: z.array(activityInstitution),
  /** The partners the caller may see. */
  partners: z.array(activityPartner),
  themes: z.array(z.enum(activityThemes)),
  /** The plan actions the caller may see that this activity serves. */
  actions: z.array(activityAction),
  followUps: z.array(followUp),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can: canEditDelete,
});

export const activity = z.discriminatedUnion('kind', [
  activityBase.extend({
    kind: z.literal('dialogue_body'),
    details: detailsOut.dialogue_body,
    /** Start of the latest meeting the caller may see, null if none. */
    lastMeetingAt: isoDateTime.nullable(),
    /** No meeting within the cadence (counted from the last meeting, or from the set-up date). */
    overdue: z.boolean(),
  }),
  activityBase.extend({
    kind: z.literal('meeting'),
    details: detailsOut.meeting,
    body: z.object({ id, title: z.string() }).nullable(),
  }),
  activityBase.extend({ kind: z.literal('training'), details: detailsOut.training }),
  activityBase.extend({
    kind: z.literal('statement'),
    details: detailsOut.statement,
    responses: z.array(statementResponse),
    /** Days from the statement's date to its first response; null until one arrives. */
    daysToReply: z.number().int().nullable(),
  }),
  activityBase.extend({ kind: z.literal('study_visit'), details: detailsOut.study_visit }),
  activityBase.extend({ kind: z.literal('course'), details: detailsOut.course }),
]);
export type Activity = z.infer<typeof activity>;

/** Sort keys and filters of GET /api/v1/activities (query string). */
export const activitySorts = ['startsAt', 'title', 'kind', 'updatedAt'] as const;
export const activityFilters = {
  kind: z.enum(activityKinds).optional(),
  axis: z.coerce
    .number()
    .int()
    .refine((v) => v >= 1 && v <= 3, { params: { reason: 'axis' } })
    .optional(),
  institutionId: id.optional().describe('organising, taking part, hosting or owning'),
  from: isoDate.optional().describe('activities overlapping [from, to] (dates in UTC)'),
  to: isoDate.optional(),
  q: z.string().trim().max(200).optional(),
  actionId: id.optional().describe('the activities serving this plan action'),
  bodyId: id.optional().describe('the meetings of this dialogue body'),
  cadenceMissed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('dialogue bodies overdue for a meeting'),
  country: countryCode.optional().describe('held in this country'),
  replied: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('statements with (true) or without (false) a reply'),
};

// Calendar

/** One event of the calendar, whatever module it comes from (`source`: activity, and later others). */
export const calendarEvent = z.object({
  source: z.string(),
  id,
  kind: z.string(),
  axis: z.number().int().nullable(),
  title: z.string(),
  allDay: z.boolean(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  startsUtc: isoDateTime,
  endsUtc: isoDateTime,
  city: z.string().nullable(),
  countryCode: z.string().nullable(),
  online: z.boolean(),
  ownerInstitutionId: id.nullable(),
  visibility,
});
export type CalendarEvent = z.infer<typeof calendarEvent>;

export const calendarQuery = z.strictObject({
  from: isoDate,
  to: isoDate,
  kind: z.string().max(40).optional(),
  axis: activityFilters.axis,
  institutionId: id.optional(),
});
export const calendarEvents = z.object({ items: z.array(calendarEvent), truncated: z.boolean() });

export const feedScopes = ['user', 'institution'] as const;

export const calendarFeed = z.object({
  id,
  scope: z.enum(feedScopes),
  userId: id.nullable(),
  institutionId: id.nullable(),
  createdBy: id.nullable(),
  createdAt: isoDateTime,
  revokedAt: isoDateTime.nullable(),
  can: z.object({ revoke: z.boolean() }),
});
export type CalendarFeed = z.infer<typeof calendarFeed>;

export const calendarFeedCreate = z.strictObject({
  scope: z.enum(feedScopes),
  /** For an institution feed: the institution (defaults to the caller's own). */
  institutionId: id.optional(),
});

/** The secret address is shown once, at creation; the server keeps only its HMAC. */
export const calendarFeedCreated = z.object({ feed: calendarFeed, url: z.string() });
export const calendarFeedList = z.object({ items: z.array(calendarFeed) });
