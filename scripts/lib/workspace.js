// @ts-check
// A scratch copy of examples/ for a test workbench to open, so tests may add
// or change files without touching the repository.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { repoRoot } = require('./paths');

/** @returns {{ folder: string, dispose: () => void }} */
function makeExamplesWorkspace() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nomad-workspace-'));
  const folder = path.join(root, 'examples');
  fs.cpSync(path.join(repoRoot, 'examples'), folder, { recursive: true });
  return { folder, dispose: () => fs.rmSync(root, { recursive: true, force: true }) };
}

module.exports = { makeExamplesWorkspace };
