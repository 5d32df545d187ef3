/**
 * Issue 4: SIGKILL a syncing `lightbox sync` ten times at random points (early, mid-body, right after the
 * server stored but before the answer arrived), restart, and finish: no photo and no id lost, no
 * silent duplicate; photos whose answer was lost are flagged uncertain.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../main/catalog/catalog';
import { listSyncRows } from '../../main/catalog/sync-rows';
import { audit, auditLine } from '../fake-memories/audit';
import { makePhoto } from '../fake-memories/photo-fixtures';
import { startFakeMemories, type FakeMemories } from '../fake-memories/server';
import { repoRoot } from '../helpers/corpus';

const KEY = 'sk-mavi-kill-test';
let dir: string;
let fake: FakeMemories;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-kill-'));
  fake = await startFakeMemories({
    keys: [KEY],
    batchCap: 3,
    // Note: the server reads slowly, so a kill often lands while a body is on the wire.
    faults: () => ({ kind: 'slow-read', bytesPerSecond: 40_000 }),
  });
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function env(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LIGHTBOX_HOME: path.join(dir, 'home'),
    MEMORIES_API_KEY: KEY,
    MEMORIES_API_BASE: fake.url,
    LIGHTBOX_REQUESTS_PER_SECOND: '8',
  };
}

function lightbox(args: string[]): ChildProcess {
  return spawn(process.execPath, [path.join(repoRoot, 'bin/lightbox.mjs'), ...args], {
    cwd: repoRoot,
    env: env(),
    stdio: 'ignore',
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe('sync killed at random points', () => {
  it('loses no photo and no id across ten SIGKILLs and restarts', async () => {
    const photos = path.join(dir, 'photos');
    for (let i = 1; i <= 60; i++) {
      await makePhoto(photos, {
        name: `k-${String(i).padStart(2, '0')}.jpg`,
        index: i,
        size: 96,
        make: 'Leica',
        model: 'Q3',
        dateTimeOriginal: `2024:01:${String((i % 9) + 1).padStart(2, '0')} 09:00:00`,
      });
    }
    const imported = await new Promise<number>((resolve) =>
      execFile(
        process.execPath,
        [path.join(repoRoot, 'bin/lightbox.mjs'), 'import', photos],
        { cwd: repoRoot, env: env() },
        (err) => resolve(err ? 1 : 0),
      ),
    );
    expect(imported).toBe(0);

    const random = rng(4242);
    const kinds: string[] = [];
    for (let round = 0; round < 10; round++) {
      const child = lightbox(['sync']);
      const done = exited(child);
      const kill = (): void => {
        child.kill('SIGKILL');
      };
      const mode = round % 3;
      let timer: NodeJS.Timeout | undefined;
      if (mode === 0) {
        // right after the server stored a request, before its answer reaches the child
        fake.state.onStored = () => {
          fake.state.onStored = null;
          kill();
        };
        timer = setTimeout(kill, 15_000);
        kinds.push('after-store');
      } else if (mode === 1) {
        // anywhere, planning included
        timer = setTimeout(kill, 300 + random() * 2500);
        kinds.push('random');
      } else {
        // mid-body: as soon as the server sees a new request, wait a little and kill
        const before = fake.state.requests.length;
        const poll = setInterval(() => {
          if (fake.state.requests.length > before) {
            clearInterval(poll);
            setTimeout(kill, random() * 40);
          }
        }, 2);
        timer = setTimeout(() => {
          clearInterval(poll);
          kill();
        }, 15_000);
        kinds.push('mid-body');
      }
      await done;
      clearTimeout(timer);
      fake.state.onStored = null;
    }

    // then let it finish
    for (let i = 0; i < 3; i++) {
      const code = await exited(lightbox(['sync']));
      if (code === 0) break;
    }
    const catalog = openCatalog(path.join(dir, 'home', 'catalog.sqlite'));
    const rows = listSyncRows(catalog.db).filter((r) => r.uploadable && !r.excluded);
    catalog.close();
    const a = audit(rows, fake.state.uploads);
    console.log(`kills: ${kinds.join(', ')}`);
    console.log(auditLine('kill test', a));
    if (a.problems.length) console.log(a.problems.join('\n'));
    expect(rows).toHaveLength(60);
    expect(a.lost).toBe(0);
    expect(a.unflaggedDuplicates).toBe(0);
    expect(a.failed).toBe(0);
    expect(a.queued).toBe(0);
    expect(a.uploaded + a.uncertain).toBe(60);
  }, 600_000);
});
