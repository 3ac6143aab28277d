#!/usr/bin/env node
// Records the API JSON of every semantic rule fixture from a real Nomad agent
// (its /v1/jobs/parse), for the API JSON half of the fixture tests, and prints
// whether the agent agrees with each fixture. Run `npx tsc -p .` first.
//
//   NOMAD_TEST_ADDR=http://127.0.0.1:PORT node scripts/record-semantic-fixtures.js
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const address = process.env.NOMAD_TEST_ADDR;
if (!address || !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(address).hostname)) {
  console.error('NOMAD_TEST_ADDR must name a local agent (loopback only)');
  process.exit(2);
}
const out = path.join(root, 'out/test');
const { ruleFixtures } = require(path.join(out, 'unit/server/services/diagnostics/semantic/ruleFixtures.js'));
const { validateOnAgent } = require(path.join(out, 'support/nomad/agentValidation.js'));
const target = path.join(root, 'test/unit/server/services/diagnostics/semantic/fixtures/api-jobs.json');

const unmark = (text) => text.replace(/[⟦⟧]/g, '');

(async () => {
  const recorded = {};
  const rows = [];
  for (const fixture of ruleFixtures) {
    const valid = await validateOnAgent(address, unmark(fixture.valid));
    const invalid = await validateOnAgent(address, unmark(fixture.invalid));
    if (fixture.api && valid.job && invalid.job) recorded[fixture.rule] = { valid: valid.job, invalid: invalid.job };
    const refused = fixture.severity === 'warning' ? invalid.warnings !== '' : invalid.errors.length > 0;
    rows.push(`${fixture.rule}\tvalid:${valid.errors.length === 0 ? 'accepted' : 'REFUSED ' + valid.errors.join(' | ')}\tmistake:${refused ? 'refused' : 'ACCEPTED'}\t${invalid.errors.join(' | ').slice(0, 160)}`);
  }
  fs.writeFileSync(target, `${JSON.stringify(recorded, null, 1)}\n`);
  console.log(rows.join('\n'));
  console.log(`recorded ${Object.keys(recorded).length} fixtures in ${path.relative(root, target)}`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
