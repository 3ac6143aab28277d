// @ts-check
// Language server on a 5,000-line job: full parse + validation (also of a
// variant with function calls, which needs the tree-sitter parse), re-validation
// after one-character edits (what typing costs), and the same job as API JSON
// through JSON.parse + ajv as the baseline, all in one run. Both opening timings
// also have a peer measured in the same run: HashiCorp's HCL parser (wasm) on the
// same text (hcl2jsonPeer.js), shown as a ratio. Memory with 20
// such documents open is measured in a child process (languageServer.memory.js).
// Uses the compiled code in out/ (scripts/bench.js runs tsc first).
'use strict';
const path = require('path');
const { execFileSync } = require('child_process');
const { generateJob } = require('./jobspecGenerator');
const { percentile, timeMs } = require('./stats');
const { seededRandom } = require('../out/test/support/random');
const { timeHcl2json } = require('./hcl2jsonPeer');

const OUT = path.join(__dirname, '..', 'out', 'server', 'src');
const LINES = 5000;
const WARMUP = 5;
const ROUNDS = 40;
const EDITS = 80;

async function run() {
  const { createLanguageService } = require(path.join(OUT, 'languageService.js'));
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const Ajv = require('ajv').default;
  const job = generateJob(LINES);
  const service = await createLanguageService();
  const settings = { schemaVersion: 'auto' };

  // Baseline: the API JSON of the same job, parsed and validated against the same schema by ajv.
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validateJob = ajv.compile({ ...service.schema.documents.job, $ref: '#/definitions/Job' });
  const baseline = [];
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const ms = timeMs(() => {
      const parsed = JSON.parse(job.apiJson);
      if (!validateJob(parsed.Job)) throw new Error(`baseline job invalid: ${ajv.errorsText(validateJob.errors)}`);
    });
    if (i >= WARMUP) baseline.push(ms);
  }

  // Full parse + validation of the HCL jobspec, as when a document is opened. Freeing the
  // syntax tree is not part of opening (the server frees a tree when its document closes
  // or is parsed anew); it happens here between rounds, outside the timing.
  const timeOpening = (/** @type {string} */ name, /** @type {string} */ text) => {
    const samples = [];
    for (let i = 0; i < WARMUP + ROUNDS; i++) {
      const document = TextDocument.create(`file:///bench/${name}.nomad.hcl`, 'nomad', 1, text);
      let parsed;
      let diagnostics = 0;
      const ms = timeMs(() => {
        parsed = service.parseJobDocument(document);
        diagnostics = service.doValidation(document, parsed, settings).length;
      });
      parsed.dispose();
      if (diagnostics !== 0) throw new Error(`the generated ${name} job has ${diagnostics} diagnostics`);
      if (i >= WARMUP) samples.push(ms);
    }
    return samples;
  };
  const full = timeOpening('plain', job.hcl);
  // The same with a function call in every group (`count = max(1, 1)`): not plain, so opening it
  // takes a tree-sitter parse (what any file with expressions beyond `var.x` and `"${...}"` costs).
  const withCallsText = job.hcl.replace(/count = (\d+)/g, 'count = max($1, 1)');
  const fullWithCalls = timeOpening('calls', withCallsText);
  const semantic = semanticShare(service, job.hcl, settings);
  const peer = await timeHcl2json('plain', job.hcl, WARMUP, ROUNDS);
  const peerWithCalls = await timeHcl2json('calls', withCallsText, WARMUP, ROUNDS);

  // One-character edits at random places (digits of numbers and letters of strings), each re-parsed
  // from the previous version and re-validated: the work the server does per keystroke.
  const random = seededRandom(42);
  const editable = [...job.hcl.matchAll(/= (\d+)$|"([a-z]+)"/gm)].map((m) => (m.index ?? 0) + m[0].length - 2);
  let document = TextDocument.create('file:///bench/job.nomad.hcl', 'nomad', 1, job.hcl);
  let previous = service.parseJobDocument(document);
  // Opening reads a plain file without a syntax tree; the server builds it once idle, after publishing
  // diagnostics (DocumentValidator), so that edits re-parse incrementally. Do the same, outside the timing.
  previous.syntaxRoot();
  const edit = [];
  for (let i = 0; i < WARMUP + EDITS; i++) {
    const offset = editable[Math.floor(random() * editable.length)];
    const text = document.getText();
    const replacement = /\d/.test(text[offset]) ? String((Number(text[offset]) + 1) % 10) : text[offset] === 'a' ? 'b' : 'a';
    document = TextDocument.update(document, [{ range: { start: document.positionAt(offset), end: document.positionAt(offset + 1) }, text: replacement }], document.version + 1);
    let parsed;
    const ms = timeMs(() => {
      parsed = service.parseJobDocument(document, previous);
      service.doValidation(document, parsed, settings);
    });
    previous.dispose();
    previous = parsed;
    if (i >= WARMUP) edit.push(ms);
  }

  const memory = JSON.parse(execFileSync(process.execPath, ['--expose-gc', path.join(__dirname, 'languageServer.memory.js'), String(LINES), '20'], { encoding: 'utf8' }));
  const base = 'ls.baseline.apiJson.ajv';
  const hcl2json = 'ls.peer.hcl2json';
  return [
    { metric: 'ls.job.lines', value: job.lines, unit: 'lines' },
    { metric: 'ls.job.tasks', value: job.tasks, unit: 'tasks' },
    { metric: `${base}.min`, value: percentile(baseline, 0), unit: 'ms' },
    { metric: `${base}.p50`, value: percentile(baseline, 0.5), unit: 'ms' },
    { metric: `${base}.p95`, value: percentile(baseline, 0.95), unit: 'ms' },
    { metric: 'ls.fullValidation.min', value: percentile(full, 0), unit: 'ms', baseline: `${base}.min` },
    { metric: `${hcl2json}.p50`, value: peer.p50, unit: 'ms' },
    { metric: `${hcl2json}.p95`, value: peer.p95, unit: 'ms' },
    { metric: `${hcl2json}.withCalls.p50`, value: peerWithCalls.p50, unit: 'ms' },
    { metric: `${hcl2json}.withCalls.p95`, value: peerWithCalls.p95, unit: 'ms' },
    { metric: 'ls.fullValidation.p50', value: percentile(full, 0.5), unit: 'ms', baseline: `${base}.p50`, peer: `${hcl2json}.p50` },
    { metric: 'ls.fullValidation.p95', value: percentile(full, 0.95), unit: 'ms', baseline: `${base}.p95`, peer: `${hcl2json}.p95`, target: 50 },
    { metric: 'ls.fullValidation.noSemantic.p50', value: percentile(semantic.without, 0.5), unit: 'ms' },
    { metric: 'ls.fullValidation.semanticShare.p50', value: semantic.shareP50, unit: '%', target: 20 },
    { metric: 'ls.fullValidation.withCalls.p50', value: percentile(fullWithCalls, 0.5), unit: 'ms', baseline: `${base}.p50`, peer: `${hcl2json}.withCalls.p50` },
    { metric: 'ls.fullValidation.withCalls.p95', value: percentile(fullWithCalls, 0.95), unit: 'ms', baseline: `${base}.p95`, peer: `${hcl2json}.withCalls.p95`, target: 50 },
    { metric: 'ls.editRevalidation.min', value: percentile(edit, 0), unit: 'ms', baseline: `${base}.min` },
    { metric: 'ls.editRevalidation.p50', value: percentile(edit, 0.5), unit: 'ms', baseline: `${base}.p50` },
    { metric: 'ls.editRevalidation.p95', value: percentile(edit, 0.95), unit: 'ms', baseline: `${base}.p95`, target: 10 },
    { metric: 'ls.memory.20docs.rss', value: memory.rssMiB, unit: 'MiB', target: 200 },
    { metric: 'ls.memory.20docs.perDocument', value: memory.perDocumentMiB, unit: 'MiB' },
  ];
}

