/** Pause takes effect at once: a request still sending its body is stopped and nothing of it is stored. */
import { statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { listSyncRows } from '../../main/catalog/sync-rows';
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

async function until(cond: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('sync pause', () => {
  it('stops a request mid-body at once, keeps the photo queued, and sends it whole after resume', async () => {
    const l = (lib = openLibrary('lightbox-pause-'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(l.photos, { recursive: true });
    const file = path.join(l.photos, 'noise.jpg');
    // Note: noise does not compress, so this JPEG is large (well above socket buffers).
    await sharp({
      create: {
        width: 2600,
        height: 2600,
        channels: 3,
        background: '#808080',
        noise: { type: 'gaussian', mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 100 })
      .toFile(file);
    expect(statSync(file).size).toBeGreaterThan(8 * 1024 * 1024);
    await l.scan();
    let slow = true;
    const f = (fake = await startFakeMemories({
      keys: [TEST_KEY],
      faults: () => (slow ? { kind: 'slow-read', bytesPerSecond: 300_000 } : null),
    }));
    const sync = syncFor(l, f.url);
    sync.start();
    await until(() => f.state.requests.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    sync.pause();
    expect(sync.status().phase).toBe('paused');
    await until(() => listSyncRows(l.catalog.db)[0]?.syncState === 'queued', 5_000);
    expect(f.state.uploads).toHaveLength(0);
    slow = false;
    sync.resume();
    await sync.idle();
    const row = listSyncRows(l.catalog.db)[0];
    expect(row?.syncState).toBe('uploaded');
    expect(f.state.uploads).toHaveLength(1);
    expect(f.state.uploads[0]?.size).toBe(statSync(file).size);
    expect(row?.remoteId).toBe(f.state.uploads[0]?.id);
  });
});
