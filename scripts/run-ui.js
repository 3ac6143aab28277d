#!/usr/bin/env node
// @ts-check
// Runs test/ui: Mocha under Node, each suite driving a real VS Code workbench
// (code-server + headless Chromium, see test/ui/support/workbench.ts).
//
// By default the extension under test is the packaged .vsix, installed into
// a fresh extensions folder: the UI tests then also prove the package holds
// everything that runs (.vscodeignore). Screenshots go to test-results/ui/.
//
//   node scripts/run-ui.js                 package, install, run
//   node scripts/run-ui.js --vsix x.vsix   install that package, run
//   node scripts/run-ui.js --dev           load this folder's dev build instead (faster to iterate)
//   NOMAD_TEST_GREP=welcome node scripts/run-ui.js
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { repoRoot } = require('./lib/paths');
const { ensureTestVscode } = require('./install-test-vscode');
const { installVsix } = require('./code-server');
const { packageExtension } = require('./package');
const { buildExtension, compileTests } = require('./lib/build');
const { parseMochaSummary } = require('./lib/mochaSummary');
const { runAndCapture } = require('./lib/process');
const { step } = require('./lib/log');

/**
 * @typedef {object} UiOptions
 * @property {string} [vsix] install this package (skips packaging)
 * @property {boolean} [dev] load the extension from this folder (development build) instead of a package
 * @property {boolean} [build] compile tests (and build or package the extension); default true
 *
 * @param {UiOptions} [options]
 * @returns {Promise<{ exitCode: number, passed: number, failed: number, pending: number }>}
 */
async function runUi(options = {}) {
  const build = options.build ?? true;
  await ensureTestVscode();
  if (build) await compileTests();
  fs.rmSync(path.join(repoRoot, 'test-results', 'ui'), { recursive: true, force: true });

  /** @type {Record<string, string>} */
  const env = {};
  let extensionsDir;
  if (options.dev) {
    if (build) await buildExtension('development');
  } else {
    const vsix = options.vsix ?? (await packageExtension()).vsix;
    extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nomad-ui-extensions-'));
    step(`installing ${path.basename(vsix)} into the test VS Code`);
    installVsix(vsix, extensionsDir);
    env.NOMAD_UI_EXTENSIONS_DIR = extensionsDir;
  }

  try {
    step('running UI tests (Playwright driving the VS Code workbench)');
    const mocha = require.resolve('mocha/bin/mocha.js', { paths: [repoRoot] });
    const grep = process.env.NOMAD_TEST_GREP ? ['--grep', process.env.NOMAD_TEST_GREP] : [];
    const forbidOnly = process.env.CI ? ['--forbid-only'] : [];
    const result = await runAndCapture(
      process.execPath,
      [mocha, '--reporter', 'spec', '--no-color', '--timeout', '180000', ...forbidOnly, ...grep, 'out/test/ui/**/*.test.js'],
      { cwd: repoRoot, env: { ...process.env, ...env } },
    );
    const summary = parseMochaSummary(result.output);
    const failed = result.code !== 0 && summary.failed === 0 ? 1 : summary.failed;
    return { exitCode: result.code || (summary.found ? 0 : 1), passed: summary.passed, failed, pending: summary.pending };
  } finally {
    if (extensionsDir) fs.rmSync(extensionsDir, { recursive: true, force: true });
  }
}

module.exports = { runUi };

if (require.main === module) {
  const args = process.argv.slice(2);
  const vsixIndex = args.indexOf('--vsix');
  runUi({ dev: args.includes('--dev'), vsix: vsixIndex >= 0 ? path.resolve(args[vsixIndex + 1]) : undefined }).then(
    (result) => {
      step(`ui: ${result.passed} passed, ${result.failed} failed`);
      process.exit(result.exitCode);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
