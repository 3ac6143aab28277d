import * as assert from 'assert';
import { validate } from './support';

const job = (inner: string): string => `job "x" {\n${inner}\n  group "g" {\n    task "t" {\n      driver = "exec"\n      config {\n        command = "/bin/true"\n      }\n    }\n  }\n}\n`;

describe('Characters Nomad refuses between tokens', () => {
  it('reports a line holding only a form feed, and a vertical tab, where they are', async () => {
    const { diagnostics } = await validate(job('\f\n  type = "batch"\u000b'));
    const found = diagnostics.filter((d) => /Invalid character/.test(String(d.message)));
    assert.deepStrictEqual(found.map((d) => [d.range.start.line, d.range.start.character, /form feed|vertical tab/.exec(String(d.message))?.[0]]), [
      [1, 0, 'form feed'],
      [2, 16, 'vertical tab'],
    ]);
  });

  it('accepts them inside strings, heredocs and comments', async () => {
    const { diagnostics } = await validate(job('  meta {\n    a = "x\fy"\n    b = <<EOT\n\f\nEOT\n  }\n  # a comment \f'));
    assert.deepStrictEqual(diagnostics.filter((d) => /Invalid character/.test(String(d.message))), []);
  });
});
