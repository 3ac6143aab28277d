// Writing a job as a person does: type the start of a block name in a half-written
// task and ask for suggestions; the list comes from the language server's schema.
// Screenshot: test-results/ui/completion-list.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { activeLanguageName, quickOpenFile } from './support/commands';
import { Workbench } from './support/workbench';

/** A task being written: the last line is where the person types. */
const HALF_WRITTEN = `job "ui-authoring" {
  datacenters = ["dc1"]

  group "web" {
    network {
      port "http" {}
    }

    task "server" {
      driver = "docker"

`;

describe('completion (UI)', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await Workbench.open();
    fs.writeFileSync(path.join(workbench.folder, 'ui-authoring.nomad.hcl'), HALF_WRITTEN);
  });

  after(async () => {
    await workbench?.close();
  });

  it('suggests task blocks with their documentation while the file is still broken', async () => {
    const { page } = workbench;
    await quickOpenFile(page, 'ui-authoring.nomad.hcl');
    assert.strictEqual(await activeLanguageName(page), 'Nomad Job');
    await page.locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('      res');

    // Word-based suggestions may come first while the server starts: ask again until ours arrive.
    const suggestion = page.locator('.editor-widget.suggest-widget .monaco-list-row', { hasText: 'resources' }).first();
    for (let attempt = 0; ; attempt++) {
      await page.keyboard.press('Control+Space');
      try {
        await suggestion.waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 5) throw error;
        await page.keyboard.press('Escape');
      }
    }
    const rows = await page.locator('.editor-widget.suggest-widget .monaco-list-row').allInnerTexts();
    assert.ok(rows.some((row) => row.startsWith('resources')), `suggestions: ${rows.join(' | ')}`);
    // The details pane shows our own description of the focused item (Ctrl+Space toggles it while the list is open).
    const details = page.locator('.suggest-details', { hasText: 'reserved for the task' }).first();
    if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
    await details.waitFor();
    await workbench.screenshot('completion-list');

    await page.keyboard.press('Enter');
    const line = page.locator('.monaco-editor .view-line', { hasText: 'resources {' });
    await line.first().waitFor();
  });
});
