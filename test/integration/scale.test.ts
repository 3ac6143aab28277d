// Scaling a group from the extension in the real VS Code, on the fake or a
// real agent (NOMAD_TEST_ADDR): the count asked, confirmed, sent, and the
// cluster runs the new number of allocations.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { tickingService } from '../support/nomad/logsFixtures';
import { startActionsHarness, type ActionsHarness } from './actionsHarness';
import { waitFor } from './support/wait';

describe('scale a group', function () {
  this.timeout(90_000);
  let h: ActionsHarness;

  before(async () => {
    h = await startActionsHarness();
  });

  after(async () => {
    await h?.dispose();
  });

  /** A running service whose first deployment is over (Nomad refuses to scale during one). */
  async function settledService(name: string, scaling?: { Min: number; Max: number }): Promise<string> {
    const id = h.jobId(name);
    const job = tickingService(id);
    if (scaling) job.TaskGroups![0].Scaling = { ...scaling, Enabled: false };
    await h.client.registerJob(job);
    await waitFor(async () => {
      const deployment = (await h.client.latestDeployment(id)).value;
      return deployment && !['running', 'paused', 'pending'].includes(deployment.Status) ? deployment : undefined;
    }, `the first deployment of ${id} to end`, 60_000);
    return id;
  }

  const running = async (id: string) => (await h.client.jobAllocations(id)).value.filter((a) => a.ClientStatus === 'running' && a.DesiredStatus === 'run');

  it('asks the count with the policy bounds, confirms and the cluster runs that many', async () => {
    const id = await settledService('up', { Min: 1, Max: 3 });
    const ui = h.script([
      {
        input: (options) => {
          assert.equal(options.prompt, 'Now 1. Its scaling policy allows 1 to 3.');
          assert.match(options.validate!('4') ?? '', /above its maximum of 3/);
          return '2';
        },
      },
      { confirm: 'Scale', dialog: (message) => assert.equal(message, `Scale group "g" of job "${id}" from 1 to 2?`) },
    ]);
    await vscode.commands.executeCommand('nomad.scaleGroup', { job: { ID: id, Namespace: 'default' }, group: 'g' });
    ui.assertDone();
    assert.deepEqual(ui.errors, []);
    assert.equal((await h.client.readJob(id)).value.TaskGroups?.[0].Count, 2);
    await waitFor(async () => ((await running(id)).length === 2 ? true : undefined), 'two allocations to run', 60_000);
  });

  it('says what Nomad answered when it refuses (a deployment still running)', async function () {
    if (!h.target.fake) this.skip();
    const id = h.jobId('blocked');
    h.target.fake!.state.autoConverge = false;
    try {
      await h.client.registerJob(tickingService(id));
      const ui = h.script([{ input: '2' }, { confirm: 'Scale' }]);
      await vscode.commands.executeCommand('nomad.scaleGroup', { job: { ID: id, Namespace: 'default' }, group: 'g' });
      assert.match(ui.errors[0]?.message ?? '', /^Scaling the group failed: job scaling blocked due to active deployment/);
      assert.equal((await h.client.readJob(id)).value.TaskGroups?.[0].Count, 1);
    } finally {
      h.target.fake!.state.autoConverge = true;
      h.target.fake!.state.converge();
    }
  });
});
