// The parts of the workbench a tree view or webview lives in: activity bar,
// side-bar panes, welcome content, tree rows, notifications and webviews.
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** Shows a view container by clicking its activity-bar icon (title as in the manifest, e.g. 'Nomad'). */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  const item = page.locator('.activitybar .action-item', { has: page.locator(`a[aria-label="${title}"]`) });
  const icon = item.locator('a');
  if ((await item.getAttribute('class'))?.includes('checked')) return; // already showing; a click would hide it
  await icon.click();
  await page.locator('.sidebar .composite.title', { hasText: title }).waitFor();
  // Move off the icon so its hover label does not cover the view in screenshots (to the side bar's empty bottom).
  const height = page.viewportSize()?.height ?? 900;
  await page.mouse.move(150, height - 60);
}

/** The side-bar pane of a view by its name (e.g. 'Jobs'); expanded if it was collapsed. */
export async function viewPane(page: Page, viewName: string): Promise<Locator> {
  const pane = page.locator('.sidebar .pane', { has: page.locator('.pane-header', { hasText: viewName }) }).first();
  const header = pane.locator('.pane-header').first();
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  await pane.locator('.pane-body').waitFor();
  return pane;
}

/** The welcome text of a view (its `viewsWelcome` content), as displayed. */
export async function welcomeContent(page: Page, viewName: string): Promise<string> {
  const pane = await viewPane(page, viewName);
  const content = pane.locator('.welcome-view-content');
  await content.waitFor();
  return content.innerText();
}

/** The rows of a tree view, as their visible labels (top to bottom). */
export async function treeItems(page: Page, viewName: string): Promise<string[]> {
  const pane = await viewPane(page, viewName);
  return (await pane.locator('.monaco-list-row').allInnerTexts()).map((text) => text.trim());
}

/** A tree row by its label, for clicking, hovering or opening its context menu. */
export async function treeItem(page: Page, viewName: string, label: string): Promise<Locator> {
  const pane = await viewPane(page, viewName);
  return pane.locator('.monaco-list-row', { hasText: label }).first();
}

/** Messages of the notification toasts now showing. */
export async function notificationMessages(page: Page): Promise<string[]> {
  return page.locator('.notification-toast .notification-list-item-message').allInnerTexts();
}

/** The content of the active webview (VS Code nests it in two frames). */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}
