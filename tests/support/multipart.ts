import { randomBytes } from 'node:crypto';

export interface FilePart {
  filename: string;
  content: Buffer;
  contentType?: string;
}

/** A multipart/form-data body, ready to send: the request helpers send it with its own Content-Type. */
export class MultipartForm {
  constructor(
    readonly payload: Buffer,
    readonly contentType: string,
  ) {}
}

/** A multipart/form-data body as a browser sends it: the fields, then the file parts (named `file` unless said). */
export function multipartBody(
  fields: Record<string, string>,
  files: (FilePart & { field?: string })[] = [],
): MultipartForm {
  const boundary = `----vigie${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return new MultipartForm(Buffer.concat(chunks), `multipart/form-data; boundary=${boundary}`);
}
