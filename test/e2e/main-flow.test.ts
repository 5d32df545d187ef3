/**
 * Issue 2 end to end, in Debian's Chromium on the web shell: add ../shared/corpus, see every photo,
 * tag three, change one capture time, set the key, sync to the fake memories.ai and check what it
 * received, field by field, and that the ids shown equal the server's.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebShell, type WebShell } from '../../main/web/web-shell';
import { corpusDir, corpusSkipNote, hasCorpus, loadManifest, repoRoot, type ManifestFile } from '../helpers/corpus';
import { startFakeMemories, type FakeMemories } from '../fake-memories/server';
import { hasChromium, launchChromium } from './support/browser';
import { collectGrid, revealCell } from './support/grid';
import { buildWebRenderer } from './support/web-build';

const SHOTS = path.join(repoRoot, 'test/.artifacts/screenshots');
const UPLOAD_EXT = ['.jpg', '.jpeg', '.png', '.gif', '.bmp', '.webp'];
const TAG = 'e2e Ålesund trip';
const NEW_TIME = '2001-02-03 04:05:06';
const KEY = 'sk-mavi-e2e-0123456789';

if (!hasCorpus) console.warn(corpusSkipNote);
if (!hasChromium) console.warn('e2e skipped: /usr/bin/chromium not found');

/** Base name as the grid shows it. */
const baseName = (file: ManifestFile) => path.basename(file.path);

/** Three plain camera JPEGs with unique names: the photos the test tags. */
function pickThree(files: ManifestFile[]): ManifestFile[] {
  const names = files.map(baseName);
  return files
    .filter((f) => f.path.startsWith('cameras/') && f.mime_type === 'image/jpeg' && f.size < 5_000_000)
    .filter((f) => names.filter((n) => n === baseName(f)).length === 1 && /^[\w.-]+$/.test(baseName(f)))
    .slice(0, 3);
}

