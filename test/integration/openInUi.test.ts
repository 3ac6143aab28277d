// Open in Nomad UI from real Jobs-tree rows, in the real VS Code: the address
// of each row's page on the cluster's web UI, shaped for its version.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../client/src/explorer/nodes/node';
import { sleepingService } from '../support/nomad/logsFixtures';
import { runningAllocation } from '../support/nomad/runningAllocation';
import { startActionsHarness, type ActionsHarness } from './actionsHarness';
import { children, showJobsView } from './explorerFixtures';
import { waitFor } from './support/wait';

describe('open in Nomad UI', function () {
  this.timeout(90_000);
  let h: ActionsHarness;

  before(async () => {
    h = await startActionsHarness();
  });

  after(async () => {
    await h?.dispose();
  });

  it('opens the page of a job, its allocation and task, evaluation and deployment', async () => {
    const jobId = h.jobId('ui');
    await h.client.registerJob(sleepingService(jobId));
    const alloc = await runningAllocation(h.client, jobId, 'app');
    const api = await showJobsView();
    await vscode.commands.executeCommand('nomad.refresh');
    const job = await waitFor(async () => (await children(api)).find((n) => n.kind === 'job' && n.id === jobId), 'the job row');
    const section = async (id: string): Promise<ExplorerNode> =>
      waitFor(async () => (await children(api, job)).find((n) => n.kind === 'section' && n.spec.id === id), `the ${id} section`);
    const first = async (parent: ExplorerNode, kind: string): Promise<ExplorerNode> =>
      waitFor(async () => (await children(api, parent)).find((n) => n.kind === kind), `a ${kind} row`);
    const allocation = await first(await section('allocations'), 'allocation');
    const task = await first(allocation, 'task');
    const evaluation = await first(await section('evaluations'), 'evaluation');
    const deployment = await first(await section('deployments'), 'deployment');

    const { Version } = (await h.client.agentSelf()).config?.Version as { Version: string };
    const modern = Number(Version.split('.')[1]) >= 3 || Number(Version.split('.')[0]) > 1;
    const jobPage = modern ? `/ui/jobs/${encodeURIComponent(`${jobId}@default`)}` : `/ui/jobs/${jobId}?namespace=default`;
    const ui = h.script();
    for (const row of [job, allocation, task, evaluation, deployment]) await vscode.commands.executeCommand('nomad.openInUi', row);
    const base = h.target.address.replace(/\/+$/, '');
    const evaluationId = (evaluation as { evaluation: { ID: string } }).evaluation.ID;
    assert.deepEqual(ui.opened, [
      base + jobPage,
      `${base}/ui/allocations/${alloc.ID}`,
      `${base}/ui/allocations/${alloc.ID}/app`,
      modern ? `${base}/ui/evaluations?currentEval=${evaluationId}` : `${base}/ui/jobs/${jobId}/evaluations?namespace=default`,
      modern ? `${base}/ui/jobs/${encodeURIComponent(`${jobId}@default`)}/deployments` : `${base}/ui/jobs/${jobId}/deployments?namespace=default`,
    ]);
    assert.deepEqual(ui.errors, []);
  });
});
