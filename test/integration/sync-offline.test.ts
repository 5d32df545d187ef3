/** Going offline and back: the sync says "offline", waits, and finishes by itself when the server returns. */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listSyncRows } from '../../main/catalog/sync-rows';
import type { Sleep } from '../../main/sync/pacer';
import { makePhoto, makePhotos } from '../fake-memories/photo-fixtures';
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

  it('treats offline as a state of the whole run: few probes, and on giving up every photo stays queued', async () => {
    const l = (lib = openLibrary('lightbox-offline-giveup-'));
    // Note: a distinct camera per photo makes 18 separate requests, as in the tester's report.
    await makePhotos(l.photos, 18, 1);
    await l.scan();
    const port = await freePort();
    // Virtual time: each sleep moves the clock, so a long offline period runs at once and deterministically.
    let now = 1_000_000;
    const sleeps: number[] = [];
    const sleep: Sleep = async (ms, signal) => {
      if (signal?.aborted) return;
      sleeps.push(ms);
      now += Math.max(0, ms);
      await new Promise((r) => setImmediate(r));
    };
    const giveUpMs = 120_000;
    const sync = syncFor(l, `http://127.0.0.1:${port}`, {
      clock: () => now,
      sleep,
      concurrency: 2,
      offlineGiveUpMs: giveUpMs,
    });
    const started = now;
    sync.start();
    await sync.idle();
    const rows = listSyncRows(l.catalog.db);
    expect(rows).toHaveLength(18);
    // Offline is not the photos' fault: none failed, none uncertain (a refused connection sent nothing).
    expect(rows.map((r) => r.syncState)).toEqual(Array.from({ length: 18 }, () => 'queued'));
    const status = sync.status();
    expect(status.phase).toBe('stopped');
    expect(status.message).toMatch(/offline/i);
    expect(status.message).toMatch(/queued/i);
    expect(status.failedFiles).toBe(0);
    expect(status.uncertainFiles).toBe(0);
    // The run gives up once, after the give-up time, not once per request.
    expect(now - started).toBeGreaterThanOrEqual(giveUpMs);
    expect(now - started).toBeLessThan(giveUpMs + 30_000);
    // It stopped sending: with probes backing off up to ~30 s, two minutes allow a handful of tries,
    // far fewer than trying each of the 18 requests on its own.
    const tries = l.catalog.db.prepare('SELECT SUM(sync_attempts) AS n FROM photos').get() as { n: number };
    expect(tries.n).toBeGreaterThan(1);
    expect(tries.n).toBeLessThanOrEqual(14);
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(30_000);
  });

  it('probes again and resumes the whole run when the network returns, sending each photo once', async () => {
    const l = (lib = openLibrary('lightbox-offline-back-'));
    await makePhotos(l.photos, 10, 1);
    await l.scan();
    const port = await freePort();
    const sync = syncFor(l, `http://127.0.0.1:${port}`, { concurrency: 3 });
    sync.start();
    const deadline = Date.now() + 10_000;
    while (sync.status().phase !== 'offline' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(sync.status().phase).toBe('offline');
    fake = await startFakeMemories({ port, keys: [TEST_KEY] });
    await sync.idle();
    expect(sync.status().phase).toBe('done');
    const rows = listSyncRows(l.catalog.db);
    expect(rows.map((r) => r.syncState)).toEqual(Array.from({ length: 10 }, () => 'uploaded'));
    expect(fake.state.uploads).toHaveLength(10);
  });
});
