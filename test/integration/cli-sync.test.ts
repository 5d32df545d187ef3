/** `lightbox import` + `sync` + `list` as child processes against the fake server: ids digit for digit. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePhoto } from '../fake-memories/photo-fixtures';
import { startFakeMemories, type FakeMemories, type FakeMemoriesOptions } from '../fake-memories/server';
import { repoRoot } from '../helpers/corpus';

const KEY = 'sk-mavi-cli-test';
let dir: string;
let fake: FakeMemories | null = null;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-cli-sync-'));
});
afterEach(async () => {
  await fake?.close();
  fake = null;
  rmSync(dir, { recursive: true, force: true });
});

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function lightbox(args: string[], env: Record<string, string>): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, 'bin/lightbox.mjs'), ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, LIGHTBOX_HOME: path.join(dir, 'home'), ...env },
        maxBuffer: 32 * 1024 * 1024,
      },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function setup(o: FakeMemoriesOptions = {}): Promise<{ photos: string; env: Record<string, string> }> {
  const photos = path.join(dir, 'photos');
  for (let i = 1; i <= 6; i++) {
    await makePhoto(photos, {
      name: `p${i} é "q".jpg`,
      index: i,
      make: 'Nikon',
      model: 'Z 8',
      dateTimeOriginal: `2024:05:0${i} 10:00:00`,
    });
  }
  fake = await startFakeMemories({ keys: [KEY], ...o });
  const env = {
    MEMORIES_API_KEY: KEY,
    MEMORIES_API_BASE: fake.url,
    MEMORIES_UNIQUE_ID: 'cli-test',
    LIGHTBOX_REQUESTS_PER_SECOND: '20',
  };
  const imported = await lightbox(['import', photos], env);
  expect(imported.code, imported.stderr).toBe(0);
  return { photos, env };
}

describe('lightbox sync', () => {
  it('uploads every photo, prints one line per outcome, and list shows the server ids digit for digit', async () => {
    const { env } = await setup();
    const ran = await lightbox(['sync'], env);
    expect(ran.code, ran.stderr).toBe(0);
    const lines = ran.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    const printed = new Map(
      lines.map((l) => {
        const m = /^uploaded (.+) (\d+)$/.exec(l);
        expect(m, l).not.toBeNull();
        return [m![1], m![2]] as [string, string];
      }),
    );
    expect(ran.stderr).toMatch(/sync plan: 6 photos/);
    const listed = JSON.parse((await lightbox(['list', '--json'], env)).stdout) as {
      path: string;
      state: string;
      remote_id: string | null;
    }[];
    expect(listed).toHaveLength(6);
    for (const p of listed) {
      const sha = createHash('sha256').update(readFileSync(p.path)).digest('hex');
      const stored = fake!.state.uploads.filter((u) => u.sha256 === sha);
      expect(stored).toHaveLength(1);
      expect(p.state).toBe('uploaded');
      expect(p.remote_id).toBe(stored[0]!.id);
      expect(printed.get(p.path)).toBe(stored[0]!.id);
      expect(stored[0]!.fileName).toBe(path.basename(p.path));
      expect(stored[0]!.uniqueId).toBe('cli-test');
      expect(stored[0]!.fields.camera_model).toBe('Nikon Z 8');
    }
    // a second run has nothing to do and succeeds
    const again = await lightbox(['sync'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(fake!.state.uploads).toHaveLength(6);
  });

  it('exits non-zero and prints the reason when a photo fails', async () => {
    const { env } = await setup({
      faults: () => ({ kind: 'reject-file', name: 'p2 é "q".jpg', msg: 'image is corrupt' }),
    });
    const ran = await lightbox(['sync'], env);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/^failed .*p2 é "q"\.jpg: .*image is corrupt/m);
    expect(ran.stdout.match(/^uploaded /gm)).toHaveLength(5);
  });

  it('stops with a message on a refused key, and needs a key at all', async () => {
    const { env } = await setup();
    const refused = await lightbox(['sync'], { ...env, MEMORIES_API_KEY: 'sk-wrong' });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/key/i);
    const none = await lightbox(['sync'], { ...env, MEMORIES_API_KEY: '' });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('MEMORIES_API_KEY');
  });
});
