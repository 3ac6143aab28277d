// The Jobs tree in a real VS Code against the test target (the fake, or a real agent with
// NOMAD_TEST_ADDR): rows and descriptions, children grouped under parents, sections under a
// job, and server changes showing up on their own. What the scheduler does is waited for in
// the tree itself (a real agent takes seconds); job ids are unique to the run.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NomadExtensionApi } from '../../client/src/extension';
import type { ExplorerNode } from '../../client/src/explorer/nodes/node';
import type { NomadClient } from '../../client/src/nomad/client';
import { nomadTarget, type NomadTarget } from '../support/nomad/target';
import { purgeTestJobs, testJobId } from '../support/nomad/testJobs';
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
import { waitFor, within } from './support/wait';
import { writeWorkspaceFile } from './support/workspace';

describe('Jobs explorer', function () {
  this.timeout(60_000);
  let target: NomadTarget;
  let nomad: NomadClient;
  let api: NomadExtensionApi;
  const web = testJobId('web');
  const nightly = testJobId('nightly');
  const param = testJobId('param');
  /** Waits until the row's description is `expected` (rows follow the cluster live). */
  const described = (text: string, expected: string | RegExp, parent?: ExplorerNode) =>
    waitFor(async () => {
      const description = String(item(api, await row(api, text, parent)).description);
      return (typeof expected === 'string' ? description === expected : expected.test(description)) && description;
    }, `${text} to be described as ${expected}`, 45_000);

  before(async () => {
    target = await nomadTarget();
    nomad = adminClient(target.address, target.token);
    await nomad.registerJob(serviceJob(web));
    await nomad.registerJob(batchJob(nightly));
    await nomad.registerJob(batchJob(param, { ParameterizedJob: { Payload: 'optional' } }));
    await nomad.dispatchJob(param, {});
    await nomad.dispatchJob(param, {});
    await useCluster({ name: 'test-target', address: target.address });
    api = await showJobsView();
  });

  after(async () => {
    await vscode.commands.executeCommand('nomad.clearJobFilter');
    await clearClusters();
    await purgeTestJobs(nomad);
    nomad.dispose();
    await target.close();
  });

  it('lists jobs with an icon, a status description and menu flags', async () => {
    await described(web, 'service · running · 2/2');
    const webItem = item(api, await row(api, web));
    assert.strictEqual(webItem.contextValue, 'job:service:running');
    assert.strictEqual((webItem.iconPath as vscode.ThemeIcon).id, 'server-process');
    assert.strictEqual(((webItem.iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id, 'charts.green');
    await described(nightly, 'batch · dead · 1 complete');
    assert.strictEqual(item(api, await row(api, param)).contextValue, 'job:batch:running:parameterized');
  });

  it('groups dispatched jobs under their parameterized parent', async () => {
    const roots = (await children(api)).map((node) => label(api, node));
    assert.ok(!roots.some((id) => id.startsWith(`${param}/`)), `children at the top level: ${roots.join(', ')}`);
    const folder = await row(api, 'Dispatched Jobs', await row(api, param));
    assert.strictEqual(item(api, folder).description, '2');
    const dispatched = await children(api, folder);
    assert.strictEqual(dispatched.length, 2);
    for (const child of dispatched) {
      assert.match(label(api, child).slice(param.length), /^\/dispatch-\d+-[0-9a-f]{8}$/);
      assert.match(String(item(api, child).contextValue), /^job:batch:[a-z]+:child$/);
    }
  });

  it('shows task groups, versions, allocations, evaluations, deployments and the summary of a job', async () => {
    const job = await row(api, web);
    const sections = (await children(api, job)).map((node) => label(api, node));
    assert.deepStrictEqual(sections, ['Task Groups', 'Versions', 'Allocations', 'Evaluations', 'Deployments', 'Summary']);
    await described('api', '2 running', await row(api, 'Task Groups', job));
    // A successful deployment marks its version stable (a second after the allocations are healthy, on an agent).
    const deployments = await row(api, 'Deployments', job);
    await described('v0', /^successful/, deployments);
    await described('api', 'healthy 2 · placed 2 · desired 2', await row(api, 'v0', deployments));
    await described('v0', /^current · stable/, await row(api, 'Versions', job));
    const allocations = await children(api, await row(api, 'Allocations', job));
    assert.deepStrictEqual(allocations.map((a) => label(api, a)).sort(), ['api[0]', 'api[1]']);
    assert.match(String(item(api, allocations[0]).description), /^running · [^·]+ · \d+s ago · [0-9a-f]{8}$/);
    await described('job-register', /^complete/, await row(api, 'Evaluations', job));
    const summary = (await children(api, job)).find((node) => label(api, node) === 'Summary')!;
    assert.strictEqual(item(api, summary).description, '2 running');
  });

  it('shows the tasks of an allocation, and opens a task\'s log without asking which task', async () => {
    const allocations = await children(api, await row(api, 'Allocations', await row(api, web)));
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
    assert.ok(editor.document.uri.path.includes(`/${web}/server-`), editor.document.uri.path);
    assert.match(editor.document.uri.path, /\/server-[0-9a-f]{8}\.stdout\.log$/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows a job registered on the server within a second, without a refresh', async () => {
    await nomad.registerJob(serviceJob(testJobId('late'), 1));
    await row(api, testJobId('late'), undefined, 1000);
  });

  it('follows a scale-up in an expanded section', async () => {
    const allocationsSection = await row(api, 'Allocations', await row(api, web));
    await children(api, allocationsSection);
    await nomad.registerJob(serviceJob(web, 3));
    await described(web, 'service · running · 3/3');
    await rowsWhere(api, (rows) => rows.length === 3, 'three allocations', allocationsSection);
  });

  it('follows a failing allocation in an expanded section', async function () {
    // Needs the fake's powers: it fails an allocation on demand.
    if (!target.fake) this.skip();
    const allocationsSection = await row(api, 'Allocations', await row(api, web));
    const allocations = await rowsWhere(api, (rows) => rows.length > 0, 'allocations', allocationsSection);
    const victim = allocations.find((a) => label(api, a) === 'api[0]')!;
    target.fake.setAllocationStatus((victim as unknown as { id: string }).id, 'failed');
    await rowsWhere(
      api,
      (rows) => rows.some((a) => String(item(api, a).description).startsWith('failed')),
      'a failed allocation row',
      allocationsSection,
    );
  });

  it('marks a stopped job and drops a purged one, even while it is expanded', async () => {
    const id = testJobId('doomed');
    await nomad.registerJob(serviceJob(id, 1));
    const doomed = await row(api, id);
    await within(20_000, 'the reveal of the job', api.jobsView.reveal(doomed, { expand: true }));
    await children(api, await row(api, 'Allocations', doomed));
    await nomad.deleteJob(id);
    await waitFor(async () => item(api, await row(api, id)).contextValue === 'job:service:stopped', 'doomed to show stopped', 30_000);
    assert.match(String(item(api, await row(api, id)).description), /^service · stopped/);
    await nomad.deleteJob(id, { purge: true });
    await rowsWhere(api, (rows) => !rows.some((node) => label(api, node) === id), 'doomed to disappear');
  });

  it('filters jobs by text and clears the filter', async () => {
    await vscode.commands.executeCommand('nomad.filterJobs', nightly);
    const filtered = await rowsWhere(api, (rows) => rows.length === 1, 'one filtered row');
    assert.strictEqual(label(api, filtered[0]), nightly);
    assert.strictEqual(api.jobsView.message?.startsWith(`Filter "${nightly}": 1 of `), true, api.jobsView.message);
    await vscode.commands.executeCommand('nomad.clearJobFilter');
    await row(api, web);
    assert.strictEqual(api.jobsView.message, undefined);
  });

  it('reveals the job of the open job file', async () => {
    const uri = await writeWorkspaceFile('reveal-me.nomad.hcl', `job "${nightly}" {\n  type = "batch"\n}\n`);
    await within(20_000, 'the job file to open', vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri)));
    await within(20_000, 'Reveal in Jobs View', vscode.commands.executeCommand('nomad.revealJob'));
    // The previous test may have left another row selected: wait for this job's.
    await waitFor(() => api.jobsView.selection.length === 1 && label(api, api.jobsView.selection[0]) === nightly, `${nightly} selected in the Jobs view`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reveals a job created while the Jobs view was hidden', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor(() => !api.jobsView.visible, 'the Jobs view to be hidden');
    await nomad.registerJob(batchJob('created-while-hidden'));
    const uri = await writeWorkspaceFile('hidden.nomad.hcl', 'job "created-while-hidden" {\n  type = "batch"\n}\n');
    await within(20_000, 'Reveal in Jobs View', vscode.commands.executeCommand('nomad.revealJob', uri));
    await waitFor(
      () => api.jobsView.selection.length === 1 && label(api, api.jobsView.selection[0]) === 'created-while-hidden',
      'created-while-hidden selected in the Jobs view',
    );
  });

  it('registers every command of the manifest', async () => {
    const manifest = vscode.extensions.getExtension('nomad-jobs.nomad-jobs')!.packageJSON;
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command } of manifest.contributes.commands as { command: string }[]) {
      assert.ok(registered.has(command), `${command} is not registered`);
    }
  });
});
