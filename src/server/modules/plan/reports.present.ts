import type { z } from 'zod';
import type { indicatorReport, reportingPeriod } from '../../../shared/contract/plan.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import { breakdownOf, type Cell, parseDimensions } from './report-cells.js';
import type { PeriodRow, ReportListRow } from './reports.repo.js';

type PeriodOut = z.input<typeof reportingPeriod>;
type ReportOut = z.input<typeof indicatorReport>;

/** Closing a period: coordinators and administrators. */
export function mayClosePeriods(actor: Actor): boolean {
  return canWrite(actor, null);
}

/** Reopening a closed period changes what was reported as final: administrators only. */
export function mayReopenPeriods(actor: Actor): boolean {
  return actor.kind === 'user' && actor.user.role === 'administrator';
}

/** A report is validated by the contact point of the institution that made it, or by an administrator. */
export function mayValidate(actor: Actor, institutionId: string): boolean {
  if (actor.kind === 'anonymous') return false;
  const { role } = actor.user;
  return role === 'administrator' || (role === 'contact_point' && actor.user.institutionId === institutionId);
}

export function presentPeriod(actor: Actor, row: PeriodRow): PeriodOut {
  const open = row.status === 'open';
  return {
    id: row.id,
    planId: row.plan_id,
    label: row.label,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status as PeriodOut['status'],
    closedAt: row.closed_at,
    version: row.version,
    can: {
      edit: canWrite(actor, null),
      close: open && mayClosePeriods(actor),
      reopen: !open && mayReopenPeriods(actor),
    },
  };
}

export function presentReport(actor: Actor, row: ReportListRow): ReportOut {
  const cells = JSON.parse(row.cells) as Cell[];
  const open = row.period_status === 'open';
  const edit = open && canWrite(actor, row.owner_institution_id);
  return {
    id: row.id,
    indicatorId: row.indicator_id,
    periodId: row.period_id,
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    status: row.status as ReportOut['status'],
    cells,
    total: Number(row.total),
    breakdown: breakdownOf(parseDimensions(row.indicator_dimensions), cells),
    notes: row.notes,
    submittedAt: row.submitted_at,
    validatedAt: row.validated_at,
    periodStatus: row.period_status as ReportOut['periodStatus'],
    visibility: row.visibility as ReportOut['visibility'],
    version: row.version,
    updatedAt: row.updated_at,
    can: {
      edit,
      submit: edit && row.status === 'draft',
      validate: open && row.status === 'submitted' && mayValidate(actor, row.institution_id),
    },
  };
}
