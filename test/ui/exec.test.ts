// A person opens a shell in a running task from the command palette, types in
// the terminal and sees the task answer, then ends it and sees the exit code.
// The screenshot (test-results/ui/exec-terminal.png) is the README's.
import * as assert from 'assert';
import { sleepingService } from '../support/nomad/logsFixtures';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
import { answerQuickInput, runCommand } from './support/commands';
import { Workbench } from './support/workbench';

describe('exec into a task (UI)', function () {
  this.timeout(180_000);
  let fake: FakeNomad;
  let workbench: Workbench;

  before(async function () {
    if (process.env.NOMAD_TEST_ADDR) this.skip(); // reads what the fake's exec received
    fake = await startFakeNomad();
    fake.state.seedJob(sleepingService('web'));
    // The DOM renderer keeps the terminal's text readable by the test (no canvas).
    workbench = await Workbench.open({ env: { NOMAD_ADDR: fake.address }, settings: { 'terminal.integrated.gpuAcceleration': 'off' } });
  });

  after(async () => {
    await workbench?.close();
    await fake?.close();
  });

  it('runs /bin/sh in the task: typed input reaches it, its output and exit code show in the terminal', async () => {
    const { page } = workbench;
    await runCommand(page, 'Nomad: Exec into Task…');
    await answerQuickInput(page, 'web');
    await answerQuickInput(page, 'web.g[0]');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Run in task "app" of allocation' }).waitFor();
    const box = page.locator('.quick-input-widget .quick-input-box input');
    assert.equal(await box.inputValue(), '/bin/sh', 'the command box offers /bin/sh');
    await box.press('Enter');
    const rows = page.locator('.terminal-wrapper.active .xterm-rows');
    await rows.filter({ hasText: 'in task "app" of allocation' }).waitFor();
    await rows.filter({ hasText: '$' }).waitFor().catch(async (error: unknown) => {
      await workbench.screenshot('exec-terminal-failed');
      throw new Error(`${String(error)}; the terminal shows: ${await rows.innerText()}`);
    });
    await page.locator('.terminal-wrapper.active .xterm').click();
    await page.keyboard.type('echo hello""-from-the-task');
    await page.keyboard.press('Enter');
    await rows.filter({ hasText: /hello-from-the-task/ }).waitFor();
    await workbench.screenshot('exec-terminal');
    await page.keyboard.type('exit 2');
    await page.keyboard.press('Enter');
    await rows.filter({ hasText: 'The command exited with code 2.' }).waitFor();
    const [session] = fake.exec.sessions;
    assert.deepEqual(session.command, ['/bin/sh']);
    assert.equal(session.tty, true);
    assert.ok(session.sizes.length > 0 && session.sizes[0].width > 10, 'the terminal sent its size');
  });
});
