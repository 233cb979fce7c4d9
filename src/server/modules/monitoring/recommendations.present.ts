import type { z } from 'zod';
import {
  type RecommendationStatus,
  type recommendation,
  type recommendationDetail,
  recommendationTransitions,
} from '../../../shared/contract/monitoring.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type * as repo from './recommendations.repo.js';

type Recommendation = z.input<typeof recommendation>;
type Detail = z.input<typeof recommendationDetail>;

const DAY_MS = 86_400_000;

/** Whole days between two 'YYYY-MM-DD' dates (both read as UTC midnight, so no zone moves a day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function presentRecommendation(
  actor: Actor,
  row: repo.RecommendationRow,
  repeated: Awaited<ReturnType<typeof repo.repeatedOf>>,
): Recommendation {
  const editable = canWrite(actor, row.owner_institution_id);
  const earlier = row.repeats_id === null ? undefined : repeated.find((r) => r.id === row.repeats_id);
  return {
    id: row.id,
    visit: {
      id: row.visit_id,
      startsOn: row.visit_starts_on,
      facility: {
        id: row.facility_id,
        name: row.facility_name,
        kind: row.facility_kind as Recommendation['visit']['facility']['kind'],
        countryCode: row.facility_country,
        city: row.facility_city,
      },
      ownerInstitutionId: row.owner_institution_id,
    },
    findingId: row.finding_id,
    addressee: row.addressee,
    text: row.text,
    theme: row.theme as Recommendation['theme'],
    priority: row.priority as Recommendation['priority'],
    issuedOn: row.issued_on,
    dueOn: row.due_on,
    repeats: earlier ? { id: earlier.id, text: earlier.text, issuedOn: earlier.issued_on } : null,
    status: row.status as RecommendationStatus,
    statusOn: row.status_on,
    firstReplyOn: row.first_reply_on,
    daysToFirstReply: row.first_reply_on === null ? null : daysBetween(row.issued_on, row.first_reply_on),
    overdue: Number(row.overdue) === 1,
    visibility: row.visibility as Recommendation['visibility'],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: {
      edit: editable,
      nextStatuses: editable ? [...recommendationTransitions[row.status as RecommendationStatus]] : [],
    },
  };
}

export function presentDetail(
  actor: Actor,
  row: repo.RecommendationRow,
  repeated: Awaited<ReturnType<typeof repo.repeatedOf>>,
  followUps: Awaited<ReturnType<typeof repo.followUpsOf>>,
): Detail {
  return {
    ...presentRecommendation(actor, row, repeated),
    followUps: followUps.map((f) => ({
      id: f.id,
      happenedOn: f.happened_on,
      fromStatus: f.from_status as RecommendationStatus,
      toStatus: f.to_status as RecommendationStatus,
      note: f.note,
      evidence: f.evidence,
      createdAt: f.created_at,
      createdBy: f.created_by === null ? null : { id: f.created_by, name: f.created_by_name ?? '' },
    })),
  };
}
