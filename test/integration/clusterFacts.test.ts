// The language server follows the active cluster's Nomad version (with the
// default `nomad.schemaVersion` of `auto`): a feature newer than the cluster
// gets a warning while that cluster is active, and none once no cluster answers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { deadAddress } from '../support/deadAddress';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
import { nomadTarget, type NomadTarget } from '../support/nomad/target';
import { completionItems, labelOf } from './support/completion';
import { clearClusters, useCluster } from './explorerFixtures';
import { activatedApi } from './support/extension';
import { waitFor } from './support/wait';
import { writeWorkspaceFile } from './support/workspace';

// `action` arrived in Nomad 1.7.0; `max_client_disconnect` is deprecated whatever the
// version, so its hint shows that the file was validated.
const JOB = `job "reloadable" {
  datacenters = ["dc1"]

  group "web" {
    max_client_disconnect = "1h"

    task "nginx" {
      driver = "docker"
      config {
        image = "nginx:1.27"
      }

      action "reload" {
        command = "/usr/sbin/nginx"
        args    = ["-s", "reload"]
      }
    }
  }
}
`;


const codes = (uri: vscode.Uri): string[] => vscode.languages.getDiagnostics(uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));

describe('cluster version in diagnostics', () => {
  let fake: FakeNomad;
  let file: vscode.Uri;

  before(async () => {
    fake = await startFakeNomad({ agentVersion: '1.4.0' });
    file = await writeWorkspaceFile('reloadable.nomad.hcl', JOB);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await clearClusters();
    await fake.close();
  });

  it('warns about a block newer than the connected cluster', async () => {
    await useCluster({ name: 'old', address: fake.address });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const api = await activatedApi();
    await waitFor(() => api.languageServerState() === 'running', 'the language server to run');
    await waitFor(() => codes(file).includes('needs-newer-nomad'), 'the version warning');
    const warning = vscode.languages.getDiagnostics(file).find((d) => d.message.startsWith('"action"'));
    assert.ok(warning, codes(file).join(', '));
    assert.strictEqual(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(warning.message, /1\.7\.0.*1\.4\.0/);
    assert.strictEqual(warning.range.start.line, 12);
    // The names for completion come from the same cluster.
    const paths = fake.requests.map((r) => r.url.split('?')[0]);
    for (const path of ['/v1/agent/self', '/v1/nodes', '/v1/node/pools', '/v1/namespaces']) assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
  });

  it('drops the warning when the active cluster cannot be reached', async () => {
    await useCluster({ name: 'nowhere', address: await deadAddress() });
    await waitFor(() => !codes(file).includes('needs-newer-nomad'), 'the version warning to go');
    assert.deepStrictEqual(codes(file), ['deprecated']);
  });

  it('warns again when the old cluster is active again', async () => {
    await useCluster({ name: 'old', address: fake.address });
    await waitFor(() => codes(file).includes('needs-newer-nomad'), 'the version warning');
  });
});

describe('node attributes in completion', () => {
  let target: NomadTarget;
  const placement = (target: string): string => `job "placed" {\n  group "g" {\n    constraint {\n      attribute = "${target}"\n      value     = ""\n    }\n  }\n}\n`;

  before(async () => {
    target = await nomadTarget();
    // On the fake, one more node with a meta key of its own; a real dev agent has its single node.
    target.fake?.addNode({ Name: 'rack-7-node', Meta: { rack: 'r7' } });
    await useCluster({ name: 'attrs', address: target.address });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await clearClusters();
    await target.close();
  });

  it("offers the nodes' values for the compared attribute, naming the cluster", async () => {
    const document = await vscode.workspace.openTextDocument(await writeWorkspaceFile('placed-kernel.nomad.hcl', placement('${attr.kernel.name}')));
    await vscode.window.showTextDocument(document);
    const items = await completionItems(document, new vscode.Position(4, 19), (all) => all.some((i) => labelOf(i) === 'linux'));
    assert.strictEqual(items.find((i) => labelOf(i) === 'linux')?.detail, 'value of attr.kernel.name from cluster attrs');
    const names = await vscode.workspace.openTextDocument(await writeWorkspaceFile('placed-name.nomad.hcl', placement('${node.unique.name}')));
    const expected = (await (await fetch(`${target.address}/v1/nodes`)).json()) as { Name: string }[];
    const offered = await completionItems(names, new vscode.Position(4, 19), (all) => all.length > 0);
    assert.deepStrictEqual(offered.map(labelOf).sort(), expected.map((n) => n.Name).sort());
  });

  it('offers the meta keys the nodes report as targets', async () => {
    const document = await vscode.workspace.openTextDocument(await writeWorkspaceFile('placed-meta.nomad.hcl', placement('${meta.}')));
    await vscode.window.showTextDocument(document);
    const key = target.fake ? 'meta.rack' : 'meta.connect.log_level';
    const items = await completionItems(document, new vscode.Position(3, 26), (all) => all.some((i) => labelOf(i) === key));
    assert.strictEqual(items.find((i) => labelOf(i) === key)?.detail, 'node meta from cluster attrs');
  });
});
