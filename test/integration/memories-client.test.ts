/** The memories.ai client against the fake server over real HTTP, with real files streamed from disk. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, openSync, closeSync, writeSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { uploadImages, type UploadFile } from '../../main/memories/upload-images';
import type { UploadFields } from '../../preload/contract';
import { makePhoto } from '../fake-memories/photo-fixtures';
import { startFakeMemories, type FakeMemories, type FakeMemoriesOptions } from '../fake-memories/server';

const KEY = 'sk-mavi-client-test';
let dir: string;
let fake: FakeMemories | null = null;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-client-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function start(o: FakeMemoriesOptions = {}): Promise<FakeMemories> {
  fake = await startFakeMemories({ keys: [KEY], ...o });
  return fake;
}

const NO_FIELDS: UploadFields = { datetime_taken: null, camera_model: null, latitude: null, longitude: null, tags: [] };

async function photo(name: string, index: number): Promise<UploadFile> {
  const p = await makePhoto(dir, { name, index });
  return { path: p, name, size: statSync(p).size, mime: 'image/jpeg' };
}

function sha(p: string): string {
  return createHash('sha256').update(readFileSync(p)).digest('hex');
}

describe('uploadImages: what the server receives', () => {
  it('sends each file and every field exactly, one tags field per tag, with Content-Length and no chunking', async () => {
    const f = await start();
    const files = [await photo('Été à "Nice" \\ 2.jpg', 1), await photo('plain name.JPG', 2)];
    const fields: UploadFields = {
      datetime_taken: '2024-07-31 18:05:00',
      camera_model: 'Fujifilm X-T5 📷',
      latitude: -33.865143,
      longitude: 151.2099,
      tags: ['beach', 'sun, sea', 'Zürich'],
    };
    const out = await uploadImages({ base: f.url, key: KEY, uniqueId: 'trip-2024', files, fields });
    expect(out.kind).toBe('ok');
    const req = f.state.requests[0];
    expect(req?.authorization).toBe(KEY);
    expect(req?.transferEncoding).toBeNull();
    expect(Number(req?.contentLength)).toBeGreaterThan(files[0]!.size + files[1]!.size);
    expect(req?.fieldNames.filter((n) => n === 'tags')).toHaveLength(3);
    expect(f.state.uploads.map((u) => u.fileName)).toEqual(['Été à "Nice" \\ 2.jpg', 'plain name.JPG']);
    for (const [i, u] of f.state.uploads.entries()) {
      expect(u.sha256).toBe(sha(files[i]!.path));
      expect(u.size).toBe(files[i]!.size);
      expect(u.contentType).toBe('image/jpeg');
      expect(u.uniqueId).toBe('trip-2024');
      expect(u.fields).toEqual({
        datetime_taken: '2024-07-31 18:05:00',
        camera_model: 'Fujifilm X-T5 📷',
        latitude: '-33.865143',
        longitude: '151.2099',
        tags: ['beach', 'sun, sea', 'Zürich', 'api'],
      });
    }
    if (out.kind !== 'ok') return;
    // ids digit for digit as the server wrote them (bare numbers above 2^53)
    expect(out.ids).toEqual(f.state.uploads.map((u) => u.id));
    expect(out.ids.every((id) => BigInt(id) > 2n ** 53n)).toBe(true);
  });

  it('sends no optional field when it is absent, and coordinates only as a pair', async () => {
    const f = await start();
    const out = await uploadImages({
      base: f.url,
      key: KEY,
      uniqueId: 'default',
      files: [await photo('a.jpg', 3)],
      fields: { ...NO_FIELDS, latitude: 10 },
    });
    expect(out.kind).toBe('ok');
    expect(f.state.requests[0]?.fieldNames).toEqual(['unique_id']);
  });

  it('reads ids sent as strings too', async () => {
    const f = await start({ idFormat: 'mixed' });
    const files = [await photo('a.jpg', 4), await photo('b.jpg', 5)];
    const out = await uploadImages({ base: f.url, key: KEY, uniqueId: 'default', files, fields: NO_FIELDS });
    expect(out).toEqual({ kind: 'ok', ids: f.state.uploads.map((u) => u.id), duplicate: false });
  });
});

describe('uploadImages: outcomes', () => {
  const one = async (o: FakeMemoriesOptions, key = KEY, files?: UploadFile[]) => {
    const f = await start(o);
    return uploadImages({
      base: f.url,
      key,
      uniqueId: 'default',
      files: files ?? [await photo('a.jpg', 6)],
      fields: NO_FIELDS,
    });
  };

  it('maps a bad key to auth', async () => {
    expect((await one({}, 'sk-wrong')).kind).toBe('auth');
  });
  it('maps 9009 to auth, 0402 to balance, 0403 to disabled', async () => {
    expect((await one({ faults: [{ kind: 'error', code: '9009', msg: 'permission denied' }] })).kind).toBe('auth');
    await fake?.close();
    expect((await one({ balance: 0 })).kind).toBe('balance');
    await fake?.close();
    expect((await one({ faults: [{ kind: 'error', code: '0403', msg: 'account disabled' }] })).kind).toBe('disabled');
  });
  it('maps 0429 in the body and HTTP 429 to rate-limited', async () => {
    expect((await one({ faults: [{ kind: 'rate-limit-body' }] })).kind).toBe('rate-limited');
    await fake?.close();
    expect((await one({ faults: [{ kind: 'rate-limit-http' }] })).kind).toBe('rate-limited');
  });
  it('reads the cap from the message', async () => {
    const files = [await photo('a.jpg', 7), await photo('b.jpg', 8), await photo('c.jpg', 9)];
    expect(await one({ batchCap: 2 }, KEY, files)).toMatchObject({ kind: 'cap', cap: 2 });
  });
  it('names the file a validation error is about, also when errors come as HTTP 400', async () => {
    const heicLike = path.join(dir, 'x.heic');
    writeFileSync(heicLike, 'not really');
    const files = [await photo('a.jpg', 10), { path: heicLike, name: 'x.heic', size: 10, mime: 'image/heic' }];
    expect(await one({ errorsAsHttp: true }, KEY, files)).toMatchObject({ kind: 'validation', file: 1 });
  });
  it('maps 0409 without ids to duplicate', async () => {
    expect((await one({ faults: [{ kind: 'error', code: '0409', msg: 'duplicate operation' }] })).kind).toBe(
      'duplicate',
    );
  });
  it('treats "network abnormal" and 5xx as transient, not stored', async () => {
    expect(await one({ faults: [{ kind: 'error', code: '0003', msg: 'network abnormal' }] })).toMatchObject({
      kind: 'transient',
      mayBeStored: false,
    });
    await fake?.close();
    expect(await one({ faults: [{ kind: 'http-5xx' }] })).toMatchObject({ kind: 'transient', mayBeStored: false });
  });
  it('flags a lost answer after the whole body was sent as maybe stored', async () => {
    const out = await one({ faults: [{ kind: 'drop-after-store' }] });
    expect(out).toMatchObject({ kind: 'transient', sentBody: true, mayBeStored: true });
    expect(fake?.state.uploads).toHaveLength(1);
  });
  it('flags a non-JSON 200 as maybe stored', async () => {
    expect(await one({ faults: [{ kind: 'garbage-200' }] })).toMatchObject({ kind: 'transient', mayBeStored: true });
  });
  it('knows a connection cut mid-body cannot have stored anything', async () => {
    const big = path.join(dir, 'big.jpg');
    writeFileSync(big, Buffer.alloc(3_000_000, 7));
    const out = await one({ faults: [{ kind: 'drop-before-store' }] }, KEY, [
      { path: big, name: 'big.jpg', size: 3_000_000, mime: 'image/jpeg' },
    ]);
    expect(out).toMatchObject({ kind: 'transient', sentBody: false, mayBeStored: false });
  });
  it('reports a refused connection as transient, nothing sent', async () => {
    const server = http.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    const out = await uploadImages({
      base: `http://127.0.0.1:${port}`,
      key: KEY,
      uniqueId: 'default',
      files: [await photo('a.jpg', 11)],
      fields: NO_FIELDS,
    });
    expect(out).toMatchObject({ kind: 'transient', sentBody: false, mayBeStored: false });
    if (out.kind === 'transient') expect(out.message).toContain('ECONNREFUSED');
  });
});

describe('uploadImages: memory', () => {
  function bigFile(name: string, mb: number, fill: number): UploadFile {
    const p = path.join(dir, name);
    // Note: written in slices, so the test itself never holds a whole file either.
    const fd = openSync(p, 'w');
    const slice = Buffer.alloc(1024 * 1024, fill);
    for (let k = 0; k < mb; k++) writeSync(fd, slice);
    closeSync(fd);
    return { path: p, name, size: mb * 1024 * 1024, mime: 'image/jpeg' };
  }

  async function peakGrowthMb(f: FakeMemories, files: UploadFile[]): Promise<number> {
    const base = process.memoryUsage().rss;
    let peak = base;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const out = await uploadImages({ base: f.url, key: KEY, uniqueId: 'default', files, fields: NO_FIELDS });
    clearInterval(timer);
    expect(out.kind).toBe('ok');
    return (Math.max(peak, process.memoryUsage().rss) - base) / 1024 / 1024;
  }

  it('streams large files: peak memory does not grow with the bytes sent', async () => {
    const f = await start({ batchCap: 10 });
    const small = Array.from({ length: 6 }, (_, i) => bigFile(`small-${i}.jpg`, 1, i + 1));
    const large = Array.from({ length: 6 }, (_, i) => bigFile(`large-${i}.jpg`, 19, i + 1));
    const gSmall = await peakGrowthMb(f, small);
    const gLarge = await peakGrowthMb(f, large);
    console.log(
      `memory: 6 MB sent -> RSS +${gSmall.toFixed(1)} MB at peak; 114 MB sent -> RSS +${gLarge.toFixed(1)} MB at peak`,
    );
    expect(f.state.uploads.map((u) => u.size)).toEqual([...small, ...large].map((x) => x.size));
    // Buffering would need at least the 114 MB of the request.
    expect(gLarge).toBeLessThan(40);
  });
});
