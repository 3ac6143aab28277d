// Exec into a task through its command, in the real VS Code: a terminal whose
// keystrokes reach the task's shell and whose exit code becomes the
// terminal's exit status. Against the fake, or a real agent (NOMAD_TEST_ADDR).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExecPseudoterminal } from '../../client/src/features/exec/execTerminals';
import { sleepingService } from '../support/nomad/logsFixtures';
import { runningAllocation } from '../support/nomad/runningAllocation';
import { requireFake, startActionsHarness, type ActionsHarness } from './actionsHarness';
import { waitFor } from './support/wait';

describe('exec into a task', function () {
  this.timeout(90_000);
  let h: ActionsHarness;
  let jobId: string;
  let allocId: string;

  before(async () => {
    h = await startActionsHarness();
    jobId = h.jobId('exec');
    await h.client.registerJob(sleepingService(jobId));
    allocId = (await runningAllocation(h.client, jobId, 'app')).ID;
  });

  after(async () => {
    for (const terminal of vscode.window.terminals) terminal.dispose();
    await h?.dispose();
  });

  /** Runs the command with the scripted answers and returns the terminal it opened, with everything it prints. */
  async function openExec(arg: unknown, answers: Parameters<ActionsHarness['script']>[0]) {
    let opened: { terminal: vscode.Terminal; pty: ExecPseudoterminal } | undefined;
    let output = '';
    const listener = h.actions.terminals.onDidOpen((event) => {
      opened = event;
      event.pty.onDidWrite((text) => (output += text));
    });
    const ui = h.script(answers);
    try {
      await vscode.commands.executeCommand('nomad.execTask', arg);
    } finally {
      listener.dispose();
    }
    ui.assertDone();
    const session = await waitFor(() => opened, 'the exec terminal to open');
    return { ...session, ui, output: () => output };
  }

  it('opens a shell from a task row: keystrokes in, output out, the exit code on the terminal', async () => {
    const row = { allocation: { ID: allocId }, task: 'app' };
    let prompt = '';
    const { terminal, pty, output } = await openExec(row, [{ input: (options) => ((prompt = options.value ?? ''), '/bin/sh') }]);
    assert.equal(prompt, '/bin/sh', 'the command box starts with /bin/sh');
    assert.match(terminal.name, new RegExp(`^exec app@${allocId.slice(0, 8)}$`));
    await waitFor(() => pty.bridge.state === 'running', 'the session to start');
    // The quotes keep the typed line (echoed by the TTY) from matching what the shell prints.
    terminal.sendText('echo exec""-works', true);
    await waitFor(() => /exec-works\r?\n/.test(output()), 'the shell to answer');
    terminal.sendText('exit 4', true);
    await waitFor(() => pty.bridge.state === 'exited', 'the command to exit');
    assert.match(output(), /exited with code 4\. Press any key to close the terminal\./);
    const closed = new Promise<vscode.Terminal>((resolve) => vscode.window.onDidCloseTerminal((t) => t === terminal && resolve(t)));
    terminal.sendText('x', false);
    assert.equal((await closed).exitStatus?.code, 4);
  });

  it('asks for the allocation and task from the palette, and refuses an empty command', async () => {
    let problem: string | undefined;
    const { pty, terminal } = await openExec(undefined, [
      { pick: jobId },
      { pick: `${jobId}.g[0]` },
      { input: (options) => ((problem = options.validate?.('  ')), 'sh -c "exit 0"') },
    ]);
    assert.match(problem ?? '', /Give the command to run/);
    await waitFor(() => pty.bridge.state === 'exited', 'the command to exit');
    assert.equal(pty.bridge.exit, 0);
    terminal.dispose();
  });

  it('says in the terminal when the driver cannot exec, and when the node is down', async function () {
    const { fake } = requireFake(h, this);
    const vm = sleepingService(h.jobId('exec-vm'));
    vm.TaskGroups![0].Tasks![0].Driver = 'qemu';
    await h.client.registerJob(vm);
    const vmAlloc = (await runningAllocation(h.client, String(vm.ID), 'app')).ID;
    const driver = await openExec({ allocation: { ID: vmAlloc }, task: 'app' }, [{ input: '/bin/sh' }]);
    await waitFor(() => driver.pty.bridge.state === 'failed', 'the refusal');
    assert.match(driver.output(), /Could not run "\/bin\/sh": task driver does not support exec.*driver cannot run commands/s);
    driver.terminal.dispose();

    const node = fake.state.nodes.get(fake.state.allocations.get(allocId)!.NodeID)!;
    node.Status = 'down';
    try {
      const down = await openExec({ allocation: { ID: allocId }, task: 'app' }, [{ input: '/bin/sh' }]);
      await waitFor(() => down.pty.bridge.state === 'failed', 'the refusal');
      assert.match(down.output(), /cannot be reached from the servers \(No path to node\)/);
      down.terminal.dispose();
    } finally {
      node.Status = 'ready';
    }
  });
});