/**
 * What Nomad's job validation (the semantic rules) adds to opening the plain job: rounds with
 * every rule and rounds without the semantic layer, alternated so that a change in the machine's
 * load hits both alike. The share is the p50 with the layer over the p50 without, minus one.
 */
function semanticShare(/** @type {any} */ service, /** @type {string} */ text, /** @type {object} */ settings) {
  const { validateJobDocument, validationRules } = require(path.join(OUT, 'services/diagnostics/diagnosticsService.js'));
  const { semanticRule } = require(path.join(OUT, 'services/diagnostics/rules/semanticRule.js'));
  const { ApiValidators } = require(path.join(OUT, 'schema/apiValidators.js'));
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const apiValidators = ApiValidators.for(service.schema);
  const withoutSemantic = validationRules.filter((/** @type {unknown} */ rule) => rule !== semanticRule);
  const time = (/** @type {readonly unknown[]} */ rules) => {
    const document = TextDocument.create('file:///bench/share.nomad.hcl', 'nomad', 1, text);
    let parsed;
    const ms = timeMs(() => {
      parsed = service.parseJobDocument(document);
      validateJobDocument(document, parsed, service.schema, apiValidators, settings, undefined, rules);
    });
    parsed.dispose();
    return ms;
  };
  /** @type {number[]} */ const withLayer = [];
  /** @type {number[]} */ const without = [];
  for (let i = 0; i < WARMUP + 2 * ROUNDS; i++) {
    const a = time(validationRules);
    const b = time(withoutSemantic);
    if (i >= WARMUP) {
      withLayer.push(a);
      without.push(b);
    }
  }
  const shareP50 = Math.round((percentile(withLayer, 0.5) / percentile(without, 0.5) - 1) * 1000) / 10;
  return { withLayer, without, shareP50 };
}

module.exports = { name: 'language server (5,000-line job)', run, semanticShare };
