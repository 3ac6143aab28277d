import * as assert from 'assert';
import { expectDiagnostics, jobWithTask, validate } from './support';

const docker = '      driver = "docker"\n      config {\n        image = "nginx"\n      }\n';

describe('Diagnostics: variable and local references', () => {
  it('reports undeclared variables and undefined locals at the reference', async () => {
    await expectDiagnostics(jobWithTask(`${docker}      user = ⟦var.user⟧`), 'undefined-variable');
    await expectDiagnostics(jobWithTask(`${docker}      env {\n        A = "\${⟦local.prefix⟧}-x"\n      }`), 'undefined-local');
  });

  it('accepts variables declared by variable blocks or in variables, and locals from any locals block', async () => {
    const source = `variable "user" {\n  type = string\n}\nvariables {\n  region = "eu"\n}\nlocals {\n  a = 1\n}\nlocals {\n  b = local.a + 1\n}\n${jobWithTask(`${docker}      user = var.user\n      env {\n        R = var.region\n        B = "\${local.b}"\n      }`)}`;
    const { diagnostics } = await validate(source);
    assert.deepStrictEqual(diagnostics, []);
  });

  it('leaves runtime interpolations such as node and attr alone', async () => {
    const { diagnostics } = await validate(jobWithTask(`${docker}      env {\n        N = "\${node.unique.name}"\n        K = "\${attr.kernel.name}"\n        T = "\${NOMAD_TASK_NAME}"\n      }`));
    assert.deepStrictEqual(diagnostics, []);
  });
});
