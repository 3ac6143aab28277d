// The authoring requests through the real server process over stdio: the same
// JSON-RPC an editor sends, checked end to end without VS Code.
import * as assert from 'assert';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  Location,
  ProtocolConnection,
  PublishDiagnosticsParams,
  RegistrationParams,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { spawnStdioServer, type StdioServer } from '../../../support/stdioServer';

const URI = 'file:///stdio/authoring.nomad.hcl';
const TEXT = [
  'variable "image" {', //       0
  '  default = "nginx"', //      1
  '}', //                        2
  'job "web" {', //              3
  '  datacenter = ["dc1"]', //   4  (misspelled on purpose)
  '  group "g" {', //            5
  '    task "t" {', //           6
  '      driver="docker"', //    7
  '      config {', //           8
  '        image = var.image', // 9
  '      }', //                  10
  '    }', //                    11
  '  }', //                      12
  '}', //                        13
  '',
].join('\n');

describe('authoring requests over stdio (server process)', function () {
  this.timeout(60_000); // starts a process and loads WebAssembly
  let server: StdioServer;
  let connection: ProtocolConnection;
  let capabilities: InitializeResult['capabilities'];
  const registrations: RegistrationParams['registrations'] = [];
  const published: PublishDiagnosticsParams[] = [];
  let factsWanted = 0;

  const at = (line: number, character: number) => ({ textDocument: { uri: URI }, position: { line, character } });

  before(async () => {
    server = spawnStdioServer();
    connection = server.connection;
    connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
      registrations.push(...params.registrations);
    });
    connection.onRequest('workspace/configuration', () => [{ schemaVersion: 'auto' }]);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      published.push(params);
    });
    connection.onNotification('nomad/clusterFactsWanted', () => {
      factsWanted++;
    });
    connection.listen();
    const dynamic = { dynamicRegistration: true };
    const result = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { formatting: dynamic, rangeFormatting: dynamic, foldingRange: dynamic } },
    });
    capabilities = result.capabilities;
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'nomad', version: 1, text: TEXT } });
  });

  after(() => server.stop());

  it('announces the authoring features, with formatting and folding for nomad files only', async () => {
    assert.deepStrictEqual(capabilities.completionProvider?.triggerCharacters, ['"', '.', '{']);
    assert.strictEqual(capabilities.completionProvider?.resolveProvider, true);
    assert.strictEqual(capabilities.hoverProvider, true);
    assert.strictEqual(capabilities.documentFormattingProvider, undefined, 'registered dynamically instead');
    for (let i = 0; i < 50 && registrations.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepStrictEqual(
      registrations.map((r) => [r.method, r.registerOptions]).sort(),
      [
        ['textDocument/foldingRange', { documentSelector: [{ language: 'nomad' }] }],
        ['textDocument/formatting', { documentSelector: [{ language: 'nomad' }] }],
        ['textDocument/rangeFormatting', { documentSelector: [{ language: 'nomad' }] }],
      ],
    );
  });

  it('answers completion, hover, symbols, folding and definition', async () => {
    const completion = await connection.sendRequest<CompletionList>('textDocument/completion', at(9, 8));
    const ports = completion.items.find((i) => i.label === 'ports');
    assert.ok(ports, 'docker config keys');
    assert.strictEqual(ports.documentation, undefined, 'documentation comes on resolve');
    const resolved = await connection.sendRequest<CompletionItem>('completionItem/resolve', ports);
    assert.match(JSON.stringify(resolved.documentation), /\*\*ports\*\*/);
    const hover = await connection.sendRequest<Hover>('textDocument/hover', at(9, 18));
    assert.match(JSON.stringify(hover.contents), /var\.image/);
    const symbols = await connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.deepStrictEqual(symbols.map((s) => s.name), ['variable "image"', 'job "web"']);
    const folds = await connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
    assert.ok(folds.some((f) => f.startLine === 3 && f.endLine === 12));
    const definition = await connection.sendRequest<Location>('textDocument/definition', at(9, 16));
    assert.strictEqual(definition.range.start.line, 0);
  });

  it('completes the cluster names the client sent, and asks it for fresher ones', async () => {
    const uri = 'file:///stdio/cluster.nomad.hcl';
    await connection.sendNotification('nomad/clusterFacts', { cluster: 'stdio', datacenters: ['dc-a', 'dc-b'], nodePools: [], nodeClasses: [], namespaces: [] });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nomad', version: 1, text: 'job "x" {\n  datacenters = [""]\n}\n' } });
    const before = factsWanted;
    const completion = await connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 18 } });
    assert.deepStrictEqual(completion.items.map((i) => [i.label, i.detail]), [['dc-a', 'datacenter from cluster stdio'], ['dc-b', 'datacenter from cluster stdio']]);
    for (let i = 0; i < 50 && factsWanted === before; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(factsWanted > before, 'the server asks the client to refresh the names it used');
  });

  it('offers the quick fix for a diagnostic and formats the document', async () => {
    for (let i = 0; i < 100 && !published.some((p) => p.uri === URI); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const diagnostics = published.find((p) => p.uri === URI)?.diagnostics ?? [];
    const unknown = diagnostics.find((d) => d.code === 'unknown-attribute');
    assert.ok(unknown, JSON.stringify(diagnostics));
    const actions = await connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: unknown.range,
      context: { diagnostics: [unknown] },
    });
    assert.deepStrictEqual(actions.map((a) => a.title), ['Change to "datacenters"']);
    const edits = await connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepStrictEqual(edits, [{ range: { start: { line: 7, character: 12 }, end: { line: 7, character: 12 } }, newText: ' ' }, { range: { start: { line: 7, character: 13 }, end: { line: 7, character: 13 } }, newText: ' ' }]);
  });

  it('does not format a file that breaks HCL\'s one-item-per-line rule, though tree-sitter reads it', async () => {
    const uri = 'file:///stdio/two-per-line.nomad.hcl';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nomad', version: 1, text: 'job "x" {\n  a   = 1  b = 2\n}\n' } });
    const edits = await connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepStrictEqual(edits, []);
  });
});
