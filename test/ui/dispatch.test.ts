// A person dispatches a parameterized job through the command palette and its
// prompts, then follows a task's log; screenshots of both go to
// test-results/ui/. The fake Nomad runs in this process; the workbench's
// extension reaches it through NOMAD_ADDR.
import * as assert from 'assert';
import { parameterizedBatch, tickingService } from '../support/nomad/logsFixtures';
import { installTaskLogs } from '../support/nomad/logsRoutes';
import type { FakeTaskLogs } from '../support/nomad/logsFake';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
import { answerQuickInput, runCommand } from './support/commands';
import { notificationMessages } from './support/views';
import { Workbench } from './support/workbench';

const QUICK_INPUT = '.quick-input-widget';

describe('dispatch and logs (UI)', function () {
  this.timeout(180_000);
  let fake: FakeNomad;
  let logs: FakeTaskLogs;
  let workbench: Workbench;

  before(async function () {
    if (process.env.NOMAD_TEST_ADDR) this.skip(); // drives the fake's log output
    fake = await startFakeNomad();
    logs = installTaskLogs(fake);
    fake.state.seedJob(parameterizedBatch('report'));
    fake.state.seedJob(tickingService('web'));
    workbench = await Workbench.open({ env: { NOMAD_ADDR: fake.address } });
  });

  after(async () => {
    await workbench?.close();
    logs?.dispose();
    await fake?.close();
  });

  it('dispatches through the prompts and names the dispatched job', async () => {
    const { page } = workbench;
    await runCommand(page, 'Nomad: Dispatch Job…');
    await answerQuickInput(page, 'report');
    // Required meta first: an input box.
    await page.locator(`${QUICK_INPUT} .quick-input-message`, { hasText: 'required meta key "customer"' }).waitFor();
    await answerQuickInput(page, 'acme', { pick: false });
    // Then the form with the optional key, the payload and Dispatch.
    await page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: 'priority_hint' }).waitFor();
    await workbench.screenshot('dispatch-form');
    await answerQuickInput(page, 'Dispatch');
    const toast = page.locator('.notification-toast', { hasText: 'Dispatched "report" as report/dispatch-' });
    await toast.waitFor();
    // The picture shows the result, not the progress notification fading out.
    await page.locator('.notification-toast', { hasText: 'Dispatching report' }).waitFor({ state: 'detached' });
    // The new job is revealed (and selected) in the Jobs tree.
    await page.locator('.sidebar .monaco-list-row.selected', { hasText: 'dispatch-' }).waitFor();
    await workbench.screenshot('dispatch-result');
    const children = [...fake.state.jobs.values()].filter((rec) => rec.current.ParentID === 'report');
    assert.strictEqual(children.length, 1);
    assert.deepStrictEqual(children[0].current.Meta, { customer: 'acme', priority_hint: 'low' });
    assert.ok((await notificationMessages(page)).some((m) => m.includes(String(children[0].current.ID))));
  });

  it('follows a task log as the task prints', async () => {
    const { page } = workbench;
    const alloc = [...fake.state.allocations.values()].find((a) => a.JobID === 'web' && a.ClientStatus === 'running');
    assert.ok(alloc, 'the fake placed a running allocation of web');
    logs.write(alloc.ID, 'app', 'server listening on :8080\n');
    const printer = logs.startPrinting(alloc.ID, 'app', { everyMs: 250, line: (n) => `GET /health 200 (${n})` });
    try {
      await runCommand(page, 'Nomad: Show Logs');
      await answerQuickInput(page, 'web');
      await answerQuickInput(page, 'web.g[0]');
      await page.locator('.tabs-container .tab.active', { hasText: 'app-' }).waitFor();
      await page.locator('.monaco-editor .view-lines', { hasText: 'GET /health 200 (8)' }).waitFor();
      await workbench.screenshot('followed-log');
    } finally {
      printer.stop();
    }
  });
});
