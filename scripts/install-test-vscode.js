#!/usr/bin/env node
// @ts-check
// Installs the VS Code our integration and UI tests run in, without GitHub:
// code-server (a full VS Code server and web workbench, from npm) plus the
// Debian packages around it. Idempotent: a finished install is left alone.
//
// Where: .vscode-test/ in the repository, or NOMAD_VSCODE_TEST_DIR (shared
// by several worktrees; a lock keeps concurrent installs apart).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const paths = require('./lib/paths');
const { ensureDebianPackages } = require('./lib/apt');
const { withInstallLock } = require('./lib/installLock');
const { runLogged, npmCommand } = require('./lib/process');
const { step } = require('./lib/log');

/** The ripgrep release @vscode/ripgrep 1.15.x downloads; we hand it Debian's rg instead. */
const RIPGREP_RELEASE = 'v13.0.0-10';

function npmRegistry() {
  const result = spawnSync(npmCommand(), ['config', 'get', 'registry'], { encoding: 'utf8' });
  return (result.stdout.trim() || 'https://registry.npmjs.org/').replace(/\/+$/, '');
}

/**
 * VS Code pins @vscode/proxy-agent to a GitHub commit; the registry tarball of
 * the same version has the same integrity hash, so point npm there instead.
 * @param {string} vscodeDir code-server's lib/vscode
 */
function useRegistryProxyAgent(vscodeDir) {
  const shrinkwrapPath = path.join(vscodeDir, 'npm-shrinkwrap.json');
  const shrinkwrap = JSON.parse(fs.readFileSync(shrinkwrapPath, 'utf8'));
  const entry = shrinkwrap.packages?.['node_modules/@vscode/proxy-agent'];
  if (!entry || !String(entry.resolved).startsWith('git')) return;
  entry.resolved = `${npmRegistry()}/@vscode/proxy-agent/-/proxy-agent-${entry.version}.tgz`;
  fs.writeFileSync(shrinkwrapPath, JSON.stringify(shrinkwrap, null, 2) + '\n');
}

/**
 * @vscode/ripgrep looks in $TMPDIR/vscode-ripgrep-cache-<version>/ before
 * downloading from GitHub: put Debian's rg there in the expected archive.
 * @param {string} vscodeDir code-server's lib/vscode
 * @param {string} tmpDir the TMPDIR the install scripts will see
 */
function seedRipgrepCache(vscodeDir, tmpDir) {
  const shrinkwrap = JSON.parse(fs.readFileSync(path.join(vscodeDir, 'npm-shrinkwrap.json'), 'utf8'));
  const ripgrepPackageVersion = shrinkwrap.packages?.['node_modules/@vscode/ripgrep']?.version;
  if (!ripgrepPackageVersion) throw new Error('@vscode/ripgrep not found in VS Code shrinkwrap');
  const target = process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  const cacheDir = path.join(tmpDir, `vscode-ripgrep-cache-${ripgrepPackageVersion}`);
  fs.mkdirSync(cacheDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(tmpDir, 'rg-'));
  fs.copyFileSync('/usr/bin/rg', path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  const archive = path.join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
  const tar = spawnSync('tar', ['czf', archive, '-C', staging, 'rg'], { stdio: 'inherit' });
  if (tar.status !== 0) throw new Error('could not pack /usr/bin/rg');
}

/** Starts the installed code-server once to prove it loads (native modules included). */
function checkStarts() {
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-server-check-'));
  try {
    const result = spawnSync(process.execPath, [paths.codeServerEntry(), '--version', '--config', path.join(configDir, 'config.yaml')], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CONFIG_HOME: configDir, XDG_DATA_HOME: configDir },
    });
    if (result.status !== 0 || !result.stdout.includes(paths.CODE_SERVER_VERSION)) {
      throw new Error(`installed code-server does not start:\n${result.stdout}${result.stderr}`);
    }
    // The first line may be a log line about the config file; the version line starts with digits.
    return result.stdout.split('\n').find((line) => /^\d+\.\d+\.\d+ /.test(line)) ?? paths.CODE_SERVER_VERSION;
  } finally {
    fs.rmSync(configDir, { recursive: true, force: true });
  }
}

async function installCodeServer() {
  const home = paths.codeServerHome();
  fs.rmSync(home, { recursive: true, force: true });
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(path.join(home, 'package.json'), JSON.stringify({ private: true, description: 'test VS Code for nomad-jobs' }) + '\n');
  const npm = npmCommand();
  const quiet = ['--no-audit', '--no-fund'];
  const logFile = path.join(paths.testVscodeDir(), 'install.log');
  fs.rmSync(logFile, { force: true });

  step(`npm install code-server@${paths.CODE_SERVER_VERSION} (scripts off) into ${home}`);
  await runLogged(npm, ['install', '--ignore-scripts', '--save-exact', ...quiet, `code-server@${paths.CODE_SERVER_VERSION}`], logFile, { cwd: home });

  const vscodeDir = path.join(home, 'node_modules', 'code-server', 'lib', 'vscode');
  const tmpDir = path.join(home, 'tmp');
  useRegistryProxyAgent(vscodeDir);
  seedRipgrepCache(vscodeDir, tmpDir);

  step('running install scripts: VS Code dependencies and native modules (about a minute)');
  await runLogged(npm, ['rebuild', '--foreground-scripts', ...quiet], logFile, {
    cwd: home,
    env: {
      ...process.env,
      TMPDIR: tmpDir,
      // code-server's postinstall refuses root without it; CI runs as root.
      npm_config_unsafe_perm: 'true',
      // Compile native modules against the local Node headers instead of downloading them.
      npm_config_nodedir: process.env.npm_config_nodedir || '/usr',
      // VS Code's own install must not be blocked by npm 11's script policy.
      npm_config_ignore_scripts: 'false',
    },
  });
  fs.rmSync(tmpDir, { recursive: true, force: true });
}

/** Makes sure the test VS Code is installed; returns the code-server entry script. */
async function ensureTestVscode() {
  await ensureDebianPackages();
  if (fs.existsSync(paths.installedMarker())) return paths.codeServerEntry();
  await withInstallLock(path.join(paths.testVscodeDir(), '.install-lock'), async () => {
    if (fs.existsSync(paths.installedMarker())) return; // another process finished it while we waited
    const started = Date.now();
    await installCodeServer();
    const version = checkStarts();
    fs.writeFileSync(paths.installedMarker(), `${version}\n`);
    step(`test VS Code installed (code-server ${version}) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });
  return paths.codeServerEntry();
}

module.exports = { ensureTestVscode };

if (require.main === module) {
  ensureTestVscode().then(
    (entry) => step(`test VS Code ready: ${entry}`),
    (error) => {
      console.error(`install-test-vscode: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
