/** Scans a folder of files made at test time: rescans keep edits, missing files stay listed, bad files get reasons. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../main/app/event-bus';
import { openCatalog, type Catalog } from '../../main/catalog/catalog';
import { readFileMetadata, TIMEOUT_PROBLEM } from '../../main/metadata/read-file-metadata';
import { createScanService } from '../../main/scan/scan-service';

let dir: string;
let photos: string;
let catalog: Catalog;

async function makeJpeg(file: string, model: string, color = '#3080c0'): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  await sharp({ create: { width: 64, height: 48, channels: 3, background: color } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Lightbox', Model: model } })
    .toFile(file);
}

const idOf = (rel: string): number => {
  const id = catalog.idForPath(path.join(photos, rel));
  if (id === null) throw new Error(`${rel} not in catalog`);
  return id;
};

async function scan(): Promise<number> {
  const folderId = catalog.addFolder(photos).id;
  await createScanService({ catalog, events: createEventBus() }).scanFolder(folderId);
  return folderId;
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-rescan-'));
  photos = path.join(dir, 'photos');
  await makeJpeg(path.join(photos, 'a.jpg'), 'One');
  await makeJpeg(path.join(photos, 'b.JPG'), 'Two');
  await makeJpeg(path.join(photos, 'sub', 'deeper', 'c.jpeg'), 'Three');
  await makeJpeg(path.join(photos, '.hidden', 'd.jpg'), 'Hidden');
  writeFileSync(path.join(photos, 'empty.jpg'), '');
  writeFileSync(path.join(photos, 'page.jpg'), '<html><body>not a photo</body></html>');
  writeFileSync(path.join(photos, 'notes.txt'), 'not a candidate');
  symlinkSync(photos, path.join(photos, 'sub', 'loop'));
  catalog = openCatalog(path.join(dir, 'home', 'catalog.sqlite'));
});

afterEach(() => {
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('scan of a folder made at test time', () => {
  it('finds images recursively, skips hidden folders and link loops, and lists bad files with reasons', async () => {
    await scan();
    const names = catalog
      .page({}, 0, 100)
      .map((p) => p.name)
      .sort();
    expect(names).toEqual(['a.jpg', 'b.JPG', 'c.jpeg', 'empty.jpg', 'page.jpg']);
    expect(catalog.get(idOf('sub/deeper/c.jpeg'))?.relPath).toBe(path.join('sub', 'deeper', 'c.jpeg'));
    for (const bad of ['empty.jpg', 'page.jpg']) {
      const d = catalog.get(idOf(bad));
      expect(d?.uploadable, bad).toBe(false);
      expect(d?.problems.length, bad).toBeGreaterThan(0);
    }
    expect(catalog.get(idOf('a.jpg'))?.fields.camera_model).toBe('Lightbox One');
  });

  it('a rescan after the file changed updates file values and keeps edits and sync state', async () => {
    await scan();
    const id = idOf('a.jpg');
    catalog.applyEdit([id], { addTags: ['kept'], datetime_taken: '2001-02-03 04:05:06' });
    catalog.db
      .prepare("UPDATE photos SET sync_state = 'uploaded', remote_id = '9007199254740993' WHERE id = ?")
      .run(id);
    await makeJpeg(path.join(photos, 'a.jpg'), 'Changed Model', '#c03030');
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(photos, 'a.jpg'), later, later);
    await scan();
    const d = catalog.get(id);
    expect(d?.fileFields.camera_model).toBe((await readFileMetadata(path.join(photos, 'a.jpg'))).fields.camera_model);
    expect(d?.fields.camera_model).toBe('Lightbox Changed Model');
    expect(d?.fields.tags).toEqual(['kept']);
    expect(d?.fields.datetime_taken).toBe('2001-02-03 04:05:06');
    expect([d?.state, d?.remoteId]).toEqual(['uploaded', '9007199254740993']);
  });

  it('marks a deleted file missing (edits kept) and present again when it returns', async () => {
    await scan();
    const id = idOf('b.JPG');
    catalog.applyEdit([id], { addTags: ['still here'] });
    unlinkSync(path.join(photos, 'b.JPG'));
    await scan();
    expect(catalog.get(id)?.problems.join(' ')).toMatch(/no longer on disk/);
    expect(catalog.get(id)?.uploadable).toBe(false);
    await makeJpeg(path.join(photos, 'b.JPG'), 'Two');
    await scan();
    expect(catalog.get(id)?.uploadable).toBe(true);
    expect(catalog.get(id)?.fields.tags).toEqual(['still here']);
  });

  it('can be cancelled: it stops early, keeps whole batches, and a later scan completes', async () => {
    for (let i = 0; i < 30; i++) await makeJpeg(path.join(photos, 'many', `m${i}.jpg`), `M${i}`);
    const folderId = catalog.addFolder(photos).id;
    const events = createEventBus();
    let reads = 0;
    const scanner = createScanService({
      catalog,
      events,
      batchSize: 5,
      concurrency: 1,
      readMetadata: async (p) => {
        if (++reads === 8) scanner.cancel(folderId);
        return readFileMetadata(p);
      },
    });
    await scanner.scanFolder(folderId);
    expect(scanner.isScanning(folderId)).toBe(false);
    const partial = catalog.ids({}).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(35);
    await createScanService({ catalog, events }).scanFolder(folderId);
    expect(catalog.ids({}).length).toBe(35);
  });

  it('tells what it did not enter: a linked folder leading out of the added folder is named, not walked', async () => {
    const elsewhere = path.join(dir, 'elsewhere');
    await makeJpeg(path.join(elsewhere, 'x.jpg'), 'Elsewhere');
    symlinkSync(elsewhere, path.join(photos, 'link-out'));
    const folderId = catalog.addFolder(photos).id;
    const summary = await createScanService({ catalog, events: createEventBus() }).scanFolder(folderId);
    expect(summary.outside).toEqual([path.join(photos, 'link-out')]);
    // The sidebar shows it from the folder record.
    expect(catalog.listFolders().find((f) => f.id === folderId)?.skipped).toEqual([path.join(photos, 'link-out')]);
    expect(catalog.idForPath(path.join(photos, 'link-out', 'x.jpg'))).toBeNull();
  });

  it('reads a file again on the next scan when its last reading ran out of time, until it succeeds', async () => {
    const reads: string[] = [];
    let slowMachine = true;
    const folderId = catalog.addFolder(photos).id;
    const scanner = createScanService({
      catalog,
      events: createEventBus(),
      readMetadata: async (p) => {
        reads.push(path.basename(p));
        const md = await readFileMetadata(p);
        // A busy machine: the first reading of a.jpg hits the time limit.
        return slowMachine && p.endsWith('a.jpg') ? { ...md, problems: [TIMEOUT_PROBLEM], uploadable: false } : md;
      },
    });
    await scanner.scanFolder(folderId);
    expect(catalog.get(idOf('a.jpg'))?.problems).toContain(TIMEOUT_PROBLEM);
    slowMachine = false;
    reads.length = 0;
    await scanner.scanFolder(folderId);
    expect(reads).toEqual(['a.jpg']);
    expect(catalog.get(idOf('a.jpg'))?.problems).toEqual([]);
    expect(catalog.get(idOf('a.jpg'))?.fields.camera_model).toBe('Lightbox One');
    reads.length = 0;
    await scanner.scanFolder(folderId);
    expect(reads).toEqual([]);
  });

  it('re-reads a photo whose XMP sidecar changed since the last scan, and only that one', async () => {
    const reads: string[] = [];
    const folderId = catalog.addFolder(photos).id;
    const scanner = createScanService({
      catalog,
      events: createEventBus(),
      readMetadata: (p) => {
        reads.push(path.basename(p));
        return readFileMetadata(p);
      },
    });
    await scanner.scanFolder(folderId);
    reads.length = 0;
    const sidecar = path.join(photos, 'a.xmp');
    writeFileSync(sidecar, '<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>');
    const later = new Date(Date.now() + 5000);
    utimesSync(sidecar, later, later);
    await scanner.scanFolder(folderId);
    expect(reads).toEqual(['a.jpg']);
    reads.length = 0;
    await scanner.scanFolder(folderId);
    expect(reads).toEqual([]);
  });
});
