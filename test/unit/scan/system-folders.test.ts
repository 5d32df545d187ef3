/** Refusing the operating system's pseudo folders as photo folders. */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refuseSystemFolder } from '../../../main/scan/system-folders';

let temp: string | null = null;
afterEach(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
  temp = null;
});

describe.skipIf(process.platform !== 'linux')('refuseSystemFolder (Linux)', () => {
  it('refuses /proc, /sys, /dev and folders inside them, naming the folder', () => {
    for (const p of ['/proc', '/proc/self', '/sys', '/sys/kernel', '/dev', '/dev/shm']) {
      const why = refuseSystemFolder(p);
      expect(why, p).not.toBeNull();
      expect(why).toContain(p);
      expect(why).toMatch(/not photos/);
    }
  });

  it('refuses a link that leads into /proc, and accepts ordinary folders', () => {
    temp = mkdtempSync(path.join(os.tmpdir(), 'lightbox-sysfolder-'));
    const link = path.join(temp, 'innocent-looking');
    symlinkSync('/proc', link);
    expect(refuseSystemFolder(link)).toContain(link);
    expect(refuseSystemFolder(temp)).toBeNull();
    expect(refuseSystemFolder(os.homedir())).toBeNull();
    expect(refuseSystemFolder('/')).toBeNull();
  });
});
