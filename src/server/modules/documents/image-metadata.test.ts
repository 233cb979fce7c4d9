import { describe, expect, it } from 'vitest';
import {
  jpegWithMetadata,
  pngWithMetadata,
  sampleJpeg,
  samplePng,
  sampleWebp,
  webpWithMetadata,
} from '../../../../tests/support/sample-files.js';
import { MalformedImageError, stripJpegMetadata, stripPngMetadata, stripWebpMetadata } from './image-metadata.js';

const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'latin1'));

/** The JPEG's markers in order, with each non-APP segment's bytes: what a decoder reads. */
function jpegStructure(bytes: Uint8Array): { markers: string[]; segments: Map<string, string> } {
  const markers: string[] = [];
  const segments = new Map<string, string>();
  let i = 2;
  markers.push('d8');
  while (i < bytes.length) {
    const marker = bytes[i + 1] as number;
    markers.push(marker.toString(16));
    if (marker === 0xd9) break;
    const length = ((bytes[i + 2] as number) << 8) | (bytes[i + 3] as number);
    segments.set(marker.toString(16), Buffer.from(bytes.subarray(i, i + 2 + length)).toString('hex'));
    i += 2 + length;
    if (marker === 0xda) {
      // Skip the scan's entropy-coded data to the next marker.
      while (i < bytes.length && !(bytes[i] === 0xff && bytes[i + 1] !== 0 && bytes[i + 1] !== undefined)) i += 1;
    }
  }
  return { markers, segments };
}

describe('photo metadata stripping', () => {
  it('takes Exif (with GPS), XMP, IPTC and comments out of a JPEG and keeps what a decoder needs', () => {
    const dirty = jpegWithMetadata();
    expect(has(dirty, 'Exif')).toBe(true);
    expect(has(dirty, 'VigiePhone GPS')).toBe(true);
    const clean = stripJpegMetadata(dirty);
    for (const secret of [
      'Exif',
      'VigiePhone',
      'GPSLatitude',
      'Photoshop',
      'detention',
      'trailing secret',
      'xap/1.0',
    ]) {
      expect(has(clean, secret), secret).toBe(false);
    }
    // Same structure as the original photo: SOI, JFIF, ICC profile, tables, frame, scan, EOI; same image data.
    expect(jpegStructure(clean)).toEqual(jpegStructure(sampleJpeg));
    expect(Buffer.from(clean).equals(sampleJpeg)).toBe(true);
    expect(has(clean, 'ICC_PROFILE')).toBe(true);
  });

  it('leaves a JPEG without metadata as it is, and refuses a broken one', () => {
    expect(Buffer.from(stripJpegMetadata(sampleJpeg)).equals(sampleJpeg)).toBe(true);
    expect(() => stripJpegMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x7f, 0xff, 1, 2]))).toThrow(
      MalformedImageError,
    );
    expect(() => stripJpegMetadata(Buffer.from('not a jpeg'))).toThrow(MalformedImageError);
  });

  it('drops the text, Exif and time chunks of a PNG', () => {
    const dirty = pngWithMetadata();
    expect(has(dirty, 'tEXt')).toBe(true);
    const clean = stripPngMetadata(dirty);
    for (const chunk of ['tEXt', 'eXIf', 'tIME', 'detention', 'VigiePhone'])
      expect(has(clean, chunk), chunk).toBe(false);
    expect(Buffer.from(clean).equals(samplePng)).toBe(true);
  });

  it('drops the EXIF and XMP chunks of a WebP, clears their flags and fixes the RIFF size', () => {
    const dirty = webpWithMetadata();
    expect(has(dirty, 'EXIF')).toBe(true);
    const clean = Buffer.from(stripWebpMetadata(dirty));
    for (const text of ['EXIF', 'XMP ', 'VigiePhone', 'GPSLatitude']) expect(has(clean, text), text).toBe(false);
    expect(clean.readUInt32LE(4)).toBe(clean.length - 8);
    expect((clean[20] as number) & 0x0c).toBe(0);
    expect(clean.equals(sampleWebp)).toBe(true);
  });
});
