import { createRequire } from 'node:module';
import bidiFactory from 'bidi-js';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { childPageContent } from '../../../shared/contract/public-site.js';
import { pageDirectionOf } from '../../../shared/languages.js';
import { formatMessage, siteTexts } from './texts.js';

type Content = z.output<typeof childPageContent>;

export const posterSizes = ['A4', 'A3'] as const;
export type PosterSize = (typeof posterSizes)[number];

const require = createRequire(import.meta.url);
// DejaVu covers Latin, Cyrillic, Greek and Arabic (Dari and Pashto included); it is embedded, never fetched.
const fonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

const bidi = bidiFactory();

const BLUE = '#0b4f9c';
const RED = '#b42318';
const INK = '#1b1f24';

export interface PosterInput {
  language: string;
  content: Content;
  /** The absolute address of the page in this language: what the QR code holds. */
  url: string;
  size: PosterSize;
  /** The place the poster hangs in, for a facility's poster. */
  facilityName?: string | undefined;
}

interface Writer {
  doc: PDFKit.PDFDocument;
  rtl: boolean;
  left: number;
  width: number;
}

/**
 * A paragraph, wrapped to the width. Left to right, pdfkit wraps and draws. Right to left, lines are wrapped here
 * in logical order, then each line is cut into runs of one direction (bidi-js, Unicode's algorithm), the runs
 * put in visual order and drawn from the right; fontkit shapes each Arabic run (joined letter forms) and lays it
 * out right to left, while numbers and Latin words inside stay left to right.
 */
function paragraph(w: Writer, text: string, font: 'regular' | 'bold', size: number, color = INK, gap = 0.4) {
  const { doc } = w;
  doc.font(fonts[font]).fontSize(size).fillColor(color);
  if (!w.rtl) {
    doc.text(text, w.left, doc.y, { width: w.width });
    doc.moveDown(gap);
    return;
  }
  const lineHeight = doc.currentLineHeight(true);
  const space = doc.widthOfString(' ');
  for (const line of wrap(doc, text, w.width)) {
    // Right to left runs are drawn word by word, in visual order: fontkit shapes and lays out each word.
    const pieces = visualRuns(line).flatMap((run) => {
      const tokens = run.text.split(/(\s+)/).filter((token) => token !== '');
      return run.level % 2 === 1 ? tokens.reverse() : [tokens.join('')];
    });
    const widthOf = (piece: string) => (/^\s+$/.test(piece) ? space * piece.length : doc.widthOfString(piece));
    const total = pieces.reduce((sum, piece) => sum + widthOf(piece), 0);
    let x = w.left + w.width - total;
    const y = doc.y;
    for (const piece of pieces) {
      if (!/^\s+$/.test(piece)) doc.text(piece, x, y, { lineBreak: false });
      x += widthOf(piece);
    }
    doc.x = w.left;
    doc.y = y + lineHeight;
  }
  doc.moveDown(gap);
}

function wrap(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const source of text.split(/\r?\n/)) {
    let line = '';
    for (const word of source.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && doc.widthOfString(candidate) > width) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}

const ISOLATES = /[\u2066-\u2069]/;

/**
 * Numbers, addresses and emails read left to right even inside right-to-left text: without the isolate, the groups
 * of a phone number ("09 69 39…") would be laid out from the right, in reverse order.
 */
function leftToRight(w: Writer, text: string): string {
  return w.rtl ? `\u2066${text}\u2069` : text;
}

/** The line's runs of one embedding level, in the order they are seen from left to right. */
function visualRuns(line: string): { text: string; level: number }[] {
  const { levels } = bidi.getEmbeddingLevels(line, 'rtl');
  const runs: { text: string; level: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    // Isolate marks shape the order but have no glyph.
    if (ISOLATES.test(line[i] as string)) continue;
    const level = levels[i] ?? 1;
    // A bracket in right-to-left text is drawn as its mirror image: "(" opens on the right.
    const char = level % 2 === 1 ? (bidi.getMirroredCharacter(line[i] as string) ?? line[i]) : line[i];
    const last = runs.at(-1);
    if (last && last.level === level) last.text += char;
    else runs.push({ text: char as string, level });
  }
  const highest = Math.max(...runs.map((r) => r.level));
  // Unicode's rule L2: from the highest level down to the lowest odd one, reverse every sequence at or above it.
  for (let level = highest; level >= 1; level--) {
    for (let start = 0; start < runs.length; start++) {
      if ((runs[start]?.level ?? 0) < level) continue;
      let end = start;
      while (end + 1 < runs.length && (runs[end + 1]?.level ?? 0) >= level) end++;
      runs.splice(start, end - start + 1, ...runs.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return runs;
}

function qrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  // A quiet zone of four modules, as scanners expect.
  const cell = size / (count + 8);
  doc.rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell);
    }
  }
  doc.fill();
}

