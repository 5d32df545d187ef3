/** Small real JPEG files made with sharp at test time (distinct bytes per index), with optional EXIF. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/** One photo to make. */
export interface PhotoSpec {
  name: string;
  /** Makes the bytes distinct; same index = same pixels. */
  index: number;
  make?: string;
  model?: string;
  /** EXIF form `yyyy:MM:dd HH:mm:ss`. */
  dateTimeOriginal?: string;
  offsetTimeOriginal?: string;
  size?: number;
}

/** Pixels that differ per index: a 4x4 grid of black/white blocks (16 bits) over a colour from the index. */
function pattern(index: number, side: number): Buffer {
  const px = Buffer.alloc(side * side * 3);
  const block = side / 4;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const bit = (index >> (Math.floor(y / block) * 4 + Math.floor(x / block))) & 1;
      const o = (y * side + x) * 3;
      px[o] = bit ? 255 : (index * 37) % 200;
      px[o + 1] = bit ? 255 : Math.floor(index / 65536) * 50;
      px[o + 2] = bit ? 255 : 20;
    }
  }
  return px;
}

/** Writes the JPEG of a spec into `dir` and returns its absolute path. */
export async function makePhoto(dir: string, spec: PhotoSpec): Promise<string> {
  const side = spec.size ?? 32;
  let img = sharp(pattern(spec.index, side), { raw: { width: side, height: side, channels: 3 } }).jpeg({ quality: 90 });
  const ifd0: Record<string, string> = {};
  const ifd2: Record<string, string> = {};
  if (spec.make) ifd0.Make = spec.make;
  if (spec.model) ifd0.Model = spec.model;
  if (spec.dateTimeOriginal) ifd2.DateTimeOriginal = spec.dateTimeOriginal;
  if (spec.offsetTimeOriginal) ifd2.OffsetTimeOriginal = spec.offsetTimeOriginal;
  if (Object.keys(ifd0).length + Object.keys(ifd2).length > 0) img = img.withExif({ IFD0: ifd0, IFD2: ifd2 });
  const file = path.join(dir, spec.name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, await img.toBuffer());
  return file;
}

/** Makes many photos `photo-0001.jpg`... with distinct bytes; `every` sets a shared EXIF per group. */
export async function makePhotos(dir: string, count: number, group = 1): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const g = Math.floor(i / group);
    out.push(
      await makePhoto(dir, {
        name: `photo-${String(i + 1).padStart(4, '0')}.jpg`,
        index: i + 1,
        make: 'Canon',
        model: `Canon EOS ${g}`,
        dateTimeOriginal: `2024:07:${String((g % 28) + 1).padStart(2, '0')} 18:05:00`,
      }),
    );
  }
  return out;
}
