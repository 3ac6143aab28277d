// @ts-check
// Authoring on the 5,000-line bench job (jobspecGenerator.js): completion at eleven
// typical cursor positions while typing (target: p95 <= 10 ms per request), and
// whole-document formatting from the cached syntax tree, of the canonical job and
// of the same job with indentation and alignment lost (target: p95 <= 50 ms).
// Baseline for both: JSON.parse of the same job as API JSON, the least any
// request on this document could cost. Uses the compiled code in out/.
//
//   npm run bench authoring            (or: node bench/authoring.bench.js after tsc)
'use strict';
const path = require('path');
const { generateJob } = require('./jobspecGenerator');
const { percentile, timeMs } = require('./stats');

const OUT = path.join(__dirname, '..', 'out', 'server', 'src');
const LINES = 5000;
/** The first runs compile and optimise the code; an editor session is past them after a few requests. */
const WARMUP = 3;
const COMPLETION_ROUNDS = 20;
const FORMAT_ROUNDS = 15;

/**
 * Eleven cursor positions: a pattern for a line of the job, a partial line typed after it
 * (the cursor at `|`, or at its end), and which match to use (one in the middle of the file).
 */
const POSITIONS = [
  ['top level', /^job "bench" \{$/, 'before', 'va'],
  ['job body', /^ {2}priority {4}= 50$/, 'after', '  na'],
  ['group body', /^ {4}count = \d$/, 'after', '    ne'],
  ['task body (broken)', /^ {6}driver = "docker"$/, 'after', '      kill_'],
  ['enum value', /^ {6}mode {5}= "delay"$/, 'after', '      mode = "f|"'],
  ['driver name', /^ {4}task "task-1" \{$/, 'after', '      driver = "d|"'],
  ['docker config key', /^ {8}ports = \["http"\]$/, 'after', '        ima'],
  ['runtime variable', /^ {8}TASK {2}= "task-\d"$/, 'after', '        ADDR = "${NOMAD_|}"'],
  ['constraint operator', /^ {6}value {5}= "linux"$/, 'after', '      operator = "|"'],
  ['var./local. reference', /^ {8}memory = 256$/, 'after', '        memory_max = var.|'],
  ['cluster datacenter', /^ {2}priority {4}= 50$/, 'after', '  datacenters = ["dc1", "|"]'],
];

/** The job with one partly typed line inserted, and the cursor offset in it. */
function withTyping(/** @type {string} */ job, /** @type {(string | RegExp)[]} */ [, pattern, where, typed]) {
  const lines = job.split('\n');
  const matches = lines.flatMap((line, i) => (/** @type {RegExp} */ (pattern).test(line) ? [i] : []));
  const line = matches[Math.floor(matches.length / 2)];
  if (line === undefined) throw new Error(`no line of the bench job matches ${pattern}`);
  const at = where === 'after' ? line + 1 : line;
  const text = /** @type {string} */ (typed);
  const caret = text.includes('|') ? text.indexOf('|') : text.length;
  lines.splice(at, 0, text.replace('|', ''));
  return { text: lines.join('\n'), offset: lines.slice(0, at).join('\n').length + 1 + caret };
}

/** The same job as someone might have typed it: every other line unindented, `=` unaligned. */
function messy(/** @type {string} */ job) {
  return job
    .split('\n')
    .map((line, i) => (i % 2 ? line.trimStart() : line).replace(/(\S)\s+= /, '$1 = '))
    .join('\n');
}

async function run() {
  const { createLanguageService } = require(path.join(OUT, 'languageService.js'));
  const { completeHcl } = require(path.join(OUT, 'services', 'completion', 'hclCompletion.js'));
  const { computeFormatEdits } = require(path.join(OUT, 'services', 'format', 'formatter.js'));
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const job = generateJob(LINES);
  const service = await createLanguageService();
  // A connected cluster's names, as the client would have sent them.
  const facts = { cluster: 'bench', datacenters: ['dc1', 'dc2'], nodePools: ['all', 'default'], nodeClasses: ['large'], namespaces: ['default'] };
  const sources = { model: service.schema, clusterFacts: () => facts };

  const baseline = [];
  for (let i = 0; i < WARMUP + COMPLETION_ROUNDS; i++) {
    const ms = timeMs(() => JSON.parse(job.apiJson));
    if (i >= WARMUP) baseline.push(ms);
  }

  const completion = [];
  for (const position of POSITIONS) {
    const { text, offset } = withTyping(job.hcl, position);
    const document = TextDocument.create('file:///bench/job.nomad.hcl', 'nomad', 1, text);
    let items = 0;
    for (let i = 0; i < WARMUP + COMPLETION_ROUNDS; i++) {
      const ms = timeMs(() => (items = completeHcl(document, offset, sources).length));
      if (i >= WARMUP) completion.push(ms);
    }
    if (items === 0) throw new Error(`no completion items at "${position[0]}"`);
  }

  /** @type {Record<string, number[]>} */
  const format = { canonical: [], messy: [] };
  let messyEdits = 0;
  for (const [name, text] of /** @type {[string, string][]} */ ([['canonical', job.hcl], ['messy', messy(job.hcl)]])) {
    const document = TextDocument.create(`file:///bench/${name}.nomad.hcl`, 'nomad', 1, text);
    const parsed = service.parseJobDocument(document);
    const root = parsed.syntaxRoot();
    let edits = 0;
    for (let i = 0; i < WARMUP + FORMAT_ROUNDS; i++) {
      const ms = timeMs(() => (edits = computeFormatEdits(text, root).length));
      if (i >= WARMUP) format[name].push(ms);
    }
    if (name === 'canonical' && edits !== 0) throw new Error(`the generated job is not in canonical layout (${edits} edits)`);
    if (name === 'messy') messyEdits = edits;
    parsed.dispose();
  }

  const base = 'authoring.baseline.apiJson.parse';
  return [
    { metric: 'authoring.job.lines', value: job.lines, unit: 'lines' },
    { metric: `${base}.p50`, value: percentile(baseline, 0.5), unit: 'ms' },
    { metric: 'authoring.completion.requests', value: completion.length, unit: 'count' },
    { metric: 'authoring.completion.p50', value: percentile(completion, 0.5), unit: 'ms', baseline: `${base}.p50` },
    { metric: 'authoring.completion.p95', value: percentile(completion, 0.95), unit: 'ms', baseline: `${base}.p50`, target: 10 },
    { metric: 'authoring.format.canonical.p50', value: percentile(format.canonical, 0.5), unit: 'ms', baseline: `${base}.p50` },
    { metric: 'authoring.format.canonical.p95', value: percentile(format.canonical, 0.95), unit: 'ms', target: 50 },
    { metric: 'authoring.format.messy.p50', value: percentile(format.messy, 0.5), unit: 'ms', baseline: `${base}.p50` },
    { metric: 'authoring.format.messy.p95', value: percentile(format.messy, 0.95), unit: 'ms', target: 50 },
    { metric: 'authoring.format.messy.edits', value: messyEdits, unit: 'count' },
  ];
}

module.exports = { name: 'authoring (completion, formatting)', run };

if (require.main === module) {
  run().then(
    (metrics) => console.table(metrics),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
