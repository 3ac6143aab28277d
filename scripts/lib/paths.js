// @ts-check
// Where the build and test tooling keeps things. One place, so every script
// agrees on the cache folder that several worktrees may share.
'use strict';
const path = require('path');

const repoRoot = path.resolve(__dirname, '..', '..');

/** code-server 4.96.4 is VS Code 1.96.4, the newest that runs on Node 20. */
const CODE_SERVER_VERSION = '4.96.4';

/** The test VS Code cache; NOMAD_VSCODE_TEST_DIR lets worktrees share one install. */
function testVscodeDir() {
  return path.resolve(process.env.NOMAD_VSCODE_TEST_DIR || path.join(repoRoot, '.vscode-test'));
}

function codeServerHome() {
  return path.join(testVscodeDir(), `code-server-${CODE_SERVER_VERSION}`);
}

function codeServerEntry() {
  return path.join(codeServerHome(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/** Written last by the installer: its presence means the install finished. */
function installedMarker() {
  return path.join(codeServerHome(), '.installed');
}

const chromiumPath = '/usr/bin/chromium';

module.exports = { repoRoot, CODE_SERVER_VERSION, testVscodeDir, codeServerHome, codeServerEntry, installedMarker, chromiumPath };
