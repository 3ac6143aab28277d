// Driving deployments from the extension in the real VS Code, on the fake or a
// real agent (NOMAD_TEST_ADDR): a canary update waits for promotion, is paused,
// resumed and promoted; another is failed after a confirmation; a deployment
// with manual health proceeds once its allocation is marked healthy.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Deployment, Job } from '../../client/src/nomad/types';
import { tickingService } from '../support/nomad/logsFixtures';
import { startActionsHarness, type ActionsHarness } from './actionsHarness';
import { waitFor } from './support/wait';

const SECOND = 1_000_000_000;

/** A ticking service with an update block; `version` changes its tasks so a re-register is a destructive update. */
function updatable(id: string, version: number, update: Record<string, unknown>): Job {
  const job = tickingService(id);
  job.Update = { MaxParallel: 1, MinHealthyTime: SECOND, HealthyDeadline: 60 * SECOND, ProgressDeadline: 120 * SECOND, HealthCheck: 'task_states', AutoRevert: false, ...update };
  job.Meta = { version: String(version) };
  job.TaskGroups![0].Tasks![0].Env = { VERSION: String(version) };
  return job;
}

describe('deployments', function () {
  this.timeout(120_000);
  let h: ActionsHarness;

  before(async () => {
    h = await startActionsHarness();
  });

  after(async () => {
    await h?.dispose();
  });

  async function deploymentWhere(id: string, what: string, test: (d: Deployment) => boolean): Promise<Deployment> {
    return waitFor(async () => {
      const deployment = (await h.client.latestDeployment(id)).value;
      return deployment && test(deployment) ? deployment : undefined;
    }, what, 90_000);
  }

  /** Version 0 deployed, then version 1 with a canary waiting for promotion. */
  async function waitingCanary(name: string): Promise<{ id: string; deployment: Deployment }> {
    const id = h.jobId(name);
    await h.client.registerJob(updatable(id, 0, { Canary: 1 }));
    await deploymentWhere(id, 'version 0 to deploy', (d) => d.Status === 'successful');
    await h.client.registerJob(updatable(id, 1, { Canary: 1 }));
    const deployment = await deploymentWhere(
      id,
      'the canary of version 1 to be healthy',
      (d) => d.JobVersion === 1 && d.Status === 'running' && (d.TaskGroups?.g?.HealthyAllocs ?? 0) >= 1,
    );
    return { id, deployment };
  }

  it('pauses, resumes and promotes a canary deployment', async () => {
    const { id, deployment } = await waitingCanary('promote');
    const row = { deployment };
    h.script();
    await vscode.commands.executeCommand('nomad.pauseDeployment', row);
    await deploymentWhere(id, 'the deployment to pause', (d) => d.Status === 'paused');
    h.script();
    await vscode.commands.executeCommand('nomad.resumeDeployment', row);
    await deploymentWhere(id, 'the deployment to resume', (d) => d.Status === 'running');
    const ui = h.script();
    await vscode.commands.executeCommand('nomad.promoteDeployment', row);
    assert.deepEqual(ui.errors, []);
    assert.match(ui.infos[0] ?? '', /^Promoted deployment \w{8} of /);
    await deploymentWhere(id, 'the promoted deployment to succeed', (d) => d.Status === 'successful' && d.TaskGroups?.g?.Promoted === true);
  });

  it('fails a deployment after the confirmation, and then offers nothing more', async () => {
    const { id, deployment } = await waitingCanary('fail');
    const ui = h.script([{ confirm: 'Fail Deployment', dialog: (message) => assert.match(message, /^Fail deployment \w{8} of ".+" \(version 1\)\?$/) }]);
    await vscode.commands.executeCommand('nomad.failDeployment', { deployment });
    ui.assertDone();
    await deploymentWhere(id, 'the deployment to fail', (d) => d.Status === 'failed' && d.StatusDescription === 'Deployment marked as failed');
    const after = h.script();
    await vscode.commands.executeCommand('nomad.pauseDeployment', { deployment });
    assert.match(after.infos[0] ?? '', /is failed; Nomad does not pause it in that state\.$/);
  });

  it('marks an allocation healthy where the deployment uses manual health', async () => {
    const id = h.jobId('manual');
    await h.client.registerJob(updatable(id, 0, { HealthCheck: 'manual' }));
    const deployment = await deploymentWhere(id, 'the deployment to start', (d) => d.Status === 'running');
    await waitFor(async () => (await h.client.deploymentAllocations(deployment.ID)).value.find((a) => a.ClientStatus === 'running'), 'its allocation to run', 60_000);
    const ui = h.script([{ pick: '' }, { pick: 'Healthy' }]);
    await vscode.commands.executeCommand('nomad.setAllocationHealth', { deployment });
    ui.assertDone();
    assert.deepEqual(ui.errors, []);
    await deploymentWhere(id, 'the deployment to succeed once its allocation is healthy', (d) => d.Status === 'successful');
  });
});
