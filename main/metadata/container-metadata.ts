/** Metadata blocks inside PNG, WebP and JPEG 2000 containers that exifr does not reach. */
import { inflateSync } from 'node:zlib';
import type { ImageFormat } from './types';

/** Raw metadata found in a container: TIFF-structured EXIF blocks and IPTC IIM or Photoshop blocks. */
export interface ContainerBlocks {
  exif: Uint8Array[];
  iptc: Uint8Array[];
}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"

/** Drops a leading "Exif\0\0" so the block starts with the TIFF header. */
export function stripExifHeader(block: Uint8Array): Uint8Array {
  return EXIF_HEADER.every((b, i) => block[i] === b) ? block.subarray(6) : block;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Decodes an ImageMagick/GIMP "Raw profile type ..." text: "\nname\n   length\nhex...". */
export function decodeRawProfile(text: string): Uint8Array | null {
  const m = /^\s*[^\n]*\n\s*(\d+)\s+([0-9a-fA-F\s]+)$/.exec(text);
  if (!m?.[2]) return null;
  const hex = m[2].replace(/\s+/g, '');
  const bytes = Buffer.from(hex.slice(0, Number(m[1]) * 2), 'hex');
  return bytes.length ? new Uint8Array(bytes) : null;
}

/** The keyword and text of a PNG tEXt, zTXt or iTXt chunk (inflated where compressed). */
function pngText(type: string, data: Uint8Array): { key: string; text: string } | null {
  const nul = data.indexOf(0);
  if (nul < 0) return null;
  const key = latin1(data.subarray(0, nul));
  if (type === 'tEXt') return { key, text: latin1(data.subarray(nul + 1)) };
  if (type === 'zTXt') return { key, text: latin1(inflateSync(data.subarray(nul + 2))) };
  // iTXt: keyword\0 flag method lang\0 translated\0 text
  const compressed = data[nul + 1] === 1;
  let at = nul + 3;
  for (let i = 0; i < 2; i++) at = data.indexOf(0, at) + 1;
  if (at <= 0) return null;
  const body = data.subarray(at);
  return { key, text: Buffer.from(compressed ? inflateSync(body) : body).toString('utf8') };
}

/** Walks PNG chunks: eXIf, and EXIF/IPTC kept as "Raw profile type" text chunks by ImageMagick and GIMP. */
export function pngBlocks(bytes: Uint8Array): ContainerBlocks {
  const out: ContainerBlocks = { exif: [], iptc: [] };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length;) {
    const size = view.getUint32(at);
    const type = latin1(bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, Math.min(at + 8 + size, bytes.length));
    if (type === 'eXIf') out.exif.push(stripExifHeader(data));
    if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') {
      let chunk: { key: string; text: string } | null = null;
      try {
        chunk = pngText(type, data);
      } catch {
        chunk = null; // a damaged compressed chunk hides only its own text
      }
      const profile = chunk?.key.toLowerCase().startsWith('raw profile type ') ? decodeRawProfile(chunk.text) : null;
      const kind = chunk?.key.toLowerCase().slice('raw profile type '.length);
      if (profile && (kind === 'exif' || kind === 'app1')) out.exif.push(stripExifHeader(profile));
      if (profile && (kind === 'iptc' || kind === '8bim')) out.iptc.push(profile);
    }
    if (type === 'IEND' || size > bytes.length) break;
    at += 12 + size;
  }
  return out;
}

/** Walks RIFF chunks of a WebP file for its EXIF chunk. */
export function webpBlocks(bytes: Uint8Array): ContainerBlocks {
  const out: ContainerBlocks = { exif: [], iptc: [] };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 12; at + 8 <= bytes.length;) {
    const type = latin1(bytes.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    if (type === 'EXIF') out.exif.push(stripExifHeader(bytes.subarray(at + 8, Math.min(at + 8 + size, bytes.length))));
    at += 8 + size + (size % 2);
  }
  return out;
}

const JP2_EXIF_UUID = 'JpgTiffExif->JP2';

/** Walks top-level JPEG 2000 boxes for the EXIF uuid box. */
export function jp2Blocks(bytes: Uint8Array): ContainerBlocks {
  const out: ContainerBlocks = { exif: [], iptc: [] };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 8 <= bytes.length;) {
    let size = view.getUint32(at);
    const type = latin1(bytes.subarray(at + 4, at + 8));
    let head = 8;
    if (size === 1 && at + 16 <= bytes.length) {
      size = Number(view.getBigUint64(at + 8));
      head = 16;
    }
    if (size === 0) size = bytes.length - at;
    if (size < head) break;
    const body = bytes.subarray(at + head, Math.min(at + size, bytes.length));
    if (type === 'uuid' && latin1(body.subarray(0, 16)) === JP2_EXIF_UUID)
      out.exif.push(stripExifHeader(body.subarray(16)));
    at += size;
  }
  return out;
}

/** The container blocks for a sniffed format; other formats yield nothing here. */
export function containerBlocks(bytes: Uint8Array, format: ImageFormat): ContainerBlocks {
  if (format === 'png') return pngBlocks(bytes);
  if (format === 'webp') return webpBlocks(bytes);
  if (format === 'jp2') return jp2Blocks(bytes);
  return { exif: [], iptc: [] };
}

const EXIF_SIGNATURES = [Buffer.from('Exif\0\0II*\0', 'latin1'), Buffer.from('Exif\0\0MM\0*', 'latin1')];

/** TIFF data after every "Exif\0\0" header anywhere in the bytes (HEIF/AVIF Exif items, JPEG APP1, vendor boxes). */
export function scanExifHeaders(bytes: Uint8Array, limit = 4): Uint8Array[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: number[] = [];
  for (const sig of EXIF_SIGNATURES) {
    for (let at = buf.indexOf(sig); at >= 0 && found.length < limit; at = buf.indexOf(sig, at + 1)) found.push(at);
  }
  return found.sort((a, b) => a - b).map((at) => bytes.subarray(at + 6));
}

const BARE_TIFF = [Buffer.from('II*\0\x08\0\0\0', 'latin1'), Buffer.from('MM\0*\0\0\0\x08', 'latin1')];

/** TIFF headers (with the first IFD right after the header) anywhere in the bytes: HEIF Exif items written without an "Exif" header. */
export function scanBareTiff(bytes: Uint8Array, limit = 2): Uint8Array[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: number[] = [];
  for (const sig of BARE_TIFF) {
    for (let at = buf.indexOf(sig); at >= 0 && found.length < limit; at = buf.indexOf(sig, at + 1)) found.push(at);
  }
  return found.sort((a, b) => a - b).map((at) => bytes.subarray(at));
}
