// Diagnostics in the real editor: each kind of finding appears at its range
// in the Problems data (vscode.languages.getDiagnostics), edits update them,
// and the example jobs come out clean.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activatedApi } from './support/extension';
import { waitFor } from './support/wait';
import { openWorkspaceFile, workspaceFile, writeWorkspaceFile } from './support/workspace';

const SOURCE = 'nomad';

/** A source with ⟦ ⟧ around expected ranges: the text without them, and the ranges. */
function marked(source: string): { text: string; ranges: vscode.Range[] } {
  const ranges: vscode.Range[] = [];
  let text = '';
  let line = 0;
  let character = 0;
  let open: vscode.Position | undefined;
  for (const ch of source) {
    if (ch === '⟦') open = new vscode.Position(line, character);
    else if (ch === '⟧') ranges.push(new vscode.Range(open ?? new vscode.Position(0, 0), new vscode.Position(line, character)));
    else {
      text += ch;
      if (ch === '\n') {
        line++;
        character = 0;
      } else {
        character += ch.length;
      }
    }
  }
  return { text, ranges };
}

function nomadDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Writes and opens a job, waits for its findings with `code`, and checks they sit exactly on the marked ranges. */
async function expectFindings(name: string, source: string, code: string): Promise<vscode.Diagnostic[]> {
  const { text, ranges } = marked(source);
  const uri = await writeWorkspaceFile(name, text);
  await openWorkspaceFile(name);
  const found = await waitFor(() => {
    const matching = nomadDiagnostics(uri).filter((d) => codeOf(d) === code);
    return matching.length === ranges.length && matching;
  }, `${ranges.length} "${code}" diagnostic(s) in ${name}`);
  const actual = found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
  const expected = ranges.map((r) => [r.start.line, r.start.character, r.end.line, r.end.character]);
  assert.deepStrictEqual(actual.sort(), expected.sort(), `ranges of ${code} in ${name}`);
  return found;
}

function task(body: string): string {
  return `job "app" {\n  group "web" {\n    task "server" {\n${body}\n    }\n  }\n}\n`;
}

const docker = '      driver = "docker"\n      config {\n        image = "nginx:1.27"\n      }\n';

