import { crc32 } from 'node:zlib';
import { zipSync } from 'fflate';

/**
 * Small real files for upload tests: images drawn by Chromium (4×4 pixels; the JPEG and WebP carry an ICC
 * profile, as browsers write them), and builders that add the metadata a camera or a phone would.
 */
export const sampleJpeg = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAEAAQDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAXEAEBAQEAAAAAAAAAAAAAAAACAQAR/8QAFQEBAQAAAAAAAAAAAAAAAAAABAf/xAAaEQEBAQADAQAAAAAAAAAAAAABAgMAESEx/9oADAMBAAIRAxEAPwCXtVqpXtuZmNVNLVPa8tuecZQZ5nUngHgB8A5//9k=',
  'base64',
);
export const samplePng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAALElEQVR4AWTKsQ0AQAhCUcJKt9O5kzOxk4bCRkleQz7xVSa8MmKNyoDNf4oGAAD///zvqSYAAAAGSURBVAMAXc4MAc+GeMEAAAAASUVORK5CYII=',
  'base64',
);
export const sampleWebp = Buffer.from(
  'UklGRjICAABXRUJQVlA4WAoAAAAgAAAAAwAAAwAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggRAAAAPABAJ0BKgQABAABQCYlsAJ0MEA8m4JUAAD+9hTZ1JPXCgsnomw81GJ3/76vPO+V+f/vzoydj8H///Ehf/8SF/4QIAAA',
  'base64',
);

const ascii = (text: string) => Buffer.from(text, 'latin1');
const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u32 = (n: number) => Buffer.from([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);

/** A big-endian Exif block whose GPS IFD places the photo at 48°51'N 2°21'E, with a camera model. */
export function exifWithGps(): Buffer {
  // TIFF header (8) · IFD0 with 2 entries (2 + 24 + 4 = 30) · GPS IFD with 4 entries (2 + 48 + 4 = 54) · data.
  const ifd0 = 8;
  const gpsIfd = ifd0 + 30;
  const data = gpsIfd + 54;
  const entry = (tag: number, type: number, count: number, value: Buffer) =>
    Buffer.concat([u16(tag), u16(type), u32(count), Buffer.concat([value, Buffer.alloc(4)]).subarray(0, 4)]);
  const rational = (n: number, d: number) => Buffer.concat([u32(n), u32(d)]);
  const latitude = Buffer.concat([rational(48, 1), rational(51, 1), rational(2400, 100)]);
  const longitude = Buffer.concat([rational(2, 1), rational(21, 1), rational(300, 100)]);
  const model = ascii('VigiePhone GPS\0');
  const tiff = Buffer.concat([
    ascii('MM'),
    u16(42),
    u32(ifd0),
    u16(2),
    entry(0x0110, 2, model.length, u32(data + 48)), // Model
    entry(0x8825, 4, 1, u32(gpsIfd)), // GPSInfo
    u32(0),
    u16(4),
    entry(0x0001, 2, 2, ascii('N\0')), // GPSLatitudeRef
    entry(0x0002, 5, 3, u32(data)), // GPSLatitude
    entry(0x0003, 2, 2, ascii('E\0')), // GPSLongitudeRef
    entry(0x0004, 5, 3, u32(data + 24)), // GPSLongitude
    u32(0),
    latitude,
    longitude,
    model,
  ]);
  return Buffer.concat([ascii('Exif\0\0'), tiff]);
}

function jpegSegment(marker: number, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0xff, marker]), u16(payload.length + 2), payload]);
}

/** The sample JPEG as a phone would write it: Exif with GPS, XMP, IPTC and a comment, plus bytes after the end. */
export function jpegWithMetadata(): Buffer {
  return Buffer.concat([
    sampleJpeg.subarray(0, 2),
    jpegSegment(0xe1, exifWithGps()),
    jpegSegment(0xe1, ascii('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPSLatitude 48,51.4N</x:xmpmeta>')),
    jpegSegment(0xed, ascii('Photoshop 3.0\0IPTC city: Paris')),
    sampleJpeg.subarray(2, sampleJpeg.length - 2),
    jpegSegment(0xfe, ascii('taken at the detention centre')),
    sampleJpeg.subarray(sampleJpeg.length - 2),
    ascii('trailing secret'),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([ascii(type), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

/** The sample PNG with text, Exif and time chunks before its image data. */
export function pngWithMetadata(): Buffer {
  const ihdrEnd = 8 + 12 + 13;
  return Buffer.concat([
    samplePng.subarray(0, ihdrEnd),
    pngChunk('tEXt', ascii('Comment\0taken at the detention centre')),
    pngChunk('eXIf', exifWithGps().subarray(6)),
    pngChunk('tIME', Buffer.from([0x07, 0xea, 11, 28, 12, 0, 0])),
    samplePng.subarray(ihdrEnd),
  ]);
}

function riffChunk(fourcc: string, data: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(data.length);
  return Buffer.concat([ascii(fourcc), size, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** The sample WebP (VP8X) with EXIF and XMP chunks, their flags set and the RIFF size to match. */
export function webpWithMetadata(): Buffer {
  const chunks = Buffer.concat([
    sampleWebp.subarray(12),
    riffChunk('EXIF', exifWithGps().subarray(6)),
    riffChunk('XMP ', ascii('<x:xmpmeta>GPSLatitude 48,51.4N</x:xmpmeta>')),
  ]);
  // VP8X is the first chunk: its flags byte is the first of its payload.
  chunks[8] = (chunks[8] as number) | 0x0c;
  const header = Buffer.from(sampleWebp.subarray(0, 12));
  header.writeUInt32LE(4 + chunks.length, 4);
  return Buffer.concat([header, chunks]);
}

/** A Linux executable's first bytes: what a program renamed report.pdf starts with. */
export const elfExecutable = Buffer.concat([
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
  Buffer.alloc(56),
  ascii('not a document'),
]);

/** A Windows executable's first bytes. */
export const windowsExecutable = Buffer.concat([ascii('MZ'), Buffer.alloc(58), u32(0x40000000), ascii('PE\0\0')]);

/** A plain zip archive (not an office document). */
export const plainZip = Buffer.from(zipSync({ 'notes.txt': new TextEncoder().encode('hello') }));
