/**
 * Opt-in conversion (setting `convertUnsupported`): a JPEG copy within the API's limits of a photo the
 * API cannot take as it is (TIFF, AVIF, over 20 MB). The original file is never touched.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { LIMITS } from '../../preload/contract';
import type { SyncRow } from '../catalog/sync-rows';

const CONVERTIBLE = new Set(['tiff', 'avif', 'jpeg', 'png', 'webp', 'gif', 'bmp']);

/** True when a photo that cannot go as it is could go as a converted JPEG copy. */
export function isConvertible(row: Pick<SyncRow, 'format' | 'uploadable' | 'fields'>): boolean {
  // Note: HEIC, JPEG 2000 and RAW are left out: the sharp build shipped on npm cannot decode them.
  return !row.uploadable && CONVERTIBLE.has(row.format) && row.fields.tags.length <= LIMITS.maxTags;
}

/** The name the copy is sent under: same base name, `.jpg`. */
export function convertedName(name: string): string {
  const ext = path.extname(name);
  return `${ext ? name.slice(0, -ext.length) : name}.jpg`;
}

/** A temporary JPEG copy; `remove()` deletes it. */
export interface ConvertedCopy {
  path: string;
  size: number;
  remove(): void;
}

/** Makes a JPEG copy of `src` no larger than the API's limit (orientation applied); throws when it cannot. */
export async function convertToJpeg(src: string, id: number): Promise<ConvertedCopy> {
  const dir = path.join(os.tmpdir(), `lightbox-convert-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${id}.jpg`);
  for (const [quality, maxSide] of [
    [90, 0],
    [85, 8000],
    [80, 6000],
    [75, 4000],
  ] as const) {
    let img = sharp(src, { failOn: 'error' }).rotate();
    if (maxSide > 0) img = img.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true });
    await img.jpeg({ quality, mozjpeg: false }).toFile(out);
    const size = statSync(out).size;
    if (size <= LIMITS.maxFileBytes) return { path: out, size, remove: () => rmSync(out, { force: true }) };
  }
  rmSync(out, { force: true });
  throw new Error('the JPEG copy stays above 20 MB');
}
