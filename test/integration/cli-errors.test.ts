/** The command line's failures read as one clear line: unreadable sub-folders, an unusable LIGHTBOX_HOME, unexpected errors, a closed pipe. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from '@photostructure/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePhoto } from '../fake-memories/photo-fixtures';
import { repoRoot } from '../helpers/corpus';

// Note: root reads and writes everything, so permission cases run the CLI as "nobody" when the tests run as root.
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
let dir: string;

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

function lightbox(args: string[], env: Record<string, string>, unprivileged = false): Ran {
  const options: SpawnSyncOptions = {
    cwd: dir,
    env: { ...process.env, HOME: dir, LIGHTBOX_DEBUG: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  };
  if (unprivileged && asRoot) Object.assign(options, { uid: NOBODY, gid: NOBODY });
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/lightbox.mjs'), ...args], options);
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A folder the unprivileged CLI user owns. */
function ownedFolder(name: string): string {
  const p = path.join(dir, name);
  mkdirSync(p, { recursive: true });
  if (asRoot) chownSync(p, NOBODY, NOBODY);
  return p;
}

/** A folder the unprivileged CLI user may read but not write. */
function readOnlyFolder(name: string): string {
  const p = path.join(dir, name);
  mkdirSync(p, { recursive: true });
  chmodSync(p, 0o555);
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lightbox-cli-errors-'));
  chmodSync(dir, 0o755);
});

afterAll(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe('lightbox import of a tree with an unreadable sub-folder', () => {
  it('imports the rest and names the folder it could not read, on stderr and in the summary', async () => {
    const root = ownedFolder('photos');
    const ok = ownedFolder('photos/ok');
    const secret = ownedFolder('photos/secret');
    const one = await makePhoto(ok, { name: 'one.jpg', index: 1 });
    copyFileSync(one, path.join(secret, 'two.jpg'));
    if (asRoot) chownSync(one, NOBODY, NOBODY);
    chmodSync(secret, 0o000);
    const home = path.join(ownedFolder('home-import'), 'home');
    const out = lightbox(['import', root], { LIGHTBOX_HOME: home }, true);
    chmodSync(secret, 0o755);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain(`Could not read folder ${secret}: permission denied`);
    expect(out.stdout).toMatch(/^Imported .*: 1 photos, .*could not read 1 folder: .*secret: permission denied/m);
  });
});

describe('lightbox with an unusable LIGHTBOX_HOME', () => {
  const expected = (home: string, reason: string): string =>
    `Lightbox cannot write its catalog in ${home}: ${reason}. Set LIGHTBOX_HOME to a folder you can write.\n`;

  it('says so in one line when the home folder cannot be created', () => {
    const home = path.join(readOnlyFolder('locked'), 'home');
    const out = lightbox(['list', '--json'], { LIGHTBOX_HOME: home }, true);
    expect(out.status).toBe(1);
    expect(out.stderr).toBe(expected(home, 'permission denied'));
    expect(out.stdout).toBe('');
  });

  it('says so in one line when the catalog cannot be created in an existing folder (SQLITE_CANTOPEN)', () => {
    const home = readOnlyFolder('locked-home');
    const out = lightbox(['import', dir], { LIGHTBOX_HOME: home }, true);
    expect(out.status).toBe(1);
    expect(out.stderr).toBe(expected(home, 'permission denied'));
  });

  it('says so when LIGHTBOX_HOME lies under a file', () => {
    writeFileSync(path.join(dir, 'a-file'), 'x');
    const home = path.join(dir, 'a-file', 'home');
    const out = lightbox(['list'], { LIGHTBOX_HOME: home });
    expect(out.status).toBe(1);
    expect(out.stderr).toBe(expected(home, 'part of that path is a file, not a folder'));
  });
});

describe('an unexpected error in a command', () => {
  it('prints its message without a stack, and the stack only with LIGHTBOX_DEBUG=1', () => {
    const home = path.join(dir, 'future-home');
    mkdirSync(home);
    const db = new DatabaseSync(path.join(home, 'catalog.sqlite'));
    db.exec('PRAGMA user_version = 999');
    db.close();
    const out = lightbox(['list'], { LIGHTBOX_HOME: home });
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/^lightbox list: The catalog was written by a newer Lightbox/);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).not.toMatch(/\n\s+at /);
    const debug = lightbox(['list'], { LIGHTBOX_HOME: home, LIGHTBOX_DEBUG: '1' });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

describe('lightbox list --json | head -1', () => {
  it('ends quietly with status 0 when the reader closes the pipe', async () => {
    const photos = path.join(dir, 'many');
    const first = await makePhoto(photos, { name: 'photo-with-a-rather-long-name-0000.jpg', index: 1 });
    for (let i = 1; i < 500; i++) {
      copyFileSync(first, path.join(photos, `photo-with-a-rather-long-name-${String(i).padStart(4, '0')}.jpg`));
    }
    const env = { LIGHTBOX_HOME: path.join(dir, 'many-home') };
    expect(lightbox(['import', photos], env).status).toBe(0);
    const bin = path.join(repoRoot, 'bin/lightbox.mjs');
    const r = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${bin}" list --json | head -1; echo "status \${PIPESTATUS[0]}" >&2`],
      {
        cwd: dir,
        env: { ...process.env, ...env },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.stdout).toBe('[\n');
    expect(r.stderr).toBe('status 0\n');
  });
});

describe('lightbox import of a system folder', () => {
  it('refuses /proc with a sentence and writes nothing to the catalog', () => {
    const home = path.join(dir, 'home-proc');
    const r = lightbox(['import', '/proc'], { LIGHTBOX_HOME: home });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/system folder/);
    const listed = lightbox(['list', '--json'], { LIGHTBOX_HOME: home });
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });
});
