#!/usr/bin/env node
// @ts-check
// `npm run package`: the release .vsix. vsce runs `vscode:prepublish` (the
// production webpack build) first; .vscodeignore decides what goes in.
//
//   node scripts/package.js [--out file.vsix]
'use strict';
const fs = require('fs');
const path = require('path');
const { repoRoot } = require('./lib/paths');
const { runAndCapture } = require('./lib/process');
const { step } = require('./lib/log');

function defaultVsixPath() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  return path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
}

/**
 * Builds and packages the extension.
 * @param {{ out?: string }} [options]
 * @returns {Promise<{ vsix: string, bytes: number, files: number }>}
 */
async function packageExtension(options = {}) {
  const vsix = path.resolve(options.out ?? defaultVsixPath());
  const vsce = require.resolve('@vscode/vsce/vsce', { paths: [repoRoot] });
  step(`vsce package (production build first) -> ${path.relative(process.cwd(), vsix)}`);
  const result = await runAndCapture(
    process.execPath,
    // --no-dependencies: webpack bundles every runtime dependency into dist/.
    // --allow-missing-repository: the manifest has no public repository yet; without it vsce stops to ask.
    // --no-rewrite-relative-links: with no repository to point at, README images stay relative
    // (the screenshots are not shipped; VS Code's extension page shows them once a repository is set).
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix],
    { cwd: repoRoot },
  );
  if (result.code !== 0) throw new Error(`vsce package failed (exit ${result.code})`);
  const files = Number(/\((\d+) files?,/.exec(result.output)?.[1] ?? NaN);
  return { vsix, bytes: fs.statSync(vsix).size, files };
}

module.exports = { packageExtension };

if (require.main === module) {
  const outIndex = process.argv.indexOf('--out');
  packageExtension({ out: outIndex > 0 ? process.argv[outIndex + 1] : undefined }).then(
    ({ vsix, bytes, files }) => step(`${path.basename(vsix)}: ${(bytes / 1024).toFixed(0)} KiB, ${files} files`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
