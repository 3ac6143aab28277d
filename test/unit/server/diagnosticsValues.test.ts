import * as assert from 'assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { expectDiagnostics, jobWithTask, validate } from './support';

const docker = '      driver = "docker"\n      config {\n        image = "nginx"\n      }\n';

describe('Diagnostics: values', () => {
  it('reports literal values of the wrong type', async () => {
    await expectDiagnostics(jobWithTask(`${docker}      resources {\n        cpu    = ⟦"lots"⟧\n        memory = ⟦true⟧\n      }`), 'type-mismatch');
    await expectDiagnostics(jobWithTask(`${docker}      leader = ⟦[true]⟧`), 'type-mismatch');
    await expectDiagnostics('job "x" {\n  datacenters = ⟦"dc1"⟧\n}\n', 'type-mismatch', { others: ['missing-required'] });
  });

  it('reports wrong item types inside lists', async () => {
    await expectDiagnostics('job "x" {\n  datacenters = ["dc1", ⟦["nested"]⟧]\n}\n', 'type-mismatch', { others: ['missing-required'] });
  });

  it('follows HCL conversions: numbers as strings, numeric strings as numbers, "true" as a bool', async () => {
    const { diagnostics } = await validate(jobWithTask(`${docker}      user = 1000\n      leader = "true"\n      resources {\n        cpu = "500"\n      }`));
    assert.deepStrictEqual(diagnostics, []);
  });

  it('reports a fraction where a whole number is needed', async () => {
    await expectDiagnostics(jobWithTask(`${docker}      resources {\n        memory = ⟦256.5⟧\n      }`), 'type-mismatch');
  });

  it('never reports values that need evaluation', async () => {
    const source = `variable "cpu" {\n  default = 100\n}\nlocals {\n  mem = 256\n}\n${jobWithTask(`${docker}      leader = var.cpu > 10 ? true : false\n      resources {\n        cpu    = var.cpu\n        memory = local.mem * 2\n        cores  = max(1, 2)\n        memory_max = "\${local.mem}"\n      }`)}`;
    const { diagnostics } = await validate(source);
    assert.deepStrictEqual(diagnostics, []);
  });

  it('reports values outside an enum, suggesting the closest', async () => {
    const [found] = await expectDiagnostics('job "x" {\n  type = ⟦"servce"⟧\n  group "g" {\n  }\n}\n', 'invalid-enum');
    assert.strictEqual(found.severity, DiagnosticSeverity.Error);
    assert.deepStrictEqual(found.data, { suggestion: 'service' });
  });

  it('only warns when an enum value differs in letter case', async () => {
    const [found] = await expectDiagnostics('job "x" {\n  type = ⟦"Batch"⟧\n  group "g" {\n  }\n}\n', 'invalid-enum');
    assert.strictEqual(found.severity, DiagnosticSeverity.Warning);
  });

  it('reports malformed durations and accepts every Go unit', async () => {
    const checks = (duration: string): string => jobWithTask(`${docker}      kill_timeout = ${duration}`);
    await expectDiagnostics(checks('⟦"10 seconds"⟧'), 'invalid-duration');
    await expectDiagnostics(checks('⟦"10"⟧'), 'invalid-duration');
    await expectDiagnostics(checks('⟦"1h30"⟧'), 'invalid-duration');
    for (const good of ['"10s"', '"1h30m"', '"500ms"', '"1.5h"', '"250us"', '"250µs"', '"100ns"', '"0"', '10000000000']) {
      const { diagnostics } = await validate(checks(good));
      assert.deepStrictEqual(diagnostics, [], good);
    }
  });

  it('reports numbers below the minimum', async () => {
    await expectDiagnostics('job "x" {\n  priority = ⟦0⟧\n  group "g" {\n    count = ⟦-1⟧\n  }\n}\n', 'below-minimum', { others: ['group-tasks-missing'] });
  });
});
