// Nomad Actions (1.7+) as a person uses them: the actions of a task show under its
// row in the Jobs tree with the command they run; the row's play button runs one in
// a terminal named after it, which shows the action's output and exit code. The fake
// answers as Nomad 1.9.7 (actions listed from the job, run over the action WebSocket).
import * as assert from 'assert';
import { NomadClient } from '../../client/src/nomad/client';
import { sleepingService } from '../support/nomad/logsFixtures';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
import { expand, rowAt } from './support/jobsTree';
import { openViewContainer } from './support/views';
import { Workbench } from './support/workbench';

describe('job actions (UI)', function () {
  this.timeout(180_000);
  let fake: FakeNomad;
  let workbench: Workbench;

  before(async function () {
    if (process.env.NOMAD_TEST_ADDR) this.skip(); // actions need Nomad 1.7+; the real agent here is 1.0.18
    fake = await startFakeNomad({ agentVersion: '1.9.7' });
    const nomad = new NomadClient({ address: fake.address });
    await nomad.registerJob(sleepingService('web', [
      { Name: 'greet', Command: 'echo', Args: ['hello from', 'the action'] },
      { Name: 'migrate', Command: 'sh', Args: ['-c', 'echo migrating; exit 3'] },
    ]));
    nomad.dispose();
    // The DOM renderer keeps the terminal's text readable by the test (no canvas).
    workbench = await Workbench.open({ env: { NOMAD_ADDR: fake.address }, settings: { 'terminal.integrated.gpuAcceleration': 'off' } });
  });

  after(async () => {
    await workbench?.close();
    await fake?.close();
  });

  it('lists a task\'s actions under its row and runs one from its row, its output in a terminal', async () => {
    const { page } = workbench;
    await openViewContainer(page, 'Nomad');
    await expand(await rowAt(page, 'web', 1));
    await expand(await rowAt(page, 'Allocations', 2));
    await expand(await rowAt(page, 'g[0]', 3));
    await expand(await rowAt(page, 'app', 4));
    const greet = await rowAt(page, 'greet', 5);
    assert.match(await greet.innerText(), /^greet\s*echo 'hello from' 'the action'$/);
    assert.match(await (await rowAt(page, 'migrate', 5)).innerText(), /^migrate\s*sh -c 'echo migrating; exit 3'$/);
    await workbench.screenshot('job-actions');

    await greet.hover();
    await greet.locator('.action-label[aria-label^="Run Action"]').click();
    const terminalTab = page.locator('.terminal-tabs-entry, .single-terminal-tab', { hasText: /action greet@[0-9a-f]{8}/ });
    const rows = page.locator('.terminal-wrapper.active .xterm-rows');
    await rows.filter({ hasText: 'hello from the action' }).waitFor().catch(async (error: unknown) => {
      await workbench.screenshot('job-actions-failed');
      throw new Error(`${String(error)}; the terminal shows: ${await rows.innerText().catch(() => '(none)')}`);
    });
    await terminalTab.first().waitFor();
    const [session] = fake.exec.sessions;
    assert.deepStrictEqual(session.command, ['echo', 'hello from', 'the action']);
    await workbench.screenshot('job-action-output');
  });
});
