/**
 * A folder removed and added back: its photos' bytes stay known as uploaded (upload_history), so the
 * re-added photos are duplicates of those uploads, keep their remote ids and are not sent again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listSyncRows } from '../../main/catalog/sync-rows';
import { makePhoto } from '../fake-memories/photo-fixtures';
import { startFakeMemories, type FakeMemories } from '../fake-memories/server';
import { openLibrary, syncFor, TEST_KEY, type Library } from '../fake-memories/sync-harness';

let lib: Library | null = null;
let fake: FakeMemories | null = null;

afterEach(async () => {
  lib?.close();
  lib = null;
  await fake?.close();
  fake = null;
});

describe('sync after a folder is removed and added back', () => {
  it('sends nothing again and shows the original remote ids', async () => {
    const l = (lib = openLibrary());
    await makePhoto(l.photos, { name: 'a.jpg', index: 1, dateTimeOriginal: '2024:07:31 18:05:00' });
    await makePhoto(l.photos, { name: 'b.jpg', index: 2, dateTimeOriginal: '2023:01:02 03:04:05' });
    await l.scan();
    const f = (fake = await startFakeMemories({ keys: [TEST_KEY] }));
    const sync = syncFor(l, f.url);
    expect(sync.plan().photos).toBe(2);
    sync.start();
    await sync.idle();
    expect(f.state.uploads).toHaveLength(2);
    const first = new Map(listSyncRows(l.catalog.db).map((r) => [r.name, r.remoteId]));
    expect(first.get('a.jpg')).toMatch(/^\d+$/);
    expect(first.get('b.jpg')).toMatch(/^\d+$/);

    const folder = l.catalog.db.prepare('SELECT id FROM folders WHERE path = ?').get(l.photos) as { id: number };
    l.catalog.removeFolder(folder.id);
    expect(listSyncRows(l.catalog.db)).toHaveLength(0);
    await l.scan();
    const readded = listSyncRows(l.catalog.db);
    expect(readded).toHaveLength(2);
    expect(readded.every((r) => r.syncState === 'not-uploaded')).toBe(true);

    const plan = sync.plan();
    expect(plan.photos).toBe(0);
    expect(plan.duplicates).toBe(2);
    sync.start();
    await sync.idle();
    expect(sync.status().failedFiles).toBe(0);
    expect(f.state.uploads).toHaveLength(2);
    const after = listSyncRows(l.catalog.db);
    for (const r of after) {
      expect(r.syncState).toBe('uploaded');
      expect(r.remoteId).toBe(first.get(r.name));
    }
    expect(sync.plan().alreadyUploaded).toBe(2);
  });
});
