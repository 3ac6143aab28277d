// @ts-check
// The environment the test VS Code (and so the extension under test) gets.
// A developer's own NOMAD_ADDR / NOMAD_TOKEN must never reach a test run, so
// every NOMAD_* variable is dropped except NOMAD_TEST_* (test switches), and
// NOMAD_ADDR is set to a loopback address: NOMAD_TEST_ADDR when a real agent
// is wanted, else the default local agent address.
'use strict';

const DEFAULT_ADDR = 'http://127.0.0.1:4646';

/**
 * @param {Record<string, string | undefined>} [extra] wins over everything (e.g. a fake server's NOMAD_ADDR)
 * @returns {Record<string, string | undefined>}
 */
function testEnvironment(extra = {}) {
  /** @type {Record<string, string | undefined>} */
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('NOMAD_') || name.startsWith('NOMAD_TEST_')) env[name] = value;
  }
  env.NOMAD_ADDR = process.env.NOMAD_TEST_ADDR || DEFAULT_ADDR;
  return { ...env, ...extra };
}

module.exports = { testEnvironment };
