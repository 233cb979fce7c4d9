import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { type DocumentMime, documentTypes } from '../../../shared/contract/documents.js';

/** RFC 5987 / 6266: an ASCII fallback for old clients, and the real name percent-encoded in UTF-8. */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

interface Content {
  visibility: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Uint8Array;
}

/**
 * Sends a stored file: as an attachment (only photos may be shown in a page, and only when asked), with its
 * sniffed type, never sniffed again by the browser, sandboxed should it be opened anyway.
 */
export function sendContent(reply: FastifyReply, content: Content, inline: boolean): void {
  const mime = content.mime as DocumentMime;
  const showInline = inline && documentTypes[mime]?.family === 'image';
  // The checksum names the bytes, the visibility who may see them: a cached copy is reused only as it was.
  const etag = `"${createHash('sha256').update(`${content.sha256}:${content.visibility}`).digest('hex').slice(0, 32)}"`;
  reply
    .status(200)
    .header('content-type', mime)
    .header('content-length', String(content.content.length))
    .header('content-disposition', contentDisposition(showInline ? 'inline' : 'attachment', content.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', content.visibility === 'public' ? 'public, no-cache' : 'private, no-store')
    .header('etag', etag);
  reply.send(Buffer.from(content.content.buffer, content.content.byteOffset, content.content.byteLength));
}
