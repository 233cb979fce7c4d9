import type { Activity, ActivityCreate, ActivityUpdate } from '../../../../shared/contract/activities';
import type { Visibility } from '../../../../shared/roles';
import { browserTimeZone } from '../../../i18n/event-time';
import { today } from '../../../i18n/format';
import {
  type ActivityKind,
  type ActivityTheme,
  audienceList,
  type MeetingCadence,
  type PartnerRole,
  type StatementType,
  sexList,
  type TrainingAudience,
} from '../shared/labels';
import { htmlToText, textToHtml } from '../shared/rich-text';
import { linesOf } from './fields';
import { countOf, type ParticipantCounts } from './ParticipantsGrid';

/** Everything a form of any kind holds, as the inputs hold it (text, one item per line, marks for rich text). */
export interface Values {
  title: string;
  allDay: boolean;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  city: string;
  countryCode: string | null;
  online: boolean;
  notes: string;
  /** '' for the network itself (the secretariat). */
  ownerInstitutionId: string;
  visibility: Visibility;
  organiserInstitutionIds: string[];
  participantInstitutionIds: string[];
  hostInstitutionId: string | null;
  partners: { partnerId: string; role: PartnerRole }[];
  themes: ActivityTheme[];
  actionIds: string[];
  cadence: MeetingCadence;
  memberPeople: string;
  /** '' for a meeting of the working group itself. */
  bodyId: string;
  agenda: string;
  minutes: string;
  decisions: string;
  audiences: TrainingAudience[];
  counts: ParticipantCounts;
  trainers: string;
  materials: string;
  evaluation: string;
  statementType: StatementType;
  addressee: string;
  statementText: string;
  publicLink: string;
  visitors: string;
  programme: string;
  placesVisited: string;
  missionReport: string;
  lessonsLearned: string;
  courseName: string;
  courseOrganiser: string;
  courseParticipants: string;
  certificate: string;
}

/** Kinds that happen on one day (a body is set up, a statement issued): one date, no time. */
export function isSingleDay(kind: ActivityKind): boolean {
  return kind === 'dialogue_body' || kind === 'statement';
}

const lines = (items: string[] | undefined) => (items ?? []).join('\n');
const rich = (html: string | null | undefined) => (html ? htmlToText(html) : '');

