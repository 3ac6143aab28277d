import * as assert from 'assert';
import { expectDiagnostics, jobWithTask, validate } from './support';

const docker = '      driver = "docker"\n      config {\n        image = "nginx"\n      }\n';

describe('Diagnostics: structure', () => {
  it('reports syntax errors at their position', async () => {
    await expectDiagnostics('job "x" {\n  group "g" {\n    count = 1 ⟦count⟧ = 2\n  }\n}\n', 'syntax-error', { others: ['duplicate-attribute'] });
  });

  it('reports a missing label and an extra one', async () => {
    await expectDiagnostics('job "x" {\n  ⟦group⟧ {\n  }\n}\n', 'label-count');
    await expectDiagnostics(jobWithTask(`${docker}      resources ⟦"big"⟧ {\n      }`), 'label-count');
    await expectDiagnostics('job "x" ⟦"y"⟧ {\n  group "g" {\n  }\n}\n', 'label-count');
  });

  it('reports a single block given twice', async () => {
    await expectDiagnostics(jobWithTask(`${docker}      resources {\n      }\n      ⟦resources⟧ {\n      }`), 'duplicate-block');
  });

  it('reports a second job in one file', async () => {
    await expectDiagnostics('job "a" {\n  group "g" {\n  }\n}\n⟦job⟧ "b" {\n  group "g" {\n  }\n}\n', 'duplicate-block');
  });

  it('reports an attribute set twice', async () => {
    await expectDiagnostics(jobWithTask(`${docker}      user = "a"\n      ⟦user⟧ = "b"`), 'duplicate-attribute');
  });

  it('reports duplicate group and task names', async () => {
    await expectDiagnostics('job "x" {\n  group "web" {\n  }\n  group ⟦"web"⟧ {\n  }\n}\n', 'duplicate-name');
    await expectDiagnostics(`job "x" {\n  group "g" {\n    task "t" {\n${docker}    }\n    task ⟦"t"⟧ {\n${docker}    }\n  }\n}\n`, 'duplicate-name');
  });

  it('allows the same task name in different groups', async () => {
    const { diagnostics } = await validate(`job "x" {\n  group "a" {\n    task "t" {\n${docker}    }\n  }\n  group "b" {\n    task "t" {\n${docker}    }\n  }\n}\n`);
    assert.deepStrictEqual(diagnostics, []);
  });

  it('reports a task without a driver, and a docker config without an image', async () => {
    const [found] = await expectDiagnostics('job "x" {\n  group "g" {\n    ⟦task⟧ "t" {\n      user = "nobody"\n    }\n  }\n}\n', 'missing-required');
    assert.deepStrictEqual(found.data, { name: 'driver' });
    await expectDiagnostics(jobWithTask('      driver = "docker"\n      ⟦config⟧ {\n        command = "x"\n      }'), 'missing-required');
  });

  it('does not call required attributes missing while the body has a syntax error', async () => {
    const { diagnostics } = await validate('job "x" {\n  group "g" {\n    task "t" {\n      driver = "dock\n    }\n  }\n}\n');
    assert.ok(diagnostics.some((d) => d.code === 'syntax-error'));
    assert.ok(!diagnostics.some((d) => d.code === 'missing-required'), JSON.stringify(diagnostics));
  });

  it('counts a dynamic block as giving the block it generates', async () => {
    const { diagnostics } = await validate('job "x" {\n  dynamic "group" {\n    for_each = ["a"]\n    labels   = [group.value]\n    content {\n      count = 1\n    }\n  }\n}\n');
    assert.deepStrictEqual(diagnostics, []);
  });
});