/** A printable poster in the page's language, with a QR code leading to the page. */
export async function renderPoster(input: PosterInput): Promise<Buffer> {
  const { content: c, language } = input;
  const { texts, language: textLanguage } = siteTexts(language);
  const doc = new PDFDocument({
    size: input.size,
    margin: 0,
    info: { Title: c.institutionName, Subject: input.url },
    lang: language,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const scale = input.size === 'A3' ? Math.SQRT2 : 1;
  const margin = 48 * scale;
  const pageWidth = doc.page.width;
  const w: Writer = { doc, rtl: pageDirectionOf(language) === 'rtl', left: margin, width: pageWidth - 2 * margin };
  // Shipped wording (headline, facility line) is in the page's language when shipped, else in English.
  const shipped: Writer = { ...w, rtl: pageDirectionOf(textLanguage) === 'rtl' };

  doc.rect(0, 0, pageWidth, 12 * scale).fill(BLUE);
  doc.y = margin;
  paragraph(shipped, texts.poster.headline, 'bold', 30 * scale, BLUE, 0.3);
  paragraph(w, c.institutionName, 'bold', 20 * scale, INK, 0.6);
  if (input.facilityName) {
    paragraph(
      shipped,
      formatMessage(textLanguage, texts.poster.facility, { facility: input.facilityName }),
      'regular',
      14 * scale,
    );
  }
  paragraph(w, c.labels.promise, 'bold', 16 * scale, '#2f7d4a', 0.2);
  paragraph(w, c.promise, 'regular', 13 * scale);
  paragraph(w, c.labels.whoCanAsk, 'bold', 16 * scale, BLUE, 0.2);
  paragraph(w, c.whoCanAsk, 'regular', 13 * scale);

  const reach = [
    c.phone ? `${c.labels.phone}: ${leftToRight(w, c.phone)}` : null,
    c.email ? `${c.labels.email}: ${leftToRight(w, c.email)}` : null,
    c.address ? `${c.labels.address}: ${c.address}` : null,
    c.hours ? `${c.labels.hours}: ${c.hours}` : null,
  ].filter((line): line is string => line !== null);
  if (reach.length > 0) {
    paragraph(w, c.labels.howToReach, 'bold', 16 * scale, BLUE, 0.2);
    for (const line of reach) paragraph(w, line, 'bold', 15 * scale, INK, 0.1);
    doc.moveDown(0.4);
  }
  if (c.emergencyNumbers.length > 0) {
    paragraph(w, c.labels.emergency, 'bold', 16 * scale, RED, 0.2);
    for (const n of c.emergencyNumbers)
      paragraph(w, `${n.label}: ${leftToRight(w, n.number)}`, 'bold', 15 * scale, RED, 0.1);
    doc.moveDown(0.4);
  }

  // The QR code sits at the foot of the page, the address printed beside it for those who type it.
  const qrSize = 150 * scale;
  const qrY = doc.page.height - margin - qrSize;
  const qrX = w.rtl ? margin : pageWidth - margin - qrSize;
  qrCode(doc, input.url, qrX, qrY, qrSize);
  const textX = w.rtl ? margin + qrSize + 16 * scale : margin;
  const side: Writer = { ...shipped, left: textX, width: pageWidth - 2 * margin - qrSize - 16 * scale };
  doc.y = qrY + 20 * scale;
  paragraph(side, texts.poster.scan, 'regular', 13 * scale);
  paragraph({ ...side, rtl: false }, input.url, 'bold', 13 * scale, BLUE);
  doc.end();
  return done;
}
