/**
 * The grid with 100,000 photos (synthetic catalog rows, no files): the page draws only what is near
 * the viewport, reaches the last photo by scrolling, and Ctrl-A selects all of them.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../main/catalog/catalog';
import { upsertScanBatch } from '../../main/catalog/scan-writes';
import { startWebShell, type WebShell } from '../../main/web/web-shell';
import { repoRoot } from '../helpers/corpus';
import { hasChromium, launchChromium } from './support/browser';
import { buildWebRenderer } from './support/web-build';
import { syntheticPhoto } from '../helpers/synthetic-photo';

const COUNT = 100_000;
const SHOTS = path.join(repoRoot, 'test/.artifacts/screenshots');

if (!hasChromium) console.warn('scale e2e skipped: /usr/bin/chromium not found');

describe.skipIf(!hasChromium)('grid at 100k photos', () => {
  let tmp: string;
  let shell: WebShell;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'lightbox-scale-'));
    const home = path.join(tmp, 'home');
    const root = path.join(tmp, 'photos');
    await mkdir(home, { recursive: true });
    await mkdir(root, { recursive: true });
    const catalog = openCatalog(path.join(home, 'catalog.sqlite'));
    const folder = catalog.addFolder(root);
    for (let start = 0; start < COUNT; start += 5000) {
      const batch = Array.from({ length: Math.min(5000, COUNT - start) }, (_, k) => syntheticPhoto(root, start + k));
      upsertScanBatch(catalog.db, folder.id, batch);
    }
    catalog.close();
    const staticDir = await buildWebRenderer(tmp);
    shell = await startWebShell({ home, port: 0, staticDir, env: {} });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('draws only cells near the viewport', async () => {
    await page.goto(shell.url);
    await expect.poll(() => page.locator('.topbar').textContent(), { timeout: 60_000 }).toContain('100,000 photos');
    const grid = page.getByRole('listbox', { name: 'Photos' });
    await grid.getByRole('option').first().waitFor();
    expect(await grid.getByRole('option').count()).toBeLessThan(400);
    // Newest first: the last synthetic photo opens the grid.
    await grid.getByRole('option', { name: 'photo-099999.jpg' }).waitFor();
  });

  it('reaches the oldest photo at the bottom, loading pages by offset', async () => {
    const grid = page.getByRole('listbox', { name: 'Photos' });
    await grid.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await grid.getByRole('option', { name: 'photo-000000.jpg' }).waitFor({ timeout: 30_000 });
    await grid.evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await page.waitForFunction(() => document.querySelectorAll('.cell-loading').length === 0, undefined, {
      timeout: 30_000,
    });
    expect(await grid.getByRole('option').count()).toBeLessThan(400);
    await page.screenshot({ path: path.join(SHOTS, 'scale-middle.png') });
  });

  it('selects all 100k with Ctrl-A and clears with Escape', async () => {
    await page.getByRole('listbox', { name: 'Photos' }).focus();
    await page.keyboard.press('Control+A');
    await expect.poll(() => page.locator('.topbar').textContent()).toContain('100,000 selected');
    await page.getByRole('heading', { name: '100,000 photos selected' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.topbar').textContent()).not.toContain('selected');
  });
});
