// The Problems panel, read as a person sees it.
import type { Locator, Page } from 'playwright-core';

export interface ProblemRow {
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** Who reported it, e.g. 'nomad' or 'json'. */
  source: string;
  code: string;
  /** As displayed, e.g. '[Ln 3, Col 5]'. */
  position: string;
}

async function textOf(row: Locator, selector: string): Promise<string> {
  const part = row.locator(selector).first();
  return (await part.count()) ? (await part.innerText()).trim() : '';
}

/** Opens the Problems panel (Ctrl+Shift+M) and returns the marker rows now rendered (file rows left out). */
export async function readProblems(page: Page): Promise<ProblemRow[]> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor();
  const problems: ProblemRow[] = [];
  for (const row of await panel.locator('.monaco-list-row').all()) {
    const icon = row.locator('.marker-icon');
    if ((await icon.count()) === 0) continue; // a file header row
    const classes = (await icon.getAttribute('class')) ?? '';
    problems.push({
      severity: classes.includes('error') ? 'error' : classes.includes('warning') ? 'warning' : 'info',
      message: await textOf(row, '.marker-message'),
      source: await textOf(row, '.marker-source'),
      code: await textOf(row, '.marker-code'),
      position: await textOf(row, '.marker-line'),
    });
  }
  return problems;
}

/**
 * Diagnostics arrive asynchronously: reads the Problems panel until `accept`
 * holds for its rows (e.g. `rows => rows.some(r => r.source === 'nomad')`).
 */
export async function waitForProblems(
  page: Page,
  accept: (rows: ProblemRow[]) => boolean,
  timeoutMs = 30_000,
): Promise<ProblemRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await readProblems(page);
    if (accept(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`Problems panel never matched; last rows: ${JSON.stringify(rows)}`);
    await page.waitForTimeout(250);
  }
}
