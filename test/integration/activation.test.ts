// Activation stays lazy: nothing runs until the user opens a job file, and
// a JSON file only counts when its content is a Nomad job.
import * as assert from 'assert';
import * as net from 'net';
import { activatedApi, nomadExtension } from './support/extension';
import { openWorkspaceFile, writeWorkspaceFile } from './support/workspace';
import { waitFor } from './support/wait';
import * as vscode from 'vscode';

describe('activation', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('is installed but not active before any file is opened', () => {
    assert.strictEqual(nomadExtension().isActive, false);
  });

  it('runs with the environment the runner gave code-server, and none of the developer\'s Nomad settings', () => {
    // The runners build the extension host's environment with scripts/lib/testEnv.js; suites rely on it.
    assert.ok(['code-server', 'electron'].includes(process.env.NOMAD_TEST_RUNNER ?? ''), 'NOMAD_TEST_RUNNER reached the extension host');
    assert.strictEqual(process.env.NOMAD_TOKEN, undefined);
    // Tests reach their Nomad (fake or NOMAD_TEST_ADDR) through the nomad.clusters setting, never the environment.
    assert.strictEqual(process.env.NOMAD_ADDR, undefined);
  });

  it('tries, when nothing is configured, a loopback address where nothing listens instead of the default one', async () => {
    const fallback = process.env.NOMAD_TEST_DEFAULT_ADDR ?? '';
    const url = new URL(fallback);
    assert.strictEqual(url.hostname, '127.0.0.1');
    assert.notStrictEqual(url.port, '4646');
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(Number(url.port), url.hostname);
      socket.once('connect', () => { socket.destroy(); resolve(false); });
      socket.once('error', () => resolve(true));
    });
    assert.ok(refused, `nothing listens on ${fallback}`);
  });

  it('activates for a plain JSON file without starting the language server', async () => {
    await writeWorkspaceFile('package.json', JSON.stringify({ name: 'not-a-job', version: '1.0.0', scripts: { test: 'mocha' } }, null, 2));
    const editor = await openWorkspaceFile('package.json');
    assert.strictEqual(editor.document.languageId, 'json');
    const api = await activatedApi();
    assert.strictEqual(api.languageServerState(), 'not started');
  });

  it('starts the language server for an API JSON job, which keeps the json language', async () => {
    const editor = await openWorkspaceFile('cache.json');
    assert.strictEqual(editor.document.languageId, 'json');
    const api = await activatedApi();
    await waitFor(() => api.languageServerState() === 'running', 'the language server to run');
  });

  it('gives *.nomad.hcl files the nomad language', async () => {
    const editor = await openWorkspaceFile('web.nomad.hcl');
    assert.strictEqual(editor.document.languageId, 'nomad');
    assert.strictEqual(nomadExtension().isActive, true);
  });
});
