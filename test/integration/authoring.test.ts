// Authoring features through the real VS Code: completion (also in a broken file, in
// HCL-JSON, and with the active cluster's names), hover, outline, go to definition,
// quick fixes and formatting, all answered by our language server over LSP and asked
// for the way the editor asks.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
import { clearClusters, useCluster } from './explorerFixtures';
import { activatedApi } from './support/extension';
import { ask, completionItems, labelOf } from './support/completion';
import { waitFor } from './support/wait';
import { writeWorkspaceFile } from './support/workspace';

const JOB = [
  'variable "image" {', //                 0
  '  default = "nginx:1.27"', //           1
  '}', //                                  2
  '', //                                   3
  'job "authoring" {', //                  4
  '  datacenters = ["dc1"]', //            5
  '', //                                   6
  '  group "web" {', //                    7
  '    network {', //                      8
  '      port "http" {}', //               9
  '    }', //                              10
  '', //                                   11
  '    task "server" {', //                12
  '      driver = "docker"', //            13
  '', //                                   14
  '      config {', //                     15
  '        image = var.image', //          16
  '      }', //                            17
  '', //                                   18
  '      env {', //                        19
  '        PORT = "${NOMAD_PORT_http}"', // 20
  '      }', //                            21
  '    }', //                              22
  '  }', //                                23
  '}', //                                  24
  '',
].join('\n');

async function openJob(name: string, content: string): Promise<vscode.TextDocument> {
  const uri = await writeWorkspaceFile(name, content);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const api = await activatedApi();
  await waitFor(() => api.languageServerState() === 'running', 'the language server to run');
  return document;
}

async function completionLabels(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  return (await completionItems(document, position, (items) => items.length > 0)).map(labelOf);
}

