import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../../main/catalog/catalog';
import { MIGRATIONS } from '../../../main/catalog/migrations';
import { schemaVersion } from '../../../main/catalog/open-db';
import { knownFiles, setMissing, upsertScanBatch, type ScannedFile } from '../../../main/catalog/scan-writes';
import { listSyncRows } from '../../../main/catalog/sync-rows';
import { makeMetadata } from './make-metadata';

let dir: string;
let catalog: Catalog;
let folderId: number;

function file(name: string, fields: Parameters<typeof makeMetadata>[0] = {}, extra = {}): ScannedFile {
  return {
    path: path.join('/photos', name),
    relPath: name,
    name: path.basename(name),
    size: 1000,
    mtimeMs: 1_700_000_000_000,
    contentHash: `hash-${name}`,
    metadata: makeMetadata(fields, extra),
  };
}

function idOf(name: string): number {
  const id = catalog.idForPath(path.join('/photos', name));
  if (id === null) throw new Error(`${name} not in catalog`);
  return id;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-catalog-'));
  catalog = openCatalog(path.join(dir, 'catalog.sqlite'));
  folderId = catalog.addFolder('/photos').id;
});

afterEach(() => {
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('open and migrate', () => {
  it('sets WAL, foreign keys and the schema version, and reopens without re-running migrations', () => {
    expect(schemaVersion(catalog.db)).toBe(MIGRATIONS.length);
    expect((catalog.db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect((catalog.db.prepare('PRAGMA foreign_keys').get() as { foreign_keys: number }).foreign_keys).toBe(1);
    expect((catalog.db.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous).toBe(2);
    catalog.close();
    catalog = openCatalog(path.join(dir, 'catalog.sqlite'));
    expect(catalog.listFolders().map((f) => f.path)).toEqual(['/photos']);
  });

  it('adds a folder once per path', () => {
    expect(catalog.addFolder('/photos/').id).toBe(folderId);
    expect(catalog.listFolders()).toHaveLength(1);
  });
});

describe('scan writes', () => {
  it('a rescan updates file values but keeps edits and sync state', () => {
    upsertScanBatch(catalog.db, folderId, [file('a.jpg', { datetime_taken: '2020-01-02 03:04:05', tags: ['sea'] })]);
    const id = idOf('a.jpg');
    catalog.applyEdit([id], { camera_model: 'My Cam', addTags: ['holiday'] });
    catalog.db
      .prepare("UPDATE photos SET sync_state = 'uploaded', remote_id = '123456789012345678901' WHERE id = ?")
      .run(id);
    upsertScanBatch(catalog.db, folderId, [
      file('a.jpg', { datetime_taken: '2021-05-06 07:08:09', camera_model: 'File Cam', tags: ['sea', 'sand'] }),
    ]);
    const detail = catalog.get(id);
    expect(detail?.fileFields.datetime_taken).toBe('2021-05-06 07:08:09');
    expect(detail?.fields.camera_model).toBe('My Cam');
    expect(detail?.fields.tags).toEqual(['sea', 'sand', 'holiday']);
    expect(detail?.sources.camera_model).toBe('edited');
    // The file's own source stays known under the edit, so the inspector can show both.
    expect(detail?.fileSources.datetime_taken).toBe('EXIF DateTimeOriginal');
    expect(detail?.remoteId).toBe('123456789012345678901');
    expect(detail?.state).toBe('uploaded');
    expect(
      catalog
        .tags()
        .map((t) => t.tag)
        .sort(),
    ).toEqual(['holiday', 'sand', 'sea']);
  });

  it('marks missing files without deleting them', () => {
    upsertScanBatch(catalog.db, folderId, [file('a.jpg'), file('b.jpg')]);
    setMissing(catalog.db, [idOf('b.jpg')], true);
    const known = knownFiles(catalog.db, folderId);
    expect(known.get('/photos/b.jpg')?.missing).toBe(true);
    const b = catalog.get(idOf('b.jpg'));
    expect(b?.uploadable).toBe(false);
    expect(b?.problems.join(' ')).toMatch(/no longer on disk/);
    expect(catalog.ids({ state: 'problems' })).toEqual([idOf('b.jpg')]);
  });
});

describe('reads', () => {
  it('buckets by month of the effective time, newest first, undated last, in page order', () => {
    upsertScanBatch(catalog.db, folderId, [
      file('old.jpg', { datetime_taken: '2019-12-31 23:59:59' }),
      file('new.jpg', { datetime_taken: '2021-03-01 00:00:00' }),
      file('none.jpg'),
      file('mid.jpg', { datetime_taken: '2021-03-15 10:00:00' }),
    ]);
    catalog.applyEdit([idOf('old.jpg')], { datetime_taken: '2022-01-01 00:00:00' });
    expect(catalog.buckets({})).toEqual([
      { key: '2022-01', count: 1 },
      { key: '2021-03', count: 2 },
      { key: 'undated', count: 1 },
    ]);
    expect(catalog.page({}, 0, 10).map((p) => p.name)).toEqual(['old.jpg', 'mid.jpg', 'new.jpg', 'none.jpg']);
    expect(catalog.page({}, 1, 2).map((p) => p.name)).toEqual(['mid.jpg', 'new.jpg']);
  });

  it('filters by tag, text, folder and state', () => {
    upsertScanBatch(catalog.db, folderId, [file('beach 1.jpg', { tags: ['sea'] }), file('city_2.jpg')]);
    const other = catalog.addFolder('/other').id;
    expect(catalog.ids({ tag: 'sea' })).toEqual([idOf('beach 1.jpg')]);
    expect(catalog.ids({ text: 'CITY' })).toEqual([idOf('city_2.jpg')]);
    expect(catalog.ids({ text: '_' })).toEqual([idOf('city_2.jpg')]);
    expect(catalog.ids({ folderId: other })).toEqual([]);
    catalog.applyEdit([idOf('city_2.jpg')], { excluded: true });
    expect(catalog.ids({ state: 'excluded' })).toEqual([idOf('city_2.jpg')]);
    expect(catalog.ids({ state: 'not-uploaded' })).toEqual([idOf('beach 1.jpg')]);
  });

  it('flags a photo changed since upload and finds it with the changed filter', () => {
    upsertScanBatch(catalog.db, folderId, [file('a.jpg', { tags: ['x'] })]);
    const id = idOf('a.jpg');
    const sent = JSON.stringify({
      datetime_taken: null,
      camera_model: null,
      latitude: null,
      longitude: null,
      tags: ['x'],
    });
    catalog.db.prepare("UPDATE photos SET sync_state = 'uploaded', sent_fields = ? WHERE id = ?").run(sent, id);
    expect(catalog.get(id)?.changedSinceUpload).toBe(false);
    catalog.applyEdit([id], { addTags: ['y'] });
    expect(catalog.get(id)?.changedSinceUpload).toBe(true);
    expect(catalog.ids({ state: 'changed' })).toEqual([id]);
  });
});

describe('edits', () => {
  it('shifts the effective time across month and leap-day boundaries', () => {
    upsertScanBatch(catalog.db, folderId, [file('a.jpg', { datetime_taken: '2024-02-28 23:30:00' }), file('b.jpg')]);
    const result = catalog.applyEdit([idOf('a.jpg'), idOf('b.jpg')], { shiftSeconds: 3600 });
    expect(catalog.get(idOf('a.jpg'))?.fields.datetime_taken).toBe('2024-02-29 00:30:00');
    expect(result.updated).toBe(1);
    expect(result.problems).toEqual(['b.jpg was not changed: it has no capture time to shift.']);
  });

  it('sets, clears and reverts capture time, camera and location', () => {
    upsertScanBatch(catalog.db, folderId, [
      file('a.jpg', { datetime_taken: '2020-01-01 00:00:00', camera_model: 'Cam', latitude: 1.5, longitude: 2.5 }),
    ]);
    const id = idOf('a.jpg');
    catalog.applyEdit([id], { datetime_taken: null, camera_model: null, location: null });
    let d = catalog.get(id);
    expect([d?.fields.datetime_taken, d?.fields.camera_model, d?.fields.latitude, d?.fields.longitude]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(catalog.buckets({})).toEqual([{ key: 'undated', count: 1 }]);
    catalog.applyEdit([id], { revert: ['datetime_taken', 'camera_model', 'location'] });
    d = catalog.get(id);
    expect(d?.fields).toEqual(d?.fileFields);
    expect(d?.edited).toEqual({});
  });

  it('copies the effective location of another photo', () => {
    upsertScanBatch(catalog.db, folderId, [file('src.jpg', { latitude: -33.5, longitude: 151.25 }), file('dst.jpg')]);
    catalog.applyEdit([idOf('dst.jpg')], { locationFrom: idOf('src.jpg') });
    const d = catalog.get(idOf('dst.jpg'));
    expect([d?.fields.latitude, d?.fields.longitude, d?.sources.location]).toEqual([-33.5, 151.25, 'edited']);
  });

  it('uses the file date as local wall-clock time', () => {
    upsertScanBatch(catalog.db, folderId, [file('a.jpg')]);
    catalog.applyEdit([idOf('a.jpg')], { useFileDate: true });
    const expected = new Date(1_700_000_000_000);
    const p = (n: number): string => String(n).padStart(2, '0');
    expect(catalog.get(idOf('a.jpg'))?.fields.datetime_taken).toBe(
      `${expected.getFullYear()}-${p(expected.getMonth() + 1)}-${p(expected.getDate())} ${p(expected.getHours())}:${p(expected.getMinutes())}:${p(expected.getSeconds())}`,
    );
  });

  it('refuses to go over 50 tags for the photo that would, and still edits the others', () => {
    const many = Array.from({ length: 49 }, (_, i) => `t${i}`);
    upsertScanBatch(catalog.db, folderId, [file('full.jpg', { tags: many }), file('few.jpg')]);
    const result = catalog.applyEdit([idOf('full.jpg'), idOf('few.jpg')], { addTags: ['x', 'y'] });
    expect(result.updated).toBe(1);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^full\.jpg .*51 tags.*50/);
    expect(catalog.get(idOf('full.jpg'))?.fields.tags).toHaveLength(49);
    expect(catalog.get(idOf('few.jpg'))?.fields.tags).toEqual(['x', 'y']);
  });

  it('removes file tags and added tags, keeping photo_tags equal to the effective tags', () => {
    upsertScanBatch(catalog.db, folderId, [file('a.jpg', { tags: ['a', 'b'] })]);
    const id = idOf('a.jpg');
    catalog.applyEdit([id], { addTags: ['c'], removeTags: ['a'] });
    expect(catalog.get(id)?.fields.tags).toEqual(['b', 'c']);
    catalog.applyEdit([id], { removeTags: ['c'], addTags: ['a'] });
    expect(catalog.get(id)?.fields.tags).toEqual(['a', 'b']);
    const indexed = catalog.db.prepare('SELECT tag FROM photo_tags WHERE photo_id = ? ORDER BY tag').all(id) as {
      tag: string;
    }[];
    expect(indexed.map((r) => r.tag)).toEqual(['a', 'b']);
  });

  it('lists sync rows with effective fields and the excluded flag', () => {
    upsertScanBatch(catalog.db, folderId, [
      file('a.jpg', { tags: ['a'] }),
      file('b.jpg', {}, { uploadable: false, problems: ['HEIC is not accepted'] }),
    ]);
    catalog.applyEdit([idOf('a.jpg')], { excluded: true, addTags: ['z'] });
    const rows = listSyncRows(catalog.db);
    expect(rows.map((r) => [r.name, r.excluded, r.uploadable, r.fields.tags])).toEqual([
      ['a.jpg', true, true, ['a', 'z']],
      ['b.jpg', false, false, []],
    ]);
    expect(catalog.get(idOf('a.jpg'))?.state).toBe('excluded');
    expect(listSyncRows(catalog.db, [idOf('b.jpg')]).map((r) => r.problems)).toEqual([['HEIC is not accepted']]);
  });
});
