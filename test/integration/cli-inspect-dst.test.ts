/** Wall-clock times inside a daylight-saving gap or overlap of the computer's zone come out of `lightbox inspect --json` with the camera's digits. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { app1, buildTiff, plainJpeg, spliceJpeg, t, xmpPacket } from '../unit/metadata/fixtures';
import { repoRoot } from '../helpers/corpus';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'lightbox-dst-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DTO = 0x9003;
// In America/Los_Angeles, 2024-03-10 02:00-02:59 does not exist (clocks jump to 03:00) and
// 2024-11-03 01:00-01:59 happens twice (clocks go back to 01:00): a Date would move or guess.
const GAP = '2024:03:10 02:30:00';
const OVERLAP = '2024:11:03 01:30:00';

async function exifJpeg(name: string, dto: string): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, spliceJpeg(await plainJpeg(), [app1.exif(buildTiff({ exif: { [DTO]: t.ascii(dto) } }))]));
  return file;
}

async function xmpJpeg(name: string, dto: string): Promise<string> {
  const file = path.join(dir, name);
  const packet = xmpPacket(`<exif:DateTimeOriginal>${dto}</exif:DateTimeOriginal>`);
  writeFileSync(file, spliceJpeg(await plainJpeg(), [app1.xmp(packet)]));
  return file;
}

describe('capture times in a daylight-saving gap or overlap', () => {
  it('are printed with the digits the camera wrote, under TZ=America/Los_Angeles', async () => {
    const files = [
      await exifJpeg('a-gap.jpg', GAP),
      await exifJpeg('b-overlap.jpg', OVERLAP),
      await xmpJpeg('c-gap-xmp.jpg', '2024-03-10T02:30:00'),
      await xmpJpeg('d-overlap-xmp.jpg', '2024-11-03T01:30:00'),
    ];
    const { stdout } = await run(
      process.execPath,
      [path.join(repoRoot, 'bin/lightbox.mjs'), 'inspect', dir, '--json'],
      {
        cwd: repoRoot,
        env: { ...process.env, TZ: 'America/Los_Angeles' },
      },
    );
    const items = JSON.parse(stdout) as {
      path: string;
      fields: { datetime_taken: string | null };
      sources: Record<string, string>;
    }[];
    expect(items.map((i) => [path.basename(i.path), i.fields.datetime_taken, i.sources.datetime_taken])).toEqual([
      ['a-gap.jpg', '2024-03-10 02:30:00', 'EXIF DateTimeOriginal'],
      ['b-overlap.jpg', '2024-11-03 01:30:00', 'EXIF DateTimeOriginal'],
      ['c-gap-xmp.jpg', '2024-03-10 02:30:00', 'XMP DateTimeOriginal'],
      ['d-overlap-xmp.jpg', '2024-11-03 01:30:00', 'XMP DateTimeOriginal'],
    ]);
    expect(items.map((i) => i.path)).toEqual(files);
  });
});
