/** A scan of RAW + JPEG pairs made at test time: one photo per pair (the JPEG, with what it lacks taken from the RAW), lone RAWs listed as not uploadable. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../main/app/event-bus';
import { openCatalog, type Catalog } from '../../main/catalog/catalog';
import { createScanService } from '../../main/scan/scan-service';
import { app1, buildTiff, plainJpeg, spliceJpeg, t } from '../unit/metadata/fixtures';

let dir: string;
let photos: string;
let catalog: Catalog;

/** A TIFF-structured RAW stand-in with camera, capture time and a position 10°N 20°E. */
function raw(model: string, dto: string): Buffer {
  return buildTiff({
    ifd0: { 0x010f: t.ascii('Sony'), 0x0110: t.ascii(model) },
    exif: { 0x9003: t.ascii(dto) },
    gps: {
      1: t.ascii('N'),
      2: t.rational([10, 1], [0, 1], [0, 1]),
      3: t.ascii('E'),
      4: t.rational([20, 1], [0, 1], [0, 1]),
    },
  });
}

async function scan(): Promise<void> {
  const folderId = catalog.addFolder(photos).id;
  await createScanService({ catalog, events: createEventBus() }).scanFolder(folderId);
}

function detail(name: string) {
  const id = catalog.idForPath(path.join(photos, name));
  if (id === null) throw new Error(`${name} not in catalog`);
  return catalog.get(id);
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-pairs-'));
  photos = path.join(dir, 'photos');
  mkdirSync(path.join(photos, 'day2'), { recursive: true });
  writeFileSync(path.join(photos, 'DSC01.jpg'), await plainJpeg());
  writeFileSync(path.join(photos, 'dsc01.ARW'), raw('ILCE-7M3', '2023:06:01 10:11:12'));
  const own = buildTiff({ exif: { 0x9003: t.ascii('2023:06:02 09:00:00') } });
  writeFileSync(path.join(photos, 'day2', 'DSC02.JPG'), spliceJpeg(await plainJpeg(), [app1.exif(own)]));
  writeFileSync(path.join(photos, 'day2', 'DSC02.arw'), raw('ILCE-7M4', '2023:06:02 08:59:59'));
  writeFileSync(path.join(photos, 'DSC03.ARW'), raw('ILCE-7M3', '2023:06:03 07:00:00'));
  catalog = openCatalog(path.join(dir, 'home', 'catalog.sqlite'));
});

afterEach(() => {
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('scan of RAW + JPEG pairs', () => {
  it('lists one photo per pair, and a lone RAW as not uploadable with the reason', async () => {
    await scan();
    const names = catalog
      .page({}, 0, 100)
      .map((p) => p.name)
      .sort();
    expect(names).toEqual(['DSC01.jpg', 'DSC02.JPG', 'DSC03.ARW']);

    const paired = detail('DSC01.jpg');
    expect(paired?.fields).toEqual({
      datetime_taken: '2023-06-01 10:11:12',
      camera_model: 'Sony ILCE-7M3',
      latitude: 10,
      longitude: 20,
      tags: [],
    });
    expect(paired?.sources.camera_model).toBe('RAW file dsc01.ARW (EXIF Make + Model)');
    // A pairing is a fact, not a problem: it must not count among the folder's problems.
    expect(paired?.notes.some((n) => n.startsWith('RAW+JPEG pair: uploads the JPEG'))).toBe(true);
    expect(paired?.problems.some((p) => p.startsWith('RAW+JPEG'))).toBe(false);
    expect(paired?.uploadable).toBe(true);

    const own = detail('day2/DSC02.JPG');
    expect(own?.fields.datetime_taken).toBe('2023-06-02 09:00:00');
    expect(own?.sources.datetime_taken).toBe('EXIF DateTimeOriginal');
    expect(own?.fields.camera_model).toBe('Sony ILCE-7M4');

    const lone = detail('DSC03.ARW');
    expect(lone?.uploadable).toBe(false);
    expect(lone?.problems.join(' ')).toMatch(/RAW photos can't be uploaded to memories.ai; convert to JPEG first/);
    expect(lone?.fields.camera_model).toBe('Sony ILCE-7M3');
  });

  it('rereads a paired JPEG when only its RAW changed', async () => {
    await scan();
    expect(detail('DSC01.jpg')?.fields.camera_model).toBe('Sony ILCE-7M3');
    const rawFile = path.join(photos, 'dsc01.ARW');
    writeFileSync(rawFile, raw('ILCE-7RM5', '2023:06:01 10:11:12'));
    const later = new Date(Date.now() + 60_000);
    utimesSync(rawFile, later, later);
    await scan();
    expect(detail('DSC01.jpg')?.fields.camera_model).toBe('Sony ILCE-7RM5');
  });
});
