import { describe, expect, it } from 'vitest';
import type { AppError } from '../../http/errors.js';
import { breakdownOf, cellCount, checkCells, totalOf } from './report-cells.js';

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return (error as AppError).details as { field: string; issue: string }[];
  }
  throw new Error('expected a validation error');
}

describe('report cells', () => {
  const sexes = ['female', 'male', 'other', 'unknown'];

  it('accepts the full cross-classification, in any order, and puts dims in the indicator’s order', () => {
    const cells = sexes.flatMap((sex, i) => [
      { dims: { announcement: 'announced', sex }, value: i },
      { dims: { sex, announcement: 'unannounced' }, value: 10 * i },
    ]);
    const checked = checkCells(['sex', 'announcement'], cells.reverse());
    expect(checked).toHaveLength(8);
    expect(Object.keys(checked[0]?.dims ?? {})).toEqual(['sex', 'announcement']);
    expect(totalOf(checked)).toBe(66);
    expect(breakdownOf(['sex', 'announcement'], checked)).toEqual({
      sex: { female: 0, male: 11, other: 22, unknown: 33 },
      announcement: { announced: 6, unannounced: 60 },
    });
  });

  it('takes exactly one cell with empty dims for an indicator without dimensions', () => {
    expect(cellCount([])).toBe(1);
    expect(checkCells([], [{ dims: {}, value: 3 }])).toEqual([{ dims: {}, value: 3 }]);
    expect(issuesOf(() => checkCells([], [{ dims: { sex: 'female' }, value: 3 }]))).toEqual([
      expect.objectContaining({ field: 'body.cells.0.dims', issue: 'dimension_value' }),
    ]);
    expect(
      issuesOf(() =>
        checkCells(
          [],
          [
            { dims: {}, value: 1 },
            { dims: {}, value: 2 },
          ],
        ),
      ),
    ).toEqual([expect.objectContaining({ field: 'body.cells.1.dims', issue: 'duplicate_cell' })]);
  });

  it('names each bad cell: unknown dimension, unknown value, missing dimension, duplicate; then a missing one', () => {
    const good = sexes.map((sex) => ({ dims: { sex }, value: 1 }));
    expect(
      issuesOf(() => checkCells(['sex'], [...good.slice(0, 3), { dims: { gender: 'female' }, value: 1 }])),
    ).toEqual([expect.objectContaining({ field: 'body.cells.3.dims', issue: 'dimension_value' })]);
    expect(issuesOf(() => checkCells(['sex'], [{ dims: { sex: 'woman' }, value: 1 }, ...good.slice(1)]))).toEqual([
      expect.objectContaining({ field: 'body.cells.0.dims', issue: 'dimension_value' }),
    ]);
    expect(issuesOf(() => checkCells(['sex', 'announcement'], [{ dims: { sex: 'female' }, value: 1 }]))).toEqual([
      expect.objectContaining({ field: 'body.cells.0.dims', issue: 'dimension_value' }),
    ]);
    expect(issuesOf(() => checkCells(['sex'], [...good, { dims: { sex: 'male' }, value: 5 }]))).toEqual([
      expect.objectContaining({ field: 'body.cells.4.dims', issue: 'duplicate_cell' }),
    ]);
    expect(issuesOf(() => checkCells(['sex'], good.slice(0, 3)))).toEqual([
      expect.objectContaining({ field: 'body.cells', issue: 'incomplete_cells', params: { count: 4 } }),
    ]);
  });

  it('adds decimals without floating-point noise', () => {
    expect(
      totalOf([
        { dims: {}, value: 0.1 },
        { dims: {}, value: 0.2 },
      ]),
    ).toBe(0.3);
  });
});
