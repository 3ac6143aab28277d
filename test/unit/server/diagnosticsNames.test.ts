import * as assert from 'assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { expectDiagnostics, jobWithTask, validate } from './support';

describe('Diagnostics: names', () => {
  it('reports an unknown attribute with a suggestion in data', async () => {
    const [found] = await expectDiagnostics(jobWithTask('      driver = "docker"\n      config {\n        image = "nginx"\n      }\n      resources {\n        ⟦cpux⟧ = 100\n      }'), 'unknown-attribute');
    assert.strictEqual(found.severity, DiagnosticSeverity.Error);
    assert.deepStrictEqual(found.data, { suggestion: 'cpu' });
    assert.match(String(found.message), /Did you mean "cpu"\?/);
  });

  it('reports an unknown block, with no suggestion when nothing is close', async () => {
    const [found] = await expectDiagnostics(jobWithTask('      driver = "docker"\n      config {\n        image = "nginx"\n      }\n      ⟦zzzzzz⟧ {\n      }'), 'unknown-block');
    assert.strictEqual(found.data, undefined);
  });

  it('reports an unknown top-level block', async () => {
    await expectDiagnostics('⟦jb⟧ "x" {\n}\n', 'unknown-block');
  });

  it('reports a block written as an attribute and the reverse', async () => {
    await expectDiagnostics(jobWithTask('      driver = "docker"\n      config {\n        image = "nginx"\n      }\n      ⟦resources⟧ = { cpu = 100 }'), 'wrong-kind');
    await expectDiagnostics(jobWithTask('      ⟦driver⟧ {\n      }\n      config {\n        image = "nginx"\n      }'), 'wrong-kind');
  });

  it('accepts any attribute name in meta and env, as a block or a map', async () => {
    const { diagnostics } = await validate(jobWithTask('      driver = "docker"\n      config {\n        image = "nginx"\n      }\n      env {\n        ANY_NAME = "x"\n      }\n      meta = {\n        whatever = "y"\n      }'));
    assert.deepStrictEqual(diagnostics, []);
  });

  it('rejects a nested block inside meta', async () => {
    await expectDiagnostics(jobWithTask('      driver = "docker"\n      config {\n        image = "nginx"\n      }\n      meta {\n        ⟦nested⟧ {\n        }\n      }'), 'unknown-block');
  });

  it('checks a built-in driver config against its schema, and leaves other drivers free-form', async () => {
    await expectDiagnostics(jobWithTask('      driver = "docker"\n      config {\n        image = "nginx"\n        ⟦imag⟧ = "x"\n      }'), 'unknown-attribute');
    const { diagnostics } = await validate(jobWithTask('      driver = "podman"\n      config {\n        anything = "goes"\n        nested {\n          deep = 1\n        }\n      }'));
    assert.deepStrictEqual(diagnostics, []);
  });

  it('leaves config free-form when the driver is an expression', async () => {
    const { diagnostics } = await validate(`variable "driver" {\n  default = "docker"\n}\n${jobWithTask('      driver = var.driver\n      config {\n        imagexx = "x"\n      }')}`);
    assert.deepStrictEqual(diagnostics, []);
  });

  it('validates dynamic blocks as the blocks they generate', async () => {
    const source = jobWithTask(`      driver = "docker"
      config {
        image = "nginx"
      }
      dynamic "constraint" {
        for_each = ["a", "b"]
        content {
          attribute = "\${attr.kernel.name}"
          ⟦valu⟧ = constraint.value
        }
      }`);
    await expectDiagnostics(source, 'unknown-attribute');
  });

  it('reports a dynamic block generating something that is not a block here', async () => {
    await expectDiagnostics(jobWithTask('      driver = "docker"\n      config {\n        image = "nginx"\n      }\n      dynamic ⟦"servce"⟧ {\n        for_each = []\n        content {\n        }\n      }'), 'unknown-block');
  });
});
