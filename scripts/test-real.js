#!/usr/bin/env node
// @ts-check
// `npm run test:real`: every test layer against a real Nomad agent. Starts
// `nomad agent -dev` (NOMAD_BIN, else `nomad` on PATH) on free loopback ports,
// runs `npm test`'s layers with NOMAD_TEST_ADDR pointing at it (tests take
// their target from test/support/nomad/target.ts; those that need the fake's
// powers skip), and stops the agent, also on Ctrl+C. Exits non-zero when a
// test failed or when there is no binary (saying how to get one).
'use strict';
const path = require('path');
const { spawn } = require('child_process');
const { repoRoot } = require('./lib/paths');
const { findNomad, nomadVersion, startDevAgent } = require('./lib/nomadAgent');
const { step } = require('./lib/log');

const NO_BINARY = `npm run test:real needs a Nomad binary, and found none${process.env.NOMAD_BIN ? ` at NOMAD_BIN=${process.env.NOMAD_BIN}` : ' on PATH (nor NOMAD_BIN)'}.
Get one:
  - HashiCorp's packages (apt/yum repositories) or release archives: https://developer.hashicorp.com/nomad/install
  - or build it from the hashicorp/nomad sources with Go (go build -o nomad .)
then run:  NOMAD_BIN=/path/to/nomad npm run test:real   (or put nomad on PATH)
Without an agent, npm test runs every layer against the in-process fake Nomad.`;

/** @param {Record<string, string>} env @returns {Promise<number>} */
function runAllLayers(env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'test.js')], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

async function main() {
  const binary = findNomad();
  if (!binary) {
    console.error(NO_BINARY);
    return 2;
  }
  step(`starting a dev agent: ${binary} (${nomadVersion(binary)})`);
  const agent = await startDevAgent(binary);
  step(`agent ready at ${agent.address} (log: ${path.relative(process.cwd(), agent.logFile)}); running every layer against it`);
  let stopping = false;
  const stopOnSignal = (/** @type {NodeJS.Signals} */ signal) => {
    if (stopping) return;
    stopping = true;
    step(`${signal}: stopping the agent`);
    agent.stop().finally(() => process.exit(130));
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);
  const code = await runAllLayers({ NOMAD_TEST_ADDR: agent.address });
  if (stopping) return code;
  stopping = true;
  step('stopping the agent');
  await agent.stop();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
