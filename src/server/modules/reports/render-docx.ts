import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { hasRtl } from '../monitoring/report/bidi.js';
import type { Block, ReportModel } from './content.js';

/** A real paragraph; Arabic text is marked right-to-left so that the word processor lays it out itself. */
function paragraph(
  text: string,
  options: { bold?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel] } = {},
) {
  const rtl = hasRtl(text);
  return new Paragraph({
    ...(options.heading ? { heading: options.heading } : {}),
    bidirectional: rtl,
    ...(rtl ? { alignment: AlignmentType.RIGHT } : {}),
    children: [new TextRun({ text, bold: options.bold ?? false, rightToLeft: rtl })],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = { top: border, bottom: border, left: border, right: border };

function table(header: string[] | null, rows: string[][], widths: number[]) {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (cell, i) =>
          new TableCell({
            borders,
            width: { size: widths[i] ?? 10, type: WidthType.PERCENTAGE },
            ...(bold ? { shading: { type: ShadingType.CLEAR, fill: 'EEF2F7', color: 'auto' } } : {}),
            children: [paragraph(cell, { bold })],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [...(header ? [row(header, true)] : []), ...rows.map((r) => row(r, false))],
  });
}

function render(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [paragraph(block.text, { heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 })];
    case 'paragraph':
      return [paragraph(block.text, { bold: block.bold ?? false })];
    case 'fields':
      return [table(null, block.rows, [30, 70]), new Paragraph('')];
    case 'table':
      return [table(block.header, block.rows, block.widths), new Paragraph('')];
    // The chart's figures as a table: editable, and read the same by a screen reader.
    case 'bars':
      return [
        paragraph(block.title, { bold: true }),
        table(
          null,
          block.bars.map((b) => [b.label, String(b.value)]),
          [75, 25],
        ),
        new Paragraph(''),
      ];
  }
}

/** An editable Word document: headings, paragraphs and tables, no images of text. */
export function renderReportDocx(model: ReportModel, language: string): Promise<Buffer> {
  const document = new Document({
    title: model.title,
    creator: 'Vigie',
    styles: { default: { document: { run: { font: 'DejaVu Sans', size: 20, language: { value: language } } } } },
    sections: [
      {
        children: [
          paragraph(model.title, { heading: HeadingLevel.TITLE }),
          paragraph(model.subtitle),
          ...model.blocks.flatMap(render),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
