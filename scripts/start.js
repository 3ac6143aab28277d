#!/usr/bin/env node
// @ts-check
// `npm start`: try the extension in a real VS Code in your browser.
// Installs what is missing (npm packages, the test VS Code, a development
// build), installs the extension into a VS Code profile of its own
// (.nomad-dev/: copies of the manifest, links to dist/ and the assets, so the
// clone stays as git has it), and serves VS Code at http://127.0.0.1:8080
// with examples/ open.
//
// Your NOMAD_* variables (NOMAD_ADDR, default http://127.0.0.1:4646,
// NOMAD_TOKEN, NOMAD_NAMESPACE, TLS settings, ...) reach the extension as is.
// After changing code: `npm run build:dev` (or `npm run watch`), then
// "Developer: Reload Window" in the browser. Ctrl+C stops everything.
//
//   node scripts/start.js [--port 8080]
'use strict';
const fs = require('fs');
const path = require('path');
const { repoRoot } = require('./lib/paths');
const { ensureTestVscode } = require('./install-test-vscode');
const { startCodeServer } = require('./code-server');
const { buildExtension } = require('./lib/build');
const { run, npmCommand } = require('./lib/process');
const { step } = require('./lib/log');

const DEFAULT_PORT = 8080;
// NOMAD_DEV_PROFILE: another profile folder (the test of `npm start` uses a scratch one).
const devProfile = path.resolve(process.env.NOMAD_DEV_PROFILE || path.join(repoRoot, '.nomad-dev'));

/** Newest modification time under `dir` (0 when missing). */
function newestMtime(/** @type {string} */ dir) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than the sources it is built from. */
function buildIsStale() {
  const bundle = path.join(repoRoot, 'dist', 'client.js');
  if (!fs.existsSync(bundle)) return true;
  const sources = Math.max(newestMtime(path.join(repoRoot, 'client')), newestMtime(path.join(repoRoot, 'server')));
  return sources > fs.statSync(bundle).mtimeMs;
}

/** What the extension reads at run time: linked, so a rebuild plus a window reload picks up changes. */
const LINKED = ['dist', 'media', 'syntaxes', 'snippets'];
/** Copied: VS Code rewrites an installed extension's package.json (indentation, a `__metadata` field). */
const COPIED = ['package.json', 'README.md', 'LICENSE'];

/**
 * Installs the extension into the profile as a folder of its own: copies of the files VS Code may
 * write to, links to the build output and assets. Linking the whole clone instead let VS Code
 * rewrite the tracked package.json, which left `git status` dirty.
 * @returns {string} the extensions directory
 */
function stageExtension() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const extensionsDir = path.join(devProfile, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  for (const entry of fs.readdirSync(extensionsDir)) {
    // Earlier installs (any version) and VS Code's cached list, which it rebuilds by scanning.
    if (entry.startsWith(`${id}-`) || entry === 'extensions.json') fs.rmSync(path.join(extensionsDir, entry), { recursive: true, force: true });
  }
  const installed = path.join(extensionsDir, `${id}-${manifest.version}`);
  fs.mkdirSync(installed);
  for (const file of COPIED) fs.copyFileSync(path.join(repoRoot, file), path.join(installed, file));
  for (const folder of LINKED) fs.symlinkSync(path.join(repoRoot, folder), path.join(installed, folder), 'dir');
  return extensionsDir;
}

function portFromArgs() {
  const index = process.argv.indexOf('--port');
  return index > 0 ? Number(process.argv[index + 1]) : Number(process.env.NOMAD_START_PORT) || DEFAULT_PORT;
}

async function main() {
  if (!fs.existsSync(path.join(repoRoot, 'node_modules', '.package-lock.json'))) {
    step('installing npm packages (npm ci)');
    await run(npmCommand(), ['ci'], { cwd: repoRoot });
  }
  await ensureTestVscode();
  if (buildIsStale()) await buildExtension('development');

  const port = portFromArgs();
  const server = await startCodeServer({
    port,
    folder: path.join(repoRoot, 'examples'),
    userDataDir: path.join(devProfile, 'user-data'),
    extensionsDir: stageExtension(),
    env: { ...process.env, NOMAD_ADDR: process.env.NOMAD_ADDR || 'http://127.0.0.1:4646' },
  }).catch((error) => {
    throw new Error(`${error.message}\nIs port ${port} taken? Try: npm start -- --port 8081`);
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    step('stopping VS Code');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  step(`VS Code with Nomad Jobs: ${server.origin}  (log: ${server.logFile})`);
  step(`NOMAD_ADDR=${process.env.NOMAD_ADDR || 'http://127.0.0.1:4646'}; press Ctrl+C to stop`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
