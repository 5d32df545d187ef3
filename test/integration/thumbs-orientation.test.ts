/** Thumbnails of the corpus orientation set come out upright; undecodable files give null, once. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus } from '../../main/app/event-bus';
import { openCatalog, type Catalog } from '../../main/catalog/catalog';
import { createScanService } from '../../main/scan/scan-service';
import { createThumbService } from '../../main/thumbs/thumb-service';
import type { ThumbService } from '../../main/app/services';
import { corpusDir, corpusSkipNote, hasCorpus } from '../helpers/corpus';

if (!hasCorpus) console.warn(corpusSkipNote);

/** Mean RGB of a region given as fractions of the image. */
async function regionColour(file: string, fx: number, fy: number, fw: number, fh: number): Promise<number[]> {
  const meta = await sharp(file).metadata();
  const w = meta.width as number;
  const h = meta.height as number;
  const region = {
    left: Math.floor(w * fx),
    top: Math.floor(h * fy),
    width: Math.max(1, Math.floor(w * fw)),
    height: Math.max(1, Math.floor(h * fh)),
  };
  const stats = await sharp(file).extract(region).removeAlpha().stats();
  return stats.channels.slice(0, 3).map((c) => c.mean);
}

const REGIONS: [number, number, number, number][] = [
  [0, 0, 0.25, 0.25],
  [0.75, 0, 0.25, 0.25],
  [0, 0.75, 0.25, 0.25],
  [0.75, 0.75, 0.25, 0.25],
  [0.375, 0.375, 0.25, 0.25],
];

describe.skipIf(!hasCorpus)('thumbnails of real photos', () => {
  let dir: string;
  let catalog: Catalog;
  let thumbs: ThumbService;
  const ready: number[] = [];

  const thumbOf = async (rel: string): Promise<string | null> => {
    const id = catalog.idForPath(path.join(corpusDir, rel));
    if (id === null) throw new Error(`${rel} not scanned`);
    return thumbs.fileFor(id);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-thumbs-'));
    catalog = openCatalog(path.join(dir, 'catalog.sqlite'));
    const events = createEventBus({ coalesceMs: 1 });
    events.on('thumbs:ready', (e) => ready.push(...e.ids));
    for (const sub of ['orientation', 'edge', 'formats/heic', 'formats/bmp']) {
      const folder = catalog.addFolder(path.join(corpusDir, sub));
      await createScanService({ catalog, events }).scanFolder(folder.id);
    }
    thumbs = createThumbService({
      catalog,
      cacheDir: path.join(dir, 'thumbs'),
      urlFor: (id) => `/thumb/${id}`,
      events,
    });
  });

  afterAll(() => {
    catalog?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies EXIF orientation: Landscape_1..8 are landscape and show the same picture as Landscape_1', async () => {
    const reference = (await thumbOf('orientation/Landscape_1.jpg')) as string;
    const refMeta = await sharp(reference).metadata();
    expect(Math.max(refMeta.width ?? 0, refMeta.height ?? 0)).toBeLessThanOrEqual(320);
    const refColours = await Promise.all(REGIONS.map((r) => regionColour(reference, ...r)));
    for (let n = 1; n <= 8; n++) {
      const file = await thumbOf(`orientation/Landscape_${n}.jpg`);
      expect(file, `Landscape_${n}`).not.toBeNull();
      const meta = await sharp(file as string).metadata();
      expect((meta.width ?? 0) > (meta.height ?? 0), `Landscape_${n} is landscape`).toBe(true);
      for (const [i, region] of REGIONS.entries()) {
        const colour = await regionColour(file as string, ...region);
        colour.forEach((c, ch) =>
          expect(Math.abs(c - (refColours[i]?.[ch] ?? 0)), `Landscape_${n} region ${i}`).toBeLessThan(24),
        );
      }
    }
  });

  it('Portrait_1..8 are portrait', async () => {
    for (let n = 1; n <= 8; n++) {
      const meta = await sharp((await thumbOf(`orientation/Portrait_${n}.jpg`)) as string).metadata();
      expect((meta.height ?? 0) > (meta.width ?? 0), `Portrait_${n}`).toBe(true);
    }
  });

  it('makes one thumbnail for concurrent requests of the same photo, then serves it from the cache', async () => {
    const id = catalog.idForPath(path.join(corpusDir, 'orientation/Portrait_0.jpg')) as number;
    const before = ready.filter((x) => x === id).length;
    const [a, b] = await Promise.all([thumbs.fileFor(id), thumbs.fileFor(id)]);
    expect(a).not.toBeNull();
    expect(a).toBe(b);
    expect(await thumbs.fileFor(id)).toBe(a);
    await new Promise((r) => setTimeout(r, 20));
    expect(ready.filter((x) => x === id).length - before).toBe(1);
  });

  it('gives null for a file declaring 4.7 billion pixels, and remembers the failure', async () => {
    expect(await thumbOf('edge/817f96555e2d683e7b12f778c4e38022.png')).toBeNull();
    expect(await thumbOf('edge/817f96555e2d683e7b12f778c4e38022.png')).toBeNull();
  });

  it('makes thumbnails of the broken-but-decodable edge files and never throws', async () => {
    for (const rel of [
      'edge/broken1.jpg',
      'edge/Multiple ICC segments.jpg',
      'edge/Animation Lossy.webp',
      'edge/001_16bit_gray.png',
    ]) {
      const file = await thumbOf(rel);
      expect(file, rel).not.toBeNull();
      expect(existsSync(file as string), rel).toBe(true);
    }
    for (const rel of ['formats/heic/IMG_5195.HEIC', 'formats/heic/heic-iphone7.heic']) {
      const file = await thumbOf(rel);
      // Note: sharp's prebuilt libvips may lack a HEVC decoder; then null is the right answer.
      expect(file === null || existsSync(file), rel).toBe(true);
    }
  });

  it('makes thumbnails of BMP files (which memories.ai accepts) with their shape', async () => {
    const sonyFile = (await thumbOf('formats/bmp/Sony Cybershot (6).bmp')) as string;
    const sony = await sharp(sonyFile).metadata();
    expect([sony.width, sony.height]).toEqual([320, 240]);
    // A daylight photo: its thumbnail must not come out black (alpha handling) nor flat.
    const stats = await sharp(sonyFile).stats();
    expect(stats.channels.slice(0, 3).every((c) => c.mean > 60 && c.stdev > 20)).toBe(true);
    const tiny = await sharp((await thumbOf('formats/bmp/24bpp-10x10.bmp')) as string).metadata();
    expect([tiny.width, tiny.height]).toEqual([10, 10]);
  });
});
