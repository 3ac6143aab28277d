#!/usr/bin/env node
// @ts-check
'use strict';
// Regenerates common/schema/ from a git mirror of hashicorp/nomad (read as text only).
//
//   node scripts/schema/generate.js --git-dir /path/to/nomad.git [--tag v2.0.5] [--strict]
//
// --tag defaults to the newest release tag; history (x-since) starts at v1.0.18.
// --strict turns warnings (missing descriptions, stale overlay entries) into a failing exit code.

const fs = require('node:fs');
const path = require('node:path');
const { GitTree, compareVersions } = require('./lib/gitTree');
const { loadApiTypes, buildHistory } = require('./lib/history');
const { buildDefinitions } = require('./lib/jobSchema');
const { loadOverlay } = require('./lib/overlay');
const { buildDriverSchemas } = require('./lib/driverSchema');
const { buildHclFile } = require('./lib/hclFile');
const { countSchema } = require('./lib/stats');

const BASELINE_TAG = 'v1.0.18';
const ROOT = path.resolve(__dirname, '..', '..');
const DATA_DIR = path.join(ROOT, 'common', 'schema');
const OVERLAY_DIR = path.join(__dirname, 'overlay');

function parseArgs(argv) {
  const args = { gitDir: '', tag: '', strict: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--git-dir') args.gitDir = argv[++i];
    else if (argv[i] === '--tag') args.tag = argv[++i];
    else if (argv[i] === '--strict') args.strict = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!args.gitDir) throw new Error('--git-dir <path to a hashicorp/nomad git directory> is required');
  return args;
}

function writeJson(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
}

/**
 * API field names that hold a duration (integer nanoseconds) in every struct that has them; a name
 * that is a duration in one struct and a plain number in another (`Min`, `Max`) is left out.
 * @param {Record<string, { properties?: Record<string, Record<string, unknown>> }>} definitions
 * @returns {string[]}
 */
function durationFieldNames(definitions) {
  const durations = new Set();
  const others = new Set();
  for (const definition of Object.values(definitions)) {
    for (const [api, property] of Object.entries(definition.properties ?? {})) (property['x-duration'] ? durations : others).add(api);
  }
  return [...durations].filter((name) => !others.has(name)).sort();
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const tree = new GitTree(args.gitDir);
  const releases = tree.releaseTags();
  const pinTag = args.tag || releases[releases.length - 1];
  if (!releases.includes(pinTag)) throw new Error(`${pinTag} is not a release tag of ${args.gitDir}`);
  const tags = releases.filter((t) => compareVersions(t, BASELINE_TAG) >= 0 && compareVersions(t, pinTag) <= 0);
  const pin = { tag: pinTag, version: pinTag.replace(/^v/, ''), commit: tree.commitOf(pinTag) };

  /** @type {string[]} */
  const warnings = [];
  const warn = (msg) => warnings.push(msg);

  const pinTypes = loadApiTypes(tree, pinTag);
  const history = buildHistory(tree, tags, pinTypes);
  const definitions = buildDefinitions({ types: pinTypes, history, overlay: loadOverlay(OVERLAY_DIR), warn });
  const provenance = {
    'x-nomadVersion': pin.version,
    'x-nomadTag': pin.tag,
    'x-nomadCommit': pin.commit,
    'x-historyFrom': BASELINE_TAG,
    'x-generatedBy': 'scripts/schema/generate.js',
  };
  const jobSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://nomad-jobs.local/schema/job.schema.json',
    title: 'Nomad job (API JSON)',
    description: 'A Nomad job as the HTTP API reads and writes it: the value of "Job" in a register request. '
      + 'Each definition is one struct of the Nomad api package; x-hcl annotations say how a field is written in a jobspec.',
    ...provenance,
    type: 'object',
    allOf: [{ $ref: '#/definitions/Job' }],
    definitions,
  };
  writeJson(path.join(DATA_DIR, 'job.schema.json'), jobSchema);
  // The client's readable views need only these names, not the whole schema (kept out of the activation bundle).
  writeJson(path.join(DATA_DIR, 'duration-fields.json'), durationFieldNames(definitions));

  const drivers = buildDriverSchemas({ tree, tags, pin, overlayDir: path.join(OVERLAY_DIR, 'drivers'), provenance, warn });
  for (const [name, schema] of Object.entries(drivers)) {
    writeJson(path.join(DATA_DIR, 'drivers', `${name}.schema.json`), schema);
  }

  writeJson(path.join(DATA_DIR, 'hcl-file.json'), buildHclFile({ tree, pin, overlayDir: OVERLAY_DIR, provenance, warn }));

  const stats = countSchema(jobSchema);
  console.log(`pinned ${pin.tag} (${pin.commit}); history over ${tags.length} release tags from ${BASELINE_TAG}`);
  console.log(JSON.stringify(stats, null, 2));
  for (const w of warnings) console.warn(`warning: ${w}`);
  if (args.strict && warnings.length > 0) process.exitCode = 1;
}

main();
