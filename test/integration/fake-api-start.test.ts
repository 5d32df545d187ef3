/** `npm run fake-api` prints one line per stored upload, so a person can compare ids with `lightbox sync` digit for digit. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makePhoto } from '../fake-memories/photo-fixtures';
import { repoRoot } from '../helpers/corpus';

let dir: string | null = null;
let server: ChildProcess | null = null;

afterEach(() => {
  server?.kill('SIGTERM');
  server = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function lightbox(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, 'bin/lightbox.mjs'), ...args],
      { cwd: repoRoot, env: { ...process.env, ...env } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Starts the fake server as `npm run fake-api` does, on a free port; collects its stdout. */
async function startFakeApi(): Promise<{ url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fake-memories/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', FAKE_API_KEY: 'sk-start-test' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  server = child;
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const m = /^Fake memories\.ai: (\S+)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`fake-api exited with ${code}: ${out}`)));
  });
  return { url, output: () => out };
}

describe('npm run fake-api', () => {
  it('prints "stored <id> <file name> <fields json>" for every upload, with the ids lightbox printed', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-fake-api-'));
    const photos = path.join(dir, 'photos');
    for (let i = 1; i <= 3; i++) {
      await makePhoto(photos, {
        name: `shot ${i}.jpg`,
        index: i,
        make: 'Nikon',
        model: 'Z 8',
        dateTimeOriginal: `2024:05:0${i} 10:00:00`,
      });
    }
    const fake = await startFakeApi();
    const env = {
      LIGHTBOX_HOME: path.join(dir, 'home'),
      MEMORIES_API_KEY: 'sk-start-test',
      MEMORIES_API_BASE: fake.url,
    };
    expect((await lightbox(['import', photos], env)).code).toBe(0);
    const synced = await lightbox(['sync'], env);
    expect(synced.code, synced.stderr).toBe(0);
    const uploaded = new Map(
      [...synced.stdout.matchAll(/^uploaded (.+) (\d+)$/gm)].map((m) => [path.basename(m[1]!), m[2]!]),
    );
    expect(uploaded.size).toBe(3);
    await expect.poll(() => fake.output().match(/^stored /gm)?.length ?? 0).toBe(3);
    const stored = [...fake.output().matchAll(/^stored (\d+) (.+?) (\{.*\})$/gm)];
    expect(stored).toHaveLength(3);
    for (const [, id, name, json] of stored) {
      expect(uploaded.get(name!), name).toBe(id);
      const fields = JSON.parse(json!) as { camera_model: string; datetime_taken: string; tags: string[] };
      expect(fields.camera_model).toBe('Nikon Z 8');
      expect(fields.datetime_taken).toBe(`2024-05-0${/shot (\d)/.exec(name!)![1]} 10:00:00`);
    }
  });
});
