import { dimensions as allowedValues, type DimensionKey } from '../../../shared/contract/plan.js';
import { type FieldIssue, invalidFields } from './plan-errors.js';

export interface Cell {
  dims: Record<string, string>;
  value: number;
}

export type Breakdown = Record<string, Record<string, number>>;

/** The largest cross-classification an indicator may have: what one report can carry (the contract's cell limit). */
export const MAX_CELLS = 2000;

/** How many cells the full cross-classification of these dimensions has (1 without dimensions). */
export function cellCount(dimensions: readonly DimensionKey[]): number {
  return dimensions.reduce((n, d) => n * allowedValues[d].length, 1);
}

/** Strips floating-point noise (0.1 + 0.2) from sums of decimals, so totals read as entered. */
export function tidy(value: number): number {
  return Number(value.toPrecision(15));
}

const MAX_REPORTED_ISSUES = 50;

/**
 * Checks that `cells` are exactly the full cross-classification of the indicator's dimensions: each cell gives one
 * allowed value for each dimension and nothing else, no combination twice, none missing. An indicator without
 * dimensions takes one cell with `dims: {}`. Returns the cells with their dims in the indicator's order.
 */
export function checkCells(dimensions: readonly DimensionKey[], cells: Cell[], field = 'body.cells'): Cell[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    const keys = Object.keys(cell.dims);
    const valid =
      keys.length === dimensions.length &&
      dimensions.every((d) => {
        const value = Object.hasOwn(cell.dims, d) ? cell.dims[d] : undefined;
        return value !== undefined && (allowedValues[d] as readonly string[]).includes(value);
      });
    if (!valid) {
      issues.push({ field: `${field}.${index}.dims`, issue: 'dimension_value' });
      return;
    }
    const combination = JSON.stringify(dimensions.map((d) => cell.dims[d]));
    if (seen.has(combination)) issues.push({ field: `${field}.${index}.dims`, issue: 'duplicate_cell' });
    seen.add(combination);
  });
  if (issues.length === 0 && cells.length !== cellCount(dimensions)) {
    issues.push({ field, issue: 'incomplete_cells', params: { count: cellCount(dimensions) } });
  }
  if (issues.length > 0) throw invalidFields(issues.slice(0, MAX_REPORTED_ISSUES));
  return cells.map((cell) => ({
    dims: Object.fromEntries(dimensions.map((d) => [d, cell.dims[d] as string])),
    value: cell.value,
  }));
}

export function totalOf(cells: Cell[]): number {
  return tidy(cells.reduce((sum, cell) => sum + cell.value, 0));
}

/** Every value of every dimension, at zero: the shape of a breakdown before anything is added. */
export function emptyBreakdown(dimensions: readonly DimensionKey[]): Breakdown {
  return Object.fromEntries(
    dimensions.map((d) => [d, Object.fromEntries(allowedValues[d].map((value) => [value, 0]))]),
  );
}

/** Per dimension, per value: the sum of the cells. Derived, never entered, so it always adds up to the total. */
export function breakdownOf(dimensions: readonly DimensionKey[], cells: Cell[]): Breakdown {
  const breakdown = emptyBreakdown(dimensions);
  for (const cell of cells) {
    for (const d of dimensions) {
      const values = breakdown[d];
      const value = cell.dims[d];
      if (values && value !== undefined && value in values) values[value] = tidy((values[value] ?? 0) + cell.value);
    }
  }
  return breakdown;
}

/** The indicator's dimensions as stored (JSON text), keeping only known keys. */
export function parseDimensions(stored: string): DimensionKey[] {
  const parsed = JSON.parse(stored) as unknown;
  if (!Array.isArray(parsed)) return [];
  return parsed.filter((d): d is DimensionKey => typeof d === 'string' && Object.hasOwn(allowedValues, d));
}
