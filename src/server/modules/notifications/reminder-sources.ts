import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { finishedStatuses } from '../plan/actions.repo.js';
import type { ReminderEvent, ReminderSource } from './reminders.js';

/** Days before a reporting period ends that its missing reports are reminded. */
export const REPORTS_NOTICE_DAYS = 14;
/**
 * Days after a period ended that its missing reports are still reminded: a period long over (the founding plan's
 * 2017–2018 periods, say) is a matter for the secretariat, not a reminder to every contact point on first start.
 */
export const REPORTS_OVERDUE_DAYS = 90;
/** Days before a meeting or a visit that it is announced. */
export const UPCOMING_NOTICE_DAYS = 7;

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function addMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  const target = date.getUTCMonth() + months;
  date.setUTCMonth(target);
  // 31 January + 1 month is the end of February, not 3 March.
  if (date.getUTCMonth() !== ((target % 12) + 12) % 12) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** Plan actions past their planned end and neither done nor cancelled; again if the end date moves. */
const overdueActions: ReminderSource = async (db, today) => {
  const rows = await db
    .selectFrom('plan_actions')
    .select(['id', 'title', 'planned_end', 'lead_institution_id', 'owner_institution_id'])
    .where('planned_end', '<', today)
    .where('status', 'not in', finishedStatuses)
    .execute();
  return rows.map(
    (row): ReminderEvent => ({
      kind: 'action_overdue',
      entity: 'plan_action',
      entityId: row.id,
      occasion: `overdue:${row.planned_end}`,
      link: `/actions/${row.id}`,
      params: { title: row.title, date: row.planned_end as string },
      institutionIds: [row.lead_institution_id ?? row.owner_institution_id].filter((id): id is string => !!id),
      auditEntity: 'plan_action',
      visibility: { table: 'plan_actions', id: row.id },
    }),
  );
};

/**
 * Each member institution of a plan's group that still owes indicator reports for an open period ending within
 * REPORTS_NOTICE_DAYS (stage `due`) or ended less than REPORTS_OVERDUE_DAYS ago (stage `overdue`): once per stage
 * and end date.
 */
