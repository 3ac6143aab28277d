// @ts-check
// The side-by-side peer for the language server's open/validate timings: HashiCorp's own HCL
// parser (hclsyntax, Go compiled to wasm, from the dev dependency @cdktf/hcl2json) parsing the
// same text into JSON. It does not validate against a schema, so it is a floor for the parse
// alone, not a like-for-like of parse + validation. Never bundled: only the bench requires it.
'use strict';
const { percentile } = require('./stats');

/** Milliseconds the promise `fn` returns takes to settle. */
async function timeMsAsync(/** @type {() => Promise<unknown>} */ fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * p50 and p95 of hcl2json parsing `text`, `rounds` times after `warmup` untimed calls. The very
 * first call also starts the wasm module (around a second): it is made here, outside the timing.
 */
async function timeHcl2json(/** @type {string} */ name, /** @type {string} */ text, /** @type {number} */ warmup, /** @type {number} */ rounds) {
  const { parse } = require('@cdktf/hcl2json');
  const samples = [];
  for (let i = 0; i < warmup + rounds; i++) {
    let result;
    const ms = await timeMsAsync(async () => {
      result = await parse(`${name}.nomad.hcl`, text);
    });
    if (!result || typeof result.job !== 'object') throw new Error(`hcl2json did not read the ${name} job`);
    if (i >= warmup) samples.push(ms);
  }
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

module.exports = { timeHcl2json };
