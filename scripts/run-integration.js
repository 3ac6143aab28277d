#!/usr/bin/env node
// @ts-check
// Runs test/integration inside a real VS Code extension host: code-server
// serves the workbench, headless Chromium opens it with the extension loaded
// from this folder (extensionDevelopmentPath) and our Mocha entry as
// extensionTestsPath. The host's console (the spec reporter) comes back
// through codeAutomationLog; codeAutomationExit carries Mocha's result.
//
//   node scripts/run-integration.js [--prod | --no-build]
//   NOMAD_TEST_GREP=activation node scripts/run-integration.js
//   NOMAD_TEST_VERBOSE=1 ... also prints the workbench's own log
//
// Env for the extension under test: see the header of scripts/code-server.js.
'use strict';
const fs = require('fs');
const path = require('path');
const { format } = require('util');
const { repoRoot } = require('./lib/paths');
const { ensureTestVscode } = require('./install-test-vscode');
const { startCodeServer } = require('./code-server');
const { buildExtension, compileTests } = require('./lib/build');
const { launchBrowser, WORKBENCH_VIEWPORT } = require('./lib/browser');
const { parseMochaSummary } = require('./lib/mochaSummary');
const { testEnvironment } = require('./lib/testEnv');
const { makeExamplesWorkspace } = require('./lib/workspace');
const { step } = require('./lib/log');

const TESTS_ENTRY = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/**
 * The workbench URL that makes code-server load the extension in development
 * mode and run the tests (its command line rejects these flags; the web
 * workbench reads them from `payload`, with vscode-remote URIs whose authority
 * is the host the browser uses).
 * @param {import('./code-server').CodeServer} server
 */
function testPayloadUrl(server) {
  const remote = (/** @type {string} */ file) => `vscode-remote://${new URL(server.origin).host}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(TESTS_ENTRY)],
    ['skipWelcome', 'true'],
  ];
  return server.workbenchUrl({ payload: JSON.stringify(payload) });
}

/** Marks the extension host's console lines among the workbench log (see test/integration/index.ts). */
const HOST_OUTPUT_TAG = '[nomad-test] ';

/** codeAutomationLog's arguments (console-style: format string, then values), as one line. */
function formatLog(/** @type {unknown} */ message) {
  const parts = Array.isArray(message) ? message : [message];
  return format(...parts.map((part) => (part && typeof part === 'object' && !Array.isArray(part) ? JSON.stringify(part) : part)));
}

/**
 * @typedef {object} IntegrationOptions
 * @property {'development' | 'production' | false} [build] webpack mode, or false to use dist/ as it is
 * @property {Record<string, string>} [env] extra environment for the extension host
 * @property {number} [timeoutMs]
 *
 * @param {IntegrationOptions} [options]
 * @returns {Promise<{ exitCode: number, passed: number, failed: number, pending: number }>}
 */
async function runIntegration(options = {}) {
  await ensureTestVscode();
  if (options.build !== false) await buildExtension(options.build ?? 'development');
  if (!fs.existsSync(TESTS_ENTRY) || options.build !== false) await compileTests();

  const workspace = makeExamplesWorkspace();
  const env = await testEnvironment({ NOMAD_TEST_RUNNER: 'code-server', NOMAD_TEST_TAG_REPORTER: '1', ...options.env });
  const server = await startCodeServer({ folder: workspace.folder, env });
  const browser = await launchBrowser();
  let output = '';
  let workbenchLog = '';
  try {
    const page = await browser.newPage({ viewport: WORKBENCH_VIEWPORT });
    /** @type {(code: number) => void} */
    let settle = () => {};
    const exited = new Promise((resolve) => { settle = resolve; });
    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ level, /** @type {unknown} */ message) => {
      const line = formatLog(message);
      if (line.startsWith(HOST_OUTPUT_TAG)) {
        output += `${line.slice(HOST_OUTPUT_TAG.length)}\n`;
        console.log(line.slice(HOST_OUTPUT_TAG.length));
      } else {
        workbenchLog += `${level} ${line}\n`;
        if (process.env.NOMAD_TEST_VERBOSE) console.log(`[workbench ${level}] ${line}`);
      }
    });
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => settle(code));
    page.on('console', (message) => { workbenchLog += `console.${message.type()} ${message.text()}\n`; });
    page.on('pageerror', (error) => { workbenchLog += `pageerror ${error.stack ?? error.message}\n`; });

    step(`running integration tests in VS Code (code-server ${server.origin})`);
    await page.goto(testPayloadUrl(server));
    const timeoutMs = options.timeoutMs ?? (Number(process.env.NOMAD_TEST_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS);
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    const result = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') console.error(`integration tests did not finish within ${timeoutMs / 1000} s`);
    const exitCode = typeof result === 'number' ? result : 1;
    const summary = parseMochaSummary(output);
    if (exitCode !== 0 || !summary.found) {
      const logFile = path.join(repoRoot, 'test-results', 'integration-workbench.log');
      fs.mkdirSync(path.dirname(logFile), { recursive: true });
      fs.writeFileSync(logFile, workbenchLog);
      step(`workbench log (for debugging the failure): ${path.relative(process.cwd(), logFile)}`);
    }
    // A run that fails before Mocha reports (e.g. the tests module does not load) still counts as a failure.
    const failed = exitCode !== 0 && summary.failed === 0 ? 1 : summary.failed;
    return { exitCode: exitCode || (summary.found ? 0 : 1), passed: summary.passed, failed, pending: summary.pending };
  } finally {
    await browser.close();
    await server.stop();
    workspace.dispose();
  }
}

module.exports = { runIntegration };

if (require.main === module) {
  const args = process.argv.slice(2);
  const build = args.includes('--no-build') ? false : args.includes('--prod') ? 'production' : 'development';
  runIntegration({ build }).then(
    (result) => {
      step(`integration: ${result.passed} passed, ${result.failed} failed`);
      process.exit(result.exitCode);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
