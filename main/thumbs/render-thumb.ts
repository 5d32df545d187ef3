/** Renders one thumbnail with sharp: EXIF orientation applied, long side bounded, WebP. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { isBmp, sharpFromBmp } from './decode-bmp';

/** Decoding guard: images above this many pixels are refused instead of exhausting memory. */
export const MAX_INPUT_PIXELS = 150_000_000;

/**
 * Writes a thumbnail of `source` to `target` (atomically: a temp file, then a rename).
 * Throws when the image cannot be decoded.
 */
export async function renderThumb(source: string, target: string, longSide: number): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    // Note: failOn 'none' lets a truncated JPEG give what it has (grey below the cut) instead of
    // nothing; limitInputPixels refuses files that declare absurd sizes (decompression bombs).
    const input = (await isBmp(source))
      ? await sharpFromBmp(source, MAX_INPUT_PIXELS)
      : sharp(source, { failOn: 'none', limitInputPixels: MAX_INPUT_PIXELS, sequentialRead: true });
    await input
      .rotate()
      .resize(longSide, longSide, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 78 })
      .toFile(temp);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
