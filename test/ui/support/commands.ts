// What a person does with the keyboard: quick open and the command palette.
import type { Locator, Page } from 'playwright-core';

const QUICK_INPUT = '.quick-input-widget .quick-input-box input';

function quickPickRow(page: Page, text: string): Locator {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
}

/** Opens a workspace file by name through Quick Open (Ctrl+P) and waits for its editor tab. */
export async function quickOpenFile(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator(QUICK_INPUT).fill(fileName);
  // File search answers asynchronously: wait for the result before accepting it.
  await quickPickRow(page, fileName).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
}

/** Runs a command by its title as shown in the command palette (F1), e.g. 'Nomad: Connect to Cluster'. */
export async function runCommand(page: Page, title: string): Promise<void> {
  // An editor that opens meanwhile (a diff, a plan page) takes the focus and closes the palette: open it again.
  await retried(3, async () => {
    await openCommandPalette(page);
    await page.locator(QUICK_INPUT).fill(`>${title}`, { timeout: 5_000 });
  });
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { has: page.getByText(title, { exact: true }) }).first();
  await row.waitFor();
  await row.click();
}

/**
 * F1 toggles the palette, and a key press can land while focus is moving (a closing quick pick,
 * a notification): close whatever quick input is open, press F1, and try again until it shows.
 */
async function openCommandPalette(page: Page): Promise<void> {
  const input = page.locator(QUICK_INPUT);
  await retried(3, async () => {
    if (await input.isVisible()) {
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden' });
    }
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 5_000 });
  });
}

/**
 * Runs `step` until it succeeds, at most `times` times (its last failure is thrown): for key presses
 * and clicks that a moving focus or a redraw can swallow. `attempt` counts from 1.
 */
export async function retried(times: number, step: (attempt: number) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await step(attempt);
      return;
    } catch (error) {
      if (attempt >= times) throw error;
    }
  }
}

/** Answers an open quick pick or input box: picks the row with `text`, or types it and presses Enter. */
export async function answerQuickInput(page: Page, text: string, { pick = true } = {}): Promise<void> {
  await page.locator(QUICK_INPUT).fill(text);
  if (pick) await quickPickRow(page, text).waitFor();
  await page.keyboard.press('Enter');
}

/** The language shown in the status bar for the active editor, e.g. 'Nomad Job'. */
export async function activeLanguageName(page: Page): Promise<string> {
  return (await page.locator('[id="status.editor.mode"]').innerText()).trim();
}
