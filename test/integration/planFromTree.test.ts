// "Plan Job File…" on a job row of the Jobs tree, in the real extension host against the fake
// Nomad: the command finds the workspace file defining the row's job and plans it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PlanResult } from '../../client/src/features/plan/planSession';
import type { NomadExtensionApi } from '../../client/src/extension';
import type { ExplorerNode } from '../../client/src/explorer/nodes/node';
import { row, showJobsView } from './explorerFixtures';
import { serviceJob, useFakeClusterInSuite } from './planFixtures';
import { waitFor } from './support/wait';
import { writeWorkspaceFile } from './support/workspace';

describe('plan job file from the Jobs tree', function () {
  const cluster = useFakeClusterInSuite();
  let api: NomadExtensionApi;

  before(async () => {
    api = await showJobsView();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  /** A job on the cluster (count 1), and its row in the tree. */
  async function jobRow(id: string): Promise<ExplorerNode> {
    cluster.fake.state.seedJob({ ID: id, Name: id, Type: 'service', Datacenters: ['dc1'], TaskGroups: [
      { Name: 'g', Count: 1, Tasks: [{ Name: 't', Driver: 'raw_exec', Config: { command: '/bin/sleep', args: ['3600'] }, Resources: { CPU: 50, MemoryMB: 32 } }] },
    ] });
    return row(api, id);
  }

  const planRequests = (id: string) => cluster.fake.requests.filter((r) => r.method === 'POST' && r.url.startsWith(`/v1/job/${id}/plan`));

  it('plans the workspace file that defines the job of the row, without opening it first', async () => {
    const node = await jobRow('tree-plan');
    await writeWorkspaceFile('tree-plan.nomad.hcl', serviceJob('tree-plan', 3));
    await writeWorkspaceFile('tree-plan-canary.nomad.hcl', serviceJob('tree-plan-canary', 1));
    const result = await vscode.commands.executeCommand<PlanResult | undefined>('nomad.planJobFile', node);
    assert.ok(result, 'the command returns the plan it shows');
    assert.deepStrictEqual([result.view.jobId, result.view.source, result.view.isNewJob], ['tree-plan', 'tree-plan.nomad.hcl', false]);
    const count = result.view.diff?.children.find((n) => n.kind === 'group')?.children.find((n) => n.name === 'Count');
    assert.deepStrictEqual([count?.old, count?.new], ['1', '3'], 'the plan is of the file, not of the cluster job');
    assert.strictEqual(planRequests('tree-plan').length, 1);
  });

  /** Runs the command on `node`, answering the quick pick it opens with `command` (accept or close). */
  async function planAnsweringPick(node: ExplorerNode, command: string): Promise<PlanResult | undefined> {
    const pending = vscode.commands.executeCommand<PlanResult | undefined>('nomad.planJobFile', node);
    let settled = false;
    pending.then(() => (settled = true), () => (settled = true));
    // Until the pick shows, the command has nothing to act on and does nothing.
    await waitFor(async () => {
      if (!settled) await vscode.commands.executeCommand(command);
      return settled;
    }, 'the file pick to be answered');
    return pending;
  }

  it('asks which file to plan when several define the job', async () => {
    const node = await jobRow('tree-twin');
    await writeWorkspaceFile('tree-twin-a.nomad.hcl', serviceJob('tree-twin', 2));
    await writeWorkspaceFile('tree-twin-b.nomad.hcl', serviceJob('tree-twin', 4));
    assert.strictEqual(await planAnsweringPick(node, 'workbench.action.closeQuickOpen'), undefined, 'dismissed: nothing planned');
    assert.strictEqual(planRequests('tree-twin').length, 0);
    // The pick lists the files by path; accepting the first one plans tree-twin-a.
    const result = await planAnsweringPick(node, 'workbench.action.acceptSelectedQuickOpenItem');
    assert.deepStrictEqual([result?.view.jobId, result?.view.source], ['tree-twin', 'tree-twin-a.nomad.hcl']);
    assert.strictEqual(planRequests('tree-twin').length, 1);
  });

  it('plans nothing, and does not fail, when no file defines the job in its namespace', async () => {
    const node = await jobRow('tree-nofile');
    // Same ID, but this file would be planned into another namespace: not the row's job.
    await writeWorkspaceFile('tree-nofile.nomad.hcl', serviceJob('tree-nofile', 1, '  namespace = "elsewhere"\n'));
    const result = await vscode.commands.executeCommand<PlanResult | undefined>('nomad.planJobFile', node);
    assert.strictEqual(result, undefined);
    assert.strictEqual(planRequests('tree-nofile').length, 0);
  });
});
