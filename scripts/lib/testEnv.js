// @ts-check
// The environment the test VS Code (and so the extension under test) gets.
// A developer's own NOMAD_ADDR / NOMAD_TOKEN must never reach a test run, so
// every NOMAD_* variable is dropped except NOMAD_TEST_* (test switches). The
// extension then sees a first-time user with no cluster configured, unless
// NOMAD_TEST_ADDR names a real (loopback) agent, which becomes NOMAD_ADDR.
'use strict';

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
  if (process.env.NOMAD_TEST_ADDR) env.NOMAD_ADDR = process.env.NOMAD_TEST_ADDR;
  return { ...env, ...extra };
}

module.exports = { testEnvironment };
