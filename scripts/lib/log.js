// @ts-check
// Progress lines for the tooling: short, prefixed, with elapsed seconds.
'use strict';

const started = Date.now();

/** @param {string} message */
function step(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[nomad-jobs ${seconds}s] ${message}`);
}

module.exports = { step };
