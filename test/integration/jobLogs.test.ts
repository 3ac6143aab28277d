// Following every allocation of a job in one `nomad-log:` document in the real
// VS Code: lines of each allocation arrive prefixed with its short id and
// task, a new allocation joins when the job grows, and closing the tab closes
// every stream. Runs against the fake or a real agent (NOMAD_TEST_ADDR).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AllocationListStub } from '../../client/src/nomad/types';
import { tickingService } from '../support/nomad/logsFixtures';
import { requireFake, startActionsHarness, type ActionsHarness } from './actionsHarness';
import { waitFor } from './support/wait';

describe('job-wide logs', function () {
  this.timeout(90_000);
  let h: ActionsHarness;
  const printers: Array<{ stop(): void }> = [];

  before(async () => {
    h = await startActionsHarness();
  });

  afterEach(() => {
    for (const printer of printers.splice(0)) printer.stop();
  });

  after(async () => {
    await h?.dispose();
  });

  /** Registers a ticking service with `count` allocations and waits until they all run (each prints on the fake too). */
  async function runningJob(name: string, count: number): Promise<{ id: string; allocations: AllocationListStub[] }> {
    const id = h.jobId(name);
    await h.client.registerJob(tickingService(id, ['app'], count));
    const allocations = await waitFor(async () => {
      const running = (await h.client.jobAllocations(id)).value.filter((a) => a.ClientStatus === 'running');
      return running.length === count ? running : undefined;
    }, `${count} allocations of ${id} to run`, 45_000);
    for (const alloc of allocations) printLines(alloc);
    return { id, allocations };
  }

  function printLines(alloc: AllocationListStub): void {
    const printer = h.target.logs?.startPrinting(alloc.ID, 'app', { everyMs: 100 });
    if (printer) printers.push(printer);
  }

  const logEditor = (path: RegExp) => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.uri.scheme === 'nomad-log' && path.test(editor.document.uri.path) ? editor : undefined;
  };

  const tickOf = (text: string, allocId: string) => new RegExp(`^\\[${allocId.slice(0, 8)} app\\] tick \\d+$`, 'm').test(text);

  it('shows lines of every allocation, each prefixed with its short id and task', async () => {
    const { id, allocations } = await runningJob('all', 2);
    h.script();
    await vscode.commands.executeCommand('nomad.showJobLogs', { job: { ID: id, Namespace: 'default' } });
    const editor = await waitFor(() => logEditor(/all-groups\.all\.stdout\.log$/), 'the job log editor');
    assert.equal(editor.document.uri.path, `/${id}/all-groups.all.stdout.log`);
    for (const alloc of allocations) {
      await waitFor(() => tickOf(editor.document.getText(), alloc.ID), `lines of ${alloc.ID.slice(0, 8)}`, 20_000);
    }
    assert.ok(h.actions.logs.isFollowing(editor.document.uri));
  });

  it('a group log takes in an allocation that starts after it opened', async () => {
    const { id, allocations } = await runningJob('join', 1);
    h.script();
    await vscode.commands.executeCommand('nomad.showJobLogs', { job: { ID: id, Namespace: 'default' }, group: 'g' });
    const editor = await waitFor(() => logEditor(/\/g\.all\.stdout\.log$/), 'the group log editor');
    await waitFor(() => tickOf(editor.document.getText(), allocations[0].ID), 'lines of the first allocation', 20_000);
    await h.client.registerJob(tickingService(id, ['app'], 2));
    const added = await waitFor(async () => {
      const running = (await h.client.jobAllocations(id)).value.filter((a) => a.ClientStatus === 'running' && a.ID !== allocations[0].ID);
      return running[0];
    }, 'the second allocation to run', 45_000);
    printLines(added);
    await waitFor(() => editor.document.getText().includes(`[${added.ID.slice(0, 8)} app] [nomad] Joined`), 'the new allocation to join', 20_000);
    await waitFor(() => tickOf(editor.document.getText(), added.ID), 'lines of the new allocation', 20_000);
  });

  it('marks an allocation that ends, and closing the tab closes every stream', async function () {
    const { logs } = requireFake(h, this);
    const { id, allocations } = await runningJob('close', 2);
    h.script();
    await vscode.commands.executeCommand('nomad.showJobErrorLogs', { job: { ID: id, Namespace: 'default' } });
    const editor = await waitFor(() => logEditor(/all-groups\.all\.stderr\.log$/), 'the job error log editor');
    await waitFor(() => allocations.every((a) => logs.activeStreams(a.ID) === 1), 'a stream per allocation');
    h.target.fake!.state.setAllocationStatus(allocations[0].ID, 'failed');
    await waitFor(() => editor.document.getText().includes(`[${allocations[0].ID.slice(0, 8)}] [nomad] Ended`), 'the end to be marked', 20_000);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor(() => allocations.every((a) => logs.activeStreams(a.ID) === 0), 'every stream to close');
    assert.equal(h.actions.logs.isFollowing(editor.document.uri), false);
  });
});
