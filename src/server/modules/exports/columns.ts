import type { InterfaceLanguage } from '../../../shared/languages.js';
import { translate } from '../../i18n/translate.js';

/**
 * What a cell holds: text, a number, a day (`YYYY-MM-DD`), an instant (ISO-8601 UTC), a yes/no, or nothing. The
 * writers turn each into the format's own type (a date cell in XLSX, ISO text in CSV).
 */
export type Cell =
  | { type: 'text'; value: string }
  | { type: 'number'; value: number }
  | { type: 'date'; value: string }
  | { type: 'datetime'; value: string }
  | { type: 'boolean'; value: boolean }
  | null;

type HeaderKey = `exports:${string}`;

/** One column of an export: its translated header and its value in a row of the list. */
export interface Column<Row> {
  header: HeaderKey;
  cell(row: Row): Cell;
}

export function headerOf(column: Column<never>, language: InterfaceLanguage): string {
  return translate(language, column.header);
}

const present = <V>(value: V | null | undefined): value is V => value !== null && value !== undefined;

export function text<Row>(header: HeaderKey, value: (row: Row) => string | null | undefined): Column<Row> {
  return {
    header,
    cell: (row) => {
      const v = value(row);
      return present(v) && v !== '' ? { type: 'text', value: v } : null;
    },
  };
}

/** Several values in one cell (institutions taking part, languages…), separated by a semicolon. */
export function textList<Row>(header: HeaderKey, values: (row: Row) => readonly (string | null)[]): Column<Row> {
  return text(header, (row) => values(row).filter(present).join('; '));
}

export function number<Row>(header: HeaderKey, value: (row: Row) => number | null | undefined): Column<Row> {
  return {
    header,
    cell: (row) => {
      const v = value(row);
      return present(v) && Number.isFinite(v) ? { type: 'number', value: v } : null;
    },
  };
}

export function date<Row>(header: HeaderKey, value: (row: Row) => string | null | undefined): Column<Row> {
  return {
    header,
    cell: (row) => {
      const v = value(row);
      return present(v) ? { type: 'date', value: v } : null;
    },
  };
}

export function dateTime<Row>(header: HeaderKey, value: (row: Row) => string | null | undefined): Column<Row> {
  return {
    header,
    cell: (row) => {
      const v = value(row);
      return present(v) ? { type: 'datetime', value: v } : null;
    },
  };
}

export function boolean<Row>(header: HeaderKey, value: (row: Row) => boolean | null | undefined): Column<Row> {
  return {
    header,
    cell: (row) => {
      const v = value(row);
      return present(v) ? { type: 'boolean', value: v } : null;
    },
  };
}
