// A person follows the logs of every allocation of a group from the Jobs tree:
// right-click the group, "Show Logs of All Allocations", and one log tab shows
// the lines of both allocations, each led by its short id and task. The
// screenshot goes to test-results/ui/job-logs.png (the README's picture).
import * as assert from 'assert';
import { tickingService } from '../support/nomad/logsFixtures';
import { installTaskLogs } from '../support/nomad/logsRoutes';
import type { FakeTaskLogs } from '../support/nomad/logsFake';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
import { expand, rowAt, runContextMenuItem } from './support/jobsTree';
import { openViewContainer } from './support/views';
import { Workbench } from './support/workbench';

describe('job-wide logs (UI)', function () {
  this.timeout(180_000);
  let fake: FakeNomad;
  let logs: FakeTaskLogs;
  let workbench: Workbench;
  const printers: Array<{ stop(): void }> = [];

  before(async function () {
    if (process.env.NOMAD_TEST_ADDR) this.skip(); // drives the fake's log output
    fake = await startFakeNomad();
    logs = installTaskLogs(fake);
    fake.state.seedJob(tickingService('shop', ['app'], 2));
    const allocations = [...fake.state.allocations.values()].filter((a) => a.JobID === 'shop');
    allocations.forEach((alloc, i) => {
      logs.write(alloc.ID, 'app', `listening on :${8080 + i}\n`);
      printers.push(logs.startPrinting(alloc.ID, 'app', { everyMs: 300 + 70 * i, line: (n) => `GET /cart/${n} 200 ${3 + i}ms` }));
    });
    workbench = await Workbench.open({ env: { NOMAD_ADDR: fake.address } });
  });

  after(async () => {
    for (const printer of printers) printer.stop();
    await workbench?.close();
    logs?.dispose();
    await fake?.close();
  });

  it('opens one log of every allocation from the group row, lines prefixed with allocation and task', async () => {
    const { page } = workbench;
    await openViewContainer(page, 'Nomad');
    await expand(await rowAt(page, 'shop', 1));
    const group = await rowAt(page, 'g', 3);
    await runContextMenuItem(group, 'Show Logs of All Allocations');
    await page.locator('.tabs-container .tab.active', { hasText: 'g.all.stdout.log' }).waitFor();
    const ids = [...fake.state.allocations.values()].filter((a) => a.JobID === 'shop').map((a) => a.ID.slice(0, 8));
    // The editor renders spaces as no-break spaces, hence \s in the patterns.
    const lines = page.locator('.monaco-editor .view-lines');
    for (const id of ids) await lines.locator('.view-line', { hasText: new RegExp(`\\[${id}\\sapp\\]\\sGET\\s/cart/\\d+\\s200`) }).first().waitFor();
    const text = (await lines.innerText()).replace(/\u00a0/g, ' ');
    assert.ok(ids.every((id) => new RegExp(`^\\[${id} app\\] GET /cart/\\d+ 200 \\dms$`, 'm').test(text)), text);
    await workbench.screenshot('job-logs');
  });
});
