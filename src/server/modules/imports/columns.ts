import { IntlMessageFormat } from 'intl-messageformat';
import type { ImportColumn, ImportFormat, ImportKind } from '../../../shared/contract/imports.js';
import { type InterfaceLanguage, languageCodes } from '../../../shared/languages.js';
import arColumns from '../../../shared/locales/ar/import-columns.json' with { type: 'json' };
import enColumns from '../../../shared/locales/en/import-columns.json' with { type: 'json' };
import esColumns from '../../../shared/locales/es/import-columns.json' with { type: 'json' };
import frColumns from '../../../shared/locales/fr/import-columns.json' with { type: 'json' };
import { AppError } from '../../http/errors.js';

/** One column of an import layout: how its cells are read and which request fields its errors belong to. */
export interface ColumnSpec {
  key: string;
  format: ImportFormat;
  required?: boolean;
  values?: readonly string[];
  /** Activities: the kinds whose details the column gives (none: every kind). */
  kinds?: readonly string[];
  example: string;
  /** Request paths (`body.…`) whose errors are shown in this column. */
  paths: string[];
  /** Institutions and partners may be named (acronym or name) rather than given by id. */
  refers?: 'institution' | 'partner';
  /** The label's key in the `import-columns` catalog, when it is not the column key itself. */
  labelOf?: (language: InterfaceLanguage) => string;
}

type Catalog = typeof frColumns;
const catalogs: Record<InterfaceLanguage, Catalog> = { fr: frColumns, en: enColumns, ar: arColumns, es: esColumns };
const section: Record<ImportKind, 'activities' | 'awarenessSessions' | 'recommendations'> = {
  activities: 'activities',
  'awareness-sessions': 'awarenessSessions',
  recommendations: 'recommendations',
};

export function catalogOf(language: InterfaceLanguage): Catalog {
  return catalogs[language];
}

const formatters = new Map<string, IntlMessageFormat>();
/** An ICU message of the `import-columns` catalog, formatted. */
export function message(language: InterfaceLanguage, template: string, params: Record<string, string | number>) {
  const key = `${language}|${template}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new IntlMessageFormat(template, language);
    formatters.set(key, formatter);
  }
  return String(formatter.format(params));
}

export function labelOf(kind: ImportKind, column: ColumnSpec, language: InterfaceLanguage): string {
  if (column.labelOf) return column.labelOf(language);
  const labels = catalogs[language][section[kind]] as Record<string, string>;
  return labels[column.key] ?? column.key;
}

export function describeColumn(kind: ImportKind, column: ColumnSpec, language: InterfaceLanguage): ImportColumn {
  return {
    key: column.key,
    label: labelOf(kind, column, language),
    required: column.required ?? false,
    format: column.format,
    values: [...(column.values ?? [])],
    kinds: [...(column.kinds ?? [])],
    example: column.example,
  };
}

const normalizeHeader = (header: string) => header.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/g, ' ');

/**
 * Which column each header of a file is: its key, or its label in any of the four languages. An unknown, repeated
 * or missing required header refuses the whole file (400 naming it), as an unknown field refuses a request.
 */
export function matchHeaders(
  kind: ImportKind,
  columns: ColumnSpec[],
  header: string[],
  language: InterfaceLanguage,
): (ColumnSpec | null)[] {
  const byName = new Map<string, ColumnSpec>();
  for (const column of columns) {
    byName.set(normalizeHeader(column.key), column);
    for (const lng of languageCodes) byName.set(normalizeHeader(labelOf(kind, column, lng)), column);
  }
  const problems: { field: string; issue: string; message: string; params: Record<string, string> }[] = [];
  const seen = new Set<string>();
  const matched = header.map((name, index) => {
    // A column without a header and without data (an edited sheet's leftover) is ignored.
    if (name === '') return null;
    const column = byName.get(normalizeHeader(name));
    if (!column) {
      problems.push({ field: `file.header.${index + 1}`, issue: 'unknown_column', message: '', params: { name } });
      return null;
    }
    if (seen.has(column.key)) {
      problems.push({ field: `file.header.${index + 1}`, issue: 'duplicate_column', message: '', params: { name } });
    }
    seen.add(column.key);
    return column;
  });
  for (const column of columns) {
    if (column.required && !seen.has(column.key)) {
      const name = labelOf(kind, column, language);
      problems.push({ field: `file.header.${column.key}`, issue: 'missing_column', message: '', params: { name } });
    }
  }
  if (problems.length > 0) {
    // A header row of thousands of stray cells is told about its first hundred problems.
    throw new AppError(400, 'validation_failed', { field: problems[0]?.field ?? 'file' }, problems.slice(0, 100));
  }
  return matched;
}

const yes = new Set(['1', 'true', 'yes', 'y', 'oui', 'o', 'sí', 'si', 's', 'نعم', 'x']);
const no = new Set(['0', 'false', 'no', 'n', 'non', 'لا']);

/** A problem with one cell, found while reading it (before the request schema sees the row). */
export class CellProblem extends Error {
  constructor(
    readonly issue: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(issue);
  }
}

export const splitList = (cell: string) =>
  cell
    .split(/[;\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** A cell as the value the create request takes; references are resolved later, by the caller. */
export function readCell(column: ColumnSpec, cell: string): unknown {
  switch (column.format) {
    case 'integer':
      if (!/^-?\d+$/.test(cell)) throw new CellProblem('not_a_number');
      return Number(cell);
    case 'decimal': {
      const value = cell.replace(',', '.');
      if (!/^-?\d+(\.\d+)?$/.test(value)) throw new CellProblem('not_a_number');
      return value;
    }
    case 'boolean': {
      const value = cell.toLocaleLowerCase('und');
      if (yes.has(value)) return true;
      if (no.has(value)) return false;
      throw new CellProblem('not_a_boolean');
    }
    case 'dateOrDateTime':
      // A spreadsheet shows a date and time with a space; the API takes a T.
      return cell.replace(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:00)?$/, '$1T$2');
    case 'choice':
      return cell.toLocaleLowerCase('und');
    case 'choices':
      return splitList(cell).map((item) => item.toLocaleLowerCase('und'));
    case 'list':
    case 'references':
      return splitList(cell);
    default:
      return cell;
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** A long text typed in a cell becomes paragraphs of escaped HTML: what a person typed is text, never markup. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
