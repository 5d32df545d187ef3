import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { isBmp, sharpFromBmp } from '../../../main/thumbs/decode-bmp';
import { renderThumb } from '../../../main/thumbs/render-thumb';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-bmp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 24-bit BMP of `w` x `h` pixels, bottom-up rows padded to 4 bytes, every pixel (r, g, b). */
function bmp(w: number, h: number, [r, g, b]: [number, number, number], declared = { w, h }): Buffer {
  const row = Math.ceil((w * 3) / 4) * 4;
  const out = Buffer.alloc(54 + row * h);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(declared.w, 18);
  out.writeInt32LE(declared.h, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  out.writeUInt32LE(row * h, 34);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out.set([b, g, r], 54 + y * row + x * 3);
  return out;
}

describe('BMP decoding for thumbnails', () => {
  it('decodes a 24-bit BMP to the right size and colour, opaque', async () => {
    const file = path.join(dir, 'orange.bmp');
    writeFileSync(file, bmp(5, 3, [250, 120, 10]));
    expect(await isBmp(file)).toBe(true);
    const { data, info } = await (await sharpFromBmp(file, 1e6)).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([5, 3]);
    expect([...data.subarray(0, 4)]).toEqual([250, 120, 10, 255]);
  });

  it('renders a thumbnail of a BMP in its colour (not black: alpha-less BMPs are opaque)', async () => {
    const file = path.join(dir, 'big-orange.bmp');
    writeFileSync(file, bmp(64, 48, [250, 120, 10]));
    const thumb = path.join(dir, 'thumb.webp');
    await renderThumb(file, thumb, 32);
    const stats = await sharp(thumb).stats();
    const [r, g, b] = stats.channels.map((c) => c.mean);
    expect(Math.abs((r ?? 0) - 250)).toBeLessThan(12);
    expect(Math.abs((g ?? 0) - 120)).toBeLessThan(12);
    expect(Math.abs((b ?? 0) - 10)).toBeLessThan(12);
    expect((await sharp(thumb).metadata()).width).toBe(32);
  });

  it('refuses a header that declares more pixels than allowed, before decoding', async () => {
    const file = path.join(dir, 'bomb.bmp');
    writeFileSync(file, bmp(2, 2, [0, 0, 0], { w: 100_000, h: 100_000 }));
    await expect(sharpFromBmp(file, 150_000_000)).rejects.toThrow(/100000 x 100000/);
  });

  it('does not take a JPEG for a BMP', async () => {
    const file = path.join(dir, 'x.bmp');
    writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    expect(await isBmp(file)).toBe(false);
  });
});
