import type { z } from 'zod';
import type { activity, followUp, statementResponse } from '../../../shared/contract/activities.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type * as repo from './activities.repo.js';
import { daysBetween } from './activity-time.js';

type Activity = z.input<typeof activity>;
type FollowUp = z.input<typeof followUp>;
type StatementResponse = z.input<typeof statementResponse>;

export interface Related {
  institutions: Awaited<ReturnType<typeof repo.institutionsOf>>;
  partners: Awaited<ReturnType<typeof repo.partnersOf>>;
  themes: Awaited<ReturnType<typeof repo.themesOf>>;
  trainees: Awaited<ReturnType<typeof repo.traineesOf>>;
  actions: Awaited<ReturnType<typeof repo.actionsOf>>;
  followUps: repo.FollowUpRow[];
  responses: repo.ResponseRow[];
  bodies: Awaited<ReturnType<typeof repo.bodiesOf>>;
}

export function presentFollowUp(actor: Actor, owner: string | null, row: repo.FollowUpRow): FollowUp {
  const may = canWrite(actor, owner);
  return {
    id: row.id,
    activityId: row.activity_id,
    text: row.text,
    owner: row.owner,
    dueOn: row.due_on,
    status: row.status as FollowUp['status'],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: may, delete: may },
  };
}

export function presentResponse(actor: Actor, owner: string | null, row: repo.ResponseRow): StatementResponse {
  const may = canWrite(actor, owner);
  return {
    id: row.id,
    activityId: row.activity_id,
    receivedOn: row.received_on,
    summary: row.summary,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: may, delete: may },
  };
}

/** The stored JSON details, read back (they were validated by the kind's schema on write). */
function storedDetails(row: repo.ActivityRow): Record<string, unknown> {
  return JSON.parse(row.details) as Record<string, unknown>;
}

export function presentActivity(actor: Actor, row: repo.ActivityListRow, related: Related): Activity {
  const mine = <T extends { activity_id: string }>(rows: T[]) => rows.filter((r) => r.activity_id === row.id);
  const may = canWrite(actor, row.owner_institution_id);
  const base = {
    id: row.id,
    axis: row.axis,
    title: row.title,
    allDay: row.all_day === 1,
    startsAt: row.starts_local,
    endsAt: row.ends_local,
    timeZone: row.time_zone,
    startsUtc: row.starts_utc,
    endsUtc: row.ends_utc,
    city: row.city,
    countryCode: row.country_code,
    online: row.online === 1,
    notes: row.notes,
    ownerInstitutionId: row.owner_institution_id,
    visibility: row.visibility as Activity['visibility'],
    institutions: mine(related.institutions).map((i) => ({
      institutionId: i.institution_id,
      role: i.role as 'organiser',
      countryCode: i.country_code,
      nameFr: i.name_fr,
      nameEn: i.name_en,
    })),
    partners: mine(related.partners).map((p) => ({
      partnerId: p.partner_id,
      role: p.role as 'participant',
      nameFr: p.name_fr,
      nameEn: p.name_en,
      acronymFr: p.acronym_fr,
      acronymEn: p.acronym_en,
    })),
    themes: mine(related.themes).map((t) => t.theme as 'other'),
    actions: mine(related.actions).map((a) => ({ id: a.id, title: a.title })),
    followUps: mine(related.followUps).map((f) => presentFollowUp(actor, row.owner_institution_id, f)),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: may, delete: may },
  };
  const details = storedDetails(row);
  switch (row.kind) {
    case 'dialogue_body':
      return {
        ...base,
        kind: 'dialogue_body',
        details: details as never,
        lastMeetingAt: row.last_meeting_at ?? null,
        overdue: Number(row.overdue) === 1,
      };
    case 'meeting': {
      const body = row.body_id ? related.bodies.find((b) => b.id === row.body_id) : undefined;
      return {
        ...base,
        kind: 'meeting',
        // The body stays named only if the caller may see it.
        details: { ...details, bodyId: body ? body.id : null } as never,
        body: body ? { id: body.id, title: body.title } : null,
      };
    }
    case 'training':
      return {
        ...base,
        kind: 'training',
        details: {
          ...details,
          participants: mine(related.trainees).map((t) => ({
            audience: t.audience as 'other',
            sex: t.sex as 'unknown',
            count: t.count,
          })),
        } as never,
      };
    case 'statement': {
      const responses = mine(related.responses);
      const first = responses[0];
      return {
        ...base,
        kind: 'statement',
        details: details as never,
        responses: responses.map((r) => presentResponse(actor, row.owner_institution_id, r)),
        daysToReply: first ? daysBetween(row.starts_local.slice(0, 10), first.received_on) : null,
      };
    }
    case 'study_visit':
      return { ...base, kind: 'study_visit', details: details as never };
    default:
      return { ...base, kind: 'course', details: details as never };
  }
}
