/** A long error in the sidebar (a file path that is not a folder) wraps inside the sidebar instead of being clipped. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebShell, type WebShell } from '../../main/web/web-shell';
import { repoRoot } from '../helpers/corpus';
import { hasChromium, launchChromium } from './support/browser';
import { buildWebRenderer } from './support/web-build';

const SHOTS = path.join(repoRoot, 'test/.artifacts/screenshots');

if (!hasChromium) console.warn('e2e skipped: /usr/bin/chromium not found');

describe.skipIf(!hasChromium)('sidebar error message (web shell)', () => {
  let tmp: string;
  let shell: WebShell;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'lightbox-e2e-error-'));
    await mkdir(SHOTS, { recursive: true });
    const staticDir = await buildWebRenderer(tmp);
    shell = await startWebShell({ home: path.join(tmp, 'home'), port: 0, staticDir, env: {} });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    page.on('pageerror', (error) => console.error('[page error]', error));
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('wraps "<long path> is a file, not a folder" within the sidebar', async () => {
    const dir = path.join(tmp, 'shared', 'corpus', 'cameras_and_phones_by_manufacturer');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'Canon_EOS_40D_sample_with_a_long_name.jpg');
    await writeFile(file, 'not a folder');
    await page.goto(shell.url);
    await page.getByRole('button', { name: 'Add folder…' }).click();
    await page.getByLabel('Folder path').fill(file);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const alert = page.locator('.sidebar [role="alert"]');
    await expect.poll(() => alert.textContent()).toBe(`${file} is a file, not a folder`);
    await page.screenshot({ path: path.join(SHOTS, 'sidebar-error-wrapped.png') });
    const fit = await alert.evaluate((el) => {
      const side = el.closest('.sidebar') as HTMLElement;
      const a = el.getBoundingClientRect();
      const s = side.getBoundingClientRect();
      return {
        overflow: el.scrollWidth - el.clientWidth,
        right: a.right,
        sideRight: s.right,
        sideScroll: side.scrollWidth - side.clientWidth,
      };
    });
    expect(fit.overflow, JSON.stringify(fit)).toBeLessThanOrEqual(0);
    expect(fit.right, JSON.stringify(fit)).toBeLessThanOrEqual(fit.sideRight);
    expect(fit.sideScroll, JSON.stringify(fit)).toBeLessThanOrEqual(0);
  });
});
