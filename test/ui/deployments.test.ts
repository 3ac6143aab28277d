// A person runs a service job and watches its deployment: the notification
// offers "Stop Following" (not VS Code's "Cancel", which would read as
// cancelling the deployment), pressing it leaves the deployment running and
// says so in a status-bar line that goes away by itself; a deployment that
// finishes ends with its result. The fake holds the deployment running
// (autoConverge off) until the test lets it finish.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
import { quickOpenFile } from './support/commands';
import { Workbench } from './support/workbench';

const jobFile = (count: number): string => `job "shop" {
  datacenters = ["dc1"]
  type        = "service"

  group "web" {
    count = ${count}

    task "server" {
      driver = "docker"

      config {
        image = "nginx:1.27"
      }
    }
  }
}
`;

const toast = (page: Page, text: string | RegExp): Locator => page.locator('.notification-toast', { hasText: text });
const buttonsOf = async (notification: Locator): Promise<string[]> =>
  (await notification.locator('.notification-list-item-buttons-container .monaco-button').allInnerTexts()).map((label) => label.trim());

describe('following a deployment (UI)', function () {
  this.timeout(180_000);
  let fake: FakeNomad;
  let workbench: Workbench;

  before(async function () {
    if (process.env.NOMAD_TEST_ADDR) this.skip(); // holds the fake's deployment running, which a real agent does not let a test do
    fake = await startFakeNomad();
    fake.state.autoConverge = false;
    // Run straight from the lens: the plan page is not what this test is about.
    workbench = await Workbench.open({ env: { NOMAD_ADDR: fake.address }, settings: { 'nomad.run.skipPlanReview': true } });
    fs.writeFileSync(path.join(workbench.folder, 'shop.nomad.hcl'), jobFile(2));
  });

  after(async () => {
    await workbench?.close();
    await fake?.close();
  });

  async function runFromLens(page: Page): Promise<void> {
    const run = page.locator('.monaco-editor .codelens-decoration a', { hasText: /^Run$/ }).first();
    await run.click();
  }

  it('offers Stop Following while the deployment runs; stopping leaves it running and the note goes by itself', async () => {
    const { page } = workbench;
    await quickOpenFile(page, 'shop.nomad.hcl');
    await runFromLens(page);
    const following = toast(page, 'Following job "shop"');
    await following.waitFor();
    assert.deepStrictEqual(await buttonsOf(following), ['Stop Following']);
    // VS Code's own toasts (a theme tip on a fresh install) may say Cancel; none of ours about this job does.
    assert.strictEqual(await toast(page, 'shop').locator('.monaco-button', { hasText: /^Cancel$/ }).count(), 0, 'no button says Cancel');
    // The progress itself is in the status bar while the deployment waits for healthy allocations.
    await page.locator('.statusbar-item', { hasText: /Following "shop".*deploying|deployment running/ }).waitFor();
    await workbench.screenshot('deployment-following');

    await following.locator('.monaco-button', { hasText: 'Stop Following' }).click();
    await following.waitFor({ state: 'detached' });
    const stopped = page.locator('.statusbar-item', { hasText: 'Stopped following job "shop"; the cluster carries on with it.' });
    await stopped.waitFor();
    assert.strictEqual(await toast(page, 'Stopped following').count(), 0, 'the note is not a notification to dismiss');
    const deployments = [...fake.state.deployments.values()].filter((d) => d.JobID === 'shop');
    assert.deepStrictEqual(deployments.map((d) => d.Status), ['running'], 'stopping the following left the deployment alone');
    // It goes away by itself (after a few seconds), with nothing pressed.
    await stopped.waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('ends with the deployment\'s result and a button that shows the job in the Jobs view', async () => {
    const { page } = workbench;
    fs.writeFileSync(path.join(workbench.folder, 'shop.nomad.hcl'), jobFile(3));
    await page.locator('.monaco-editor .view-lines', { hasText: 'count = 3' }).waitFor();
    await runFromLens(page);
    await toast(page, 'Following job "shop"').waitFor();
    fake.state.converge();
    const result = toast(page, /Job "shop": deployment successful/);
    await result.waitFor();
    assert.deepStrictEqual(await buttonsOf(result), ['Show in Jobs view']);
    await workbench.screenshot('deployment-result');
    await result.locator('.monaco-button', { hasText: 'Show in Jobs view' }).click();
    await page.locator('.sidebar .pane', { hasText: 'Jobs' }).locator('.monaco-list-row.selected', { hasText: 'shop' }).waitFor();
  });
});
