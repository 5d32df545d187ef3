/** Going offline and back: the sync says "offline", waits, and finishes by itself when the server returns. */
import http from 'node:http';
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

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('sync offline', () => {
  it('waits while the server cannot be reached, then uploads everything by itself', async () => {
    const l = (lib = openLibrary('lightbox-offline-'));
    for (let i = 1; i <= 4; i++) await makePhoto(l.photos, { name: `o${i}.jpg`, index: i });
    await l.scan();
    const port = await freePort();
    const phases: string[] = [];
    l.events.on('sync:progress', (s) => phases.push(s.phase));
    const sync = syncFor(l, `http://127.0.0.1:${port}`, { maxAttempts: 2 });
    sync.start();
    const deadline = Date.now() + 10_000;
    while (sync.status().phase !== 'offline' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(sync.status().phase).toBe('offline');
    expect(sync.status().message).toMatch(/offline/i);
    // well past maxAttempts worth of tries: offline does not count as failing
    await new Promise((r) => setTimeout(r, 300));
    expect(listSyncRows(l.catalog.db).some((r) => r.syncState === 'failed')).toBe(false);
    fake = await startFakeMemories({ port, keys: [TEST_KEY] });
    await sync.idle();
    expect(sync.status().phase).toBe('done');
    expect(listSyncRows(l.catalog.db).every((r) => r.syncState === 'uploaded')).toBe(true);
    expect(fake.state.uploads).toHaveLength(4);
    expect(phases).toContain('offline');
  });
});