describe.skipIf(!hasCorpus || !hasChromium)('web shell end to end (issue 2)', () => {
  let tmp: string;
  let fake: FakeMemories;
  let shell: WebShell;
  let browser: Browser;
  let page: Page;
  const manifest = hasCorpus ? loadManifest() : { files: [], rules: {} };
  const three = pickThree(manifest.files);
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'lightbox-e2e-'));
    await mkdir(SHOTS, { recursive: true });
    const staticDir = await buildWebRenderer(tmp);
    fake = await startFakeMemories({});
    shell = await startWebShell({ home: path.join(tmp, 'home'), port: 0, staticDir, env: {} });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => console.error('[page error]', error));
  });

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    await fake?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('opens on the token address and hides the token from the URL bar', async () => {
    expect(three).toHaveLength(3);
    await page.goto(shell.url);
    await expect.poll(() => page.url()).not.toContain('token=');
    await page.getByRole('heading', { name: 'Lightbox' }).waitFor();
    await shot('01-empty');
  });

  it('adds the corpus through the path field and shows every manifest photo in the grid', async () => {
    await page.getByRole('button', { name: 'Add folder…' }).click();
    await page.getByLabel('Folder path').fill(corpusDir);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const total = manifest.files.length;
    const folder = page.getByRole('button', { name: /^corpus/ });
    await expect.poll(() => folder.textContent(), { timeout: 120_000 }).toContain(String(total));
    await expect.poll(() => page.locator('.scan-line').count(), { timeout: 120_000 }).toBe(0);
    await expect.poll(() => page.locator('.topbar').textContent()).toContain(`${total} photos`);
    await page.waitForTimeout(1500);
    await shot('02-grid');
    const seen = await collectGrid(page);
    const names = [...seen.values()].map((label) => label.split(', ')[0]?.normalize('NFC')).sort();
    expect(names).toEqual(manifest.files.map((f) => baseName(f).normalize('NFC')).sort());
  });

  it('has no serious accessibility violations on the main screen', async () => {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });

  it('selects a range with Shift-click, moves with arrows, all with Ctrl-A, none with Escape', async () => {
    const grid = page.getByRole('listbox', { name: 'Photos' });
    await grid.evaluate((el) => {
      el.scrollTop = 0;
    });
    // Note: cells are found by photo id in catalog order; DOM position shifts as the grid scrolls.
    // Every step waits on what the person sees (selection marks, the keyboard focus ring via
    // aria-activedescendant, the counts), with Playwright's waits, never on a sleep or a 1 s poll.
    const order = shell.services.catalog.ids({});
    const at = (offset: number) => grid.locator(`[role="option"][data-photo-id="${order[offset]}"]`);
    const selected = grid.locator('[aria-selected="true"]');
    const seen = { timeout: 15_000 };
    const focusOn = (offset: number) =>
      grid.and(page.locator(`[aria-activedescendant="photo-${order[offset]}"]`)).waitFor(seen);
    const isSelected = (offset: number) =>
      grid.locator(`[role="option"][data-photo-id="${order[offset]}"][aria-selected="true"]`).waitFor(seen);
    await at(1).click();
    await focusOn(1);
    await at(5).click({ modifiers: ['Shift'] });
    await focusOn(5);
    await expect.poll(() => selected.count(), seen).toBe(5);
    await at(1).click();
    await focusOn(1);
    await expect.poll(() => selected.count(), seen).toBe(1);
    await expect.poll(() => grid.evaluate((el) => el === document.activeElement), seen).toBe(true);
    await page.keyboard.press('ArrowRight');
    await focusOn(2);
    await isSelected(2);
    await expect.poll(() => selected.count(), seen).toBe(1);
    await page.keyboard.press('Shift+ArrowRight');
    await focusOn(3);
    await isSelected(3);
    await expect.poll(() => selected.count(), seen).toBe(2);
    await shot('03b-keyboard-range');
    await page.keyboard.press('Control+A');
    await page.getByRole('heading', { name: `${manifest.files.length} photos selected` }).waitFor(seen);
    await expect.poll(() => page.locator('.topbar').textContent(), seen).toContain(`${manifest.files.length} selected`);
    await shot('03a-select-all');
    await page.keyboard.press('Escape');
    await page.getByText('Select photos to see and edit their details.').waitFor(seen);
    await expect.poll(() => selected.count(), seen).toBe(0);
  });

  it('tags three photos selected with click and Ctrl-click', async () => {
    const [a, b, c] = three as [ManifestFile, ManifestFile, ManifestFile];
    await (await revealCell(page, baseName(a))).click();
    await (await revealCell(page, baseName(b))).click({ modifiers: ['Control'] });
    await (await revealCell(page, baseName(c))).click({ modifiers: ['Control'] });
    await expect.poll(() => page.locator('.topbar').textContent()).toContain('3 selected');
    await expect.poll(() => page.locator('[role="option"][aria-selected="true"]').count()).toBe(3);
    const tagInput = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Tags', { exact: true });
    await tagInput.fill(TAG);
    await tagInput.press('Enter');
    await page.getByRole('list', { name: 'Tags of the selection' }).getByText(TAG, { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('navigation', { name: 'Library' }).textContent()).toContain(TAG);
    await shot('03-tagged-three');
  });

  it('refuses an invalid capture time with the API rule and saves a valid one', async () => {
    const target = three[0] as ManifestFile;
    await (await revealCell(page, baseName(target))).click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('heading', { name: baseName(target) }).waitFor();
    const time = inspector.getByRole('textbox', { name: 'Capture time' });
    await expect.poll(() => time.inputValue()).toBe(target.capture_time ?? '');
    await time.fill('2024-07-31T18:05');
    await time.press('Enter');
    await expect.poll(() => inspector.getByRole('alert').textContent()).toContain('yyyy-MM-dd HH:mm:ss');
    await shot('04-invalid-time');
    await time.fill(NEW_TIME);
    await time.press('Enter');
    const timeSource = inspector.locator('form.field').filter({ hasText: 'Capture time' }).locator('.source');
    await expect.poll(() => timeSource.textContent()).toBe('edited');
    await expect.poll(() => time.inputValue()).toBe(NEW_TIME);
    await inspector.getByRole('button', { name: 'Revert Capture time' }).waitFor();
    await shot('05-time-edited');
  });

  it('takes the fake server address, then the API key write-only, in Settings', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('API base address').fill(fake.url);
    await dialog.getByLabel('Requests per second').fill('20');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(shell.services.settings.get().apiBase).toBe(fake.url);
    // Note: the key goes second: a key belongs to one address, and moving the address drops it.
    await page.getByRole('button', { name: 'Settings' }).click();
    await dialog.getByRole('textbox', { name: 'API key' }).fill(KEY);
    await dialog.getByRole('button', { name: 'Save key' }).click();
    await dialog.getByText('A key is set').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'API key' }).count()).toBe(0);
    expect(await page.content()).not.toContain(KEY);
    await shot('06-settings');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(shell.services.secrets.status().hasKey).toBe(true);
  });

  it('syncs after showing the plan, and the server received exactly the photos and fields', async () => {
    await page.getByRole('listbox', { name: 'Photos' }).focus();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Sync…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sync to memories.ai' });
    await dialog.getByText('Photos to send').waitFor();
    await shot('07-plan');
    const planned = Number(await dialog.locator('dt:has-text("Photos to send") + dd').textContent());
    const blockedNames = await dialog.locator('.blocked-name').allTextContents();
    expect(planned + blockedNames.length).toBe(manifest.files.length);
    for (const f of manifest.files) {
      const ext = path.extname(f.path).toLowerCase();
      if (!UPLOAD_EXT.includes(ext) || f.size > 20 * 1024 * 1024) expect(blockedNames).toContain(baseName(f));
    }
    await dialog.getByRole('button', { name: 'Start sync' }).click();
    await page.getByText('Sync finished').waitFor({ timeout: 180_000 });
    await shot('08-synced');

    const uploads = fake.state.uploads;
    expect(uploads).toHaveLength(planned);
    const bySha = new Map(manifest.files.map((f) => [f.sha256, f]));
    expect(new Set(uploads.map((u) => u.sha256)).size).toBe(uploads.length);
    for (const u of uploads) {
      const file = bySha.get(u.sha256);
      expect(file, `unknown file ${u.fileName}`).toBeDefined();
      expect(UPLOAD_EXT).toContain(path.extname(file?.path ?? '').toLowerCase());
      expect(u.fields.tags.includes(TAG)).toBe(three.some((t) => t.sha256 === u.sha256));
    }
    for (const [i, f] of three.entries()) {
      const u = uploads.find((x) => x.sha256 === f.sha256);
      expect(u, `${f.path} was not uploaded`).toBeDefined();
      expect(u?.fileName).toBe(baseName(f));
      expect(u?.fields.datetime_taken).toBe(i === 0 ? NEW_TIME : f.capture_time);
      expect(u?.fields.camera_model).toBe(f.camera);
      expect(u?.fields.latitude === null ? null : Number(u?.fields.latitude)).toBe(f.gps_latitude);
      expect(u?.fields.longitude === null ? null : Number(u?.fields.longitude)).toBe(f.gps_longitude);
      expect([...(u?.fields.tags ?? [])].sort()).toEqual([...new Set([...f.keywords, TAG, 'api'])].sort());
    }
  });

  it('shows the ids the server gave, digit for digit', async () => {
    for (const f of three) {
      const u = fake.state.uploads.find((x) => x.sha256 === f.sha256);
      await (await revealCell(page, baseName(f))).click();
      const inspector = page.getByRole('complementary', { name: 'Inspector' });
      await inspector.getByRole('heading', { name: baseName(f) }).waitFor();
      await expect.poll(() => inspector.getByTestId('remote-id').textContent()).toBe(u?.id);
      expect(BigInt(u?.id ?? '0') > 2n ** 53n).toBe(true);
    }
    const first = await revealCell(page, baseName(three[0] as ManifestFile));
    await expect.poll(() => first.getAttribute('aria-label')).toContain('Uploaded');
    await shot('09-uploaded-inspector');
  });
});
