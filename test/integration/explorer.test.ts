// The Jobs tree in a real VS Code against the fake Nomad: rows and descriptions, children
// grouped under parents, sections under a job, and server changes showing up on their own.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NomadExtensionApi } from '../../client/src/extension';
import type { NomadClient } from '../../client/src/nomad/client';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
import {
  adminClient,
  batchJob,
  children,
  clearClusters,
  item,
  label,
  row,
  rowsWhere,
  serviceJob,
  showJobsView,
  useCluster,
} from './explorerFixtures';
import { waitFor } from './support/wait';
import { writeWorkspaceFile } from './support/workspace';

describe('Jobs explorer', () => {
  let fake: FakeNomad;
  let nomad: NomadClient;
  let api: NomadExtensionApi;

  before(async () => {
    fake = await startFakeNomad();
    nomad = adminClient(fake.address);
    await nomad.registerJob(serviceJob('web'));
    await nomad.registerJob(batchJob('nightly'));
    await nomad.registerJob(batchJob('param', { ParameterizedJob: { Payload: 'optional' } }));
    await nomad.dispatchJob('param', {});
    await nomad.dispatchJob('param', {});
    await useCluster({ name: 'fake', address: fake.address });
    api = await showJobsView();
  });

  after(async () => {
    await vscode.commands.executeCommand('nomad.clearJobFilter');
    await clearClusters();
    nomad.dispose();
    await fake.close();
  });

  it('lists jobs with an icon, a status description and menu flags', async () => {
    const web = await row(api, 'web');
    const webItem = item(api, web);
    assert.strictEqual(webItem.description, 'service · running · 2/2');
    assert.strictEqual(webItem.contextValue, 'job:service:running');
    assert.strictEqual((webItem.iconPath as vscode.ThemeIcon).id, 'server-process');
    assert.strictEqual(((webItem.iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id, 'charts.green');
    assert.strictEqual(item(api, await row(api, 'nightly')).description, 'batch · dead · 1 complete');
    assert.strictEqual(item(api, await row(api, 'param')).contextValue, 'job:batch:running:parameterized');
  });

  it('groups dispatched jobs under their parameterized parent', async () => {
    const roots = (await children(api)).map((node) => label(api, node));
    assert.ok(!roots.some((id) => id.startsWith('param/')), `children at the top level: ${roots.join(', ')}`);
    const folder = await row(api, 'Dispatched Jobs', await row(api, 'param'));
    assert.strictEqual(item(api, folder).description, '2');
    const dispatched = await children(api, folder);
    assert.strictEqual(dispatched.length, 2);
    for (const child of dispatched) {
      assert.match(label(api, child), /^param\/dispatch-\d+-[0-9a-f]{8}$/);
      assert.match(String(item(api, child).contextValue), /^job:batch:[a-z]+:child$/);
    }
  });

  it('shows task groups, versions, allocations, evaluations, deployments and the summary of a job', async () => {
    const web = await row(api, 'web');
    const sections = (await children(api, web)).map((node) => label(api, node));
    assert.deepStrictEqual(sections, ['Task Groups', 'Versions', 'Allocations', 'Evaluations', 'Deployments', 'Summary']);
    const group = await row(api, 'api', await row(api, 'Task Groups', web));
    assert.strictEqual(item(api, group).description, '2 running');
    const version = await row(api, 'v0', await row(api, 'Versions', web));
    assert.match(String(item(api, version).description), /^current · stable/);
    const allocations = await children(api, await row(api, 'Allocations', web));
    assert.deepStrictEqual(allocations.map((a) => label(api, a)).sort(), ['api[0]', 'api[1]']);
    assert.match(String(item(api, allocations[0]).description), /^running · fake-node · \d+s ago · [0-9a-f]{8}$/);
    const evaluation = await row(api, 'job-register', await row(api, 'Evaluations', web));
    assert.match(String(item(api, evaluation).description), /^complete/);
    const deployment = await row(api, 'v0', await row(api, 'Deployments', web));
    assert.match(String(item(api, deployment).description), /^successful/);
    const group0 = await row(api, 'api', deployment);
    assert.strictEqual(item(api, group0).description, 'healthy 2 · placed 2 · desired 2');
    const summary = (await children(api, web)).find((node) => label(api, node) === 'Summary')!;
    assert.strictEqual(item(api, summary).description, '2 running');
  });

  it('shows the tasks of an allocation, and opens a task\'s log without asking which task', async () => {
    const allocations = await children(api, await row(api, 'Allocations', await row(api, 'web')));
    const allocation = allocations.find((a) => label(api, a) === 'api[0]')!;
    assert.strictEqual(item(api, allocation).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const [task, ...more] = await children(api, allocation);
    assert.strictEqual(more.length, 0);
    const taskItem = item(api, task);
    assert.strictEqual(taskItem.label, 'server');
    assert.strictEqual(taskItem.contextValue, 'task:running');
    assert.match(String(taskItem.description), /^running/);
    await vscode.commands.executeCommand('nomad.showLogs', task);
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === 'nomad-log' ? active : undefined;
    }, 'the task log to open');
    assert.match(editor.document.uri.path, /\/web\/server-[0-9a-f]{8}\.stdout\.log$/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows a job registered on the server within a second, without a refresh', async () => {
    await nomad.registerJob(serviceJob('late', 1));
    await row(api, 'late', undefined, 1000);
  });

  it('follows a scale-up and a failing allocation in an expanded section', async () => {
    const web = await row(api, 'web');
    const allocationsSection = await row(api, 'Allocations', web);
    await children(api, allocationsSection);
    await nomad.registerJob(serviceJob('web', 3));
    await waitFor(async () => item(api, await row(api, 'web')).description === 'service · running · 3/3', 'web to show 3/3');
    const allocations = await rowsWhere(api, (rows) => rows.length === 3, 'three allocations', allocationsSection);
    const victim = allocations.find((a) => label(api, a) === 'api[0]')!;
    fake.state.setAllocationStatus((victim as unknown as { id: string }).id, 'failed');
    await rowsWhere(
      api,
      (rows) => rows.some((a) => String(item(api, a).description).startsWith('failed')),
      'a failed allocation row',
      allocationsSection,
    );
  });

  it('marks a stopped job and drops a purged one, even while it is expanded', async () => {
    await nomad.registerJob(serviceJob('doomed', 1));
    const doomed = await row(api, 'doomed');
    await api.jobsView.reveal(doomed, { expand: true });
    await children(api, await row(api, 'Allocations', doomed));
    await nomad.deleteJob('doomed');
    await waitFor(async () => item(api, await row(api, 'doomed')).contextValue === 'job:service:stopped', 'doomed to show stopped');
    assert.match(String(item(api, await row(api, 'doomed')).description), /^service · stopped/);
    await nomad.deleteJob('doomed', { purge: true });
    await rowsWhere(api, (rows) => !rows.some((node) => label(api, node) === 'doomed'), 'doomed to disappear');
  });

  it('filters jobs by text and clears the filter', async () => {
    await vscode.commands.executeCommand('nomad.filterJobs', 'nigh');
    const filtered = await rowsWhere(api, (rows) => rows.length === 1, 'one filtered row');
    assert.strictEqual(label(api, filtered[0]), 'nightly');
    assert.match(api.jobsView.message ?? '', /^Filter "nigh": 1 of \d+ jobs$/);
    await vscode.commands.executeCommand('nomad.clearJobFilter');
    await row(api, 'web');
    assert.strictEqual(api.jobsView.message, undefined);
  });

  it('reveals the job of the open job file', async () => {
    const uri = await writeWorkspaceFile('reveal-me.nomad.hcl', 'job "nightly" {\n  type = "batch"\n}\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('nomad.revealJob');
    await waitFor(() => api.jobsView.selection.length === 1, 'a selection in the Jobs view');
    assert.strictEqual(label(api, api.jobsView.selection[0]), 'nightly');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reveals a job created while the Jobs view was hidden', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor(() => !api.jobsView.visible, 'the Jobs view to be hidden');
    await nomad.registerJob(batchJob('created-while-hidden'));
    const uri = await writeWorkspaceFile('hidden.nomad.hcl', 'job "created-while-hidden" {\n  type = "batch"\n}\n');
    await vscode.commands.executeCommand('nomad.revealJob', uri);
    await waitFor(() => api.jobsView.selection.length === 1, 'a selection in the Jobs view');
    assert.strictEqual(label(api, api.jobsView.selection[0]), 'created-while-hidden');
  });

  it('registers every command of the manifest', async () => {
    const manifest = vscode.extensions.getExtension('nomad-jobs.nomad-jobs')!.packageJSON;
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command } of manifest.contributes.commands as { command: string }[]) {
      assert.ok(registered.has(command), `${command} is not registered`);
    }
  });
});
