/** The folder walk: links inside the tree work, links leaving it are not followed, only regular files count. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { walkImages } from '../../../main/scan/walk';

let temp: string | null = null;
const servers: net.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()));
  if (temp) rmSync(temp, { recursive: true, force: true });
  temp = null;
});

/** A photo folder next to an outside folder, with links in, out, up and to `/`. */
async function makeTree(): Promise<{ root: string; outside: string }> {
  temp = mkdtempSync(path.join(os.tmpdir(), 'lightbox-walk-'));
  const root = path.join(temp, 'photos');
  const outside = path.join(temp, 'elsewhere');
  mkdirSync(path.join(root, 'trips', '2024'), { recursive: true });
  mkdirSync(path.join(root, 'albums'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'a.jpg'), 'a');
  writeFileSync(path.join(root, 'trips', '2024', 'b.jpg'), 'b');
  writeFileSync(path.join(outside, 'c.jpg'), 'c');
  symlinkSync(path.join(root, 'trips'), path.join(root, 'albums', 'favourite-trips')); // inside the tree
  symlinkSync(root, path.join(root, 'trips', '2024', 'back-to-top')); // a loop
  symlinkSync(outside, path.join(root, 'linked-elsewhere')); // leaves the tree
  symlinkSync('/', path.join(root, 'whole-disk')); // leaves the tree: everything
  return { root, outside };
}

describe('walkImages', () => {
  it('follows links inside the added folder once, and does not follow links that leave it', async () => {
    const { root } = await makeTree();
    const result = await walkImages(root);
    const rel = result.files.map((f) => path.relative(root, f.path).split(path.sep).join('/'));
    // b.jpg is reachable twice (trips/ and albums/favourite-trips/) but listed once.
    expect(rel.filter((p) => p !== 'trips/2024/b.jpg' && p !== 'albums/favourite-trips/2024/b.jpg')).toEqual(['a.jpg']);
    expect(rel.filter((p) => p.endsWith('b.jpg'))).toHaveLength(1);
    expect(result.files.some((f) => f.name === 'c.jpg')).toBe(false);
    expect([...result.outside].sort()).toEqual([path.join(root, 'linked-elsewhere'), path.join(root, 'whole-disk')]);
    expect(result.unreadable).toEqual([]);
  });

  it('walks a folder added through a link to it', async () => {
    const { root } = await makeTree();
    const alias = path.join(temp as string, 'alias');
    symlinkSync(root, alias);
    const result = await walkImages(alias);
    expect(result.files.map((f) => f.name).sort()).toEqual(['a.jpg', 'b.jpg']);
    expect(result.files.every((f) => f.path.startsWith(alias + path.sep))).toBe(true);
  });

  it.skipIf(process.platform === 'win32')(
    'skips FIFOs, sockets, devices and links into /proc named like photos',
    async () => {
      temp = mkdtempSync(path.join(os.tmpdir(), 'lightbox-walk-special-'));
      const root = path.join(temp, 'photos');
      mkdirSync(root);
      writeFileSync(path.join(root, 'real.jpg'), 'x');
      execFileSync('mkfifo', [path.join(root, 'fifo.jpg')]);
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((r) => server.listen(path.join(root, 'socket.jpg'), r));
      symlinkSync('/dev/null', path.join(root, 'device.jpg'));
      if (process.platform === 'linux') symlinkSync('/proc/self/cmdline', path.join(root, 'process.jpg'));
      const result = await walkImages(root);
      expect(result.files.map((f) => f.name)).toEqual(['real.jpg']);
    },
  );
});
