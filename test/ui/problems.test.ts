// What a person sees in the Problems panel for a job file with mistakes: each
// finding from the language server with its code, severity and line.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { quickOpenFile } from './support/commands';
import { waitForProblems, type ProblemRow } from './support/problems';
import { Workbench } from './support/workbench';

const BROKEN_JOB = `job "broken" {
  type = "servce"

  group "api" {
    count = 2

    restart {
      delay = "15 seconds"
    }

    task "server" {
      drivr = "docker"
    }
  }
}
`;

// Values only tree-sitter reads (calls, a list over lines): opening it parses those lines alone, and
// Nomad's own validation must still land on its line.
const CALLS_JOB = `job "calls" {
  group "api" {
    count = max(1, 2)

    task "server" {
      driver = "docker"
      config {
        image = format("nginx:%s", "1.27")
        args  = [
          "-g",
          "daemon off;",
        ]
      }
      resources {
        cpu        = max(100, 200)
        memory     = 256
        memory_max = 128
      }
    }
  }
}
`;

describe('Problems panel (UI)', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  before(async () => {
    workbench = await Workbench.open();
    fs.writeFileSync(path.join(workbench.folder, 'broken.nomad.hcl'), BROKEN_JOB);
    fs.writeFileSync(path.join(workbench.folder, 'calls.nomad.hcl'), CALLS_JOB);
  });

  after(async () => {
    await workbench?.close();
  });

  it('lists the language server findings of a job file at their lines', async () => {
    const { page } = workbench;
    await quickOpenFile(page, 'web.nomad.hcl');
    await quickOpenFile(page, 'broken.nomad.hcl');
    const ours = (rows: ProblemRow[]) => rows.filter((row) => row.source === 'nomad' || row.code.includes('nomad'));
    const rows = await waitForProblems(page, (all) => ['invalid-enum', 'invalid-duration', 'unknown-attribute', 'missing-required'].every((code) => ours(all).some((row) => row.code.includes(code))));
    const byCode = (code: string) => ours(rows).find((row) => row.code.includes(code));
    assert.match(byCode('invalid-enum')!.position, /Ln 2\b/);
    assert.match(byCode('invalid-duration')!.position, /Ln 8\b/);
    assert.match(byCode('unknown-attribute')!.position, /Ln 12\b/);
    assert.match(byCode('unknown-attribute')!.message, /driver/, 'suggests the right name');
    assert.strictEqual(byCode('invalid-enum')!.severity, 'error');
    await workbench.screenshot('problems-panel');
  });

  it("lists Nomad's validation finding at its line in a job whose calls only tree-sitter reads", async () => {
    const { page } = workbench;
    await quickOpenFile(page, 'calls.nomad.hcl');
    const rows = await waitForProblems(page, (all) => all.some((row) => row.code.includes('memory-max-below-memory')));
    const finding = rows.find((row) => row.code.includes('memory-max-below-memory'))!;
    assert.match(finding.position, /Ln 17\b/);
    assert.match(finding.message, /memory_max \(128 MB\) cannot be below memory \(256 MB\)/);
    assert.strictEqual(finding.severity, 'error');
    await workbench.screenshot('problems-panel-calls');
  });
});
