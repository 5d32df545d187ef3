/** Scans the real corpus into a real catalog file and checks every manifest file arrived, broken ones with reasons. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus } from '../../main/app/event-bus';
import { openCatalog, type Catalog } from '../../main/catalog/catalog';
import { listSyncRows } from '../../main/catalog/sync-rows';
import { readFileMetadata } from '../../main/metadata/read-file-metadata';
import { createScanService } from '../../main/scan/scan-service';
import { LIMITS } from '../../preload/contract';
import { corpusDir, corpusPath, corpusSkipNote, hasCorpus, loadManifest, type ManifestFile } from '../helpers/corpus';

if (!hasCorpus) console.warn(corpusSkipNote);

/** exiftool FileType -> our sniffed format. */
const FORMAT: Record<string, string> = {
  JPEG: 'jpeg',
  PNG: 'png',
  GIF: 'gif',
  BMP: 'bmp',
  WEBP: 'webp',
  'Extended WEBP': 'webp',
  TIFF: 'tiff',
  HEIC: 'heic',
  AVIF: 'avif',
  JP2: 'jp2',
};
const API_FORMATS = new Set(['JPEG', 'PNG', 'GIF', 'BMP', 'WEBP', 'Extended WEBP']);

/** True when memories.ai cannot take the file as it is, by first principles (format, size, decodability). */
function cannotGo(f: ManifestFile): boolean {
  return !API_FORMATS.has(f.format) || f.size > LIMITS.maxFileBytes || !f.decode_check.decodes;
}

describe.skipIf(!hasCorpus)('scan of the real corpus', () => {
  let dir: string;
  let catalog: Catalog;
  let folderId: number;
  const manifest = hasCorpus ? loadManifest() : { rules: {}, files: [] };
  const progress: { done: number; found: number; finished: boolean }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-scan-corpus-'));
    catalog = openCatalog(path.join(dir, 'catalog.sqlite'));
    const events = createEventBus();
    events.on('scan:progress', (p) => progress.push(p));
    folderId = catalog.addFolder(corpusDir).id;
    await createScanService({ catalog, events, batchSize: 25 }).scanFolder(folderId);
  });

  afterAll(() => {
    catalog?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds exactly the manifest files, with their size, format and sha256', () => {
    const rows = new Map(listSyncRows(catalog.db).map((r) => [r.path, r]));
    expect(rows.size).toBe(manifest.files.length);
    for (const f of manifest.files) {
      const row = rows.get(corpusPath(f));
      expect(row, f.path).toBeDefined();
      expect([row?.size, row?.format, row?.contentHash], f.path).toEqual([f.size, FORMAT[f.format], f.sha256]);
    }
    const detail = catalog.get(catalog.idForPath(corpusPath(manifest.files[0] as ManifestFile)) as number);
    expect(detail?.relPath).toBe((manifest.files[0] as ManifestFile).path);
  });

  it('lists every file the API cannot take as not uploadable, with a reason', () => {
    const rows = new Map(listSyncRows(catalog.db).map((r) => [r.path, r]));
    const blocked = manifest.files.filter(cannotGo);
    expect(blocked.length).toBeGreaterThan(10);
    for (const f of blocked) {
      const row = rows.get(corpusPath(f));
      expect(row?.uploadable, f.path).toBe(false);
      expect(row?.problems.length, f.path).toBeGreaterThan(0);
    }
    expect(catalog.ids({ state: 'problems' }).length).toBeGreaterThanOrEqual(blocked.length);
  });

  it('stores exactly what the metadata reader says of each file', async () => {
    for (const f of manifest.files.slice(0, 40)) {
      const read = await readFileMetadata(corpusPath(f));
      const detail = catalog.get(catalog.idForPath(corpusPath(f)) as number);
      expect(detail?.fileFields, f.path).toEqual(read.fields);
      expect([detail?.width, detail?.height, detail?.orientation], f.path).toEqual([
        read.width,
        read.height,
        read.orientation,
      ]);
    }
  });

  it('reported progress up to every file, and the folder record counts them', () => {
    const last = progress.at(-1);
    expect(last).toMatchObject({ found: manifest.files.length, done: manifest.files.length, finished: true });
    const folder = catalog.listFolders().find((x) => x.id === folderId);
    expect(folder?.photoCount).toBe(manifest.files.length);
    expect(folder?.lastScanAt).not.toBeNull();
  });

  it('a rescan of unchanged files writes nothing', async () => {
    const events = createEventBus();
    const changed: number[] = [];
    events.on('catalog:changed', (e) => changed.push(...e.ids));
    await createScanService({ catalog, events }).scanFolder(folderId);
    events.flush();
    expect(changed).toEqual([]);
  });
});
