// @ts-check
// A throwaway `nomad agent -dev` for `npm run test:real`: on loopback ports
// nobody else uses (never the default 4646, so a developer's own agent is left
// alone), its data in a temporary folder removed afterwards, its log kept in
// test-results/nomad-agent.log for reading a failure.
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { freePort } = require('../code-server');
const { repoRoot } = require('./paths');

/** How long a dev agent may take to elect itself and register its node. */
const READY_TIMEOUT_MS = 90_000;

/**
 * The binary to use: NOMAD_BIN, else `nomad` on PATH; undefined when neither.
 * @returns {string | undefined}
 */
function findNomad() {
  if (process.env.NOMAD_BIN) return fs.existsSync(process.env.NOMAD_BIN) ? path.resolve(process.env.NOMAD_BIN) : undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir || '.', 'nomad');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** @param {string} binary @returns {string} e.g. "Nomad v1.0.18 (...)" */
function nomadVersion(binary) {
  const result = spawnSync(binary, ['version'], { encoding: 'utf8' });
  return (result.stdout || result.stderr || '').split('\n')[0].trim();
}

/** Three distinct free loopback ports (http, rpc, serf). */
async function threePorts() {
  /** @type {Set<number>} */
  const ports = new Set();
  while (ports.size < 3) ports.add(await freePort());
  return [...ports];
}

/** @param {string} url @returns {Promise<{ status: number, body: string }>} */
function get(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2_000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve({ status: 0, body: '' }));
  });
}

/**
 * Ready means what the tests need: the HTTP API answers and the agent's own
 * client node is registered and ready to take allocations.
 * @param {string} address
 */
async function isReady(address) {
  const nodes = await get(`${address}/v1/nodes`);
  if (nodes.status !== 200) return false;
  try {
    return JSON.parse(nodes.body).some((/** @type {{ Status?: string }} */ node) => node.Status === 'ready');
  } catch {
    return false;
  }
}

/**
 * @typedef {object} DevAgent
 * @property {string} address
 * @property {string} logFile
 * @property {() => Promise<void>} stop
 */

/**
 * Starts `nomad agent -dev` and resolves once it is ready.
 * @param {string} binary
 * @returns {Promise<DevAgent>}
 */
async function startDevAgent(binary) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nomad-test-agent-'));
  const [httpPort, rpcPort, serfPort] = await threePorts();
  const config = path.join(dir, 'agent.hcl');
  fs.writeFileSync(config, `ports {\n  http = ${httpPort}\n  rpc  = ${rpcPort}\n  serf = ${serfPort}\n}\n`);
  const logFile = path.join(repoRoot, 'test-results', 'nomad-agent.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const child = spawn(binary, ['agent', '-dev', '-bind=127.0.0.1', `-config=${config}`, `-data-dir=${path.join(dir, 'data')}`], {
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => child.once('exit', () => resolve()));
  let running = true;
  exited.then(() => { running = false; });
  const address = `http://127.0.0.1:${httpPort}`;

  const stop = async () => {
    if (running) {
      // SIGINT is how the agent is told to leave and shut down cleanly; SIGKILL if it does not.
      child.kill('SIGINT');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await isReady(address))) {
    if (!running || Date.now() > deadline) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      await stop();
      throw new Error(`${running ? `the agent was not ready within ${READY_TIMEOUT_MS / 1000} s` : 'the agent exited'}; its log ended:\n${tail}`);
    }
    // Poll until ready: the agent offers nothing to wait on before its API is up.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { address, logFile, stop };
}

module.exports = { findNomad, nomadVersion, startDevAgent };
