// @ts-check
// What activation costs: the extension activates for every JSON file (a job may
// be one), so the bundle VS Code loads then must stay small; the language client
// is a separate chunk loaded when the first job file opens. Builds the client
// bundle in production mode into a temporary folder and loads it in fresh Node
// processes with a stand-in `vscode` module, timing the require (module
// evaluation: what VS Code pays before activate() runs).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { percentile } = require('./stats');

const ROOT = path.join(__dirname, '..');
const ROUNDS = 7;

// Runs in the child: a `vscode` that answers every property, call and `new` with itself.
const LOADER = `
const Module = require('module');
const stub = new Proxy(function () {}, { get: (_t, key) => (key === 'then' ? undefined : stub), apply: () => stub, construct: () => stub });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const startedAt = performance.now();
require(process.argv[1]);
process.stdout.write(String(performance.now() - startedAt));
`;

function timeRequire(/** @type {string} */ bundle) {
  const samples = [];
  for (let i = 0; i < ROUNDS; i++) {
    samples.push(Number(execFileSync(process.execPath, ['-e', LOADER, bundle], { encoding: 'utf8' })));
  }
  return percentile(samples, 0.5);
}

async function run() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'nomad-bench-activation-'));
  try {
    execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--config-name', 'client', '--output-path', out, '--no-devtool'], { cwd: ROOT, stdio: 'ignore' });
    const bundle = path.join(out, 'client.js');
    const chunk = path.join(out, 'languageClient.js');
    const bundleKiB = fs.statSync(bundle).size / 1024;
    const chunkKiB = fs.statSync(chunk).size / 1024;
    const activation = timeRequire(bundle);
    return [
      { metric: 'activation.bundleKiB', value: Math.round(bundleKiB), unit: 'KiB' },
      { metric: 'activation.languageClientChunkKiB', value: Math.round(chunkKiB), unit: 'KiB' },
      { metric: 'activation.requireMs.p50', value: Math.round(activation * 10) / 10, unit: 'ms' },
    ];
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

module.exports = { name: 'activation (client bundle)', run };