describe('diagnostics', () => {
  /** The example jobs, listed before these tests add files of their own. */
  let examples: string[] = [];

  before(async () => {
    // The repository's examples, not whatever else other suites wrote into the shared workspace copy.
    const extension = vscode.extensions.getExtension('nomad-jobs.nomad-jobs');
    assert.ok(extension, 'the extension under test is installed');
    examples = fs.readdirSync(path.join(extension.extensionPath, 'examples')).filter((name) => /\.(nomad\.hcl|json)$/.test(name));
    await openWorkspaceFile('web.nomad.hcl');
    await activatedApi();
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('reports syntax errors', async () => {
    await expectFindings('syntax.nomad.hcl', 'job "x" {\n  group "g" {\n    count = 1 ⟦count⟧ = 2\n  }\n}\n', 'syntax-error');
  });

  it('reports unknown attributes and blocks with a suggestion', async () => {
    const [attribute] = await expectFindings('unknown-attribute.nomad.hcl', task(`${docker}      resources {\n        ⟦cpux⟧ = 100\n      }`), 'unknown-attribute');
    assert.match(attribute.message, /Did you mean "cpu"\?/);
    await expectFindings('unknown-block.nomad.hcl', task(`${docker}      ⟦servce⟧ {\n      }`), 'unknown-block');
  });

  it('reports a block written as an attribute', async () => {
    await expectFindings('wrong-kind.nomad.hcl', task(`${docker}      ⟦resources⟧ = { cpu = 100 }`), 'wrong-kind');
  });

  it('reports values of the wrong type, outside an enum, malformed durations and below minimum', async () => {
    await expectFindings('type.nomad.hcl', task(`${docker}      resources {\n        cpu = ⟦"lots"⟧\n      }`), 'type-mismatch');
    await expectFindings('enum.nomad.hcl', 'job "x" {\n  type = ⟦"servce"⟧\n  group "g" {\n  }\n}\n', 'invalid-enum');
    await expectFindings('duration.nomad.hcl', task(`${docker}      kill_timeout = ⟦"10 seconds"⟧`), 'invalid-duration');
    await expectFindings('minimum.nomad.hcl', 'job "x" {\n  group "g" {\n    count = ⟦-1⟧\n  }\n}\n', 'below-minimum');
  });

  it('reports label counts, repeated blocks and attributes, and duplicate names', async () => {
    await expectFindings('labels.nomad.hcl', 'job "x" {\n  ⟦group⟧ {\n  }\n}\n', 'label-count');
    await expectFindings('duplicate-block.nomad.hcl', task(`${docker}      resources {\n      }\n      ⟦resources⟧ {\n      }`), 'duplicate-block');
    await expectFindings('duplicate-attribute.nomad.hcl', task(`${docker}      user = "a"\n      ⟦user⟧ = "b"`), 'duplicate-attribute');
    await expectFindings('duplicate-name.nomad.hcl', 'job "x" {\n  group "web" {\n  }\n  group ⟦"web"⟧ {\n  }\n}\n', 'duplicate-name');
  });

  it('reports a missing driver and references to undeclared variables and locals', async () => {
    await expectFindings('required.nomad.hcl', 'job "x" {\n  group "g" {\n    ⟦task⟧ "t" {\n      user = "nobody"\n    }\n  }\n}\n', 'missing-required');
    await expectFindings('variable.nomad.hcl', task(`${docker}      user = ⟦var.user⟧`), 'undefined-variable');
    await expectFindings('local.nomad.hcl', task(`${docker}      env {\n        A = "\${⟦local.prefix⟧}"\n      }`), 'undefined-local');
  });

  it('validates API JSON jobs with the schema, warning about server-set fields', async () => {
    await expectFindings('api-job.json', '{\n  "Job": {\n    "ID": "x",\n    ⟦"Status"⟧: "running",\n    "TaskGroups": []\n  }\n}\n', 'read-only-field');
    await expectFindings('api-job-bad.json', '{\n  "Job": {\n    "ID": "x",\n    "Type": ⟦"servce"⟧,\n    "TaskGroups": []\n  }\n}\n', 'api-schema');
  });

  it('follows nomad.schemaVersion for fields newer than the target', async () => {
    const config = vscode.workspace.getConfiguration('nomad');
    await config.update('schemaVersion', '1.5.0', vscode.ConfigurationTarget.Workspace);
    try {
      await expectFindings('version.nomad.hcl', 'job "x" {\n  ⟦node_pool⟧ = "default"\n  group "g" {\n  }\n}\n', 'needs-newer-nomad');
    } finally {
      await config.update('schemaVersion', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('updates findings as the document is edited', async () => {
    const name = 'edited.nomad.hcl';
    const [finding] = await expectFindings(name, 'job "x" {\n  type = ⟦"servce"⟧\n  group "g" {\n  }\n}\n', 'invalid-enum');
    const editor = await openWorkspaceFile(name);
    await editor.edit((edit) => edit.replace(finding.range, '"service"'));
    await waitFor(() => nomadDiagnostics(editor.document.uri).length === 0, 'the finding to go away after the fix');
  });

  it("reports Nomad's validation in a file whose calls and multi-line values only tree-sitter reads, and follows edits there", async () => {
    // Opening such a file parses those attributes alone (server/src/hcl/cleanFileReader.ts): findings must sit where they do in any file.
    const source = task(
      '      driver = "docker"\n' +
        '      config {\n        image = format("nginx:%s", "1.27") # pinned\n        args  = [\n          "-g",\n          "daemon off;",\n        ]\n      }\n' +
        '      resources {\n        cpu        = max(100, 200)\n        memory     = 256\n        memory_max = ⟦128⟧\n      }\n',
    );
    const name = 'calls.nomad.hcl';
    const [finding] = await expectFindings(name, source, 'memory-max-below-memory');
    assert.match(finding.message, /memory_max \(128 MB\) cannot be below memory \(256 MB\)/);
    assert.strictEqual(nomadDiagnostics(workspaceFile(name)).length, 1, 'the calls and the list themselves are fine');
    const editor = await openWorkspaceFile(name);
    const call = editor.document.getText().indexOf('max(100, 200)');
    await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(call), editor.document.positionAt(call + 'max(100, 200)'.length)), 'max(100, '));
    await waitFor(() => nomadDiagnostics(editor.document.uri).some((d) => codeOf(d) === 'syntax-error'), 'a syntax error for the call left open');
    await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(call), editor.document.positionAt(call + 'max(100, '.length)), 'max(100, 300)'));
    await waitFor(() => {
      const codes = nomadDiagnostics(editor.document.uri).map(codeOf);
      return codes.length === 1 && codes[0] === 'memory-max-below-memory';
    }, 'only the memory_max finding once the call is closed again');
  });

  it('finds nothing to report in the example jobs', async () => {
    assert.ok(examples.length >= 5, `examples: ${examples.join(', ')}`);
    for (const name of examples) await openWorkspaceFile(name);
    // A probe validated after all of them (validation runs per document in order) shows they were checked.
    await expectFindings('probe.nomad.hcl', 'job "x" {\n  type = ⟦"probe"⟧\n  group "g" {\n  }\n}\n', 'invalid-enum');
    for (const name of examples) {
      const problems = nomadDiagnostics(workspaceFile(name)).filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);
      assert.deepStrictEqual(problems.map((d) => `${name}:${d.range.start.line + 1} ${codeOf(d)} ${d.message}`), []);
    }
  });
});
