import type { z } from 'zod';
import type { action } from '../../../shared/contract/plan.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { ActionListRow, linkCountsOf, participantsOf, partnersOf } from './actions.repo.js';
import { currencyDigits, fromMinorUnits } from './budget.js';

type ActionOut = z.input<typeof action>;

export interface ActionParts {
  participants: Awaited<ReturnType<typeof participantsOf>>;
  partners: Awaited<ReturnType<typeof partnersOf>>;
  links: Awaited<ReturnType<typeof linkCountsOf>>;
}

function budgetOf(row: ActionListRow): ActionOut['budget'] {
  if (row.budget_minor === null || row.budget_currency === null) return null;
  const digits = currencyDigits(row.budget_currency) ?? 2;
  return { amount: fromMinorUnits(Number(row.budget_minor), digits), currency: row.budget_currency };
}

export function presentAction(actor: Actor, row: ActionListRow, parts: ActionParts): ActionOut {
  return {
    id: row.id,
    planId: row.plan_id,
    axisId: row.axis_id,
    axisNumber: row.axis_number,
    title: row.title,
    description: row.description,
    leadInstitutionId: row.lead_institution_id,
    leadInstitutionName: row.lead_institution_name,
    participantInstitutionIds: parts.participants.filter((p) => p.action_id === row.id).map((p) => p.institution_id),
    partnerIds: parts.partners.filter((p) => p.action_id === row.id).map((p) => p.partner_id),
    status: row.status as ActionOut['status'],
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    completedOn: row.completed_on,
    overdue: Number(row.overdue) === 1,
    funderPartnerId: row.funder_partner_id,
    budget: budgetOf(row),
    comments: row.comments,
    carriedFromId: row.carried_from_id,
    ownerInstitutionId: row.owner_institution_id,
    visibility: row.visibility as ActionOut['visibility'],
    links: parts.links.filter((l) => l.action_id === row.id).map((l) => ({ entity: l.entity, count: Number(l.n) })),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: { edit: canWrite(actor, row.owner_institution_id) },
  };
}
