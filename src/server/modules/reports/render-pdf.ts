import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { visualRuns } from '../monitoring/report/bidi.js';
import type { Block, ReportModel } from './content.js';

const require = createRequire(import.meta.url);
// DejaVu Sans covers Latin accents and Arabic; embedded so the PDF reads the same everywhere.
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = path.join(fontDir, 'DejaVuSans.ttf');
const BOLD = path.join(fontDir, 'DejaVuSans-Bold.ttf');

type Doc = PDFKit.PDFDocument;

const MARGIN = 50;
const BAR_COLOUR = '#1c5d99';

/** Writes a line of text; mixed Arabic and Latin go run by run in visual order, right-aligned when Arabic leads. */
function write(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions & { x?: number; y?: number } = {}) {
  const { runs, rtlBase } = visualRuns(text);
  const { x, y, ...rest } = options;
  const align = rtlBase ? 'right' : (rest.align ?? 'left');
  runs.forEach((run, index) => {
    const continued = index < runs.length - 1;
    if (index === 0 && x !== undefined) doc.text(run.text, x, y, { ...rest, align, continued });
    else doc.text(run.text, { ...rest, align, continued });
  });
}

function table(doc: Doc, header: string[] | null, rows: string[][], widths: number[]) {
  const width = doc.page.width - 2 * MARGIN;
  const columns = widths.map((w) => (w / 100) * width);
  const pad = 4;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(9);
    const heights = cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: (columns[i] ?? 0) - 2 * pad }));
    const height = Math.max(...heights) + 2 * pad;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let left = MARGIN;
    cells.forEach((cell, i) => {
      const w = columns[i] ?? 0;
      if (bold) doc.rect(left, top, w, height).fillColor('#eef2f7').fill().fillColor('#000000');
      doc.rect(left, top, w, height).strokeColor('#999999').lineWidth(0.5).stroke();
      write(doc, cell || ' ', { x: left + pad, y: top + pad, width: w - 2 * pad });
      left += w;
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };
  if (header) drawRow(header, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.5);
}

/** A horizontal bar chart drawn as vectors: a label, a bar scaled to the largest value, the value. */
function bars(doc: Doc, title: string, items: { label: string; value: number }[]) {
  const width = doc.page.width - 2 * MARGIN;
  const labelWidth = width * 0.35;
  const valueWidth = 40;
  const barSpace = width - labelWidth - valueWidth - 8;
  const rowHeight = 16;
  const max = Math.max(1, ...items.map((i) => i.value));
  if (doc.y + 20 + rowHeight * Math.min(items.length, 3) > doc.page.height - MARGIN) doc.addPage();
  doc.font('bold').fontSize(10);
  write(doc, title, { width });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(8);
  for (const item of items) {
    if (doc.y + rowHeight > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    write(doc, item.label, { x: MARGIN, y: top + 3, width: labelWidth - 4, lineBreak: false, ellipsis: true });
    const length = (item.value / max) * barSpace;
    if (length > 0)
      doc
        .rect(MARGIN + labelWidth, top + 2, length, rowHeight - 5)
        .fillColor(BAR_COLOUR)
        .fill();
    doc.fillColor('#000000');
    doc.text(String(item.value), MARGIN + labelWidth + length + 4, top + 3, { width: valueWidth, lineBreak: false });
    doc.x = MARGIN;
    doc.y = top + rowHeight;
  }
  doc.moveDown(0.8);
}

function render(doc: Doc, block: Block) {
  const width = doc.page.width - 2 * MARGIN;
  switch (block.kind) {
    case 'heading':
      // A heading never ends a page: it starts the next one with what it introduces.
      if (doc.y > doc.page.height - MARGIN - (block.level === 1 ? 120 : 70)) doc.addPage();
      doc.moveDown(block.level === 1 ? 0.8 : 0.4);
      doc.font('bold').fontSize(block.level === 1 ? 14 : 11);
      write(doc, block.text, { width });
      doc.moveDown(0.3);
      break;
    case 'paragraph':
      doc.font(block.bold ? 'bold' : 'regular').fontSize(10);
      write(doc, block.text, { width });
      doc.moveDown(0.3);
      break;
    case 'fields':
      table(doc, null, block.rows, [30, 70]);
      break;
    case 'table':
      table(doc, block.header, block.rows, block.widths);
      break;
    case 'bars':
      bars(doc, block.title, block.bars);
      break;
  }
}

export function renderReportPdf(model: ReportModel, language: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      lang: language,
      info: { Title: model.title, Creator: 'Vigie' },
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', REGULAR);
    doc.registerFont('bold', BOLD);
    doc.font('bold').fontSize(18);
    write(doc, model.title, { width: doc.page.width - 2 * MARGIN });
    doc.font('regular').fontSize(11).fillColor('#555555');
    write(doc, model.subtitle);
    doc.fillColor('#000000');
    for (const block of model.blocks) render(doc, block);
    doc.end();
  });
}
