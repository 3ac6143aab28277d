// "Plan Job File…" on a job row of the Jobs tree, in the real extension host against the test
// target (fake or real agent): the command finds the workspace file defining the row's job and plans it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PlanResult } from '../../client/src/features/plan/planSession';
import type { NomadExtensionApi } from '../../client/src/extension';
import type { ExplorerNode } from '../../client/src/explorer/nodes/node';
import { row, showJobsView } from './explorerFixtures';
import { testJobId } from '../support/nomad/testJobs';
import { serviceApiJob, serviceJob, useClusterInSuite } from './planFixtures';
import { waitFor } from './support/wait';
import { writeWorkspaceFile } from './support/workspace';

describe('plan job file from the Jobs tree', function () {
  this.timeout(60_000);
  const cluster = useClusterInSuite();
  let api: NomadExtensionApi;

  before(async () => {
    api = await showJobsView();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  /** A job on the cluster (count 1), and its row in the tree. */
  async function jobRow(id: string): Promise<ExplorerNode> {
    await cluster.register(serviceApiJob(id, 1));
    return row(api, id);
  }

  const planRequests = (id: string) => cluster.requests().filter((r) => r.method === 'POST' && r.url.startsWith(`/v1/job/${id}/plan`));

  it('plans the workspace file that defines the job of the row, without opening it first', async () => {
    const id = testJobId('tree-plan');
    const node = await jobRow(id);
    await writeWorkspaceFile('tree-plan.nomad.hcl', serviceJob(id, 3));
    await writeWorkspaceFile('tree-plan-canary.nomad.hcl', serviceJob(testJobId('tree-plan-canary'), 1));
    const result = await vscode.commands.executeCommand<PlanResult | undefined>('nomad.planJobFile', node);
    assert.ok(result, 'the command returns the plan it shows');
    assert.deepStrictEqual([result.view.jobId, result.view.source, result.view.isNewJob], [id, 'tree-plan.nomad.hcl', false]);
    const count = result.view.diff?.children.find((n) => n.kind === 'group')?.children.find((n) => n.name === 'Count');
    assert.deepStrictEqual([count?.old, count?.new], ['1', '3'], 'the plan is of the file, not of the cluster job');
    assert.strictEqual(planRequests(id).length, 1);
  });

  it('finds the file defining the job behind a variable whose heredoc holds an unmatched brace', async () => {
    const id = testJobId('tree-heredoc');
    const node = await jobRow(id);
    const variable = 'variable "banner" {\n  type    = string\n  default = <<EOT\n{ "not": "a block"\nEOT\n}\n\n';
    // A folder of its own: variable files other tests leave beside theirs would make the plan ask which apply.
    await writeWorkspaceFile('tree-heredoc/tree-heredoc.nomad.hcl', variable + serviceJob(id, 2));
    const result = await vscode.commands.executeCommand<PlanResult | undefined>('nomad.planJobFile', node);
    assert.strictEqual(result?.view.jobId, id);
    assert.match(result.view.source, /tree-heredoc\.nomad\.hcl$/);
    assert.strictEqual(planRequests(id).length, 1);
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
    const id = testJobId('tree-twin');
    const node = await jobRow(id);
    await writeWorkspaceFile('tree-twin-a.nomad.hcl', serviceJob(id, 2));
    await writeWorkspaceFile('tree-twin-b.nomad.hcl', serviceJob(id, 4));
    assert.strictEqual(await planAnsweringPick(node, 'workbench.action.closeQuickOpen'), undefined, 'dismissed: nothing planned');
    assert.strictEqual(planRequests(id).length, 0);
    // The pick lists the files by path; accepting the first one plans tree-twin-a.
    const result = await planAnsweringPick(node, 'workbench.action.acceptSelectedQuickOpenItem');
    assert.deepStrictEqual([result?.view.jobId, result?.view.source], [id, 'tree-twin-a.nomad.hcl']);
    assert.strictEqual(planRequests(id).length, 1);
  });

  it('plans nothing, and does not fail, when no file defines the job in its namespace', async () => {
    const id = testJobId('tree-nofile');
    const node = await jobRow(id);
    // Same ID, but this file would be planned into another namespace: not the row's job.
    await writeWorkspaceFile('tree-nofile.nomad.hcl', serviceJob(id, 1, '  namespace = "elsewhere"\n'));
    const result = await vscode.commands.executeCommand<PlanResult | undefined>('nomad.planJobFile', node);
    assert.strictEqual(result, undefined);
    assert.strictEqual(planRequests(id).length, 0);
  });
});
