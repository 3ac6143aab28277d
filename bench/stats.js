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

/** mulberry32: repeatable pseudo-random numbers in [0, 1). */
function seededRandom(/** @type {number} */ seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

module.exports = { percentile, timeMs, seededRandom };
