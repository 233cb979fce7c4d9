import { unzipSync } from 'fflate';
import { fileTypeFromBuffer } from 'file-type';
import { type DocumentMime, documentTypes } from '../../../shared/contract/documents.js';

/** What an office document's zip must hold to be what file-type says it is (and not, say, a macro-enabled one). */
const zipSignatures: Partial<Record<DocumentMime, { entry: string; contains: string }>> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    entry: '[Content_Types].xml',
    contains: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    entry: '[Content_Types].xml',
    contains: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  },
  'application/vnd.oasis.opendocument.text': { entry: 'mimetype', contains: 'application/vnd.oasis.opendocument.text' },
  'application/vnd.oasis.opendocument.spreadsheet': {
    entry: 'mimetype',
    contains: 'application/vnd.oasis.opendocument.spreadsheet',
  },
};

// The entries read to confirm a type are small; a larger one is not what it claims (or a zip bomb).
const MAX_SIGNATURE_ENTRY = 64 * 1024;

function isAccepted(mime: string): mime is DocumentMime {
  return Object.hasOwn(documentTypes, mime);
}

function zipHolds(bytes: Uint8Array, signature: { entry: string; contains: string }): boolean {
  try {
    const entries = unzipSync(bytes, {
      filter: (file) => file.name === signature.entry && file.originalSize <= MAX_SIGNATURE_ENTRY,
    });
    const entry = entries[signature.entry];
    if (!entry) return false;
    const text = new TextDecoder().decode(entry);
    // The ODF mimetype entry is exactly the type; OOXML's content types list it among others.
    return signature.entry === 'mimetype' ? text.trim() === signature.contains : text.includes(signature.contains);
  } catch {
    return false;
  }
}

/**
 * The accepted type of a file, from its content alone (never its name or the client's claim), or null when the
 * content is anything else: an executable renamed .pdf, HTML, SVG, a plain zip, a macro-enabled office file…
 */
export async function sniffDocumentType(bytes: Uint8Array): Promise<DocumentMime | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !isAccepted(detected.mime)) return null;
  const signature = zipSignatures[detected.mime];
  if (signature && !zipHolds(bytes, signature)) return null;
  return detected.mime;
}
