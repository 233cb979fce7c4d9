import type { DimensionKey } from '../../../../shared/contract/plan';
import { dimensionValuesOf } from '../shared/labels';

/** One combination of dimension values, in the indicator's dimension order (empty without dimensions). */
export type Combination = string[];

/** Every combination of the indicator's dimensions: the full cross-classification a report must give. */
export function combinationsOf(keys: readonly DimensionKey[]): Combination[] {
  return keys.reduce<Combination[]>(
    (combinations, key) => combinations.flatMap((prefix) => dimensionValuesOf(key).map((value) => [...prefix, value])),
    [[]],
  );
}

export const keyOf = (combination: Combination) => combination.join('\u001f');

/** Typed text → number: a comma or a point for decimals; empty counts as zero; null when it is not a number ≥ 0. */
export function parseCell(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return 0;
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** The cells as the API takes them, in combination order (so a server error on `cells.3` names the 4th one). */
export function cellsOf(keys: readonly DimensionKey[], combinations: Combination[], values: Record<string, string>) {
  return combinations.map((combination) => ({
    dims: Object.fromEntries(keys.map((key, i) => [key, combination[i] as string])),
    value: parseCell(values[keyOf(combination)] ?? '') ?? 0,
  }));
}

/** The form's text per cell, from a report's cells (or empty for a new report). */
export function valuesFrom(
  keys: readonly DimensionKey[],
  cells: { dims: Record<string, string>; value: number }[] | undefined,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const cell of cells ?? []) values[keyOf(keys.map((key) => cell.dims[key] ?? ''))] = String(cell.value);
  return values;
}

/** Sums without floating-point noise (0.1 + 0.2), like the server's totals. */
export function sumOf(numbers: number[]): number {
  return Number(numbers.reduce((sum, n) => sum + n, 0).toPrecision(15));
}
