import type { z } from 'zod';
import type { axis, plan, planSummary } from '../../../shared/contract/plan.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { AxisRow, axisPartnersOf, exceptionsOf, groupMembersOf, PlanRow } from './plans.repo.js';

type PlanOut = z.input<typeof plan>;
type PlanSummaryOut = z.input<typeof planSummary>;
type AxisOut = z.input<typeof axis>;

export interface AxisParts {
  partners: Awaited<ReturnType<typeof axisPartnersOf>>;
  members: Awaited<ReturnType<typeof groupMembersOf>>;
  exceptions: Awaited<ReturnType<typeof exceptionsOf>>;
}

export function presentPlanSummary(actor: Actor, row: PlanRow, hasSuccessor: boolean): PlanSummaryOut {
  return {
    id: row.id,
    groupId: row.group_id,
    titleFr: row.title_fr,
    titleEn: row.title_en,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status as PlanOut['status'],
    previousPlanId: row.previous_plan_id,
    visibility: row.visibility as PlanOut['visibility'],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: {
      edit: canWrite(actor, row.owner_institution_id),
      // New plans and reporting periods are the network's: administrators and coordinators. A plan has one next.
      prepareNext: canWrite(actor, null) && !hasSuccessor,
      managePeriods: canWrite(actor, null),
    },
  };
}

/**
 * Every member that has not withdrawn takes part, in the group's order, unless a "does not take part" is recorded
 * for the axis (or, for a sub-item, for its axis).
 */
function participantsOf(axisRow: AxisRow, parts: AxisParts): AxisOut['participants'] {
  const exceptionFor = (institutionId: string) =>
    parts.exceptions.find((e) => e.axis_id === axisRow.id && e.institution_id === institutionId) ??
    parts.exceptions.find((e) => e.axis_id === axisRow.parent_id && e.institution_id === institutionId);
  return parts.members.map((m) => {
    const exception = exceptionFor(m.institution_id);
    return {
      institutionId: m.institution_id,
      countryCode: m.country_code,
      nameFr: m.name_fr,
      nameEn: m.name_en,
      membershipStatus: m.status as AxisOut['participants'][number]['membershipStatus'],
      participates: exception === undefined,
      note: exception?.note ?? null,
    };
  });
}

function axisBase(actor: Actor, owner: string | null, row: AxisRow, parts: AxisParts) {
  return {
    id: row.id,
    planId: row.plan_id,
    parentId: row.parent_id,
    number: row.number,
    position: row.position,
    titleFr: row.title_fr,
    titleEn: row.title_en,
    textFr: row.text_fr,
    textEn: row.text_en,
    eachInstitution: row.each_institution === 1,
    partners: parts.partners
      .filter((p) => p.axis_id === row.id)
      .map((p) => ({
        partnerId: p.partner_id,
        nameFr: p.name_fr,
        nameEn: p.name_en,
        acronymFr: p.acronym_fr,
        acronymEn: p.acronym_en,
        role: p.role as 'participant' | 'funder',
      })),
    version: row.version,
    can: { edit: canWrite(actor, owner) },
  };
}

/** An axis with its participants and sub-items; a sub-item alone has no sub-items of its own. */
export function presentAxis(
  actor: Actor,
  owner: string | null,
  row: AxisRow,
  allAxes: AxisRow[],
  parts: AxisParts,
): AxisOut {
  return {
    ...axisBase(actor, owner, row, parts),
    participants: participantsOf(row, parts),
    subItems: allAxes.filter((a) => a.parent_id === row.id).map((sub) => axisBase(actor, owner, sub, parts)),
  };
}

export function presentPlan(
  actor: Actor,
  row: PlanRow,
  hasSuccessor: boolean,
  axes: AxisRow[],
  parts: AxisParts,
): PlanOut {
  return {
    ...presentPlanSummary(actor, row, hasSuccessor),
    sourceText: row.source_text,
    axes: axes
      .filter((a) => a.parent_id === null)
      .map((a) => presentAxis(actor, row.owner_institution_id, a, axes, parts)),
  };
}