const dueIndicatorReports: ReminderSource = async (db, today) => {
  const periods = await db
    .selectFrom('reporting_periods')
    .innerJoin('plans', 'plans.id', 'reporting_periods.plan_id')
    .select([
      'reporting_periods.id',
      'reporting_periods.plan_id',
      'reporting_periods.label',
      'reporting_periods.ends_on',
      'plans.group_id',
    ])
    .where('reporting_periods.status', '=', 'open')
    .where('reporting_periods.ends_on', '<=', addDays(today, REPORTS_NOTICE_DAYS))
    .where('reporting_periods.ends_on', '>=', addDays(today, -REPORTS_OVERDUE_DAYS))
    .execute();
  const events: ReminderEvent[] = [];
  for (const period of periods) {
    const indicators = await db
      .selectFrom('indicators')
      .select(['indicators.id', 'indicators.axis_id'])
      .where('indicators.plan_id', '=', period.plan_id)
      .execute();
    if (indicators.length === 0) continue;
    const members = await db
      .selectFrom('group_memberships')
      .innerJoin('institutions', 'institutions.id', 'group_memberships.institution_id')
      .select(['institutions.id', 'institutions.name_fr'])
      .where('group_memberships.group_id', '=', period.group_id)
      .where('group_memberships.status', '=', 'active')
      .execute();
    for (const member of members) {
      // Indicators of an axis the institution is marked out of are not owed.
      const exempt = new Set(
        (
          await db
            .selectFrom('plan_axis_exceptions')
            .select('axis_id')
            .where('institution_id', '=', member.id)
            .execute()
        ).map((r) => r.axis_id),
      );
      const owed = indicators.filter((i) => !i.axis_id || !exempt.has(i.axis_id)).map((i) => i.id);
      if (owed.length === 0) continue;
      const done = await db
        .selectFrom('indicator_reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('period_id', '=', period.id)
        .where('institution_id', '=', member.id)
        .where('indicator_id', 'in', owed)
        .where('status', 'in', ['submitted', 'validated'])
        .executeTakeFirstOrThrow();
      const missing = owed.length - Number(done.n);
      if (missing <= 0) continue;
      const stage = period.ends_on < today ? 'overdue' : 'due';
      events.push({
        kind: 'indicator_report_due',
        entity: 'reporting_period',
        entityId: period.id,
        occasion: `${stage}:${period.ends_on}:${member.id}`,
        link: `/plans/${period.plan_id}/reports`,
        params: { stage, period: period.label, institution: member.name_fr, date: period.ends_on, missing },
        institutionIds: [member.id],
        auditEntity: null,
        visibility: { table: 'plans', id: period.plan_id },
      });
    }
  }
  return events;
};

/** Meetings starting within UPCOMING_NOTICE_DAYS: told to the owner's and the taking part institutions'. */
const upcomingMeetings: ReminderSource = async (db, today) => {
  const rows = await db
    .selectFrom('activities')
    .select(['id', 'title', 'starts_local', 'starts_utc', 'owner_institution_id'])
    .where('kind', '=', 'meeting')
    .where('starts_utc', '>=', new Date().toISOString())
    .where('starts_utc', '<', addDays(today, UPCOMING_NOTICE_DAYS + 1))
    .execute();
  const events: ReminderEvent[] = [];
  for (const row of rows) {
    const taking = await db
      .selectFrom('activity_institutions')
      .select('institution_id')
      .where('activity_id', '=', row.id)
      .execute();
    const institutionIds = [
      ...new Set([row.owner_institution_id, ...taking.map((t) => t.institution_id)].filter((id) => id !== null)),
    ] as string[];
    events.push({
      kind: 'meeting_upcoming',
      entity: 'activity',
      entityId: row.id,
      occasion: `upcoming:${row.starts_utc}`,
      link: `/activities/${row.id}`,
      params: { title: row.title, date: row.starts_local.slice(0, 10) },
      institutionIds,
      auditEntity: 'activity',
      visibility: { table: 'activities', id: row.id },
    });
  }
  return events;
};

/**
 * Dialogue bodies behind their cadence, as the activities list counts them: the last meeting held (or, before any,
 * the body's set-up) is older than the cadence. Once per expected date.
 */
const overdueDialogueBodies: ReminderSource = async (db, today) => {
  const now = new Date().toISOString();
  const bodies = await db
    .selectFrom('activities as body')
    .select((eb) => [
      'body.id',
      'body.title',
      'body.starts_utc',
      'body.cadence_months',
      'body.owner_institution_id',
      eb
        .selectFrom('activities as meeting')
        .select((m) => m.fn.max('meeting.starts_utc').as('last'))
        .whereRef('meeting.body_id', '=', 'body.id')
        .where('meeting.kind', '=', 'meeting')
        .where('meeting.starts_utc', '<=', now)
        .as('last_meeting'),
    ])
    .where('body.kind', '=', 'dialogue_body')
    .where('body.cadence_months', 'is not', null)
    .execute();
  const events: ReminderEvent[] = [];
  for (const body of bodies) {
    const since = ((body.last_meeting as string | null) ?? body.starts_utc).slice(0, 10);
    const expected = addMonths(since, body.cadence_months as number);
    if (expected >= today) continue;
    events.push({
      kind: 'dialogue_overdue',
      entity: 'activity',
      entityId: body.id,
      occasion: `overdue:${expected}`,
      link: `/activities/${body.id}`,
      params: { title: body.title, since, date: expected },
      institutionIds: body.owner_institution_id ? [body.owner_institution_id] : [],
      auditEntity: 'activity',
      visibility: { table: 'activities', id: body.id },
    });
  }
  return events;
};

/** Recommendation statuses that still call for something from the authority. */
const openRecommendation = ['issued', 'acknowledged', 'accepted', 'in_progress', 'partly_implemented'];
/** Days before a recommendation's due date that it is reminded. */
export const RECOMMENDATION_NOTICE_DAYS = 30;

/**
 * Open recommendations due within RECOMMENDATION_NOTICE_DAYS (stage `due`) or past due (stage `overdue`), told to
 * the institutions of the visit that issued them: once per stage and due date.
 */
const dueRecommendations: ReminderSource = async (db, today) => {
  const rows = await db
    .selectFrom('recommendations')
    .innerJoin('visits', 'visits.id', 'recommendations.visit_id')
    .innerJoin('facilities', 'facilities.id', 'visits.facility_id')
    .select([
      'recommendations.id',
      'recommendations.text',
      'recommendations.due_on',
      'visits.id as visit_id',
      'visits.owner_institution_id',
      'facilities.name as facility',
    ])
    .where('recommendations.due_on', 'is not', null)
    .where('recommendations.due_on', '<=', addDays(today, RECOMMENDATION_NOTICE_DAYS))
    .where('recommendations.status', 'in', openRecommendation)
    .execute();
  const events: ReminderEvent[] = [];
  for (const row of rows) {
    const due = row.due_on as string;
    const stage = due < today ? 'overdue' : 'due';
    events.push({
      kind: 'recommendation_due',
      entity: 'recommendation',
      entityId: row.id,
      occasion: `${stage}:${due}`,
      link: `/recommendations/${row.id}`,
      params: { stage, title: shorten(row.text), facility: row.facility, date: due },
      institutionIds: await visitInstitutions(db, row.visit_id, row.owner_institution_id),
      auditEntity: 'recommendation',
      visibility: { table: 'visits', id: row.visit_id },
    });
  }
  return events;
};

/** Planned visits starting within UPCOMING_NOTICE_DAYS, told to the leading and the joining institutions. */
const upcomingVisits: ReminderSource = async (db, today) => {
  const rows = await db
    .selectFrom('visits')
    .innerJoin('facilities', 'facilities.id', 'visits.facility_id')
    .select(['visits.id', 'visits.starts_on', 'visits.owner_institution_id', 'facilities.name as facility'])
    .where('visits.status', '=', 'planned')
    .where('visits.starts_on', '>=', today)
    .where('visits.starts_on', '<=', addDays(today, UPCOMING_NOTICE_DAYS))
    .execute();
  const events: ReminderEvent[] = [];
  for (const row of rows) {
    events.push({
      kind: 'visit_upcoming',
      entity: 'visit',
      entityId: row.id,
      occasion: `upcoming:${row.starts_on}`,
      link: `/visits/${row.id}`,
      params: { title: row.facility, date: row.starts_on },
      institutionIds: await visitInstitutions(db, row.id, row.owner_institution_id),
      auditEntity: 'visit',
      visibility: { table: 'visits', id: row.id },
    });
  }
  return events;
};

async function visitInstitutions(db: Kysely<DB>, visitId: string, owner: string | null): Promise<string[]> {
  const joining = await db
    .selectFrom('visit_institutions')
    .select('institution_id')
    .where('visit_id', '=', visitId)
    .execute();
  return [...new Set([owner, ...joining.map((j) => j.institution_id)].filter((id): id is string => id !== null))];
}

/** A recommendation's text is long: its start names it in a subject line. */
function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 80 ? flat : `${flat.slice(0, 79)}…`;
}

/** Every source the reminders job runs, in order. */
export const reminderSources: ReminderSource[] = [
  overdueActions,
  dueIndicatorReports,
  upcomingMeetings,
  overdueDialogueBodies,
  dueRecommendations,
  upcomingVisits,
];
