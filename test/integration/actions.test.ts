// Every job action through its command, in the real VS Code, against the fake
// Nomad (or a real agent with NOMAD_TEST_ADDR): successes change the cluster,
// refusals send nothing and say why. Prompts are answered by a scripted UI.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Job } from '../../client/src/nomad/types';
import { parameterizedBatch, periodicBatch, tickingService } from '../support/nomad/logsFixtures';
import { requireFake, startActionsHarness, type ActionsHarness } from './actionsHarness';
import { activatedApi } from './support/extension';
import { waitFor } from './support/wait';

describe('job actions', function () {
  this.timeout(60_000);
  let h: ActionsHarness;

  before(async () => {
    h = await startActionsHarness();
  });

  after(async () => {
    await h?.dispose();
  });

  const register = async (job: Job) => {
    await h.client.registerJob(job);
    return String(job.ID);
  };
  const childrenOf = async (id: string) => (await h.client.listJobs({ prefix: `${id}/` })).value.filter((j) => j.ParentID === id);
  const dispatchRequests = () => (h.target.fake?.requests ?? []).filter((r) => r.method === 'POST' && r.url.includes('/dispatch'));

  describe('dispatch', () => {
    it('dispatches through the form and names the child job', async () => {
      const id = await register(parameterizedBatch(h.jobId('param')));
      const ui = h.script([{ input: 'acme' }, { pick: 'priority_hint' }, { input: 'high' }, { pick: 'Dispatch' }]);
      await vscode.commands.executeCommand('nomad.dispatchJob', { id });
      ui.assertDone();
      const [child] = await childrenOf(id);
      assert.ok(child, 'a dispatched child job exists');
      assert.match(ui.infos[0], new RegExp(`Dispatched "${id}" as ${child.ID.replace(/[/]/g, '\\/')}`));
      assert.deepEqual((await h.client.readJob(child.ID)).value.Meta, { customer: 'acme', priority_hint: 'high' });
      const { jobsView } = await activatedApi();
      await waitFor(() => jobsView.selection.some((node) => node.kind === 'job' && node.id === child.ID), 'the dispatched job to be revealed in the tree');
    });

    it('refuses a dispatch missing a required meta key before sending it', async () => {
      const id = await register(parameterizedBatch(h.jobId('param-meta')));
      const before = dispatchRequests().length;
      const ui = h.script();
      await vscode.commands.executeCommand('nomad.dispatchJob', { id }, { meta: { priority_hint: 'x' } });
      assert.match(ui.errors[0].message, /Missing required meta key: customer/);
      assert.equal(dispatchRequests().length, before, 'nothing was sent');
      assert.equal((await childrenOf(id)).length, 0);
    });

    it('refuses a missing required payload and an oversized one', async () => {
      const id = await register(parameterizedBatch(h.jobId('param-payload'), 'required'));
      const ui = h.script();
      await vscode.commands.executeCommand('nomad.dispatchJob', { id }, { meta: { customer: 'acme' } });
      await vscode.commands.executeCommand('nomad.dispatchJob', { id }, { meta: { customer: 'acme' }, payload: 'x'.repeat(16 * 1024 + 1) });
      assert.match(ui.errors[0].message, /requires a payload/);
      assert.match(ui.errors[1].message, /16,385 bytes; Nomad accepts at most 16,384 bytes/);
      assert.equal((await childrenOf(id)).length, 0);
    });
  });

  describe('revert', () => {
    const twoVersions = async (name: string) => {
      const job = tickingService(h.jobId(name));
      await h.client.registerJob(job);
      await h.client.registerJob({ ...job, Meta: { rev: 'b' } });
      return String(job.ID);
    };

    it('shows the difference, confirms, and reverts as a new version', async () => {
      const id = await twoVersions('revert');
      const ui = h.script([{ pick: 'Version 0', items: (items) => assert.match(items[0].detail ?? '', /Meta\.rev removed/) }, { confirm: 'Revert' }]);
      await vscode.commands.executeCommand('nomad.revertJob', { id });
      ui.assertDone();
      // The two sides of the diff are the explorer's read-only documents of the two versions.
      assert.equal(ui.diffs.length, 1);
      const current = await vscode.workspace.openTextDocument(vscode.Uri.parse(ui.diffs[0].left));
      const older = await vscode.workspace.openTextDocument(vscode.Uri.parse(ui.diffs[0].right));
      assert.equal(current.uri.scheme, 'nomad');
      await waitFor(() => current.getText().includes('"rev"') && older.getText().includes(`"${id}"`), 'both versions to load');
      assert.ok(!older.getText().includes('"rev"'), 'version 0 has no rev meta');
      const { value } = await h.client.readJob(id);
      assert.equal(value.Version, 2);
      assert.equal(value.Meta?.rev, undefined);
      assert.match(ui.infos[0], /it is now version 2/);
    });

    it('refuses when the job changed while the user was deciding', async () => {
      const id = await twoVersions('revert-race');
      const ui = h.script([
        {
          confirm: 'Revert',
          // A colleague submits a change while the dialog is open.
          dialog: async () => {
            await h.client.registerJob({ ...tickingService(id), Meta: { rev: 'c' } });
          },
        },
      ]);
      await vscode.commands.executeCommand('nomad.revertJob', { job: { id }, version: 0 });
      assert.match(ui.errors[0]?.message ?? '', /changed while you were deciding.*Nothing was reverted/);
      assert.equal((await h.client.readJob(id)).value.Meta?.rev, 'c');
    });
  });

  describe('stop and purge', () => {
    it('stops after confirming, and purges only after the second confirmation', async () => {
      const id = await register(tickingService(h.jobId('stop')));
      const cancelled = h.script([{ confirm: 'Stop and Purge…' }, { confirm: undefined }]);
      await vscode.commands.executeCommand('nomad.stopJob', { id });
      cancelled.assertDone();
      assert.notEqual((await h.client.readJob(id)).value.Stop, true, 'cancelling the second question sends nothing');
      h.script([{ confirm: 'Stop' }]);
      await vscode.commands.executeCommand('nomad.stopJob', { id });
      assert.equal((await h.client.readJob(id)).value.Stop, true);
      h.script([{ confirm: 'Purge…' }, { confirm: 'Purge' }]);
      await vscode.commands.executeCommand('nomad.purgeJob', { id });
      await assert.rejects(h.client.readJob(id), (e: { status?: number }) => e.status === 404);
    });
  });

  describe('periodic launch and evaluation', () => {
    it('forces a periodic launch and names the child', async () => {
      const id = await register(periodicBatch(h.jobId('cron')));
      const ui = h.script();
      await vscode.commands.executeCommand('nomad.forcePeriodicLaunch', { id });
      const [child] = await childrenOf(id);
      assert.ok(child, 'a launched child exists');
      assert.match(ui.infos[0], new RegExp(`as ${child.ID.replace(/[/]/g, '\\/')}`));
    });

    it('refuses to force a job that is not periodic, without asking Nomad', async () => {
      const id = await register(tickingService(h.jobId('not-cron')));
      const ui = h.script();
      await vscode.commands.executeCommand('nomad.forcePeriodicLaunch', { id });
      assert.match(ui.errors[0].message, /is not a periodic job/);
      assert.ok(!(h.target.fake?.requests ?? []).some((r) => r.url.includes(`${encodeURIComponent(id)}/periodic/force`)));
    });

    it('evaluates with a forced reschedule', async () => {
      const id = await register(tickingService(h.jobId('eval')));
      const before = (await h.client.jobEvaluations(id)).value.length;
      const ui = h.script([{ pick: 'force rescheduling' }]);
      await vscode.commands.executeCommand('nomad.evaluateJob', { id });
      assert.match(ui.infos[0], /^Created evaluation \w{8} for/);
      assert.ok((await h.client.jobEvaluations(id)).value.length > before);
    });
  });

  describe('version stability', () => {
    it('marks a version stable, then unstable', async () => {
      const id = await register(parameterizedBatch(h.jobId('stable')));
      h.script();
      await vscode.commands.executeCommand('nomad.markVersionStable', { job: { id }, version: 0 });
      assert.equal((await h.client.jobVersions(id)).value.Versions[0].Stable, true);
      await vscode.commands.executeCommand('nomad.markVersionUnstable', { job: { id }, version: 0 });
      assert.equal((await h.client.jobVersions(id)).value.Versions[0].Stable, false);
    });

    it('asks before flagging an older version, which Nomad then makes the current job', async () => {
      // A batch job: no deployment, whose success would flag versions on its own.
      const job = parameterizedBatch(h.jobId('stable-older'));
      await register(job);
      await register({ ...job, Meta: { ...job.Meta, rev: 'b' } });
      const cancelled = h.script([{ confirm: undefined }]);
      await vscode.commands.executeCommand('nomad.markVersionStable', { job: { id: job.ID }, version: 0 });
      cancelled.assertDone();
      assert.match(cancelled.confirms[0], /is not the current version \(1\)/);
      assert.deepEqual((await h.client.jobVersions(String(job.ID))).value.Versions.map((v) => v.Stable === true), [false, false]);
      const accepted = h.script([{ confirm: 'Mark stable and Make It Current' }]);
      await vscode.commands.executeCommand('nomad.markVersionStable', { job: { id: job.ID }, version: 0 });
      accepted.assertDone();
      const { value: current } = await h.client.readJob(String(job.ID));
      assert.deepEqual([current.Version, current.Stable, current.Meta?.rev], [0, true, undefined]);
    });
  });

  describe('allocations', () => {
    it('restarts a task and stops an allocation after confirming', async function () {
      requireFake(h, this);
      const id = await register(tickingService(h.jobId('alloc')));
      const [alloc] = (await h.client.jobAllocations(id)).value;
      h.script([{ confirm: 'Restart' }]);
      await vscode.commands.executeCommand('nomad.restartAllocation', { allocation: alloc, task: 'app' });
      assert.equal((await h.client.readAllocation(alloc.ID)).value.TaskStates?.app.Restarts, 1);
      h.script([{ confirm: 'Stop Allocation' }]);
      await vscode.commands.executeCommand('nomad.stopAllocation', { allocation: alloc });
      assert.equal((await h.client.readAllocation(alloc.ID)).value.DesiredStatus, 'stop');
    });
  });
});
