import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { fileTypeFromBuffer } from 'file-type';
import { IMPORT_MAX_ROWS } from '../../../shared/contract/imports.js';
import { AppError } from '../../http/errors.js';
import { sniffDocumentType } from '../documents/file-types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// An XLSX is a zip: what it unpacks to is bounded, so that a small file cannot expand into gigabytes (a zip bomb).
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

export interface SheetRow {
  /** The row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  cells: string[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  checksum: string;
  header: string[];
  rows: SheetRow[];
}

export function fileProblem(issue: string, params: Record<string, string | number> = {}): AppError {
  return new AppError(400, 'validation_failed', { field: 'file' }, [{ field: 'file', issue, message: '', params }]);
}

export const checksumOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function tooManyRows(): AppError {
  return new AppError(413, 'import_too_many_rows', { limit: IMPORT_MAX_ROWS });
}

/** The field delimiter of a CSV: `,` or `;`, whichever the header line (outside quotes) uses more. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

// Formats made of text that file-type recognises: a file of them is not a spreadsheet, even if it reads as text.
const TEXT_FORMATS = new Set(['xml', 'rtf', 'pdf', 'ps', 'eps', 'ics', 'vcf', 'svg', 'html']);

/**
 * The text of a CSV: UTF-8, with or without a BOM. Binary content (a NUL byte, or a type file-type recognises
 * that is not text) is not a CSV (415); text in another encoding is a CSV saved wrongly (400 saying so). A text
 * whose first bytes happen to look like a signature ("BM…" is a bitmap's) is still text.
 */
async function csvText(bytes: Uint8Array): Promise<string> {
  const unsupported = () => new AppError(415, 'unsupported_media_type', { kind: 'import' });
  if (bytes.includes(0)) throw unsupported();
  const detected = await fileTypeFromBuffer(bytes);
  let text: string;
  try {
    // Excel writes a BOM before UTF-8, other tools do not: both are read the same.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    if (detected) throw unsupported();
    throw fileProblem('encoding');
  }
  if (detected && TEXT_FORMATS.has(detected.ext)) throw unsupported();
  return text;
}

function readCsv(text: string): { header: string[]; rows: SheetRow[] } {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    throw fileProblem('unreadable_file');
  }
  const [header = [], ...body] = records;
  const rows = body.map((cells, index) => ({ row: index + 2, cells }));
  return { header, rows };
}

/** A cell of ExcelJS as the text a person sees (dates as YYYY-MM-DD or YYYY-MM-DDTHH:mm, formulas by result). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16);
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<{ header: string[]; rows: SheetRow[] }> {
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        unpacked += entry.originalSize;
        return false;
      },
    });
  } catch {
    throw fileProblem('unreadable_file');
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw fileProblem('unreadable_file');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw fileProblem('unreadable_file');
  }
  // The data are on the first sheet; a template's second sheet only explains the columns.
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileProblem('no_rows');
  if (sheet.actualRowCount > IMPORT_MAX_ROWS + 1) throw tooManyRows();
  let header: string[] = [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // ExcelJS numbers columns from 1: index 0 is always empty.
    const cells = values.slice(1).map((value) => cellText(value ?? null));
    if (rowNumber === 1) header = cells;
    else rows.push({ row: rowNumber, cells });
  });
  return { header, rows };
}

/**
 * Reads an uploaded CSV or XLSX: the type from the content (never the name), the header row and the data rows,
 * each with the row number a spreadsheet shows. Anything else is a 415; too many rows a 413.
 */
export async function readSpreadsheet(bytes: Uint8Array): Promise<Sheet> {
  const checksum = checksumOf(bytes);
  let sheet: { header: string[]; rows: SheetRow[] };
  let format: Sheet['format'];
  if ((await sniffDocumentType(bytes)) === XLSX) {
    format = 'xlsx';
    sheet = await readXlsx(bytes);
  } else {
    format = 'csv';
    sheet = readCsv(await csvText(bytes));
  }
  const rows = sheet.rows
    .map(({ row, cells }) => ({ row, cells: cells.map((cell) => cell.trim()) }))
    .filter(({ cells }) => cells.some((cell) => cell !== ''));
  if (rows.length > IMPORT_MAX_ROWS) throw tooManyRows();
  const header = sheet.header.map((cell) => cell.trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  if (header.length === 0 || rows.length === 0) throw fileProblem('no_rows');
  return { format, checksum, header, rows };
}
