/** Reading the virtualized grid: scroll it top to bottom and collect every cell it draws. */
import type { Locator, Page } from 'playwright-core';

/** One drawn cell. */
export interface SeenCell {
  id: number;
  label: string;
}

/** The cell of a photo by file name (the label starts with the name). */
export function cell(page: Page, name: string): Locator {
  return page.locator(
    `[role="option"][aria-label^="${name.replace(/"/g, '\\"')},"], [role="option"][aria-label="${name.replace(/"/g, '\\"')}"]`,
  );
}

/** Scrolls the grid step by step and returns every cell seen, by id. */
export async function collectGrid(page: Page): Promise<Map<number, string>> {
  const seen = new Map<number, string>();
  const grid = page.getByRole('listbox', { name: 'Photos' });
  await grid.evaluate((el) => {
    el.scrollTop = 0;
  });
  for (let step = 0; step < 500; step += 1) {
    // Wait until the drawn rows hold real cells, not loading placeholders.
    await page.waitForFunction(() => document.querySelectorAll('.cell-loading').length === 0);
    const cells = await grid.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('[role="option"]')].map((c) => ({
        id: Number(c.dataset.photoId),
        label: c.getAttribute('aria-label') ?? '',
      })),
    );
    for (const c of cells) seen.set(c.id, c.label);
    const atEnd = await grid.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight * 0.8;
      return el.scrollTop === before;
    });
    if (atEnd) break;
    await page.waitForTimeout(50);
  }
  return seen;
}

/** Scrolls the grid until the photo's cell is drawn and in view; returns it. */
export async function revealCell(page: Page, name: string): Promise<Locator> {
  // Note: the grid redraws cells when the catalog changes; a cell found a moment ago may be replaced.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await revealOnce(page, name);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** One attempt of revealCell. */
async function revealOnce(page: Page, name: string): Promise<Locator> {
  const target = cell(page, name);
  const grid = page.getByRole('listbox', { name: 'Photos' });
  await grid.evaluate((el) => {
    el.scrollTop = 0;
  });
  for (let step = 0; step < 500 && (await target.count()) === 0; step += 1) {
    const moved = await grid.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight * 0.5;
      return el.scrollTop !== before;
    });
    await page.waitForFunction(() => document.querySelectorAll('.cell-loading').length === 0);
    if (!moved) break;
  }
  await target.first().scrollIntoViewIfNeeded({ timeout: 5000 });
  return target.first();
}
