// Inspecting cluster objects as read-only JSON under nomad: URIs, comparing versions and the
// cluster's job with a job file, copying ids.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NomadExtensionApi } from '../../client/src/extension';
import type { NomadClient } from '../../client/src/nomad/client';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
import { adminClient, children, clearClusters, row, serviceJob, showJobsView, useCluster } from './explorerFixtures';
import { waitFor } from './support/wait';
import { writeWorkspaceFile } from './support/workspace';

function activeDocument(scheme: string): Promise<vscode.TextDocument> {
  return waitFor(() => {
    const document = vscode.window.activeTextEditor?.document;
    return document?.uri.scheme === scheme && document;
  }, `an active ${scheme}: editor`);
}

function activeDiff(): Promise<vscode.TabInputTextDiff> {
  return waitFor(() => {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    return input instanceof vscode.TabInputTextDiff && input;
  }, 'a diff editor');
}

async function text(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

describe('Jobs explorer: inspect and compare', () => {
  let fake: FakeNomad;
  let nomad: NomadClient;
  let api: NomadExtensionApi;

  before(async () => {
    fake = await startFakeNomad();
    nomad = adminClient(fake.address);
    await nomad.registerJob(serviceJob('web', 1, { owner: 'team-a' }));
    await useCluster({ name: 'fake', address: fake.address });
    api = await showJobsView();
  });

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  after(async () => {
    await clearClusters();
    nomad.dispose();
    await fake.close();
  });

  it('opens the current job as read-only JSON that follows changes on the server', async () => {
    await vscode.commands.executeCommand('nomad.inspect', await row(api, 'web'));
    const document = await activeDocument('nomad');
    assert.strictEqual(document.languageId, 'json');
    const job = JSON.parse(document.getText());
    assert.strictEqual(job.ID, 'web');
    assert.strictEqual(job.Meta.owner, 'team-a');
    await nomad.registerJob(serviceJob('web', 1, { owner: 'team-b' }));
    await waitFor(() => JSON.parse(document.getText()).Meta.owner === 'team-b', 'the document to show the new meta');
  });

  it('opens an allocation, an evaluation and a deployment by their ids', async () => {
    const web = await row(api, 'web');
    for (const section of ['Allocations', 'Evaluations', 'Deployments']) {
      const [first] = await children(api, await row(api, section, web));
      await vscode.commands.executeCommand('nomad.inspect', first);
      const document = await activeDocument('nomad');
      assert.strictEqual(JSON.parse(document.getText()).ID, (first as unknown as { id: string }).id, section);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('compares two versions of a job in the diff editor', async () => {
    const versions = await row(api, 'Versions', await row(api, 'web'));
    const v1 = await row(api, 'v1', versions);
    await vscode.commands.executeCommand('nomad.compareVersions', v1, 0);
    const diff = await activeDiff();
    assert.match(diff.original.query, /(^|&)version=0(&|$)/);
    assert.match(diff.modified.query, /(^|&)version=1(&|$)/);
    assert.strictEqual(JSON.parse(await text(diff.original)).Meta.owner, 'team-a');
    assert.strictEqual(JSON.parse(await text(diff.modified)).Meta.owner, 'team-b');
  });

  it('compares the cluster job with an open JSON job file', async () => {
    const file = await writeWorkspaceFile('web-compare.json', JSON.stringify({ Job: serviceJob('web', 1, { owner: 'team-c' }) }, null, 2));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    await vscode.commands.executeCommand('nomad.compareWithFile');
    const diff = await activeDiff();
    assert.strictEqual(diff.modified.toString(), file.toString());
    const cluster = JSON.parse(await text(diff.original));
    assert.strictEqual(cluster.Job.ID, 'web', 'wrapped like the file');
    assert.strictEqual(cluster.Job.ModifyIndex, undefined, 'server bookkeeping left out');
  });

  it('compares the cluster job with an HCL job file converted by the server', async () => {
    const hcl = [
      'job "web" {',
      '  datacenters = ["dc1"]',
      '  meta { owner = "team-d" }',
      '  group "api" {',
      '    task "server" {',
      '      driver = "docker"',
      '      config { image = "nginx:1.27" }',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const file = await writeWorkspaceFile('web-compare.nomad.hcl', hcl);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    await vscode.commands.executeCommand('nomad.compareWithFile');
    const diff = await activeDiff();
    assert.strictEqual(diff.modified.scheme, 'nomad');
    const converted = JSON.parse(await text(diff.modified));
    assert.strictEqual(converted.ID, 'web');
    assert.strictEqual(converted.Meta.owner, 'team-d');
    assert.strictEqual(JSON.parse(await text(diff.original)).Meta.owner, 'team-b');
  });

  it('copies a job id', async () => {
    await vscode.commands.executeCommand('nomad.copyId', await row(api, 'web'));
    assert.strictEqual(await vscode.env.clipboard.readText(), 'web');
  });
});
