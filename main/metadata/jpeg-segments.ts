/** JPEG marker walk: application segments before the image data, and whether the file ends properly. */

/** One marker segment: its marker byte (0xE1 = APP1) and its payload. */
export interface JpegSegment {
  marker: number;
  data: Uint8Array;
}

/** What the walk found. */
export interface JpegLayout {
  segments: JpegSegment[];
  /** True when an EOI marker follows the entropy-coded data. */
  complete: boolean;
}

/** Walks the markers of a JPEG; tolerant of stray fill bytes, stops at the end of the bytes. */
export function walkJpeg(bytes: Uint8Array): JpegLayout {
  const segments: JpegSegment[] = [];
  let at = 2;
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) {
      at++; // Note: some writers leave stray bytes between segments; exiftool and libjpeg skip them too.
      continue;
    }
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff || marker === 0x00 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at++;
      continue;
    }
    if (marker === 0xd9) return { segments, complete: true };
    if (at + 4 > bytes.length) break;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const end = at + 2 + length;
    if (length < 2) {
      at += 2;
      continue;
    }
    segments.push({ marker, data: bytes.subarray(at + 4, Math.min(end, bytes.length)) });
    at = end;
    if (marker === 0xda) at = skipEntropyData(bytes, at);
  }
  return { segments, complete: false };
}

/** Index of the next real marker after entropy-coded data (skipping stuffed 0xFF00 and restart markers). */
function skipEntropyData(bytes: Uint8Array, from: number): number {
  let at = bytes.indexOf(0xff, from);
  while (at >= 0 && at + 1 < bytes.length) {
    const next = bytes[at + 1] ?? 0;
    if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return at;
    at = bytes.indexOf(0xff, at + 1);
  }
  return bytes.length;
}

/** Payloads of APPn segments whose payload starts with `signature` (e.g. APP1 "FLIR\0"). */
export function appSegments(layout: JpegLayout, marker: number, signature: string): Uint8Array[] {
  const sig = Buffer.from(signature, 'latin1');
  return layout.segments.filter((s) => s.marker === marker && sig.every((b, i) => s.data[i] === b)).map((s) => s.data);
}
