/** A process writing scan batches is SIGKILLed at arbitrary moments; the catalog must open intact with whole batches only. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../main/catalog/catalog';

const writer = path.join(path.dirname(fileURLToPath(import.meta.url)), 'catalog-kill-writer.ts');
const BATCH = 300;
const dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-kill-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer until it has reported `commits` batches (plus a random extra delay), then SIGKILLs it. */
function runAndKill(file: string, commits: number, extraMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file, String(BATCH)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let last = -1;
    let buffer = '';
    let stderr = '';
    let killing = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) last = Number(line);
      if (!killing && last + 1 >= commits) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

describe('catalog survives SIGKILL during batch writes', () => {
  it.each([
    [1, 0],
    [2, 7],
    [3, 23],
    [2, 41],
  ])('after %i commits + %i ms, the file opens intact with whole batches only', async (commits, extraMs) => {
    const file = path.join(dir, `kill-${commits}-${extraMs}.sqlite`);
    const lastReported = await runAndKill(file, commits, extraMs);
    const catalog = openCatalog(file);
    try {
      expect(catalog.db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      const rows = catalog.db
        .prepare(
          "SELECT substr(rel_path, 1, instr(rel_path, '/') - 1) AS batch, COUNT(*) AS n FROM photos GROUP BY batch",
        )
        .all() as { batch: string; n: number }[];
      expect(rows.length).toBeGreaterThanOrEqual(lastReported + 1);
      for (const row of rows) expect(row, row.batch).toEqual({ batch: row.batch, n: BATCH });
      const tags = catalog.db.prepare('SELECT COUNT(*) AS n FROM photo_tags').get() as { n: number };
      expect(tags.n).toBe(rows.length * BATCH * 3);
    } finally {
      catalog.close();
    }
  });
});
