/** folders.add refuses the operating system's pseudo folders (typed or chosen), with a clear message. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../main/app/create-services';
import { dispatch } from '../../main/ipc/dispatch';
import { createHandlers } from '../../main/ipc/handlers';
import { createMemorySecretService } from '../../main/secrets/memory-secret-service';
import { memorySettings } from '../fake-memories/sync-harness';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function open(chosen: string | null) {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'lightbox-sysfolder-ipc-'));
  const services = createServices({
    home: path.join(temp, 'home'),
    shell: 'web',
    version: 'test',
    settings: memorySettings('http://127.0.0.1:1'),
    secrets: createMemorySecretService(null),
    thumbUrl: (id) => `/thumb/${id}`,
    chooseFolder: () => Promise.resolve(chosen),
    revealFile: () => undefined,
    online: () => Promise.resolve(false),
  });
  cleanup = () => {
    services.autoSync.stop();
    for (const f of services.catalog.listFolders()) services.scanner.cancel(f.id);
    services.catalog.close();
    rmSync(temp, { recursive: true, force: true });
  };
  return { temp, services, handlers: createHandlers(services) };
}

describe.skipIf(process.platform !== 'linux')('folders.add and system folders', () => {
  it('refuses /proc, /sys and /dev typed in, and adds nothing', async () => {
    const { services, handlers } = open(null);
    for (const p of ['/proc', '/sys', '/dev']) {
      const r = await dispatch(handlers, 'folders.add', { path: p });
      expect(r.ok, p).toBe(false);
      expect(!r.ok && r.error.code).toBe('invalid-request');
      expect(!r.ok && r.error.message).toMatch(new RegExp(`^${p} is a system folder .*not photos`));
    }
    expect(services.catalog.listFolders()).toEqual([]);
  });

  it('refuses a chosen folder that is a link into /proc, and still adds an ordinary folder', async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'lightbox-sysfolder-link-'));
    const link = path.join(base, 'photos-link');
    symlinkSync('/proc', link);
    const { temp, services, handlers } = open(link);
    const chosen = await dispatch(handlers, 'folders.add', {});
    expect(!chosen.ok && chosen.error.message).toContain(link);
    const ordinary = path.join(temp, 'pictures');
    mkdirSync(ordinary);
    const added = await dispatch(handlers, 'folders.add', { path: ordinary });
    expect(added.ok).toBe(true);
    expect(services.catalog.listFolders().map((f) => f.path)).toEqual([ordinary]);
    rmSync(base, { recursive: true, force: true });
  });
});
