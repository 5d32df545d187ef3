/** `lightbox sync` sends photos an earlier run left failed, names uncertain ones without resending them, and `list` keeps the reasons. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePhoto } from '../fake-memories/photo-fixtures';
import { startFakeMemories, type FakeMemories, type FakeMemoriesOptions } from '../fake-memories/server';
import { repoRoot } from '../helpers/corpus';

const KEY = 'sk-mavi-cli-retry';
let dir: string;
let fake: FakeMemories | null = null;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

interface Listed {
  path: string;
  state: string;
  remote_id: string | null;
  problems: string[];
  changed_since_upload: boolean;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-cli-retry-'));
});
afterEach(async () => {
  await fake?.close();
  fake = null;
  rmSync(dir, { recursive: true, force: true });
});

function lightbox(args: string[], env: Record<string, string>): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, 'bin/lightbox.mjs'), ...args],
      { cwd: repoRoot, env: { ...process.env, LIGHTBOX_HOME: path.join(dir, 'home'), ...env } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function list(env: Record<string, string>): Promise<Map<string, Listed>> {
  const out = await lightbox(['list', '--json'], env);
  expect(out.code, out.stderr).toBe(0);
  return new Map((JSON.parse(out.stdout) as Listed[]).map((p) => [path.basename(p.path), p]));
}

/** Three photos with distinct capture times (one request each) and an empty file that cannot go. */
async function setup(o: FakeMemoriesOptions): Promise<Record<string, string>> {
  const photos = path.join(dir, 'photos');
  for (let i = 1; i <= 3; i++) {
    await makePhoto(photos, { name: `p${i}.jpg`, index: i, dateTimeOriginal: `2024:05:0${i} 10:00:00` });
  }
  writeFileSync(path.join(photos, 'empty.jpg'), '');
  fake = await startFakeMemories({ keys: [KEY], ...o });
  const env = { MEMORIES_API_KEY: KEY, MEMORIES_API_BASE: fake.url, LIGHTBOX_REQUESTS_PER_SECOND: '20' };
  const imported = await lightbox(['import', photos], env);
  expect(imported.code, imported.stderr).toBe(0);
  return env;
}

function storedFor(file: string): string[] {
  const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
  return fake!.state.uploads.filter((u) => u.sha256 === sha).map((u) => u.id);
}

describe('lightbox sync after an earlier run', () => {
  it('sends again a photo that failed before, lists the failure reason until then, and tells what cannot go', async () => {
    const env = await setup({ faults: () => ({ kind: 'reject-file', name: 'p2.jpg', msg: 'image is corrupt' }) });
    const first = await lightbox(['sync'], env);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^failed .*p2\.jpg: .*image is corrupt/m);
    expect(first.stderr).toMatch(/^ {2}1 cannot go: .+ \(empty\.jpg\)$/m);
    const failed = (await list(env)).get('p2.jpg');
    expect(failed?.state).toBe('failed');
    expect(failed?.problems.some((p) => /^Upload failed: .*image is corrupt/.test(p))).toBe(true);

    fake!.state.faults = undefined;
    const second = await lightbox(['sync'], env);
    expect(second.code, second.stderr).toBe(0);
    const lines = second.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const p2 = path.join(dir, 'photos', 'p2.jpg');
    const ids = storedFor(p2);
    expect(ids).toHaveLength(1);
    expect(lines[0]).toBe(`uploaded ${p2} ${ids[0]}`);
    const listed = await list(env);
    expect(listed.get('p2.jpg')).toMatchObject({ state: 'uploaded', remote_id: ids[0], problems: [] });
    expect(fake!.state.uploads).toHaveLength(3);
  });

  it('marks a photo whose fields changed since its upload', async () => {
    const env = await setup({});
    expect((await lightbox(['sync'], env)).code).toBe(0);
    expect((await lightbox(['edit', path.join(dir, 'photos', 'p1.jpg'), '--add-tag', 'later'], env)).code).toBe(0);
    const listed = await list(env);
    expect(listed.get('p1.jpg')?.changed_since_upload).toBe(true);
    expect(listed.get('p3.jpg')?.changed_since_upload).toBe(false);
    expect(listed.get('empty.jpg')?.changed_since_upload).toBe(false);
  });

  it('names uncertain uploads on stderr and does not send them again', async () => {
    const env = await setup({ faults: [{ kind: 'drop-after-store' }] });
    const first = await lightbox(['sync'], env);
    expect(first.code).toBe(1);
    const uncertainLine = /^uncertain (.+)$/m.exec(first.stdout);
    expect(uncertainLine, first.stdout).not.toBeNull();
    const uncertainPath = uncertainLine![1]!;
    const listed = (await list(env)).get(path.basename(uncertainPath));
    expect(listed?.state).toBe('uncertain');
    expect(listed?.problems.some((p) => p.startsWith('Upload uncertain: '))).toBe(true);
    const storedBefore = storedFor(uncertainPath).length;

    const second = await lightbox(['sync'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/1 upload is uncertain: it may already be on memories\.ai; resolve it in the app/);
    expect(second.stderr).toContain(uncertainPath);
    expect(second.stdout).toBe('');
    expect(storedFor(uncertainPath)).toHaveLength(storedBefore);
  });

  it("names MEMORIES_API_KEY, not the app's Settings, when the key is refused", async () => {
    const env = await setup({});
    const refused = await lightbox(['sync'], { ...env, MEMORIES_API_KEY: 'sk-wrong' });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^lightbox sync: memories\.ai refused the key in MEMORIES_API_KEY/m);
    expect(refused.stderr).not.toMatch(/Settings|press Sync/);
  });
});
