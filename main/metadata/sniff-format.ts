/** Tells an image's true format from its first bytes (magic numbers), never from its name. */
import type { ImageFormat } from './types';

/** What the bytes say a file is. */
export interface SniffedFormat {
  format: ImageFormat;
  mime: string | null;
  /** Plain name for messages ("HEIC", "Canon CR3 RAW"). */
  label: string;
}

const HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2'];
const AVIF_BRANDS = ['avif', 'avis'];

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/** ISO-BMFF (`ftyp` box) files: HEIC/HEIF, AVIF, Canon CR3, JPEG 2000 part-2 (jpx). */
function sniffFtyp(bytes: Uint8Array): SniffedFormat | null {
  if (ascii(bytes, 4, 4) !== 'ftyp') return null;
  const boxSize = Math.min(new DataView(bytes.buffer, bytes.byteOffset).getUint32(0), bytes.length, 256);
  const brands = [ascii(bytes, 8, 4)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, 4));
  // Note: the major brand decides first ("avif" files also list "mif1"), then any compatible brand.
  const major = brands[0] ?? '';
  if (AVIF_BRANDS.includes(major)) return { format: 'avif', mime: 'image/avif', label: 'AVIF' };
  if (HEIF_BRANDS.includes(major)) return { format: 'heic', mime: 'image/heic', label: 'HEIC' };
  if (major === 'crx ') return { format: 'raw', mime: 'image/x-canon-cr3', label: 'Canon CR3 RAW' };
  if (major === 'jpx ' || major === 'jp2 ') return { format: 'jp2', mime: 'image/jp2', label: 'JPEG 2000' };
  if (brands.some((b) => AVIF_BRANDS.includes(b))) return { format: 'avif', mime: 'image/avif', label: 'AVIF' };
  if (brands.some((b) => HEIF_BRANDS.includes(b))) return { format: 'heic', mime: 'image/heic', label: 'HEIC' };
  return null;
}

/** TIFF and the TIFF-based RAW formats (told apart by what follows the header). */
function sniffTiff(bytes: Uint8Array): SniffedFormat | null {
  const le = startsWith(bytes, [0x49, 0x49]);
  const be = startsWith(bytes, [0x4d, 0x4d]);
  if (!le && !be) return null;
  const magic = le ? (bytes[2] ?? 0) | ((bytes[3] ?? 0) << 8) : ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  if (ascii(bytes, 8, 2) === 'CR' && magic === 42)
    return { format: 'raw', mime: 'image/x-canon-cr2', label: 'Canon CR2 RAW' };
  if (magic === 0x4f52 || magic === 0x5352)
    return { format: 'raw', mime: 'image/x-olympus-orf', label: 'Olympus ORF RAW' };
  if (magic === 0x55) return { format: 'raw', mime: 'image/x-panasonic-rw2', label: 'Panasonic RW2 RAW' };
  if (magic === 42 || magic === 43) return { format: 'tiff', mime: 'image/tiff', label: 'TIFF' };
  return null;
}

/** The format the bytes say, `unknown` when no known signature matches. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { format: 'jpeg', mime: 'image/jpeg', label: 'JPEG' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { format: 'png', mime: 'image/png', label: 'PNG' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')
    return { format: 'gif', mime: 'image/gif', label: 'GIF' };
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 26) return { format: 'bmp', mime: 'image/bmp', label: 'BMP' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
    return { format: 'webp', mime: 'image/webp', label: 'WebP' };
  if (startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]))
    return { format: 'jp2', mime: 'image/jp2', label: 'JPEG 2000' };
  if (startsWith(bytes, [0xff, 0x4f, 0xff, 0x51])) return { format: 'jp2', mime: 'image/jp2', label: 'JPEG 2000' };
  if (ascii(bytes, 0, 16) === 'FUJIFILMCCD-RAW ')
    return { format: 'raw', mime: 'image/x-fuji-raf', label: 'Fujifilm RAF RAW' };
  return sniffFtyp(bytes) ?? sniffTiff(bytes) ?? { format: 'unknown', mime: null, label: 'unknown' };
}

/** A short description of what non-image bytes look like (text, HTML), for a clear problem. */
export function describeNonImage(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'The file is empty (0 bytes).';
  if (bytes.length < 16)
    return `The file is only ${bytes.length} byte${bytes.length === 1 ? '' : 's'} long, too short to be a photo.`;
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html'))
    return 'This file is a web page (HTML), not a photo; it may be a failed download.';
  const printable = [...bytes.subarray(0, 512)].filter(
    (b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128,
  ).length;
  if (printable / Math.min(bytes.length, 512) > 0.95) return 'This file contains text, not a photo.';
  return 'This file is not a photo format Lightbox recognises.';
}
