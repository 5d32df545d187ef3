/** `lightbox inspect --json` on the whole corpus, spawned under four time zones, equals the manifest (issue 3's acceptance test). */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  corpusDir,
  corpusSkipNote,
  expectedFields,
  fieldMismatches,
  hasCorpus,
  loadManifest,
  repoRoot,
} from '../helpers/corpus';

const run = promisify(execFile);
const bin = path.join(repoRoot, 'bin/lightbox.mjs');

interface Inspected {
  path: string;
  uploadable: boolean;
  problems: string[];
  fields: {
    datetime_taken: string | null;
    camera_model: string | null;
    latitude: number | null;
    longitude: number | null;
    tags: string[];
  };
  sources: Record<string, string>;
}

if (!hasCorpus) console.warn(corpusSkipNote);

async function inspect(args: string[], tz: string): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, 'inspect', ...args], {
      cwd: repoRoot,
      env: { ...process.env, TZ: tz },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe.skipIf(!hasCorpus)('lightbox inspect --json on the corpus', () => {
  const manifest = hasCorpus ? loadManifest() : { files: [], rules: {} };

  for (const tz of ['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kathmandu']) {
    it(`matches the manifest for every file under TZ=${tz}`, async () => {
      const { stdout, code } = await inspect([corpusDir, '--json'], tz);
      expect(code).toBe(0);
      const items = JSON.parse(stdout) as Inspected[];
      const byPath = new Map(items.map((i) => [i.path, i]));
      const mismatches: string[] = [];
      for (const file of manifest.files) {
        const item = byPath.get(path.join(corpusDir, file.path));
        if (!item) mismatches.push(`${file.path}: missing from inspect output`);
        else mismatches.push(...fieldMismatches(file.path, item.fields, expectedFields(file)));
      }
      expect(items).toHaveLength(manifest.files.length);
      expect(items.map((i) => i.path)).toEqual(
        [...items.map((i) => i.path)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      );
      expect(mismatches, `\n${mismatches.join('\n')}\n`).toEqual([]);
    });
  }

  it('gives each object the documented shape, with sources for the fields it found', async () => {
    const file = manifest.files.find((f) => f.path === 'keywords/Nikon D1X.jpg');
    expect(file).toBeDefined();
    const { stdout } = await inspect([path.join(corpusDir, file?.path ?? ''), '--json'], 'UTC');
    const [item] = JSON.parse(stdout) as Inspected[];
    expect(Object.keys(item ?? {}).sort()).toEqual(['fields', 'path', 'problems', 'sources', 'uploadable']);
    expect(item?.fields.tags).toEqual(file?.keywords);
    expect(item?.sources).toMatchObject({
      datetime_taken: 'EXIF DateTimeOriginal',
      camera_model: 'EXIF Make + Model',
      tags: 'IPTC Keywords',
    });
  });
});

describe('lightbox command line', () => {
  it('prints usage on stderr and exits 2 for an unknown command', async () => {
    try {
      await run(process.execPath, [bin, 'no-such-command'], { cwd: repoRoot });
      expect.unreachable('should exit non-zero');
    } catch (err) {
      const e = err as { code: number; stderr: string };
      expect(e.code).toBe(2);
      expect(e.stderr).toContain('Usage: lightbox');
    }
  });
});
