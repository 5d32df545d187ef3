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
  const data = image.data;
  // Note: bmp-ts leaves alpha 0 in BMPs without alpha (below 32 bits, and many 32-bit ones); sharp
  // premultiplies alpha when resizing, which would turn such a picture black. Such pixels are opaque.
  let hasAlpha = image.bitPP === 32;
  if (hasAlpha) {
    hasAlpha = false;
    for (let i = 3; i < data.length && !hasAlpha; i += 4) hasAlpha = data[i] !== 0;
  }
  if (!hasAlpha) for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return sharp(data, { raw: { width: image.width, height: image.height, channels: 4 } });
}
