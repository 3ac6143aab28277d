// Job sources (1.6+), Variables (1.4+) and version tags (1.9+) in the real
// extension host: offered on a cluster that has them (the fake as Nomad
// 1.9.7), and on Nomad 1.0 refused with the version they need and never sent
// (the fake as 1.0.18, or a real agent from NOMAD_TEST_ADDR).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NomadExtensionApi } from '../../client/src/extension';
import type { ExplorerNode } from '../../client/src/explorer/nodes/node';
import type { VariablesNode } from '../../client/src/features/variables/variablesView';
import type { PlanResult } from '../../client/src/features/plan/planSession';
import { agentVersion, versionAtLeast } from '../../client/src/nomad/agent';
import { NomadClient } from '../../client/src/nomad/client';
import { readVariable, writeVariable } from '../../client/src/nomad/variables';
import { nomadTarget, type NomadTarget } from '../support/nomad/target';
import { lockVariable } from '../support/nomad/variables';
import { ScriptedUi, type Step } from '../unit/client/features/actions/scriptedUi';
import { clearClusters, item, label, row, useCluster } from './explorerFixtures';
import { serviceJob } from './planFixtures';
import { activatedApi } from './support/extension';
import { waitFor } from './support/wait';
import { openWorkspaceFile, writeWorkspaceFile } from './support/workspace';

interface Suite {
  target: NomadTarget;
  client: NomadClient;
  api: NomadExtensionApi;
  version: string;
  script(steps?: Step[]): ScriptedUi;
}

/** Points the extension at a Nomad of `agentVersion` (the fake) or the real agent, for the suite. */
function onCluster(agentVersion_: string): Suite {
  const suite = {} as Suite;
  before(async () => {
    await openWorkspaceFile('web.nomad.hcl');
    suite.api = await activatedApi();
    suite.target = await nomadTarget({ agentVersion: agentVersion_ });
    suite.client = new NomadClient({ address: suite.target.address, token: suite.target.token });
    suite.version = agentVersion(await suite.client.agentSelf()) ?? '';
    await useCluster({ name: 'modern', address: suite.target.address });
    await waitFor(async () => (await suite.api.actions.context().getClient()).config.address === suite.target.address, 'the extension to use the test cluster');
    suite.script = (steps = []) => {
      const ui = new ScriptedUi(steps, (command, ...args) => vscode.commands.executeCommand(command, ...args));
      suite.api.actions.useUi(ui);
      return ui;
    };
  });
  after(async () => {
    suite.api?.actions.useUi(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await clearClusters();
    suite.client?.dispose();
    await suite.target?.close();
  });
  return suite;
}

const run = Date.now().toString(36);
const jobId = (name: string): string => `it-modern-${name}-${run}`;

async function planAndRun(name: string, text: string): Promise<vscode.TextDocument> {
  await writeWorkspaceFile(name, text);
  const document = (await openWorkspaceFile(name)).document;
  // A file already open takes the new text from disk a moment later; planning before that would
  // plan the old job (an unchanged job makes no new version).
  await waitFor(() => document.getText() === text, `${name} to show the text just written`);
  const plan = await vscode.commands.executeCommand<PlanResult | undefined>('nomad.planJob', document.uri);
  assert.ok(plan, 'the job file plans');
  const outcome = await plan.run();
  assert.strictEqual(outcome?.kind, 'submitted');
  return document;
}

function activeDiff(): vscode.TabInputTextDiff | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputTextDiff ? input : undefined;
}

async function versionRows(api: NomadExtensionApi, id: string): Promise<ExplorerNode[]> {
  await vscode.commands.executeCommand('nomad.jobs.focus');
  const job = await row(api, id);
  const section = await row(api, 'Versions', job);
  return (await api.jobsTree.getChildren(section)) ?? [];
}

async function variableRows(api: NomadExtensionApi, node?: VariablesNode): Promise<VariablesNode[]> {
  return (await api.variablesTree.getChildren(node)) ?? [];
}

