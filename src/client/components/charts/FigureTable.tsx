import { Anchor, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';

/** A number of a table, with the list behind it when there is one. */
export interface Cell {
  value: number;
  to?: string | null;
}

export interface FigureRow {
  key: string;
  header: ReactNode;
  cells: (Cell | ReactNode)[];
}

interface FigureTableProps {
  caption: string;
  /** The first column's header, then one per value column. */
  columns: string[];
  rows: FigureRow[];
}

function isCell(value: unknown): value is Cell {
  return typeof value === 'object' && value !== null && 'value' in value && typeof value.value === 'number';
}

/** The data of a chart as a table: row headers, numbers aligned at the end, each a link to its list. */
export function FigureTable({ caption, columns, rows }: FigureTableProps) {
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <Table.Th key={column} ta={index === 0 ? 'start' : 'end'} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={500}>
                {row.header}
              </Table.Th>
              {row.cells.map((cell, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a row are its columns, in order.
                <Table.Td key={index} ta="end">
                  {isCell(cell) ? (
                    cell.to ? (
                      <Anchor component={Link} to={cell.to} size="sm">
                        {format.number(cell.value)}
                      </Anchor>
                    ) : (
                      format.number(cell.value)
                    )
                  ) : (
                    cell
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
