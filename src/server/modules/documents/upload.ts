import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';

/** The form fields of a multipart upload, as sent, and its one file part. */
export interface ReceivedUpload {
  fields: Record<string, string>;
  file: { filename: string; bytes: Buffer } | null;
}

// Generous for a title and a description; a form with more is not ours.
const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 16 * 1024;

/** "25 MiB", "512 KiB": the limit as a person reads it in a message, whatever their language's digits. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} B`;
}

function badBody(field: string, issue: string, params: Record<string, string | number> = {}): AppError {
  return new AppError(400, 'validation_failed', { field }, [{ field, issue, message: '', params }]);
}

export function fileTooLarge(maxBytes: number): AppError {
  return new AppError(413, 'payload_too_large', { kind: 'file', limit: describeBytes(maxBytes) });
}

/**
 * Reads a multipart/form-data request: its text fields and exactly one file part named `file`, held in memory
 * up to `maxBytes` (past it: 413 before anything is written). Malformed forms are 400s naming the problem.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', { kind: 'multipart' });
  // A body announced larger than any acceptable form is refused before a byte of it is read.
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MAX_FIELDS * MAX_FIELD_BYTES + 64 * 1024) {
    throw fileTooLarge(maxBytes);
  }
  const fields: Record<string, string> = {};
  let file: ReceivedUpload['file'] = null;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + 1 },
    });
    for await (const part of parts) {
      const field = `body.${part.fieldname}`;
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw badBody(field, 'unrecognized_key');
        }
        const bytes = await part.toBuffer();
        file = { filename: part.filename, bytes };
        continue;
      }
      if (part.valueTruncated) throw badBody(field, 'too_big', { limit: MAX_FIELD_BYTES });
      if (Object.hasOwn(fields, part.fieldname)) throw badBody(field, 'duplicate_value');
      fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(maxBytes);
    if (code === 'FST_FILES_LIMIT') throw badBody('body.file', 'too_big', { limit: 1 });
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw badBody('body', 'too_big', { limit: MAX_FIELDS });
    if (code === 'FST_PROTO_VIOLATION') throw badBody('body', 'unrecognized_key');
    // Whatever else busboy met (no boundary, a cut-off part, a broken header) is a malformed form.
    throw badBody('body', 'invalid_format');
  }
  return { fields, file };
}
