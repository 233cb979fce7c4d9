import type { z } from 'zod';
import type { indicator } from '../../../shared/contract/plan.js';
import type { Actor } from '../../auth/actor.js';
import { canWrite } from '../../auth/policy.js';
import type { IndicatorRow } from './indicators.repo.js';
import { parseDimensions } from './report-cells.js';

type IndicatorOut = z.input<typeof indicator>;

export function presentIndicator(actor: Actor, row: IndicatorRow): IndicatorOut {
  return {
    id: row.id,
    planId: row.plan_id,
    axisId: row.axis_id,
    actionId: row.action_id,
    code: row.code,
    nameFr: row.name_fr,
    nameEn: row.name_en,
    unit: row.unit,
    aggregation: row.aggregation as IndicatorOut['aggregation'],
    baseline: row.baseline === null ? null : Number(row.baseline),
    target: row.target === null ? null : Number(row.target),
    frequency: row.frequency as IndicatorOut['frequency'],
    dimensions: parseDimensions(row.dimensions),
    notes: row.notes,
    version: row.version,
    // Indicators are the network's: administrators and coordinators define them.
    can: { edit: canWrite(actor, null) },
  };
}
