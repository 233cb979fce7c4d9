import { unzipSync } from 'fflate';
import { getDocumentProxy } from 'unpdf';
import type { DocumentMime } from '../../../shared/contract/documents.js';

/** Enough for search over a long report; the file itself keeps everything. */
export const MAX_TEXT_LENGTH = 200_000;
// A text part larger than this, once unzipped, is not read (a zip bomb would otherwise fill memory).
const MAX_XML_BYTES = 32 * 1024 * 1024;

const xmlParts: Partial<Record<DocumentMime, string>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word/document.xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xl/sharedStrings.xml',
  'application/vnd.oasis.opendocument.text': 'content.xml',
  'application/vnd.oasis.opendocument.spreadsheet': 'content.xml',
};

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(entity: string): string {
  if (entity.startsWith('#x') || entity.startsWith('#X')) return codePoint(Number.parseInt(entity.slice(2), 16));
  if (entity.startsWith('#')) return codePoint(Number.parseInt(entity.slice(1), 10));
  return namedEntities[entity] ?? `&${entity};`;
}

function codePoint(value: number): string {
  return Number.isInteger(value) && value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff)
    ? String.fromCodePoint(value)
    : '';
}

/** The text of an office XML part: paragraphs, cells and line breaks become spaces, tags go, entities decode. */
export function xmlToText(xml: string): string {
  return xml
    .replace(/<\/(w:p|text:p|text:h|si|table:table-cell)>|<(w:br|w:tab|text:line-break|text:tab|text:s)\b[^>]*>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (_m, entity: string) => decodeEntity(entity));
}

/** Text that both engines store alike: no NUL or lone surrogate, spaces collapsed, capped. */
function tidy(text: string): string | null {
  const clean = text
    .replace(/\p{Cs}|\p{Cc}/gu, (c) => (/\s/.test(c) ? c : ''))
    .replace(/\s+/g, ' ')
    .trim();
  if (clean === '') return null;
  // Cutting may split a surrogate pair: drop a half left at the end.
  return clean.slice(0, MAX_TEXT_LENGTH).replace(/\p{Cs}$/u, '');
}

// Reading stops here even if the text is not long enough yet: an upload must not wait on a huge PDF.
const PDF_TIME_BUDGET_MS = 5_000;

async function pdfText(bytes: Uint8Array): Promise<string> {
  // unpdf may take over the buffer it is given: hand it a copy, the stored bytes stay intact.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    // Page by page, only as far as search keeps: a 1,500-page report is not read to its end.
    const started = Date.now();
    const parts: string[] = [];
    let length = 0;
    for (let number = 1; number <= pdf.numPages && length < MAX_TEXT_LENGTH; number += 1) {
      if (Date.now() - started > PDF_TIME_BUDGET_MS) break;
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      parts.push(text);
      length += text.length + 1;
      page.cleanup();
    }
    return parts.join('\n');
  } finally {
    await pdf.destroy();
  }
}

function officeText(bytes: Uint8Array, part: string): string {
  const entries = unzipSync(bytes, { filter: (file) => file.name === part && file.originalSize <= MAX_XML_BYTES });
  const entry = entries[part];
  return entry ? xmlToText(new TextDecoder().decode(entry)) : '';
}

/**
 * The text of a document, for search; null for images, for files without text and when extraction fails
 * (an upload never fails because of it: the caller logs the reason).
 */
export async function extractDocumentText(mime: DocumentMime, bytes: Uint8Array): Promise<string | null> {
  if (mime === 'application/pdf') return tidy(await pdfText(bytes));
  const part = xmlParts[mime];
  return part ? tidy(officeText(bytes, part)) : null;
}
