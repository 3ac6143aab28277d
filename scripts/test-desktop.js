#!/usr/bin/env node
// @ts-check
// `npm run test:desktop`: the same integration suite as scripts/run-integration.js,
// but in desktop VS Code (Electron) through @vscode/test-electron, for
// machines with internet access: it downloads VS Code into .vscode-test/.
// Runs against the oldest VS Code the manifest allows and the current stable
// (override with NOMAD_VSCODE_VERSIONS=1.96.4,stable). On Linux without a
// display, run it under xvfb-run.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { repoRoot } = require('./lib/paths');
const { buildExtension, compileTests } = require('./lib/build');
const { makeExamplesWorkspace } = require('./lib/workspace');
const { testEnvironment } = require('./lib/testEnv');
const { step } = require('./lib/log');

function versionsToTest() {
  if (process.env.NOMAD_VSCODE_VERSIONS) return process.env.NOMAD_VSCODE_VERSIONS.split(',').map((v) => v.trim());
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const minimum = String(manifest.engines.vscode).replace(/^[\^~>=]+/, '');
  return [minimum, 'stable'];
}

/** The extension host's environment: test defaults, with the developer's NOMAD_* variables removed. */
async function extensionTestsEnv() {
  /** @type {Record<string, string | undefined>} */
  const env = await testEnvironment({ NOMAD_TEST_RUNNER: 'electron' });
  // test-electron adds these to process.env; undefined drops a variable from the child.
  for (const name of Object.keys(process.env)) if (!(name in env)) env[name] = undefined;
  return env;
}

/** @param {string} version */
async function runOn(version) {
  const workspace = makeExamplesWorkspace();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nomad-desktop-profile-'));
  const userDataDir = path.join(profile, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none' }));
  try {
    step(`integration tests in desktop VS Code ${version}`);
    return await runTests({
      version,
      cachePath: path.join(repoRoot, '.vscode-test'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      extensionTestsEnv: await extensionTestsEnv(),
      // A fresh profile each run: restored editors would activate the extension before the activation tests.
      launchArgs: [workspace.folder, '--disable-extensions', `--user-data-dir=${userDataDir}`, `--extensions-dir=${path.join(profile, 'extensions')}`],
    });
  } catch (error) {
    console.error(`VS Code ${version}: ${error instanceof Error ? error.message : error}`);
    return 1;
  } finally {
    workspace.dispose();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  await buildExtension('development');
  await compileTests();
  let failures = 0;
  for (const version of versionsToTest()) if ((await runOn(version)) !== 0) failures += 1;
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
