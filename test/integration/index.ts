// Entry point the extension host loads as `extensionTestsPath`: runs every
// out/test/integration/**/*.test.js with Mocha and settles when they finish
// (rejects when any test failed, which the runner turns into its exit code).
//
// Output: under code-server the extension host forwards console output to the
// workbench, which hands it to scripts/run-integration.js mixed with the
// workbench's own log. There (NOMAD_TEST_TAG_REPORTER=1) the spec reporter's
// lines are formatted and tagged, so the runner prints exactly those;
// everything else (including a test's own console.log) lands in
// test-results/integration-workbench.log when a run fails. Under
// @vscode/test-electron (npm run test:desktop) output goes to stdout as is.
// NOMAD_TEST_GREP selects tests by title; CI=true forbids `.only`.
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import Mocha from 'mocha';

/** Must match HOST_OUTPUT_TAG in scripts/run-integration.js. */
const HOST_OUTPUT_TAG = '[nomad-test] ';

/** Runs first: it checks the extension is still inactive before any test opens a file. */
const FIRST_FILE = 'activation.test.js';

function testFiles(root: string): string[] {
  const files = fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .map((file) => path.join(root, file))
    .sort();
  const first = files.filter((file) => path.basename(file) === FIRST_FILE);
  return [...first, ...files.filter((file) => !first.includes(file))];
}

/** Tags the reporter's lines for the runner; returns a function that undoes it. */
function tagReporterOutput(): () => void {
  // Reporters print through Base.consoleLog. (console.log itself cannot be
  // replaced: the extension host pins it to its forwarder.)
  const reporterLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(HOST_OUTPUT_TAG + format(...args));
  return () => {
    Mocha.reporters.Base.consoleLog = reporterLog;
  };
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 30_000,
    grep: process.env.NOMAD_TEST_GREP || undefined,
    forbidOnly: Boolean(process.env.CI),
  });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  const untag = process.env.NOMAD_TEST_TAG_REPORTER === '1' ? tagReporterOutput() : () => undefined;
  return new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  }).finally(untag);
}
