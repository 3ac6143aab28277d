// Job actions in the real VS Code: on a Nomad 1.7+ cluster (the fake as
// 1.7.7) a task's actions appear under its row and run in a terminal over the
// action WebSocket; on Nomad 1.0.18 (the fake, or a real agent from
// NOMAD_TEST_ADDR) the tree offers none, never asks for them, and the
// command says which version it needs.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../client/src/explorer/nodes/node';
import { clusterHas } from '../../client/src/nomad/features';
import { sleepingService } from '../support/nomad/logsFixtures';
import { runningAllocation } from '../support/nomad/runningAllocation';
import { runTerminalCommand, startActionsHarness, type ActionsHarness } from './actionsHarness';
import { item, row, rowsWhere, showJobsView } from './explorerFixtures';
import { waitFor } from './support/wait';
import type { Step } from '../unit/client/features/actions/scriptedUi';

const GREET = { Name: 'greet', Command: 'echo', Args: ['action', 'ran'] };

/** The task row `task` of the job's first allocation, in the Jobs tree. */
async function taskRow(jobId: string, task: string): Promise<ExplorerNode> {
  const api = await showJobsView();
  const job = await row(api, jobId);
  const allocations = await row(api, 'Allocations', job);
  const [allocation] = await rowsWhere(api, (rows) => rows.some((r) => r.kind === 'allocation'), 'an allocation row', allocations);
  return row(api, task, allocation);
}

const runAction = (h: ActionsHarness, arg: unknown, steps: Step[]) => runTerminalCommand(h, 'nomad.runJobAction', arg, steps);

describe('job actions on Nomad 1.7+', function () {
  this.timeout(90_000);
  let h: ActionsHarness | undefined;
  let jobId: string;

  before(async function () {
    h = await startActionsHarness({ agentVersion: '1.7.7' });
    if (!(await clusterHas(h.client, 'jobActions'))) this.skip();
    jobId = h.jobId('actions');
    const job = sleepingService(jobId, [GREET, { Name: 'fail', Command: 'exit', Args: ['3'] }]);
    job.TaskGroups![0].Count = 2;
    await h.client.registerJob(job);
    await runningAllocation(h.client, jobId, 'app');
  });

  after(async () => {
    for (const terminal of vscode.window.terminals) terminal.dispose();
    await h?.dispose();
  });

  it('lists a task\'s actions under its row, read once for the job, and runs one from its row', async () => {
    const task = await taskRow(jobId, 'app');
    const api = await showJobsView();
    const greet = await row(api, 'greet', task);
    assert.strictEqual(item(api, task).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.strictEqual(item(api, greet).description, 'echo action ran');
    assert.strictEqual(item(api, greet).contextValue, 'jobAction:running');
    await row(api, 'fail', task);
    if (h!.target.fake) assert.strictEqual(h!.target.fake.requests.filter((r) => r.url.startsWith(`/v1/job/${jobId}/actions`)).length, 1);

    const { opened, output } = await runAction(h!, greet, []);
    const { terminal, pty } = await waitFor(opened, 'the action terminal to open');
    assert.match(terminal.name, /^action greet@[0-9a-f]{8}$/);
    await waitFor(() => pty.bridge.state === 'exited', 'the action to finish');
    assert.match(output(), /action ran\r?\n/);
    assert.strictEqual(pty.bridge.exit, 0);
    terminal.dispose();
  });

  it('from the palette asks for the job, the action and, as the task runs twice, the allocation', async () => {
    const allocations = await waitFor(async () => {
      const { value } = await h!.client.jobAllocations(jobId);
      const running = value.filter((a) => a.TaskStates?.app?.State === 'running');
      return running.length === 2 && running;
    }, 'both allocations to run');
    const second = allocations.find((a) => a.Name.endsWith('[1]'))!;
    const { opened } = await runAction(h!, undefined, [{ pick: jobId }, { pick: 'fail' }, { pick: `${jobId}.g[1]` }]);
    const { terminal, pty } = await waitFor(opened, 'the action terminal to open');
    assert.strictEqual(terminal.name, `action fail@${second.ID.slice(0, 8)}`);
    await waitFor(() => pty.bridge.state === 'exited', 'the action to finish');
    assert.strictEqual(pty.bridge.exit, 3);
    terminal.dispose();
  });
});

describe('job actions before Nomad 1.7', function () {
  this.timeout(90_000);
  let h: ActionsHarness | undefined;
  let jobId: string;

  before(async function () {
    h = await startActionsHarness();
    if (await clusterHas(h.client, 'jobActions')) this.skip();
    jobId = h.jobId('no-actions');
    // The fake keeps the action blocks it is sent; a real 1.0 agent does not know them, so it gets none.
    await h.client.registerJob(sleepingService(jobId, h.target.fake ? [GREET] : []));
    await runningAllocation(h.client, jobId, 'app');
  });

  after(async () => {
    await h?.dispose();
  });

  it('shows no action rows and never asks the cluster for actions', async () => {
    const task = await taskRow(jobId, 'app');
    const api = await showJobsView();
    assert.strictEqual(item(api, task).collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.deepStrictEqual(await api.jobsTree.getChildren(task), []);
    if (h!.target.fake) assert.deepStrictEqual(h!.target.fake.requests.filter((r) => /\/actions(\?|$)/.test(r.url)), []);
  });

  it('Run Action… says which version it needs and asks nothing', async () => {
    const { ui, opened } = await runAction(h!, undefined, []);
    assert.strictEqual(opened(), undefined);
    assert.match(ui.errors[0]?.message ?? '', /^Running a job action: Job actions need Nomad 1\.7\.0 or newer; it runs Nomad 1\.0\.\d+\.$/);
  });
});
