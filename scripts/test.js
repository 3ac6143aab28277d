#!/usr/bin/env node
// @ts-check
// `npm test`: every test layer, bottom to top, in one command.
//   0. lint         ESLint: the import boundaries between the parts (eslint.config.mjs)
//   1. unit         Mocha under Node on out/test/unit/**/*.test.js
//   2. integration  Mocha inside a real VS Code extension host (code-server)
//   3. ui           Playwright driving the workbench with the packaged .vsix installed
// The test VS Code is installed first when missing. Each layer's summary is
// printed, then one closing line "N passed, N failed" over all layers; the
// exit code is non-zero when anything failed.
'use strict';
const fs = require('fs');
const path = require('path');
const { repoRoot } = require('./lib/paths');
const { ensureTestVscode } = require('./install-test-vscode');
const { compileTests } = require('./lib/build');
const { packageExtension } = require('./package');
const { runIntegration } = require('./run-integration');
const { runUi } = require('./run-ui');
const { parseMochaSummary } = require('./lib/mochaSummary');
const { runAndCapture } = require('./lib/process');
const { step } = require('./lib/log');

/** @typedef {{ exitCode: number, passed: number, failed: number, pending: number }} LayerResult */

/** @returns {Promise<LayerResult>} */
async function runUnit() {
  const unitDir = path.join(repoRoot, 'out', 'test', 'unit');
  const hasTests = fs.existsSync(unitDir) && fs.readdirSync(unitDir, { recursive: true, encoding: 'utf8' }).some((f) => f.endsWith('.test.js'));
  if (!hasTests) {
    step('unit: no unit tests yet');
    return { exitCode: 0, passed: 0, failed: 0, pending: 0 };
  }
  const mocha = require.resolve('mocha/bin/mocha.js', { paths: [repoRoot] });
  const forbidOnly = process.env.CI ? ['--forbid-only'] : [];
  const result = await runAndCapture(process.execPath, [mocha, '--reporter', 'spec', ...forbidOnly, 'out/test/unit/**/*.test.js'], {
    cwd: repoRoot,
  });
  const summary = parseMochaSummary(result.output);
  const failed = result.code !== 0 && summary.failed === 0 ? 1 : summary.failed;
  return { exitCode: result.code, passed: summary.passed, failed, pending: summary.pending };
}

/** ESLint over the repository: each file with an error counts as one failure. @returns {Promise<LayerResult>} */
async function runLint() {
  // eslint's package exports do not include its bin script: find it beside its package.json.
  const eslint = path.join(path.dirname(require.resolve('eslint/package.json', { paths: [repoRoot] })), 'bin', 'eslint.js');
  const result = await runAndCapture(process.execPath, [eslint, '.'], { cwd: repoRoot });
  // The default formatter prints each file with problems as an unindented path line.
  const files = result.output.split('\n').filter((line) => line.startsWith(repoRoot)).length;
  const failed = result.code !== 0 ? Math.max(1, files) : 0;
  return { exitCode: result.code, passed: failed ? 0 : 1, failed, pending: 0 };
}

/**
 * Runs one layer, turning a crash of the layer itself (build error, browser
 * that does not start) into one failure so later layers still run.
 * @param {string} name
 * @param {() => Promise<LayerResult>} layer
 * @returns {Promise<LayerResult & { name: string, seconds: number }>}
 */
async function timed(name, layer) {
  const started = Date.now();
  step(`=== ${name} ===`);
  let result;
  try {
    result = await layer();
  } catch (error) {
    console.error(`${name} layer could not run: ${error instanceof Error ? error.stack : error}`);
    result = { exitCode: 1, passed: 0, failed: 1, pending: 0 };
  }
  const seconds = (Date.now() - started) / 1000;
  step(`${name}: ${result.passed} passed, ${result.failed} failed${result.pending ? `, ${result.pending} pending` : ''} (${seconds.toFixed(0)} s)`);
  return { name, seconds, ...result };
}

async function main() {
  await ensureTestVscode();
  await compileTests();
  const results = [await timed('lint', runLint), await timed('unit', runUnit)];

  // One production build serves both upper layers: vsce builds it into dist/
  // (integration loads it from there) and packs it (the UI tests install it).
  /** @type {string | undefined} */
  let vsix;
  try {
    vsix = (await packageExtension()).vsix;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  }
  results.push(await timed('integration', () => (vsix ? runIntegration({ build: false }) : Promise.reject(new Error('packaging failed')))));
  results.push(await timed('ui', () => (vsix ? runUi({ vsix, build: false }) : Promise.reject(new Error('packaging failed')))));

  console.log('');
  for (const r of results) {
    console.log(`${r.name.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(4)} failed ${String(r.pending).padStart(4)} pending ${r.seconds.toFixed(0).padStart(5)} s`);
  }
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  const skipped = results.reduce((sum, r) => sum + r.pending, 0);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed > 0 || results.some((r) => r.exitCode !== 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
