import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { IMPORT_MAX_ROWS, type ImportKind } from '../../../shared/contract/imports.js';
import type { InterfaceLanguage } from '../../../shared/languages.js';
import { catalogOf, labelOf, message } from './columns.js';
import { layouts } from './layouts.js';

/** French and Spanish spreadsheets take `;` between fields (the comma is their decimal mark); others `,`. */
const delimiterOf = (language: InterfaceLanguage) => (language === 'fr' || language === 'es' ? ';' : ',');

/** The template as CSV: the headers in the caller's language and one example row, UTF-8 with a BOM for Excel. */
export function csvTemplate(kind: ImportKind, language: InterfaceLanguage): Buffer {
  const { columns } = layouts[kind];
  const text = stringify([columns.map((c) => labelOf(kind, c, language)), columns.map((c) => c.example)], {
    delimiter: delimiterOf(language),
    record_delimiter: '\r\n',
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** The template as XLSX: the data sheet (headers and an example row) and a second sheet explaining each column. */
export async function xlsxTemplate(kind: ImportKind, language: InterfaceLanguage): Promise<Buffer> {
  const { columns } = layouts[kind];
  const text = catalogOf(language).template;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vigie';
  const data = workbook.addWorksheet(text.dataSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(columns.map((c) => labelOf(kind, c, language)));
  data.addRow(columns.map((c) => c.example));
  data.getRow(1).font = { bold: true };
  columns.forEach((c, index) => {
    const sheetColumn = data.getColumn(index + 1);
    sheetColumn.width = Math.min(40, Math.max(12, labelOf(kind, c, language).length + 2));
    // Cells stay text: a spreadsheet would otherwise turn 2018-03-01 into a date serial or "01" into 1.
    sheetColumn.numFmt = '@';
  });
  const help = workbook.addWorksheet(text.helpSheet);
  help.addRow([text.column, text.key, text.required, text.format, text.values, text.kinds, text.example]);
  help.getRow(1).font = { bold: true };
  for (const c of columns) {
    help.addRow([
      labelOf(kind, c, language),
      c.key,
      c.required ? text.yes : text.no,
      message(language, text.formats, { format: c.format }),
      (c.values ?? []).join('; '),
      (c.kinds ?? []).join('; '),
      c.example,
    ]);
  }
  help.columns.forEach((column, index) => {
    column.width = index === 4 ? 60 : 28;
  });
  help.addRow([]);
  help.addRow([message(language, text.notes, { maxRows: IMPORT_MAX_ROWS })]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
