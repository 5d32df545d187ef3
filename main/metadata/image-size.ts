/** Pixel size from the image header (sharp reads headers only; BMP is read here, as libvips has no BMP loader). */
import sharp from 'sharp';
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

/** Reads the header; never throws. */
export async function readImageSize(bytes: Uint8Array, format: ImageFormat): Promise<ImageSize> {
  if (format === 'bmp') {
    const size = bmpSize(bytes);
    return size ? { ...size, orientation: null, problem: sizeProblem(size.width, size.height) } : unreadable('the BMP header is incomplete');
  }
  try {
    // Note: metadata() reads the header only; the pixel limit is checked here, not by decoding.
    const meta = await sharp(bytes, { failOn: 'none', limitInputPixels: false }).metadata();
    const width = meta.width ?? null;
    const height = meta.height ?? null;
    const problem = width && height ? sizeProblem(width, height) : null;
    return { width, height, orientation: meta.orientation ?? null, problem };
  } catch (err) {
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
  return { width: null, height: null, orientation: null, problem: `Lightbox can't read the picture in this file (${reason.trim()}); it may be damaged.` };
}