const variableLabel = (api: NomadExtensionApi, node: VariablesNode): string => {
  const value = api.variablesTree.getTreeItem(node) as vscode.TreeItem;
  return typeof value.label === 'string' ? value.label : (value.label?.label ?? '');
};

async function variableRow(api: NomadExtensionApi, text: string, parent?: VariablesNode): Promise<VariablesNode> {
  return waitFor(async () => (await variableRows(api, parent)).find((node) => variableLabel(api, node) === text), `a "${text}" row in the Variables view`);
}

describe('Nomad 1.9 features: job sources, version tags, Variables', function () {
  const suite = onCluster('1.9.7');

  before(function () {
    // These need the fake as Nomad 1.9; a real agent of an older version runs only the version-gate suite.
    if (!suite.target.fake && !versionAtLeast(suite.version, '1.9.0')) this.skip();
  });

  it('a run sends the file as its Submission, and Compare with Job on Cluster compares the submitted source as text', async () => {
    const id = jobId('source');
    const text = serviceJob(id, 1);
    const document = await planAndRun(`${id}.nomad.hcl`, text);
    const submission = await waitFor(async () => {
      const response = await suite.client.call<{ Source: string; Format: string }>(`/v1/job/${id}/submission`, { query: { version: 0 } }).catch(() => undefined);
      return response?.value;
    }, 'the cluster to keep the source');
    assert.deepStrictEqual([submission.Format, submission.Source], ['hcl2', text]);
    await vscode.commands.executeCommand('nomad.compareWithFile', document.uri);
    const diff = await waitFor(() => activeDiff(), 'a diff editor');
    assert.strictEqual(diff.original.scheme, 'nomad');
    assert.match(diff.original.query, /kind=source/);
    assert.strictEqual(diff.modified.toString(), document.uri.toString());
    const left = await vscode.workspace.openTextDocument(diff.original);
    assert.strictEqual(left.getText(), text);
  });

  it('a version row opens its submitted source read-only', async () => {
    const id = jobId('source');
    const [v0] = await versionRows(suite.api, id);
    assert.match(String(item(suite.api, v0).contextValue), /:source(:|$)/);
    await vscode.commands.executeCommand('nomad.openVersionSource', v0);
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.scheme === 'nomad' && vscode.window.activeTextEditor, 'the source editor');
    assert.strictEqual(editor.document.getText(), serviceJob(id, 1));
    assert.match(editor.document.uri.path, /\(submitted\)\.nomad\.hcl$/);
  });

  it('tags versions, shows the tags on version rows, compares two versions chosen by tag, and removes a tag', async () => {
    const id = jobId('tags');
    await planAndRun(`${id}.nomad.hcl`, serviceJob(id, 1));
    await planAndRun(`${id}.nomad.hcl`, serviceJob(id, 2));
    let seen: string[] = [];
    let rows = await waitFor(async () => {
      const now = await versionRows(suite.api, id);
      seen = now.map((r) => label(suite.api, r));
      return now.length === 2 && now;
    }, 'two version rows').catch((error: Error) => {
      throw new Error(`${error.message}; the section shows: ${seen.join(', ') || 'nothing'}`);
    });
    assert.deepStrictEqual(rows.map((r) => label(suite.api, r)), ['v1', 'v0']);
    let ui = suite.script([{ input: 'baseline' }, { input: 'first rollout' }]);
    await vscode.commands.executeCommand('nomad.tagVersion', rows[1]);
    ui.assertDone();
    ui = suite.script([{ input: 'scaled' }, { input: '' }]);
    await vscode.commands.executeCommand('nomad.tagVersion', rows[0]);
    ui.assertDone();
    assert.deepStrictEqual(ui.errors, []);
    rows = await waitFor(async () => {
      const now = await versionRows(suite.api, id);
      return now.map((r) => label(suite.api, r)).join() === 'v1 scaled,v0 baseline' && now;
    }, 'the tags on the version rows');
    assert.match(String(item(suite.api, rows[1]).description), /first rollout/);
    assert.match(String(item(suite.api, rows[1]).contextValue), /:tagged(:|$)/);
    ui = suite.script([{ pick: 'baseline' }]);
    await vscode.commands.executeCommand('nomad.compareTaggedVersions', rows[0]);
    ui.assertDone();
    assert.strictEqual(ui.diffs.length, 1);
    assert.match(ui.diffs[0].title, /baseline \(v0\) ↔ scaled \(v1\)/);
    assert.match(ui.diffs[0].left, /version%3D0|version=0/);
    ui = suite.script([{ confirm: 'Remove Tag' }]);
    await vscode.commands.executeCommand('nomad.untagVersion', rows[1]);
    ui.assertDone();
    const versions = (await suite.client.jobVersions(id)).value.Versions;
    assert.deepStrictEqual(versions.map((v) => (v.VersionTag as { Name?: string } | null)?.Name ?? null), ['scaled', null]);
  });

  it('browses variables by namespace and path, creates one, and saves edits with check-and-set', async () => {
    await vscode.commands.executeCommand('nomad.variables.focus');
    const namespace = await variableRow(suite.api, 'default');
    const ui = suite.script([{ input: `app/${run}/config` }, { input: 'level' }, { input: 'hush-s3cret' }]);
    await vscode.commands.executeCommand('nomad.createVariable', namespace);
    ui.assertDone();
    assert.deepStrictEqual(ui.errors, []);
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.scheme === 'nomad-variable' && vscode.window.activeTextEditor, 'the variable document');
    assert.deepStrictEqual(JSON.parse(editor.document.getText()), { level: 'hush-s3cret' });
    const app = await variableRow(suite.api, 'app', namespace);
    const folder = await variableRow(suite.api, run, app);
    const config = await variableRow(suite.api, 'config', folder);
    const treeItem = suite.api.variablesTree.getTreeItem(config) as vscode.TreeItem;
    const tooltip = (treeItem.tooltip as vscode.MarkdownString).value;
    assert.ok(!tooltip.includes('hush-s3cret') && !String(treeItem.description).includes('hush-s3cret'), 'a row never shows a value');

    await replaceText(editor.document, '{\n  "level": "debug",\n  "extra": "x"\n}\n');
    assert.strictEqual(await editor.document.save(), true);
    assert.deepStrictEqual((await readVariable(suite.client, `app/${run}/config`)).value.Items, { level: 'debug', extra: 'x' });
  });

  it('refuses a save over a concurrent change, shows the difference, and re-applies on request', async () => {
    const path = `app/${run}/config`;
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.scheme, 'nomad-variable');
    const current = (await readVariable(suite.client, path)).value;
    const theirs = await writeVariable(suite.client, path, { level: 'theirs' }, current.ModifyIndex);
    assert.strictEqual(theirs.kind, 'done');
    const ui = suite.script([{ confirm: 'Compare' }, { confirm: 'Overwrite with Mine' }]);
    await replaceText(editor.document, '{\n  "level": "mine"\n}\n');
    assert.strictEqual(await editor.document.save(), false, 'the save is refused');
    await waitFor(async () => JSON.stringify((await readVariable(suite.client, path)).value.Items) === '{"level":"mine"}', 'my items to be re-applied');
    ui.assertDone();
    await waitFor(() => !editor.document.isDirty, 'the document to be saved');
    assert.deepStrictEqual(JSON.parse(editor.document.getText()), { level: 'mine' });
    assert.strictEqual(ui.diffs.length, 1);
    const theirsCopy = await vscode.workspace.openTextDocument(vscode.Uri.parse(ui.diffs[0].left));
    assert.deepStrictEqual(JSON.parse(theirsCopy.getText()), { level: 'theirs' });
  });

  it('shows locks (1.7+) and deletes a variable after confirmation', async function () {
    if (!suite.target.fake) this.skip(); // locking needs a lock holder; the fake can place one
    const path = `app/${run}/config`;
    lockVariable(suite.target.fake, 'default', path);
    await vscode.commands.executeCommand('nomad.refreshVariables');
    const namespace = await variableRow(suite.api, 'default');
    const folder = await variableRow(suite.api, run, await variableRow(suite.api, 'app', namespace));
    const locked = await waitFor(async () => {
      const node = await variableRow(suite.api, 'config', folder);
      return String((suite.api.variablesTree.getTreeItem(node) as vscode.TreeItem).contextValue) === 'variable:locked' && node;
    }, 'the lock on the row');
    assert.strictEqual(((suite.api.variablesTree.getTreeItem(locked) as vscode.TreeItem).iconPath as vscode.ThemeIcon).id, 'lock');
    // Nomad refuses to delete a locked variable; release it as its holder would, then delete.
    const stored = suite.target.fake.variables.get(`default\u0000${path}`)!;
    delete stored.Lock;
    await vscode.commands.executeCommand('nomad.refreshVariables');
    const unlocked = await waitFor(async () => {
      const node = await variableRow(suite.api, 'config', await variableRow(suite.api, run, await variableRow(suite.api, 'app', await variableRow(suite.api, 'default'))));
      return String((suite.api.variablesTree.getTreeItem(node) as vscode.TreeItem).contextValue) === 'variable' && node;
    }, 'the row without its lock');
    const ui = suite.script([{ confirm: 'Delete' }]);
    await vscode.commands.executeCommand('nomad.deleteVariable', unlocked);
    ui.assertDone();
    assert.deepStrictEqual(ui.errors, []);
    await assert.rejects(readVariable(suite.client, path), /variable not found/);
  });
});

