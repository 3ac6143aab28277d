// @ts-check
// Debian packages the test VS Code needs (Chromium to drive it, Kerberos
// headers and build tools for its native modules, ripgrep for its search).
// CI starts on a fresh machine as root, so missing ones are installed.
'use strict';
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { runLogged } = require('./process');
const { step } = require('./log');

/** Package name -> why we need it. */
const TEST_VSCODE_PACKAGES = {
  chromium: 'headless browser that runs the VS Code workbench',
  'fonts-liberation': 'fonts for readable screenshots',
  'libkrb5-dev': 'headers for the kerberos native module',
  ripgrep: 'the rg binary VS Code search uses',
  'build-essential': 'compilers for native modules',
  python3: 'node-gyp',
  'ca-certificates': 'TLS to the package registry',
};

/** @param {string} name */
function isInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** @param {string[]} names */
async function ensureDebianPackages(names = Object.keys(TEST_VSCODE_PACKAGES)) {
  if (spawnSync('dpkg-query', ['--version']).status !== 0) {
    step('not a Debian system: assuming chromium, ripgrep and build tools are present');
    return;
  }
  const missing = names.filter((name) => !isInstalled(name));
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}; run: sudo apt-get install -y ${missing.join(' ')}`);
  }
  step(`installing Debian packages: ${missing.join(' ')}`);
  // Another process may hold the dpkg lock (unattended upgrades, a parallel run): wait for it.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const logFile = path.join(os.tmpdir(), `nomad-jobs-apt-${process.pid}.log`);
  await runLogged('apt-get', [...lockWait, 'update', '-qq'], logFile, { env });
  await runLogged('apt-get', [...lockWait, 'install', '-y', '-qq', '--no-install-recommends', ...missing], logFile, { env });
}

module.exports = { ensureDebianPackages, TEST_VSCODE_PACKAGES };
