// @ts-check
// Starts and stops the test VS Code (code-server) on a loopback port, with a
// profile of its own so runs never touch the user's VS Code or each other.
//
// Environment for the extension under test: code-server's extension host is a
// child of the code-server process and inherits its environment. The runners
// build it with testEnvironment() (scripts/lib/testEnv.js: no NOMAD_* from the
// developer's shell, a default address where nothing listens) and accept extra variables, e.g.
// runIntegration({ env: { NOMAD_ADDR: 'http://127.0.0.1:<fake port>' } }) or
// the UI session's `env`, which then appear in `process.env` inside the
// extension. A test running in the extension host may also set process.env
// itself before the code it tests reads it.
'use strict';
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const paths = require('./lib/paths');

/** Settings every test profile starts with: no welcome page, tips, telemetry or update checks. */
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

/** @returns {Promise<number>} a port nothing listens on right now */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** @param {string} url @returns {Promise<boolean>} */
function answersOk(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/**
 * Flags that keep code-server's own files (config, data) inside `stateDir`.
 * @param {string} stateDir
 */
function isolatedRuntime(stateDir) {
  const configFile = path.join(stateDir, 'config.yaml');
  // Without a config file of its own, code-server writes one into the user's home.
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  return {
    args: ['--config', configFile],
    env: { XDG_CONFIG_HOME: stateDir, XDG_DATA_HOME: stateDir },
  };
}

/**
 * Installs a packaged extension into an extensions folder.
 * @param {string} vsixPath
 * @param {string} extensionsDir
 */
function installVsix(vsixPath, extensionsDir) {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nomad-code-server-install-'));
  try {
    const runtime = isolatedRuntime(stateDir);
    const result = spawnSync(
      process.execPath,
      [paths.codeServerEntry(), ...runtime.args, '--extensions-dir', extensionsDir, '--install-extension', vsixPath, '--force'],
      { encoding: 'utf8', env: { ...process.env, ...runtime.env } },
    );
    if (result.status !== 0 || !/was successfully installed/.test(result.stdout)) {
      throw new Error(`could not install ${vsixPath}:\n${result.stdout}${result.stderr}`);
    }
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

/**
 * @typedef {object} CodeServerOptions
 * @property {string} [folder] workspace folder to open
 * @property {number} [port] fixed port (default: a free one)
 * @property {Record<string, unknown>} [settings] user settings on top of BASE_SETTINGS (written when the profile has none yet)
 * @property {Record<string, string | undefined>} [env] code-server's whole environment (default process.env); the extension host inherits it
 * @property {string} [userDataDir] keep the profile here (default: a temporary folder, removed on stop)
 * @property {string} [extensionsDir] installed extensions (default: an empty temporary folder)
 * @property {boolean} [showOutput] print code-server's output instead of keeping it in its log file
 *
 * @typedef {object} CodeServer
 * @property {number} port
 * @property {string} origin e.g. http://127.0.0.1:41234 (the authority the browser must use)
 * @property {string} logFile code-server's output
 * @property {(query?: Record<string, string>) => string} workbenchUrl the workbench, with the folder open
 * @property {() => Promise<void>} stop ends code-server and every process it started
 */

/**
 * Starts code-server and resolves once /healthz answers.
 * @param {CodeServerOptions} [options]
 * @returns {Promise<CodeServer>}
 */
async function startCodeServer(options = {}) {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nomad-code-server-'));
  const userDataDir = options.userDataDir ?? path.join(stateDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(stateDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  // A kept profile (npm start) keeps the settings its user changed.
  if (!fs.existsSync(settingsFile)) fs.writeFileSync(settingsFile, JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 2));

  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const logFile = path.join(stateDir, 'code-server.log');
  const runtime = isolatedRuntime(stateDir);
  const args = [
    paths.codeServerEntry(),
    ...runtime.args,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.folder ? [options.folder] : []),
  ];
  const output = options.showOutput ? 'inherit' : fs.openSync(logFile, 'w');
  // detached: code-server leads a process group of its own (setsid), so stop()
  // reaches the extension host and language servers it starts, too.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', output, output],
    env: { ...(options.env ?? process.env), ...runtime.env },
  });
  if (typeof output === 'number') fs.closeSync(output);
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.on('exit', () => { exited = true; resolve(undefined); }));
  const killGroup = (/** @type {NodeJS.Signals} */ signal) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // If the runner dies without calling stop(), take code-server with it.
  const onRunnerExit = () => killGroup('SIGKILL');
  process.on('exit', onRunnerExit);

  const stop = async () => {
    process.off('exit', onRunnerExit);
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
    await exitedPromise;
    clearTimeout(timer);
    killGroup('SIGKILL'); // children that outlived their parent
    if (!options.showOutput && process.env.NOMAD_KEEP_CODE_SERVER_LOG) {
      console.log(`code-server log kept: ${logFile}`);
      return;
    }
    fs.rmSync(stateDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (!(await answersOk(`${origin}/healthz`))) {
    if (exited || Date.now() > deadline) {
      const log = options.showOutput ? '' : fs.readFileSync(logFile, 'utf8');
      await stop();
      throw new Error(`code-server did not start on ${origin}${exited ? ' (it exited)' : ''}\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const workbenchUrl = (/** @type {Record<string, string>} */ query = {}) => {
    const search = new URLSearchParams({ ...(options.folder ? { folder: options.folder } : {}), ...query });
    return `${origin}/?${search}`;
  };
  return { port, origin, logFile, workbenchUrl, stop };
}

module.exports = { startCodeServer, installVsix, freePort };
