// @ts-check
// Small helpers shared by the benchmarks.
'use strict';

/** The value below which `fraction` of the samples fall (nearest rank). */
function percentile(/** @type {number[]} */ samples, /** @type {number} */ fraction) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return Math.round(sorted[rank] * 100) / 100;
}

/** Milliseconds `fn` takes. */
function timeMs(/** @type {() => unknown} */ fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

module.exports = { percentile, timeMs };
