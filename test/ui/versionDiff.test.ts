// A person compares two versions of a job from the Jobs tree (Versions, right-click
// a version, "Compare with Another Version"): the diff shows only what the author
// changed, with no server bookkeeping (indexes, submit time) and durations as a job
// file writes them. The screenshot is the README's (media/screenshots/version-diff.png).
import * as assert from 'assert';
import type { Locator, Page } from 'playwright-core';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
import type { Job } from '../../client/src/nomad/types';
import { answerQuickInput, retried } from './support/commands';
import { expand, rowAt, runContextMenuItem } from './support/jobsTree';
import { openViewContainer } from './support/views';
import { Workbench } from './support/workbench';

const SECOND = 1_000_000_000;

function shop(count: number, minHealthySeconds: number): Job {
  return {
    ID: 'shop',
    Name: 'shop',
    Type: 'service',
    Datacenters: ['dc1'],
    Update: { MaxParallel: 1, MinHealthyTime: minHealthySeconds * SECOND, HealthyDeadline: 300 * SECOND },
    TaskGroups: [{ Name: 'web', Count: count, Tasks: [{ Name: 'server', Driver: 'docker', Config: { image: 'nginx:1.27' }, KillTimeout: 5 * SECOND }] }],
  };
}

/** The text of one side of the diff editor as displayed (the editor draws spaces as no-break spaces). */
async function sideText(side: Locator): Promise<string> {
  return (await side.locator('.view-lines:not([monaco-view-zone])').innerText()).replace(/\u00a0/g, ' ');
}

async function changedLineCount(page: Page, side: 'original' | 'modified'): Promise<number> {
  const mark = side === 'original' ? '.line-delete' : '.line-insert';
  return page.locator(`.monaco-diff-editor .editor.${side} .view-overlays ${mark}`).count();
}

describe('version diff (UI)', function () {
  this.timeout(180_000);
  let fake: FakeNomad;
  let workbench: Workbench;

  before(async function () {
    if (process.env.NOMAD_TEST_ADDR) this.skip(); // seeds two versions with known durations in the fake
    fake = await startFakeNomad();
    fake.state.seedJob(shop(2, 10));
    fake.state.seedJob(shop(3, 15));
    workbench = await Workbench.open({
      env: { NOMAD_ADDR: fake.address },
      // Side by side even in a narrow editor, and only the changed parts drawn: every line on screen is then one
      // the diff found, so a server-set field that differs between versions could not hide below the fold.
      settings: { 'diffEditor.useInlineViewWhenSpaceIsLimited': false, 'diffEditor.hideUnchangedRegions.enabled': true },
    });
  });

  after(async () => {
    await workbench?.close();
    await fake?.close();
  });

  it('opens a diff of two versions that shows only the author\'s changes, durations as written', async () => {
    const { page } = workbench;
    await openViewContainer(page, 'Nomad');
    await expand(await rowAt(page, 'shop', 1));
    await expand(await rowAt(page, 'Versions', 2));
    const latest = await rowAt(page, 'v1', 3);
    // The tree redraws its ages every few seconds, which can close a context menu under the click: try again.
    const picker = page.locator('.quick-input-widget .quick-input-box input');
    await retried(3, async (attempt) => {
      if (attempt > 1) await page.keyboard.press('Escape');
      await runContextMenuItem(latest, 'Compare with Another Version');
      await picker.waitFor({ state: 'visible', timeout: 5_000 });
    });
    await answerQuickInput(page, 'v0');
    const diff = page.locator('.monaco-diff-editor');
    const original = diff.locator('.editor.original');
    const modified = diff.locator('.editor.modified');
    await modified.locator('.view-line', { hasText: /"Count":\s3,/ }).waitFor();
    await original.locator('.view-line', { hasText: /"Count":\s2,/ }).waitFor();
    const [before, after] = [await sideText(original), await sideText(modified)];
    for (const text of [before, after]) {
      for (const field of ['JobModifyIndex', 'ModifyIndex', 'CreateIndex', 'SubmitTime', '"Version"']) assert.ok(!text.includes(field), `no ${field} in\n${text}`);
      assert.ok(!/\d{9,}/.test(text), `no nanosecond counts in\n${text}`);
    }
    assert.match(before, /"MinHealthyTime": "10s"/);
    assert.match(after, /"MinHealthyTime": "15s"/);
    // The only changed lines are the two the author changed: nothing the server set between the versions.
    assert.strictEqual(await changedLineCount(page, 'modified'), 2);
    assert.strictEqual(await changedLineCount(page, 'original'), 2);
    await page.locator('.tabs-container .tab.active', { hasText: 'shop: v0 ↔ v1' }).waitFor();
    // Opened from the tree with no editor open, the diff takes the editor area instead of leaving an empty column beside it.
    assert.strictEqual(await page.locator('.editor-group-container').count(), 1, 'one editor group');
    await workbench.screenshot('version-diff');
  });
});
