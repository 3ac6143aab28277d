// @ts-check
// Building what the tests run: the webpack bundles in dist/ and the
// TypeScript tests compiled by tsc into out/.
'use strict';
const fs = require('fs');
const path = require('path');
const { repoRoot } = require('./paths');
const { run } = require('./process');
const { step } = require('./log');

/** @param {'development' | 'production'} mode */
async function buildExtension(mode) {
  step(`webpack (${mode}) -> dist/`);
  const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [repoRoot] });
  await run(process.execPath, [webpackCli, '--mode', mode, '--stats', 'errors-warnings'], { cwd: repoRoot });
}

/** Compiles everything (tests included) into a clean out/, so deleted tests do not linger. */
async function compileTests() {
  step('tsc -b -> out/');
  fs.rmSync(path.join(repoRoot, 'out'), { recursive: true, force: true });
  const tsc = require.resolve('typescript/bin/tsc', { paths: [repoRoot] });
  await run(process.execPath, [tsc, '-b'], { cwd: repoRoot });
}

module.exports = { buildExtension, compileTests };
