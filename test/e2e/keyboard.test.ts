/**
 * Keyboard reach in Debian's Chromium on the web shell: a "Skip to photos" link comes first, the
 * sidebar's long tag list costs one Tab, and arrow keys keep the focused cell fully in view.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebShell, type WebShell } from '../../main/web/web-shell';
import { makePhotos } from '../fake-memories/photo-fixtures';
import { repoRoot } from '../helpers/corpus';
import { hasChromium, launchChromium } from './support/browser';
import { buildWebRenderer } from './support/web-build';

const SHOTS = path.join(repoRoot, 'test/.artifacts/screenshots');
const PHOTOS = 90;
const TAGS = 60;

if (!hasChromium) console.warn('e2e skipped: /usr/bin/chromium not found');

/** What has focus: its role-ish description. */
function focused(page: Page): Promise<{ tag: string; text: string; role: string | null; label: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 60),
      role: el?.getAttribute('role') ?? null,
      label: el?.getAttribute('aria-label') ?? null,
    };
  });
}

const inGrid = (f: { role: string | null; label: string | null }) => f.role === 'listbox' && f.label === 'Photos';

describe.skipIf(!hasChromium)('keyboard reach (web shell)', () => {
  let tmp: string;
  let shell: WebShell;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'lightbox-e2e-keys-'));
    await mkdir(SHOTS, { recursive: true });
    const staticDir = await buildWebRenderer(tmp);
    const photos = path.join(tmp, 'photos');
    // Note: groups of 3 share a camera and a day, so the grid has many month-less rows to move through.
    await makePhotos(photos, PHOTOS, 3);
    shell = await startWebShell({ home: path.join(tmp, 'home'), port: 0, staticDir, env: {} });
    const { catalog, scanner } = shell.services;
    await scanner.scanFolder(catalog.addFolder(photos).id);
    const ids = catalog.ids({});
    expect(ids).toHaveLength(PHOTOS);
    for (let i = 0; i < TAGS; i++)
      catalog.applyEdit([ids[i] as number], { addTags: [`tag ${String(i).padStart(2, '0')}`] });
    expect(catalog.tags()).toHaveLength(TAGS);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('[page error]', error));
    await page.goto(shell.url);
    await page.locator('[role="option"]').first().waitFor();
    await page.getByRole('button', { name: /tag 59/ }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('focuses a visible "Skip to photos" link first, and Enter on it moves focus into the grid', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    const first = await focused(page);
    expect(first.tag).toBe('A');
    expect(first.text).toBe('Skip to photos');
    const box = await page.getByRole('link', { name: 'Skip to photos' }).boundingBox();
    expect(box && box.width > 20 && box.height > 10 && box.y >= 0 && box.x >= 0).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'keyboard-01-skip-link.png') });
    await page.keyboard.press('Enter');
    expect(inGrid(await focused(page))).toBe(true);
  });

  it('reaches the grid from the top of the page in at most 10 Tab presses, with 60 tags in the sidebar', async () => {
    await page.reload();
    await page.locator('[role="option"]').first().waitFor();
    await page.getByRole('button', { name: /tag 59/ }).waitFor();
    let presses = 0;
    while (presses < 200 && !inGrid(await focused(page))) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(inGrid(await focused(page))).toBe(true);
    expect(presses).toBeLessThanOrEqual(10);
  });

  it('moves through the tags with arrow keys from their single tab stop', async () => {
    const tags = page.getByRole('region', { name: 'Tags' });
    const first = tags.getByRole('button', { name: /tag 00/ });
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).text).toMatch(/^tag 02/);
    await page.keyboard.press('End');
    expect((await focused(page)).text).toMatch(/^tag 59/);
    // Enter chooses the focused tag (one photo carries it), and again clears it.
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.locator('[role="option"]').count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(async () => page.locator('[role="option"]').count()).toBeGreaterThan(1);
    // Only one tag button is in the Tab order.
    const stops = await tags
      .locator('button')
      .evaluateAll((els) => els.filter((e) => (e as HTMLElement).tabIndex >= 0).length);
    expect(stops).toBe(1);
  });

  it('keeps the focused cell fully in view while arrow keys move down and up the grid', async () => {
    const grid = page.getByRole('listbox', { name: 'Photos' });
    await grid.focus();
    const check = async () => {
      const r = await grid.evaluate((el) => {
        const id = el.getAttribute('aria-activedescendant');
        const cell = id ? document.getElementById(id) : null;
        if (!cell) return null;
        const g = el.getBoundingClientRect();
        const c = cell.getBoundingClientRect();
        return {
          inside: c.top >= g.top - 0.5 && c.bottom <= g.bottom + 0.5,
          cell: [c.top, c.bottom],
          grid: [g.top, g.bottom],
        };
      });
      expect(r, 'the lead cell is drawn').not.toBeNull();
      expect(r?.inside, JSON.stringify(r)).toBe(true);
    };
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('ArrowDown');
      await check();
    }
    await page.screenshot({ path: path.join(SHOTS, 'keyboard-02-grid-down.png') });
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('ArrowUp');
      await check();
    }
  });
});
