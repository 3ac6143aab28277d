// No text may keep the language server or the linter busy for long: the crafted
// worst cases of test/support/worstCases.ts (the fuzz suite runs its corpus under
// the same bound), read in-process and by the command-line linter as its own
// process. Bounds are CPU time, so a busy machine does not fail them.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { HANG_BOUND_CPU_MS, WORST_CASES } from '../../support/worstCases';
import { cpuMillis, reportedCpuMillis } from '../../support/cpuTime';
import { repoFile } from '../../support/repoPaths';
import { languageService } from './support';

// The same entry webpack bundles into dist/lint.js, as compiled by tsc next to this test.
const LINT = repoFile('out/server/src/cli/lint.js');
const REPORT_CPU = repoFile('out/test/support/reportCpuAtExit.js');

/** CPU milliseconds of one linter process on `file`, and its exit code. */
function lintCpu(file: string): { cpu: number; status: number | null } {
  const result = spawnSync(process.execPath, ['--require', REPORT_CPU, LINT, '--format', 'json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { cpu: reportedCpuMillis(result.stderr), status: result.status };
}

describe('Hang guard: worst-case texts stay under a second', function () {
  this.timeout(600_000); // the whole suite; each text has its own CPU bound

  for (const { name, text } of WORST_CASES) {
    it(`in-process: ${name}`, async () => {
      const service = await languageService();
      const document = TextDocument.create('file:///worst.nomad.hcl', 'nomad', 1, text);
      const used = cpuMillis(() => {
        const parsed = service.parseJobDocument(document, undefined, { languageId: 'nomad' });
        service.doValidation(document, parsed, { schemaVersion: 'auto', reportJsonSyntaxErrors: true });
        parsed.dispose();
      });
      assert.ok(used < HANG_BOUND_CPU_MS, `${name}: ${used.toFixed(0)} ms of CPU`);
    });
  }

  describe('through nomad-jobs-lint', () => {
    let dir: string;
    let startup: number;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nomad-worst-'));
      const trivial = path.join(dir, 'trivial.nomad.hcl');
      fs.writeFileSync(trivial, 'job "x" {\n}\n');
      // What a run costs before it reads anything (the grammar and the schema): not the text's share.
      startup = Math.min(lintCpu(trivial).cpu, lintCpu(trivial).cpu);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    WORST_CASES.forEach(({ name, text }, index) => {
      it(`CLI: ${name}`, () => {
        const file = path.join(dir, `case-${index}.nomad.hcl`);
        fs.writeFileSync(file, text);
        let { cpu, status } = lintCpu(file);
        // A process's CPU time on this shared VM runs up to half again higher when the host is busy; a
        // text that really hangs is over the bound on every run, so a run over it is measured up to twice
        // more and the lowest figure counts.
        for (let retake = 0; retake < 2 && cpu - startup >= HANG_BOUND_CPU_MS; retake++) cpu = Math.min(cpu, lintCpu(file).cpu);
        assert.ok(status === 0 || status === 1, `${name}: the linter exited with ${status}`);
        assert.ok(cpu - startup < HANG_BOUND_CPU_MS, `${name}: ${(cpu - startup).toFixed(0)} ms of CPU beyond the ${startup.toFixed(0)} ms a trivial file takes`);
      });
    });
  });
});
