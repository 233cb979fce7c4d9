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

export function xlsxWriter(options: WriterOptions): ExportWriter {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vigie';
  const sheet = workbook.addWorksheet(sheetNameOf(options.sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const widths = options.headers.map((header) => header.length);
  const header = sheet.addRow(options.headers);
  header.font = { bold: true };

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
      for (const cells of rows) {
        const row = sheet.addRow(cells.map(excelValue));
        cells.forEach((cell, index) => {
          if (cell === null) return;
          const length = cell.type === 'date' ? 10 : cell.type === 'datetime' ? 19 : String(cell.value).length;
          widths[index] = Math.max(widths[index] ?? 0, length);
          if (cell.type === 'date' || cell.type === 'datetime') {
            row.getCell(index + 1).numFmt = cell.type === 'date' ? dayFormat : instantFormat;
          }
        });
      }
    },
    async finish() {
      sheet.columns.forEach((column, index) => {
        column.width = Math.min(60, Math.max(8, (widths[index] ?? 8) + 2));
      });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  };
}
