// Activation stays lazy: nothing runs until the user opens a job file, and
// a JSON file only counts when its content is a Nomad job.
import * as assert from 'assert';
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
    assert.strictEqual(process.env.NOMAD_ADDR, process.env.NOMAD_TEST_ADDR);
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
