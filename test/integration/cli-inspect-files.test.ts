/** `lightbox inspect` walks folders like the scan, keys sources by field name, never opens a FIFO, and words decoder errors plainly. */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePhoto } from '../fake-memories/photo-fixtures';
import { corpusDir, corpusSkipNote, hasCorpus, repoRoot } from '../helpers/corpus';

interface Inspected {
  path: string;
  uploadable: boolean;
  problems: string[];
  fields: Record<string, unknown>;
  sources: Record<string, string>;
}

let dir: string;
let home: string;

function lightbox(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/lightbox.mjs'), ...args], {
    cwd: dir,
    env: { ...process.env, LIGHTBOX_HOME: home },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function inspect(...args: string[]): Inspected[] {
  const out = lightbox('inspect', ...args, '--json');
  expect(out.status, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as Inspected[];
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-inspect-'));
  home = path.join(dir, 'home');
  const real = path.join(dir, 'real');
  await makePhoto(real, {
    name: 'a.jpg',
    index: 1,
    make: 'Nikon',
    model: 'Z 8',
    dateTimeOriginal: '2024:05:01 10:00:00',
  });
  await makePhoto(path.join(real, 'sub'), { name: 'b.jpg', index: 2 });
  await makePhoto(real, { name: '.hidden.jpg', index: 3 });
  await makePhoto(path.join(real, '.cache'), { name: 'c.jpg', index: 4 });
  const links = path.join(dir, 'links');
  mkdirSync(links);
  symlinkSync(path.join(real, 'a.jpg'), path.join(links, 'link-a.jpg'));
  symlinkSync(path.join(real, 'sub'), path.join(links, 'link-sub'));
  symlinkSync(path.join(real, '.hidden.jpg'), path.join(links, '.link-hidden.jpg'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lightbox inspect', () => {
  it('finds in a folder exactly the files import finds (symbolic links, dot-files)', () => {
    for (const folder of ['real', 'links']) {
      const inspected = inspect(folder).map((i) => i.path);
      expect(lightbox('import', folder).status).toBe(0);
      const listed = (JSON.parse(lightbox('list', '--json').stdout) as { path: string }[])
        .map((p) => p.path)
        .filter((p) => p.startsWith(path.join(dir, folder) + path.sep));
      expect(inspected, folder).toEqual(listed);
      expect(
        inspected.some((p) => path.basename(p).startsWith('.') || p.includes('/.cache/')),
        folder,
      ).toBe(false);
    }
    expect(inspect('real').map((i) => path.relative(dir, i.path))).toEqual(['real/a.jpg', 'real/sub/b.jpg']);
  });

  it('keys sources by the names of fields, only for fields that have a value', () => {
    const [a] = inspect('real/a.jpg');
    expect(a?.fields).toMatchObject({ datetime_taken: '2024-05-01 10:00:00', camera_model: 'Nikon Z 8', tags: [] });
    expect(Object.keys(a?.sources ?? {}).sort()).toEqual(['camera_model', 'datetime_taken']);
  });

  it.skipIf(!hasCorpus)('gives latitude and longitude the location source', () => {
    if (!hasCorpus) console.warn(corpusSkipNote);
    copyFileSync(path.join(corpusDir, 'gps/DSCN0010.jpg'), path.join(dir, 'gps.jpg'));
    const [g] = inspect('gps.jpg');
    expect(g?.fields.latitude).toEqual(expect.any(Number));
    expect(Object.keys(g?.sources ?? {}).sort()).toEqual(['camera_model', 'datetime_taken', 'latitude', 'longitude']);
    expect(g?.sources.latitude).toBe(g?.sources.longitude);
    expect(g?.sources.latitude).toMatch(/GPS/);
  });

  it('reports a named FIFO as not a regular file instead of waiting on it', () => {
    const fifo = path.join(dir, 'pipe.jpg');
    execFileSync('mkfifo', [fifo]);
    const [item] = inspect('pipe.jpg');
    expect(item).toMatchObject({ path: fifo, uploadable: false });
    expect(item?.problems.join(' ')).toMatch(/Not a regular file/);
  });

  it('words a truncated JPEG in one plain line per problem, each once, with no decoder jargon', async () => {
    const full = await makePhoto(path.join(dir, 'cut'), { name: 'full.jpg', index: 5, size: 256 });
    const bytes = readFileSync(full);
    for (const n of [200, 400, Math.floor(bytes.length * 0.6)]) {
      writeFileSync(path.join(dir, 'cut', `cut-${n}.jpg`), bytes.subarray(0, n));
    }
    rmSync(full);
    const items = inspect('cut');
    expect(items).toHaveLength(3);
    for (const it of items) {
      const problems = it.problems;
      expect(problems.length, it.path).toBeGreaterThan(0);
      expect(new Set(problems).size, it.path).toBe(problems.length);
      for (const p of problems) {
        expect(p, it.path).not.toMatch(/\n|Vips|JPEG datastream|premature/);
        expect(p, it.path).toMatch(/truncated/);
      }
    }
  });
});
