// Following a task log in the real VS Code: the `nomad-log:` document opens
// at the tail, grows as the task prints, stops following when its tab is
// closed, and says plainly why it cannot follow a log.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { tickingService } from '../support/nomad/logsFixtures';
import { requireFake, startActionsHarness, type ActionsHarness } from './actionsHarness';
import { waitFor } from './support/wait';

describe('task logs', function () {
  this.timeout(60_000);
  let h: ActionsHarness;

  before(async () => {
    h = await startActionsHarness();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('nomad.logs').update('tailBytes', undefined, vscode.ConfigurationTarget.Global);
    await h?.dispose();
  });

  /** Registers a ticking service and returns its first running allocation (a real agent needs a few seconds). */
  async function runningAllocation(name: string) {
    const id = h.jobId(name);
    await h.client.registerJob(tickingService(id));
    return waitFor(async () => (await h.client.jobAllocations(id)).value.find((a) => a.ClientStatus === 'running'), `an allocation of ${id} to run`, 30_000);
  }

  /**
   * The active log editor of this allocation: the command may return before its editor takes
   * over from the previous test's log, which stays open and following.
   */
  const logEditor = (allocationId: string) => () => {
    const editor = vscode.window.activeTextEditor;
    const uri = editor?.document.uri;
    return uri?.scheme === 'nomad-log' && uri.path.includes(`-${allocationId.slice(0, 8)}.`) ? editor : undefined;
  };

  it('follows a task log: new lines arrive while the tab is open', async () => {
    const alloc = await runningAllocation('follow');
    const printer = h.target.logs?.startPrinting(alloc.ID, 'app', { everyMs: 100 });
    try {
      h.script();
      await vscode.commands.executeCommand('nomad.showLogs', { allocation: alloc, task: 'app' });
      const editor = await waitFor(logEditor(alloc.ID), 'the log editor');
      assert.match(editor.document.uri.path, /app-\w{8}\.stdout\.log$/);
      const firstSeen = await waitFor(() => /tick (\d+)/.exec(editor.document.getText())?.[1], 'the first line');
      const later = `tick ${Number(firstSeen) + 3}`;
      await waitFor(() => editor.document.getText().includes(later), `"${later}" to arrive`);
      assert.ok(h.actions.logs.isFollowing(editor.document.uri));
    } finally {
      printer?.stop();
    }
  });

  it('stops following when the tab is closed', async function () {
    const { logs } = requireFake(h, this);
    const alloc = await runningAllocation('close');
    h.script();
    await vscode.commands.executeCommand('nomad.showErrorLogs', { allocation: alloc, task: 'app' });
    const editor = await waitFor(logEditor(alloc.ID), 'the log editor');
    assert.match(editor.document.uri.path, /\.stderr\.log$/);
    await waitFor(() => logs.activeStreams(alloc.ID) === 1, 'the stream to open');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor(() => logs.activeStreams(alloc.ID) === 0, 'the stream to close');
    assert.equal(h.actions.logs.isFollowing(editor.document.uri), false);
  });

  it('starts from the tail set by nomad.logs.tailBytes', async function () {
    const { logs } = requireFake(h, this);
    const alloc = await runningAllocation('tail');
    logs.write(alloc.ID, 'app', Array.from({ length: 100 }, (_, i) => `old ${i + 1}\n`).join(''));
    await vscode.workspace.getConfiguration('nomad.logs').update('tailBytes', 15, vscode.ConfigurationTarget.Global);
    h.script();
    await vscode.commands.executeCommand('nomad.showLogs', { allocation: alloc, task: 'app' });
    const editor = await waitFor(logEditor(alloc.ID), 'the log editor');
    await waitFor(() => editor.document.getText().includes('old 100'), 'the tail');
    assert.equal(editor.document.getText().trim(), 'old 99\nold 100');
    await vscode.workspace.getConfiguration('nomad.logs').update('tailBytes', undefined, vscode.ConfigurationTarget.Global);
  });

  it('says plainly that an allocation is gone', async () => {
    h.script();
    await vscode.commands.executeCommand('nomad.showLogs', { allocation: { ID: '00000000-dead-beef-0000-000000000000', JobID: 'gone' }, task: 'app' });
    const editor = await waitFor(logEditor('00000000'), 'the log editor');
    await waitFor(() => editor.document.getText().includes('Stopped following'), 'the explanation');
    assert.match(editor.document.getText(), /no longer knows this allocation/);
  });

  it('says plainly that the client node cannot be reached', async function () {
    const { logs } = requireFake(h, this);
    const alloc = await runningAllocation('unreachable');
    logs.unreachable.add(alloc.ID);
    h.script();
    await vscode.commands.executeCommand('nomad.showLogs', { allocation: alloc, task: 'app' });
    const editor = await waitFor(logEditor(alloc.ID), 'the log editor');
    await waitFor(() => editor.document.getText().includes('Stopped following'), 'the explanation');
    assert.match(editor.document.getText(), /client node running this allocation cannot be reached/);
  });
});
