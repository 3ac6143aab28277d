// Restart Job… through its command in the real VS Code, against the fake Nomad
// or a real agent (NOMAD_TEST_ADDR): every running allocation of a job is
// restarted in place, one per batch, and the tasks really count a restart;
// or rescheduled, and the cluster places replacements.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AllocationListStub } from '../../client/src/nomad/types';
import { tickingService } from '../support/nomad/logsFixtures';
import { follow } from '../support/nomad/testJobs';
import { startActionsHarness, type ActionsHarness } from './actionsHarness';

describe('restart job', function () {
  this.timeout(120_000);
  let h: ActionsHarness;

  before(async () => {
    h = await startActionsHarness();
  });

  after(async () => {
    await h?.dispose();
  });

  const running = (list: AllocationListStub[]) => list.filter((a) => a.ClientStatus === 'running' && a.DesiredStatus === 'run' && a.TaskStates?.app?.State === 'running');

  it('restarts every running allocation in place, batch by batch, and sums up', async () => {
    const id = h.jobId('restart');
    await h.client.registerJob(tickingService(id, ['app'], 2));
    const allocations = running(await follow((q) => h.client.jobAllocations(id, q), (list) => running(list).length === 2, `two running allocations of ${id}`));
    const ui = h.script([
      { pick: 'in place' },
      { input: '1' },
      { input: '0s' },
      { confirm: 'Restart', dialog: (message) => assert.equal(message, `Restart 2 running allocations of job "${id}"?`) },
    ]);
    await vscode.commands.executeCommand('nomad.restartJob', { job: { ID: id, Namespace: 'default' } });
    ui.assertDone();
    assert.deepEqual(ui.errors, []);
    assert.equal(ui.infos.length, 1);
    assert.match(ui.infos[0], new RegExp(`^Restarted 2 allocations of job "${id}" \\(`));
    for (const a of allocations) {
      assert.ok(ui.infos[0].includes(a.ID.slice(0, 8)), `the summary names ${a.ID}`);
      // A real client records the restart a moment after answering; follow the allocation until it does.
      await follow((q) => h.client.readAllocation(a.ID, q), (alloc) => (alloc.TaskStates?.app?.Restarts ?? 0) >= 1, `a restart of ${a.ID}`);
    }
  });

  it('reschedules: each allocation is stopped and Nomad places a replacement', async () => {
    const id = h.jobId('reschedule');
    await h.client.registerJob(tickingService(id, ['app'], 1));
    const [before] = running(await follow((q) => h.client.jobAllocations(id, q), (list) => running(list).length === 1, `a running allocation of ${id}`));
    const ui = h.script([{ pick: 'Reschedule' }, { input: '100%' }, { input: '0s' }, { confirm: 'Reschedule' }]);
    await vscode.commands.executeCommand('nomad.restartJob', { job: { ID: id, Namespace: 'default' } });
    ui.assertDone();
    assert.deepEqual(ui.errors, []);
    assert.match(ui.infos[0], new RegExp(`^Rescheduled 1 allocation of job "${id}" \\(${before.ID.slice(0, 8)}\\)`));
    await follow((q) => h.client.jobAllocations(id, q), (list) => running(list).some((a) => a.ID !== before.ID), `a replacement of ${before.ID}`);
    assert.equal((await h.client.readAllocation(before.ID)).value.DesiredStatus, 'stop');
  });

  it('says so when the job has no running allocation, and asks nothing', async () => {
    const ui = h.script([]);
    await vscode.commands.executeCommand('nomad.restartJob', { job: { ID: h.jobId('never-registered'), Namespace: 'default' } });
    ui.assertDone();
    assert.equal(ui.infos.length + ui.errors.length, 1);
  });
});
