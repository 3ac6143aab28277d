// Rows of the Jobs view, found as a person reads them: by label and depth.
import type { Locator, Page } from 'playwright-core';
import { retried } from './commands';
import { viewPane } from './views';

/** A row of the Jobs view at `level` whose label is exactly `label` (labels like `api` repeat at several depths). */
export async function rowAt(page: Page, label: string, level: number): Promise<Locator> {
  const pane = await viewPane(page, 'Jobs');
  const exact = new RegExp(`^${label.replace(/[[\]().*+?^$|\\]/g, '\\$&')}$`);
  const row = pane.locator(`.monaco-list-row[aria-level="${level}"]`, { has: page.locator('.label-name', { hasText: exact }) }).first();
  await row.waitFor();
  return row;
}

/**
 * Expands a collapsed tree row by clicking its twistie, and waits until it shows as expanded. The
 * live tree can redraw a row under the click (a refresh replaces its element): the row is found
 * anew for each check, and clicked again while it still shows collapsed.
 */
export async function expand(row: Locator): Promise<void> {
  await retried(3, async () => {
    if ((await row.getAttribute('aria-expanded')) === 'true') return;
    await row.locator('.monaco-tl-twistie').click();
    await untilExpanded(row, 10_000);
  });
}

/** Waits until the row shows as expanded, finding it anew for each check (a redraw can replace its element). */
export async function untilExpanded(row: Locator, timeout?: number): Promise<void> {
  await row.and(row.page().locator('[aria-expanded="true"]')).waitFor({ timeout });
}

/**
 * Right-clicks a row and runs the item `label` of its context menu. A click that lands while the
 * menu is still coming up can be lost (seen with Chromium 156), and the menu then stays open: the
 * pointer rests on the item until the menu marks it focused, and the click is repeated until the
 * menu closes, which it does once it has taken the click.
 */
export async function runContextMenuItem(row: Locator, label: string): Promise<void> {
  const page = row.page();
  await row.click({ button: 'right' });
  const item = page.locator('.context-view .action-item', { hasText: label });
  const focused = page.locator('.context-view .action-item.focused', { hasText: label });
  await retried(5, async (attempt) => {
    // A menu that closed late took the previous click.
    if (attempt > 1 && !(await item.isVisible())) return;
    await item.hover();
    await focused.waitFor({ timeout: 2_000 });
    await item.click();
    await item.waitFor({ state: 'hidden', timeout: 2_000 });
  });
}