export function valuesOf(activity: Activity | undefined, preset: { bodyId?: string | undefined }): Values {
  const d = activity?.details;
  const detail = <K extends ActivityKind>(k: K) =>
    activity?.kind === k ? (d as Extract<Activity, { kind: K }>['details']) : undefined;
  const body = detail('dialogue_body');
  const meeting = detail('meeting');
  const training = detail('training');
  const statement = detail('statement');
  const visit = detail('study_visit');
  const course = detail('course');
  const counts: ParticipantCounts = {};
  for (const p of training?.participants ?? []) counts[`${p.audience}.${p.sex}`] = String(p.count);
  const day = today();
  return {
    title: activity?.title ?? '',
    allDay: activity?.allDay ?? true,
    startsAt: activity?.startsAt ?? day,
    endsAt: activity?.endsAt ?? day,
    timeZone: activity?.timeZone ?? browserTimeZone(),
    city: activity?.city ?? '',
    countryCode: activity?.countryCode ?? null,
    online: activity?.online ?? false,
    notes: activity?.notes ?? '',
    ownerInstitutionId: activity?.ownerInstitutionId ?? '',
    visibility: activity?.visibility ?? 'group',
    organiserInstitutionIds:
      activity?.institutions.filter((i) => i.role === 'organiser').map((i) => i.institutionId) ?? [],
    participantInstitutionIds:
      activity?.institutions.filter((i) => i.role === 'participant').map((i) => i.institutionId) ?? [],
    hostInstitutionId: activity?.institutions.find((i) => i.role === 'host')?.institutionId ?? null,
    partners: activity?.partners.map((p) => ({ partnerId: p.partnerId, role: p.role })) ?? [],
    themes: activity?.themes ?? [],
    actionIds: activity?.actions.map((a) => a.id) ?? [],
    cadence: body?.cadence ?? 'quarterly',
    memberPeople: lines(body?.memberPeople),
    bodyId: meeting?.bodyId ?? preset.bodyId ?? '',
    agenda: meeting?.agenda ?? '',
    minutes: rich(meeting?.minutesHtml),
    decisions: lines(meeting?.decisions),
    audiences: training?.audiences ?? [],
    counts,
    trainers: lines(training?.trainers),
    materials: training?.materials ?? '',
    evaluation: training?.evaluation ?? '',
    statementType: statement?.statementType ?? 'opinion',
    addressee: statement?.addressee ?? '',
    statementText: rich(statement?.textHtml),
    publicLink: statement?.publicLink ?? '',
    visitors: lines(visit?.visitors),
    programme: visit?.programme ?? '',
    placesVisited: lines(visit?.placesVisited),
    missionReport: rich(visit?.missionReportHtml),
    lessonsLearned: visit?.lessonsLearned ?? '',
    courseName: course?.courseName ?? '',
    courseOrganiser: course?.courseOrganiser ?? '',
    courseParticipants: lines(course?.participants),
    certificate: course?.certificate ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text);
const htmlOrNull = (text: string) => orNull(textToHtml(text));

function detailsOf(kind: ActivityKind, v: Values) {
  switch (kind) {
    case 'dialogue_body':
      return { cadence: v.cadence, memberPeople: linesOf(v.memberPeople) };
    case 'meeting':
      return {
        bodyId: v.bodyId === '' ? null : v.bodyId,
        agenda: orNull(v.agenda),
        minutesHtml: htmlOrNull(v.minutes),
        decisions: linesOf(v.decisions),
      };
    case 'training':
      return {
        audiences: v.audiences,
        // Only the audiences chosen, and only the cells with someone in them.
        participants: audienceList
          .filter((audience) => v.audiences.includes(audience))
          .flatMap((audience) =>
            sexList
              .map((sex) => ({ audience, sex, count: countOf(v.counts, audience, sex) }))
              .filter((p) => p.count > 0),
          ),
        trainers: linesOf(v.trainers),
        materials: orNull(v.materials),
        evaluation: orNull(v.evaluation),
      };
    case 'statement':
      return {
        statementType: v.statementType,
        addressee: v.addressee,
        textHtml: htmlOrNull(v.statementText),
        publicLink: v.publicLink.trim() === '' ? null : v.publicLink.trim(),
      };
    case 'study_visit':
      return {
        visitors: linesOf(v.visitors),
        programme: orNull(v.programme),
        placesVisited: linesOf(v.placesVisited),
        missionReportHtml: htmlOrNull(v.missionReport),
        lessonsLearned: orNull(v.lessonsLearned),
      };
    case 'course':
      return {
        courseName: v.courseName,
        courseOrganiser: orNull(v.courseOrganiser),
        participants: linesOf(v.courseParticipants),
        certificate: orNull(v.certificate),
      };
  }
}

/**
 * The request body. A single-day kind ends the day it starts; the owner is sent only by those who may choose it
 * (others get their own institution on the server); the kind is sent on creation only, as it never changes.
 */
export function bodyOf(
  kind: ActivityKind,
  v: Values,
  options: { editing: boolean; choosesOwner: boolean },
): ActivityCreate | ActivityUpdate {
  const single = isSingleDay(kind);
  const common = {
    title: v.title,
    allDay: single ? true : v.allDay,
    startsAt: v.startsAt,
    endsAt: single ? v.startsAt : v.endsAt,
    timeZone: v.timeZone,
    city: v.city,
    countryCode: v.countryCode,
    online: v.online,
    notes: v.notes,
    ...(options.choosesOwner ? { ownerInstitutionId: v.ownerInstitutionId === '' ? null : v.ownerInstitutionId } : {}),
    visibility: v.visibility,
    organiserInstitutionIds: v.organiserInstitutionIds,
    participantInstitutionIds: v.participantInstitutionIds,
    hostInstitutionId: v.hostInstitutionId,
    partners: v.partners,
    themes: v.themes,
    actionIds: v.actionIds,
  };
  const details = detailsOf(kind, v);
  if (options.editing) return { ...common, details } as ActivityUpdate;
  return { ...common, kind, details } as ActivityCreate;
}

/** Switching between all day and timed keeps the day and adds or drops a time. */
export function withAllDay(v: Values, allDay: boolean): Values {
  const convert = (value: string) => (allDay ? value.slice(0, 10) : value.length === 10 ? `${value}T09:00` : value);
  return { ...v, allDay, startsAt: convert(v.startsAt), endsAt: convert(v.endsAt) };
}
