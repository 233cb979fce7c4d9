/**
 * Removes what a photo says beyond its pixels — camera, date, GPS position, comments — before it is stored:
 * a photo of a detention centre must not tell where it was taken or by whom. Only the container is rewritten;
 * the compressed image data is copied untouched. Malformed input throws (the upload is refused).
 */

export class MalformedImageError extends Error {}

function fail(what: string): never {
  throw new MalformedImageError(what);
}

const startsWith = (bytes: Uint8Array, at: number, text: string) =>
  [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * JPEG: keeps APP0 (JFIF), APP2 only when it is an ICC colour profile (an MPF APP2 embeds further images, with
 * their own Exif), APP14 (Adobe colour transform) and every non-APP segment; drops the other APPn (APP1 Exif and
 * XMP, APP13 IPTC…) and comments, and anything after the end-of-image marker.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) fail('not a JPEG');
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  let inScan = false;
  while (i < bytes.length) {
    if (inScan) {
      // Entropy-coded data runs until a marker: 0xFF followed by neither a stuffed 0x00 nor a restart marker.
      const start = i;
      while (i < bytes.length) {
        if (bytes[i] === 0xff) {
          const next = bytes[i + 1] ?? 0;
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break;
          i += 2;
        } else {
          i += 1;
        }
      }
      parts.push(bytes.subarray(start, Math.min(i, bytes.length)));
      inScan = false;
      continue;
    }
    if (bytes[i] !== 0xff) fail('JPEG segment expected');
    const marker = bytes[i + 1];
    if (marker === undefined) fail('truncated JPEG');
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      parts.push(bytes.subarray(i, i + 2));
      return concat(parts);
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      parts.push(bytes.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (i + 4 > bytes.length) fail('truncated JPEG segment');
    const length = ((bytes[i + 2] as number) << 8) | (bytes[i + 3] as number);
    const end = i + 2 + length;
    if (length < 2 || end > bytes.length) fail('JPEG segment past the end');
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep =
      !isApp && marker !== 0xfe
        ? true
        : marker === 0xe0 || marker === 0xee || (marker === 0xe2 && startsWith(bytes, i + 4, 'ICC_PROFILE\0'));
    if (keep) parts.push(bytes.subarray(i, end));
    i = end;
    if (marker === 0xda) inScan = true;
  }
  // No end-of-image marker: keep what there is (a truncated photo still shows), metadata already gone.
  return concat(parts);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/** PNG: drops the text, Exif and time chunks (and anything after IEND); the others are copied with their CRC. */
export function stripPngMetadata(bytes: Uint8Array): Uint8Array {
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) fail('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= bytes.length) {
    const length = view.getUint32(i);
    const end = i + 12 + length;
    if (end > bytes.length) fail('PNG chunk past the end');
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
    if (!PNG_DROPPED.has(type)) parts.push(bytes.subarray(i, end));
    i = end;
    if (type === 'IEND') return concat(parts);
  }
  fail('PNG without IEND');
}

/** WebP: drops the EXIF and XMP chunks, clears their flags in VP8X and writes the RIFF size anew. */
export function stripWebpMetadata(bytes: Uint8Array): Uint8Array {
  if (!startsWith(bytes, 0, 'RIFF') || !startsWith(bytes, 8, 'WEBP')) fail('not a WebP');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffEnd = Math.min(bytes.length, 8 + view.getUint32(4, true));
  const chunks: Uint8Array[] = [];
  let i = 12;
  while (i + 8 <= riffEnd) {
    const fourcc = String.fromCharCode(...bytes.subarray(i, i + 4));
    const size = view.getUint32(i + 4, true);
    const end = i + 8 + size + (size % 2);
    if (i + 8 + size > riffEnd) fail('WebP chunk past the end');
    if (fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      const chunk = bytes.slice(i, Math.min(end, riffEnd));
      // VP8X flags: bit 3 says EXIF follows, bit 2 XMP; both are gone now.
      if (fourcc === 'VP8X' && chunk.length > 8) chunk[8] = (chunk[8] as number) & ~0x0c;
      chunks.push(chunk);
    }
    i = end;
  }
  const body = concat(chunks);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, 4 + body.length, true);
  return concat([header, body]);
}

/** The image without its metadata, for the types that carry any; other types come back as they are. */
export function stripImageMetadata(mime: string, bytes: Uint8Array): Uint8Array {
  switch (mime) {
    case 'image/jpeg':
      return stripJpegMetadata(bytes);
    case 'image/png':
      return stripPngMetadata(bytes);
    case 'image/webp':
      return stripWebpMetadata(bytes);
    default:
      return bytes;
  }
}
