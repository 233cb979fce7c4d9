import type { z } from 'zod';
import {
  type Population,
  type VisitStatus,
  type visit,
  type visitSummary,
  visitTransitions,
} from '../../../shared/contract/monitoring.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import { canReadUrgent } from './visit-access.js';
import type * as repo from './visits.repo.js';

type VisitSummary = z.input<typeof visitSummary>;
type Visit = z.input<typeof visit>;

export interface VisitRelations {
  institutions: Awaited<ReturnType<typeof repo.institutionsOf>>;
  partners: Awaited<ReturnType<typeof repo.partnersOf>>;
}

export function populationOf(row: ReturnType<typeof populationColumns>): Population {
  return {
    total: row.population_total,
    children: row.population_children,
    unaccompanied: row.population_unaccompanied,
    girls: row.population_girls,
    age0to5: row.population_age_0_5,
    age6to11: row.population_age_6_11,
    age12to14: row.population_age_12_14,
    age15to17: row.population_age_15_17,
  };
}

export function populationColumns(p: Population) {
  return {
    population_total: p.total,
    population_children: p.children,
    population_unaccompanied: p.unaccompanied,
    population_girls: p.girls,
    population_age_0_5: p.age0to5,
    population_age_6_11: p.age6to11,
    population_age_12_14: p.age12to14,
    population_age_15_17: p.age15to17,
  };
}

export function presentVisitSummary(actor: Actor, row: repo.VisitRow, relations: VisitRelations): VisitSummary {
  const editable = canWrite(actor, row.owner_institution_id);
  return {
    id: row.id,
    facility: {
      id: row.facility_id,
      name: row.facility_name,
      kind: row.facility_kind as VisitSummary['facility']['kind'],
      countryCode: row.facility_country,
      city: row.facility_city,
    },
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    type: row.type as VisitSummary['type'],
    announced: row.announced === 1,
    status: row.status as VisitStatus,
    statusChangedAt: row.status_changed_at,
    ownerInstitutionId: row.owner_institution_id,
    leadInstitution:
      row.owner_institution_id === null
        ? null
        : {
            id: row.owner_institution_id,
            countryCode: row.lead_country ?? '',
            nameFr: row.lead_name_fr ?? '',
            nameEn: row.lead_name_en,
          },
    institutions: relations.institutions
      .filter((i) => i.visit_id === row.id)
      .map((i) => ({ id: i.id, countryCode: i.country_code, nameFr: i.name_fr, nameEn: i.name_en })),
    partners: relations.partners
      .filter((p) => p.visit_id === row.id)
      .map((p) => ({
        id: p.id,
        nameFr: p.name_fr,
        nameEn: p.name_en,
        acronymFr: p.acronym_fr,
        acronymEn: p.acronym_en,
      })),
    population: populationOf(row),
    counts: {
      questions: Number(row.question_count ?? 0),
      answered: Number(row.answered_count ?? 0),
      findings: Number(row.finding_count ?? 0),
      recommendations: Number(row.recommendation_count ?? 0),
      urgentSituations: Number(row.urgent_count ?? 0),
    },
    visibility: row.visibility as VisitSummary['visibility'],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    can: {
      edit: editable,
      transitions: editable ? [...visitTransitions[row.status as VisitStatus]] : [],
      urgentSituations: canReadUrgent(actor, row.owner_institution_id),
    },
  };
}

export interface VisitDetailParts {
  team: Awaited<ReturnType<typeof repo.teamOf>>;
  actionIds: string[];
  history: Awaited<ReturnType<typeof repo.statusHistoryOf>>;
  statusChangedByName: string | null;
}

export function presentVisit(
  actor: Actor,
  row: repo.VisitRow,
  relations: VisitRelations,
  parts: VisitDetailParts,
): Visit {
  return {
    ...presentVisitSummary(actor, row, relations),
    objectives: row.objectives,
    summary: row.summary,
    team: parts.team.map((m) => ({ name: m.name, role: m.role, institutionId: m.institution_id })),
    actionIds: parts.actionIds,
    statusChangedBy:
      row.status_changed_by === null ? null : { id: row.status_changed_by, name: parts.statusChangedByName ?? '' },
    statusHistory: parts.history.map((h) => ({
      fromStatus: h.from_status as VisitStatus | null,
      toStatus: h.to_status as VisitStatus,
      note: h.note,
      changedAt: h.changed_at,
      changedBy: h.changed_by === null ? null : { id: h.changed_by, name: h.changed_by_name ?? '' },
    })),
    checklistTemplateId: row.checklist_template_id,
    checklistStartedAt: row.checklist_started_at,
  };
}
