/** BMP decoding for thumbnails: sharp's prebuilt libvips has no BMP loader, and memories.ai accepts BMP. */
import { open, readFile } from 'node:fs/promises';
import { decode } from 'bmp-ts';
import sharp, { type Sharp } from 'sharp';

/** True when the file starts with the BMP signature `BM`. */
export async function isBmp(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head.toString('latin1') === 'BM';
  } finally {
    await handle.close();
  }
}

/** A sharp pipeline over a decoded BMP; throws when it is malformed or larger than `maxPixels`. */
export async function sharpFromBmp(file: string, maxPixels: number): Promise<Sharp> {
  const bytes = await readFile(file);
  if (bytes.length < 26) throw new Error('BMP header is truncated');
  // Note: the header's size is checked before decoding, which allocates width x height x 4 bytes.
  const width = Math.abs(bytes.readInt32LE(18));
  const height = Math.abs(bytes.readInt32LE(22));
  if (width === 0 || height === 0 || width * height > maxPixels)
    throw new Error(`BMP declares ${width} x ${height} pixels`);
  const image = decode(bytes, { toRGBA: true });
  const pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } });
  // Note: bmp-ts fills alpha with 0 for BMPs that have none (below 32 bits per pixel).
  return image.bitPP === 32 ? pipeline : pipeline.removeAlpha();
}
