/** Pixel size from the image header (sharp reads headers only; BMP is read here, as libvips has no BMP loader). */
import sharp from 'sharp';
import { plainDecoderReason } from './plain-problem';
import type { ImageFormat } from './types';

/** Pixel grid and orientation, or why the header could not be read. */
export interface ImageSize {
  width: number | null;
  height: number | null;
  orientation: number | null;
  problem: string | null;
}

/** Largest pixel count treated as a real picture (about 0.27 gigapixels, sharp's own default limit). */
export const MAX_PIXELS = 0x3fff * 0x3fff;

/** Width and height from a BMP header (BITMAPCOREHEADER or BITMAPINFOHEADER and later). */
export function bmpSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 26) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerSize = view.getUint32(14, true);
  if (headerSize === 12) return { width: view.getUint16(18, true), height: view.getUint16(20, true) };
  return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
}

/** Width and height declared by a PNG's IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Width and height from a JPEG 2000 image header box (jp2h/ihdr), or a bare codestream's SIZ marker. */
export function jp2Size(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ihdr = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('ihdr');
  if (ihdr >= 4 && ihdr + 12 <= bytes.length)
    return { height: view.getUint32(ihdr + 4), width: view.getUint32(ihdr + 8) };
  if (bytes[0] === 0xff && bytes[1] === 0x4f && bytes.length >= 16)
    return { width: view.getUint32(8), height: view.getUint32(12) };
  return null;
}

/** Reads the header; never throws. */
export async function readImageSize(bytes: Uint8Array, format: ImageFormat): Promise<ImageSize> {
  const own = format === 'bmp' ? bmpSize(bytes) : format === 'jp2' ? jp2Size(bytes) : null;
  if (own) return { ...own, orientation: null, problem: sizeProblem(own.width, own.height) };
  if (format === 'bmp') return unreadable('the BMP header is incomplete');
  try {
    // Note: metadata() reads the header only; the pixel limit is checked here, not by decoding.
    const meta = await sharp(bytes, { failOn: 'none', limitInputPixels: false }).metadata();
    const width = meta.width ?? null;
    const height = meta.height ?? null;
    const problem = width && height ? sizeProblem(width, height) : null;
    return { width, height, orientation: meta.orientation ?? null, problem };
  } catch (err) {
    // Note: a header sharp refuses may still declare a size (e.g. an absurd PNG); say what it claims.
    const declared = format === 'png' ? pngSize(bytes) : null;
    const claim = declared ? sizeProblem(declared.width, declared.height) : null;
    if (declared && claim) return { ...declared, orientation: null, problem: claim };
    return unreadable(err instanceof Error ? err.message : String(err));
  }
}

function sizeProblem(width: number, height: number): string | null {
  if (width <= 0 || height <= 0) return 'The picture in this file has no pixels (its header says 0 by 0).';
  if (width * height > MAX_PIXELS) {
    return `This file claims to be ${width} × ${height} pixels, far larger than any photo; it is probably damaged.`;
  }
  return null;
}

function unreadable(reason: string): ImageSize {
  return {
    width: null,
    height: null,
    orientation: null,
    problem: `Lightbox can't read the picture in this file: ${plainDecoderReason(reason)}.`,
  };
}