describe('Nomad 1.0: the newer features say what they need and send nothing', function () {
  const suite = onCluster('1.0.18');

  before(function () {
    if (versionAtLeast(suite.version, '1.4.0')) this.skip(); // a real agent this new has the features
  });

  after(async () => {
    await suite.client?.deleteJob(jobId('old'), { purge: true }).catch(() => undefined);
  });

  it('a run sends no Submission, and Compare with Job on Cluster falls back to the API JSON', async () => {
    const id = jobId('old');
    const document = await planAndRun(`${id}.nomad.hcl`, serviceJob(id, 1));
    if (suite.target.requests) {
      const register = suite.target.requests.find((r) => r.method === 'POST' && r.url.startsWith('/v1/jobs') && !r.url.startsWith('/v1/jobs/parse'));
      assert.ok(register, 'the job was registered');
      assert.ok(!('Submission' in JSON.parse(register.body)), 'an older cluster is not sent the source');
    }
    await vscode.commands.executeCommand('nomad.compareWithFile', document.uri);
    const diff = await waitFor(() => activeDiff(), 'a diff editor');
    assert.match(diff.original.query, /kind=job/);
    assert.match(diff.original.query, /view=spec/);
  });

  it('version rows offer neither source nor tags, and the tag commands name the version they need', async () => {
    const rows = await versionRows(suite.api, jobId('old'));
    const contextValue = String(item(suite.api, rows[0]).contextValue);
    assert.doesNotMatch(contextValue, /:(source|tags)(:|$)/);
    const ui = suite.script([]);
    await vscode.commands.executeCommand('nomad.tagVersion', rows[0]);
    ui.assertDone();
    assert.strictEqual(ui.errors.length, 1);
    assert.match(ui.errors[0].message, new RegExp(`Version tags need Nomad 1\\.9\\.0 or newer; it runs Nomad ${suite.version.replace(/\./g, '\\.')}`));
  });

  it('the Variables view says Variables need Nomad 1.4, and creating one is refused without a request', async () => {
    await vscode.commands.executeCommand('nomad.variables.focus');
    const [only, ...rest] = await variableRows(suite.api);
    assert.deepStrictEqual(rest, []);
    assert.strictEqual(variableLabel(suite.api, only), `Variables need Nomad 1.4.0 or newer; it runs Nomad ${suite.version}.`);
    const ui = suite.script([]);
    await vscode.commands.executeCommand('nomad.createVariable');
    ui.assertDone();
    assert.match(ui.errors[0]?.message ?? '', /need Nomad 1\.4\.0 or newer/);
  });
});

async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}
