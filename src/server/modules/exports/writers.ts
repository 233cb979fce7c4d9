import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Cell } from './columns.js';

/** An export being written, one page of rows at a time. */
export interface ExportWriter {
  addRows(rows: Cell[][]): void;
  finish(): Promise<Buffer>;
}

export interface WriterOptions {
  headers: string[];
  sheetName: string;
  yes: string;
  no: string;
}

/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) or that hides one behind a tab or carriage
 * return. OWASP's advice for CSV: prefix it with an apostrophe, which spreadsheets show as text and do not run.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function neutralised(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

// Excel opens a CSV as UTF-8 only with the byte-order mark.
const BOM = '\uFEFF';

export function csvWriter(options: WriterOptions): ExportWriter {
  const chunks: string[] = [BOM, stringify([options.headers.map(neutralised)], { record_delimiter: '\r\n' })];
  const textOf = (cell: Cell): string => {
    if (cell === null) return '';
    switch (cell.type) {
      case 'text':
        return neutralised(cell.value);
      case 'number':
        return String(cell.value);
      case 'boolean':
        return cell.value ? options.yes : options.no;
      default:
        return cell.value;
    }
  };
  return {
    addRows(rows) {
      if (rows.length > 0)
        chunks.push(
          stringify(
            rows.map((row) => row.map(textOf)),
            { record_delimiter: '\r\n' },
          ),
        );
    },
    finish: async () => Buffer.from(chunks.join(''), 'utf8'),
  };
}

/** Excel's limits on a sheet's name: 31 characters, none of `[]:*?/\`. */
function sheetNameOf(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Vigie';
}

const dayFormat = 'yyyy-mm-dd';
const instantFormat = 'yyyy-mm-dd hh:mm:ss';

const lengthOf = (cell: Cell): number =>
  cell === null ? 0 : cell.type === 'date' ? 10 : cell.type === 'datetime' ? 19 : String(cell.value).length;

/**
 * XLSX through exceljs's streaming writer: each row is written out as it comes, so a large export does not keep a
 * model of every cell. Column widths are taken from the header and the first page of rows, since a streamed sheet
 * declares its columns before its first row.
 */
export function xlsxWriter(options: WriterOptions): ExportWriter {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(output, 'end');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Vigie';
  const sheet = workbook.addWorksheet(sheetNameOf(options.sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  let started = false;

  const startSheet = (firstRows: Cell[][]) => {
    const widths = options.headers.map((header) => header.length);
    for (const cells of firstRows) {
      cells.forEach((cell, index) => {
        widths[index] = Math.max(widths[index] ?? 0, lengthOf(cell));
      });
    }
    sheet.columns = widths.map((width) => ({ width: Math.min(60, Math.max(8, width + 2)) }));
    const header = sheet.addRow(options.headers);
    header.font = { bold: true };
    header.commit();
    started = true;
  };

  const excelValue = (cell: Cell): ExcelJS.CellValue => {
    if (cell === null) return null;
    switch (cell.type) {
      case 'date':
      case 'datetime':
        // A day is midnight UTC; exceljs writes dates as serial numbers counted in UTC.
        return new Date(cell.type === 'date' ? `${cell.value}T00:00:00Z` : cell.value);
      case 'boolean':
        return cell.value ? options.yes : options.no;
      default:
        // Text stays a string cell whatever it starts with: exceljs writes a formula only when given one.
        return cell.value;
    }
  };
  return {
    addRows(rows) {
      if (!started) startSheet(rows);
      for (const cells of rows) {
        const row = sheet.addRow(cells.map(excelValue));
        cells.forEach((cell, index) => {
          if (cell?.type === 'date' || cell?.type === 'datetime') {
            row.getCell(index + 1).numFmt = cell.type === 'date' ? dayFormat : instantFormat;
          }
        });
        row.commit();
      }
    },
    async finish() {
      if (!started) startSheet([]);
      sheet.commit();
      await workbook.commit();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}
