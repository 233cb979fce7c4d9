import { Table, Text, TextInput } from '@mantine/core';
import type { DimensionKey } from '../../../../shared/contract/plan';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { dimensionLabels, dimensionValueLabel, dimensionValuesOf } from '../shared/labels';
import classes from './ReportGrid.module.css';
import { type Combination, combinationsOf, keyOf, parseCell, sumOf } from './report-cells';

interface ReportGridProps {
  dimensionKeys: DimensionKey[];
  unit: string;
  caption: string;
  values: Record<string, string>;
  /** Absent: the grid is read-only (a closed period, a report the user may not change). */
  onChange?: (key: string, text: string) => void;
  /** Messages for single cells, by combination key. */
  cellErrors: Record<string, string>;
}

/**
 * A report's cells: the last dimension across, the others down (one row per combination of them), with row and
 * column totals. Each input is named by its whole combination ("Female, 12–14, Unaccompanied"), so a screen reader
 * user knows which cell they are in without reading the headers again.
 */
export function ReportGrid({ dimensionKeys, unit, caption, values, onChange, cellErrors }: ReportGridProps) {
  const { t } = useT();
  const format = useFormat();
  const valueLabel = (key: DimensionKey, value: string) => {
    const label = dimensionValueLabel(key, value);
    return label ? t(label) : value;
  };
  const numberOf = (combination: Combination) => parseCell(values[keyOf(combination)] ?? '') ?? 0;

  // Two dimensions or more: the last across. One: down, a value per row. None: a single value.
  const columnKey = dimensionKeys.length >= 2 ? dimensionKeys.at(-1) : undefined;
  const rowKeys = columnKey ? dimensionKeys.slice(0, -1) : dimensionKeys;
  const columns: readonly string[] = columnKey ? dimensionValuesOf(columnKey) : [''];
  const rows = combinationsOf(rowKeys);
  const combine = (row: Combination, column: string) => (columnKey ? [...row, column] : row);

  const cell = (row: Combination, column: string) => {
    const combination = combine(row, column);
    const key = keyOf(combination);
    const text = values[key] ?? '';
    if (!onChange) {
      return (
        <Table.Td key={column} ta="end">
          {format.number(numberOf(combination))}
        </Table.Td>
      );
    }
    const label =
      combination.length === 0
        ? t('plan:reports.value')
        : combination
            .map((value, i) => valueLabel(dimensionKeys[i] as DimensionKey, value))
            .join(t('plan:reports.cellSeparator'));
    const invalid = parseCell(text) === null;
    return (
      <Table.Td key={column}>
        <TextInput
          size="xs"
          inputMode="decimal"
          aria-label={label}
          value={text}
          placeholder="0"
          onChange={(e) => onChange(key, e.currentTarget.value)}
          error={cellErrors[key] ?? (invalid ? t('plan:reports.notANumber') : undefined)}
          classNames={{ input: classes.cellInput }}
        />
      </Table.Td>
    );
  };

  const total = sumOf(rows.flatMap((row) => columns.map((column) => numberOf(combine(row, column)))));
  const showRowTotals = columnKey !== undefined && columns.length > 1;

  return (
    <Table.ScrollContainer minWidth={Math.max(480, (rowKeys.length + columns.length + 1) * 110)}>
      <Table withTableBorder withColumnBorders verticalSpacing={4} captionSide="top" className={classes.grid}>
        <Table.Caption className={classes.caption}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {rowKeys.map((key) => (
              <Table.Th key={key}>{t(dimensionLabels[key])}</Table.Th>
            ))}
            {columnKey ? (
              columns.map((column) => (
                <Table.Th key={column} ta="end">
                  {valueLabel(columnKey, column)}
                </Table.Th>
              ))
            ) : (
              <Table.Th ta="end">{t('plan:reports.valueIn', { unit })}</Table.Th>
            )}
            {showRowTotals && <Table.Th ta="end">{t('plan:reports.rowTotal')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={keyOf(row) || 'single'}>
              {row.map((value, i) => (
                <Table.Th key={rowKeys[i]} scope="row" fw={500}>
                  {valueLabel(rowKeys[i] as DimensionKey, value)}
                </Table.Th>
              ))}
              {columns.map((column) => cell(row, column))}
              {showRowTotals && (
                <Table.Td ta="end" fw={600}>
                  {format.number(sumOf(columns.map((column) => numberOf(combine(row, column)))))}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {(rows.length > 1 || showRowTotals) && (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={Math.max(rowKeys.length, 1)}>
                {t('plan:reports.columnTotal')}
              </Table.Th>
              {columns.map((column) => (
                <Table.Td key={column} ta="end" fw={600}>
                  {format.number(sumOf(rows.map((row) => numberOf(combine(row, column)))))}
                </Table.Td>
              ))}
              {showRowTotals && (
                <Table.Td ta="end" fw={700}>
                  {format.number(total)}
                </Table.Td>
              )}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
      <Text mt="xs" fw={700} role="status" aria-live="polite">
        {t('plan:reports.total', { total: format.number(total), unit })}
      </Text>
    </Table.ScrollContainer>
  );
}
