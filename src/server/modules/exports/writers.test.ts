import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Cell } from './columns.js';
import { csvWriter, neutralised, xlsxWriter } from './writers.js';

const options = { headers: ['Texte', 'Nombre', 'Jour', 'Oui ?'], sheetName: 'Lieux: [test]', yes: 'Oui', no: 'Non' };
// Every way a cell can start a formula, and text that only looks close to one.
const texts = ['=1+1', '+33 1 23', '-2', '@SUM(A1)', '\tcmd', '\rcmd', 'a=b', ' =1', 'Ĉentre'];
const rows: Cell[][] = texts.map((value, i) => [
  { type: 'text', value },
  { type: 'number', value: i - 4 },
  { type: 'date', value: '2017-03-13' },
  { type: 'boolean', value: i % 2 === 0 },
]);

describe('export writers', () => {
  it('prefixes with an apostrophe exactly the text a spreadsheet would run', () => {
    expect(texts.map(neutralised)).toEqual([
      "'=1+1",
      "'+33 1 23",
      "'-2",
      "'@SUM(A1)",
      "'\tcmd",
      "'\rcmd",
      'a=b',
      ' =1',
      'Ĉentre',
    ]);
  });

  it('writes CSV in UTF-8 with a byte-order mark, numbers left alone', async () => {
    const writer = csvWriter(options);
    writer.addRows(rows);
    const file = await writer.finish();
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = parse(file.toString('utf8').slice(1)) as string[][];
    expect(parsed[0]).toEqual(options.headers);
    expect(parsed.slice(1).map((row) => row[0])).toEqual(texts.map(neutralised));
    expect(parsed.slice(1).map((row) => row[1])).toEqual(texts.map((_, i) => String(i - 4)));
    expect(parsed[1]?.slice(2)).toEqual(['2017-03-13', 'Oui']);
  });

  it('writes XLSX text as string cells, never formulas, with a sheet name Excel accepts', async () => {
    const writer = xlsxWriter(options);
    writer.addRows(rows);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writer.finish()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('Lieux   test ');
    texts.forEach((text, i) => {
      const cell = sheet.getRow(i + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML reads a carriage return back as a line feed; the cell stays text either way.
      expect(cell.value).toBe(text.replace('\r', '\n'));
      expect(sheet.getRow(i + 2).getCell(2).value).toBe(i - 4);
    });
    const day = sheet.getRow(2).getCell(3);
    expect(day.type).toBe(ExcelJS.ValueType.Date);
    expect((day.value as Date).toISOString()).toBe('2017-03-13T00:00:00.000Z');
    expect(day.numFmt).toBe('yyyy-mm-dd');
  });
});
