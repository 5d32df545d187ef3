import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalog, type Catalog } from '../../../main/catalog/catalog';
import { upsertScanBatch } from '../../../main/catalog/scan-writes';
import { listSyncRows } from '../../../main/catalog/sync-rows';
import {
  getMeta,
  markBodyComplete,
  markDuplicateOf,
  markFailed,
  markSending,
  markUploaded,
  queuePhotos,
  recoverInterrupted,
  requeueFailed,
  setMeta,
  uncertainToQueued,
  unqueue,
  uploadedWithHash,
} from '../../../main/catalog/uploads';
import { makeMetadata } from './make-metadata';

let dir: string;
let catalog: Catalog;
let ids: number[];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-uploads-'));
  catalog = openCatalog(path.join(dir, 'catalog.sqlite'));
  const folder = catalog.addFolder('/photos');
  ids = upsertScanBatch(
    catalog.db,
    folder.id,
    ['a.jpg', 'b.jpg', 'c.jpg'].map((name) => ({
      path: `/photos/${name}`,
      relPath: name,
      name,
      size: 100,
      mtimeMs: 1,
      contentHash: `hash-${name}`,
      metadata: makeMetadata({ camera_model: 'X' }),
    })),
  );
});
afterEach(() => {
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
});

const state = (id: number): string | undefined => listSyncRows(catalog.db, [id])[0]?.syncState;

describe('upload state transitions', () => {
  it('queued -> sending -> uploaded keeps the remote id as exact text and the fields sent', () => {
    const [a] = ids as [number];
    expect(queuePhotos(catalog.db, [a])).toBe(1);
    markSending(catalog.db, [a]);
    expect(state(a)).toBe('sending');
    const fields = { datetime_taken: null, camera_model: 'X', latitude: null, longitude: null, tags: ['t'] };
    markUploaded(catalog.db, [{ id: a, remoteId: '568102998803353601', sentFields: fields }]);
    const row = listSyncRows(catalog.db, [a])[0];
    expect(row?.syncState).toBe('uploaded');
    expect(row?.remoteId).toBe('568102998803353601');
    expect(row?.sentFields).toEqual(fields);
    expect(uploadedWithHash(catalog.db, 'hash-a.jpg')?.remoteId).toBe('568102998803353601');
  });

  it('at start-up: a request that never sent its last bytes is queued again, one that did is uncertain', () => {
    const [a, b] = ids as [number, number];
    queuePhotos(catalog.db, [a, b]);
    expect(markSending(catalog.db, [a, b])).toEqual([a, b]);
    markBodyComplete(catalog.db, [b]);
    expect(recoverInterrupted(catalog.db)).toBe(1);
    expect(state(a)).toBe('queued');
    expect(state(b)).toBe('uncertain');
    expect(uncertainToQueued(catalog.db, [b])).toBe(1);
    expect(state(b)).toBe('queued');
  });

  it('claims for sending only photos still queued and not excluded (excluded after Sync was pressed: never sent)', () => {
    const [a, b] = ids as [number, number];
    queuePhotos(catalog.db, [a, b]);
    catalog.applyEdit([b], { excluded: true });
    expect(markSending(catalog.db, [a, b])).toEqual([a]);
    expect(state(a)).toBe('sending');
    expect(state(b)).toBe('queued');
  });

  it('failed photos come back with retryFailed; cancel takes queued photos out of the queue', () => {
    const [a, b] = ids as [number, number];
    markFailed(catalog.db, [a], 'refused', false);
    expect(listSyncRows(catalog.db, [a])[0]?.syncState).toBe('failed');
    expect(requeueFailed(catalog.db)).toBe(1);
    expect(state(a)).toBe('queued');
    queuePhotos(catalog.db, [b]);
    expect(unqueue(catalog.db, [a, b])).toBe(2);
    expect(state(b)).toBe('not-uploaded');
  });

  it('does not queue uploaded photos again', () => {
    const [a, , c] = ids as [number, number, number];
    markUploaded(catalog.db, [
      {
        id: a,
        remoteId: '1',
        sentFields: { datetime_taken: null, camera_model: null, latitude: null, longitude: null, tags: [] },
      },
    ]);
    markDuplicateOf(catalog.db, c, { remoteId: '1', sentFields: null, name: 'a.jpg' });
    expect(queuePhotos(catalog.db, [a, c])).toBe(0);
    expect(listSyncRows(catalog.db, [c])[0]?.remoteId).toBe('1');
  });

  it('remembers learned facts', () => {
    expect(getMeta(catalog.db, 'memories.batchCap')).toBeNull();
    setMeta(catalog.db, 'memories.batchCap', '7');
    setMeta(catalog.db, 'memories.batchCap', '5');
    expect(getMeta(catalog.db, 'memories.batchCap')).toBe('5');
  });
});