describe('authoring features in VS Code', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('completes task fields and driver config keys', async () => {
    const document = await openJob('authoring.nomad.hcl', JOB);
    const inTask = await completionLabels(document, new vscode.Position(14, 6));
    for (const label of ['resources', 'template', 'artifact', 'kill_timeout']) assert.ok(inTask.includes(label), `task: ${label}`);
    assert.ok(!inTask.includes('driver') && !inTask.includes('config'), 'driver and config are already there');
    const inConfig = await completionLabels(document, new vscode.Position(16, 8));
    assert.ok(inConfig.includes('ports') && inConfig.includes('command'), 'docker config keys');
  });

  it('completes in a broken, half-typed file', async () => {
    const broken = 'job "broken" {\n  group "g" {\n    task "t" {\n      driver = "exec"\n      res\n';
    const document = await openJob('broken.nomad.hcl', broken);
    const labels = await completionLabels(document, new vscode.Position(4, 9));
    assert.ok(labels.includes('resources'), labels.join(', '));
    const runtime = await openJob('runtime.nomad.hcl', JOB.replace('${NOMAD_PORT_http}', '${NOMAD_}'));
    const names = await completionLabels(runtime, new vscode.Position(20, 23));
    assert.ok(names.includes('NOMAD_PORT_http') && names.includes('NOMAD_ALLOC_DIR'), names.join(', '));
  });

  it('completes HCL-JSON jobspecs by HCL names, with documentation on resolve', async () => {
    const json = '{\n  "job": {\n    "web": {\n      "group": {\n        "g": {\n          "task": {\n            "t": {\n              "driver": "docker",\n              ""\n            }\n          }\n        }\n      }\n    }\n  }\n}\n';
    const document = await openJob('hcl-json-job.json', json);
    const items = await completionItems(document, new vscode.Position(8, 15), (all) => all.some((i) => labelOf(i) === 'resources'), 200);
    const labels = items.map(labelOf);
    assert.ok(labels.includes('config') && labels.includes('kill_timeout'), labels.join(', '));
    assert.ok(!labels.includes('driver') && !labels.includes('Resources'), 'HCL names, without the key already there');
    const documentation = items.find((i) => labelOf(i) === 'resources')?.documentation;
    assert.match(typeof documentation === 'string' ? documentation : (documentation?.value ?? ''), /\*\*resources\*\*/);
  });

  describe('with an active cluster', () => {
    let fake: FakeNomad;

    before(async () => {
      fake = await startFakeNomad();
      fake.state.addNode({ Datacenter: 'eu-west-7', NodeClass: 'gpu', NodePool: 'batch-pool' });
      await useCluster({ name: 'authoring-fake', address: fake.address });
    });

    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await clearClusters();
      await fake.close();
    });

    it('offers the datacenters the cluster\'s nodes are in, inside datacenters = ["', async () => {
      const document = await openJob('cluster-names.nomad.hcl', 'job "names" {\n  datacenters = [""]\n\n  group "g" {\n    constraint {\n      attribute = "${node.class}"\n      value     = ""\n    }\n  }\n}\n');
      const datacenters = await completionItems(document, new vscode.Position(1, 18), (items) => items.some((i) => labelOf(i) === 'eu-west-7'));
      assert.deepStrictEqual(datacenters.map(labelOf).sort(), ['dc1', 'eu-west-7']);
      assert.strictEqual(datacenters.find((i) => labelOf(i) === 'eu-west-7')?.detail, 'datacenter from cluster authoring-fake');
      const classes = await completionItems(document, new vscode.Position(6, 19), (items) => items.length > 0);
      assert.deepStrictEqual(classes.map(labelOf), ['gpu']);
    });
  });

  it('shows documentation on hover, and the declaration behind var.image', async () => {
    const document = await openJob('authoring.nomad.hcl', JOB);
    const hoverText = async (position: vscode.Position): Promise<string> => {
      const hovers = await ask(
        () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position),
        (h) => h.length > 0,
        'a hover',
      );
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    assert.match(await hoverText(new vscode.Position(5, 4)), /\*\*datacenters\*\*/);
    const variable = await hoverText(new vscode.Position(16, 20));
    assert.match(variable, /var\.image/);
    assert.match(variable, /nginx:1\.27/);
  });

  it('outlines the job, its group and task', async () => {
    const document = await openJob('authoring.nomad.hcl', JOB);
    const symbols = await ask(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri),
      (s) => s.length > 0,
      'document symbols',
    );
    const job = symbols.find((s) => s.name === 'job "authoring"');
    assert.ok(job, symbols.map((s) => s.name).join(', '));
    assert.strictEqual(job.kind, vscode.SymbolKind.Module);
    const group = job.children.find((s) => s.name === 'group "web"');
    assert.strictEqual(group?.kind, vscode.SymbolKind.Namespace);
    assert.ok(group.children.some((s) => s.name === 'task "server"' && s.kind === vscode.SymbolKind.Class));
  });

  it('goes to the declaration of var.image', async () => {
    const document = await openJob('authoring.nomad.hcl', JOB);
    const locations = await ask(
      () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, new vscode.Position(16, 19)),
      (l) => l.length > 0,
      'a definition',
    );
    const first = locations[0];
    const range = 'targetRange' in first ? first.targetRange : first.range;
    assert.strictEqual(range.start.line, 0);
  });

  it('offers the suggested name as a quick fix for a misspelled attribute', async () => {
    const document = await openJob('typo.nomad.hcl', JOB.replace('datacenters', 'datacenter'));
    const line = 5;
    await waitFor(() => vscode.languages.getDiagnostics(document.uri).some((d) => d.range.start.line === line), 'the unknown-attribute diagnostic');
    const actions = await ask(
      () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(line, 3, line, 3)),
      (a) => a.some((action) => action.title === 'Change to "datacenters"'),
      'the quick fix',
    );
    const fix = actions.find((a) => a.title === 'Change to "datacenters"');
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(document.lineAt(line).text, '  datacenters = ["dc1"]');
  });

  it('formats the document like nomad fmt', async () => {
    const messy = 'job "fmt" {\n      datacenters=["dc1"]\n  type = "batch"\n\n\n\n  group "g" {\n  count=1\n  }\n}\n';
    const document = await openJob('fmt.nomad.hcl', messy);
    const edits = await ask(
      () => vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, { tabSize: 2, insertSpaces: true }),
      (e) => e.length > 0,
      'formatting edits',
    );
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual(
      document.getText(),
      'job "fmt" {\n  datacenters = ["dc1"]\n  type        = "batch"\n\n  group "g" {\n    count = 1\n  }\n}\n',
    );
  });
});
