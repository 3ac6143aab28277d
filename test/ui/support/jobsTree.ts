// Rows of the Jobs view, found as a person reads them: by label and depth.
import type { Locator, Page } from 'playwright-core';
import { viewPane } from './views';

/** A row of the Jobs view at `level` whose label is exactly `label` (labels like `api` repeat at several depths). */
export async function rowAt(page: Page, label: string, level: number): Promise<Locator> {
  const pane = await viewPane(page, 'Jobs');
  const exact = new RegExp(`^${label.replace(/[[\]().*+?^$|\\]/g, '\\$&')}$`);
  const row = pane.locator(`.monaco-list-row[aria-level="${level}"]`, { has: page.locator('.label-name', { hasText: exact }) }).first();
  await row.waitFor();
  return row;
}

/** Expands a collapsed tree row by clicking its twistie, and waits until it shows as expanded. */
export async function expand(row: Locator): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) === 'true') return;
  await row.locator('.monaco-tl-twistie').click();
  await row.page().waitForFunction((element) => element?.getAttribute('aria-expanded') === 'true', await row.elementHandle());
}
