/** Opt-in conversion: a photo the API cannot take goes as a JPEG copy; the original stays untouched. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { listSyncRows } from '../../main/catalog/sync-rows';
import { startFakeMemories, type FakeMemories } from '../fake-memories/server';
import { memorySettings, openLibrary, syncFor, TEST_KEY, type Library } from '../fake-memories/sync-harness';

let lib: Library | null = null;
let fake: FakeMemories | null = null;
afterEach(async () => {
  lib?.close();
  lib = null;
  await fake?.close();
  fake = null;
});

const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('convert unsupported files (opt-in)', () => {
  it('blocks a TIFF by default, and with the setting on sends a JPEG copy and leaves the original alone', async () => {
    const l = (lib = openLibrary('lightbox-convert-'));
    mkdirSync(l.photos, { recursive: true });
    const tiff = path.join(l.photos, 'scan.tif');
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
      .tiff()
      .toFile(tiff);
    writeFileSync(path.join(l.photos, 'broken.jpg'), 'not an image at all');
    await l.scan();
    const before = sha(tiff);
    fake = await startFakeMemories({ keys: [TEST_KEY] });

    const off = syncFor(l, fake.url);
    expect(
      off
        .plan()
        .blocked.map((b) => b.name)
        .sort(),
    ).toEqual(['broken.jpg', 'scan.tif']);

    const settings = memorySettings(fake.url, { convertUnsupported: true });
    const on = syncFor(l, fake.url, {}, settings);
    // a text file named .jpg is not a photo at all: still blocked
    expect(on.plan().photos).toBe(1);
    expect(on.plan().blocked.map((b) => b.name)).toEqual(['broken.jpg']);
    on.start();
    await on.idle();
    const rows = new Map(listSyncRows(l.catalog.db).map((r) => [r.name, r]));
    expect(rows.get('scan.tif')?.syncState).toBe('uploaded');
    expect(rows.get('broken.jpg')?.syncState).toBe('not-uploaded');
    expect(fake.state.uploads).toHaveLength(1);
    const u = fake.state.uploads[0]!;
    expect(u.fileName).toBe('scan.jpg');
    expect(u.contentType).toBe('image/jpeg');
    expect(rows.get('scan.tif')?.remoteId).toBe(u.id);
    expect(sha(tiff)).toBe(before);
    const tmp = path.join(os.tmpdir(), `lightbox-convert-${process.pid}`);
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
  });
});
