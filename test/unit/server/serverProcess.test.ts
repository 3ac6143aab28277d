// The server as a process speaking LSP over stdio (`node server.js --stdio`),
// as an editor other than VS Code would run it.
import * as assert from 'assert';
import type { ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { CLUSTER_VERSION_NOTIFICATION } from '../../../common/src/protocol/clusterVersion';
import { spawnStdioServer, type StdioServer } from '../../support/stdioServer';

describe('Language server over stdio', function () {
  this.timeout(60_000); // starts a process and loads WebAssembly: a generous bound
  let server: StdioServer;
  let connection: ProtocolConnection;
  const published: PublishDiagnosticsParams[] = [];
  let onPublish: () => void = () => undefined;

  function nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => {
      const check = (): void => {
        const index = published.findIndex((p) => p.uri === uri);
        if (index >= 0) resolve(published.splice(index, 1)[0]);
        else onPublish = check;
      };
      check();
    });
  }

  before(async () => {
    server = spawnStdioServer();
    connection = server.connection;
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      published.push(params);
      onPublish();
    });
    connection.onRequest('workspace/configuration', () => [{ schemaVersion: 'auto' }]);
    connection.listen();
    const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    assert.ok((result as { capabilities: unknown }).capabilities);
    await connection.sendNotification('initialized', {});
  });

  after(() => server.stop());

  it('publishes diagnostics for an opened job and updates them after an edit', async () => {
    const uri = 'file:///stdio/web.nomad.hcl';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nomad', version: 1, text: 'job "web" {\n  type = "servce"\n  group "g" {\n  }\n}\n' } });
    const first = await nextDiagnostics(uri);
    assert.deepStrictEqual(first.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['invalid-enum', 1, 9]]);
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 14 }, end: { line: 1, character: 14 } }, text: 'i' }],
    });
    const second = await nextDiagnostics(uri);
    assert.strictEqual(second.version, 2);
    assert.deepStrictEqual(second.diagnostics, []);
  });

  it('follows the cluster version the client reports', async () => {
    const uri = 'file:///stdio/pool.nomad.hcl';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'nomad', version: 1, text: 'job "p" {\n  node_pool = "x"\n  group "g" {\n  }\n}\n' } });
    assert.deepStrictEqual((await nextDiagnostics(uri)).diagnostics, []);
    await connection.sendNotification(CLUSTER_VERSION_NOTIFICATION, { version: '1.4.2' });
    assert.deepStrictEqual((await nextDiagnostics(uri)).diagnostics.map((d) => d.code), ['job-datacenters-missing', 'needs-newer-nomad']);
  });

  it('publishes nothing for JSON files that are not jobs, and clears a closed document', async () => {
    const uri = 'file:///stdio/package.json';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: '{"name": "x"}' } });
    assert.deepStrictEqual((await nextDiagnostics(uri)).diagnostics, []);
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepStrictEqual((await nextDiagnostics(uri)).diagnostics, []);
  });
});
