// @ts-check
// The environment the test VS Code (and so the extension under test) gets.
// A developer's own NOMAD_ADDR / NOMAD_TOKEN must never reach a test run, so
// every NOMAD_* variable is dropped except NOMAD_TEST_* (test switches). The
// extension then sees a first-time user with no cluster configured, and the
// default address it tries is one where nothing listens
// (NOMAD_TEST_DEFAULT_ADDR), so "nothing configured" holds even on a machine
// that runs `nomad agent -dev` on 127.0.0.1:4646. Tests that talk to Nomad
// point the extension at their target (test/support/nomad/target.ts) through
// the nomad.clusters setting, a real agent from NOMAD_TEST_ADDR included.
'use strict';
const { deadAddress } = require('./deadAddress');

/**
 * @param {Record<string, string | undefined>} [extra] wins over everything (e.g. a fake server's NOMAD_ADDR)
 * @returns {Promise<Record<string, string | undefined>>}
 */
async function testEnvironment(extra = {}) {
  /** @type {Record<string, string | undefined>} */
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('NOMAD_') || name.startsWith('NOMAD_TEST_')) env[name] = value;
  }
  env.NOMAD_TEST_DEFAULT_ADDR = await deadAddress();
  return { ...env, ...extra };
}

module.exports = { testEnvironment };
