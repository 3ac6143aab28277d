import * as assert from 'assert';
import { marked, validate } from './support';

describe('HCL-JSON jobspecs', () => {
  it('maps objects to labeled blocks and attributes with exact ranges', async () => {
    const { parsed } = await validate('{\n  "job": {\n    "web": {\n      "type": "batch",\n      "group": { "g": { "count": 2 } }\n    }\n  }\n}\n', { languageId: 'json' });
    assert.ok(parsed.shape === 'hcl-json');
    const job = parsed.hcl.body.items[0];
    assert.ok(job.kind === 'block');
    assert.strictEqual(job.type, 'job');
    assert.deepStrictEqual(job.labels.map((l) => l.value), ['web']);
    assert.deepStrictEqual(job.labels[0].range, { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } });
    const type = job.body.items.find((i) => i.kind === 'attribute' && i.name === 'type');
    assert.deepStrictEqual(type?.kind === 'attribute' && type.value?.kind === 'literal' && type.value.value, 'batch');
  });

  it('reads arrays as repeated blocks, at the block or the label level', async () => {
    const source = {
      job: {
        web: {
          group: [{ a: { task: { t: { driver: 'exec', config: { command: 'x' } } } } }, { b: { task: [{ t: { driver: 'exec', config: { command: 'y' } } }] } }],
        },
      },
    };
    const { parsed, diagnostics } = await validate(JSON.stringify(source, null, 2), { languageId: 'json' });
    assert.deepStrictEqual(diagnostics, []);
    assert.ok(parsed.shape === 'hcl-json');
    const job = parsed.hcl.body.items[0];
    assert.ok(job.kind === 'block');
    assert.deepStrictEqual(job.body.items.map((g) => (g.kind === 'block' ? g.labels[0].value : '')), ['a', 'b']);
  });

  it('applies the HCL rules: unknown names, types, durations, duplicates, references', async () => {
    const source = `{
  "job": {
    "web": {
      "type": ⟦"servce"⟧,
      "group": {
        "g": {
          "task": {
            "t": {
              "driver": "docker",
              "config": { "image": "\${⟦var.image⟧}", ⟦"imag"⟧: "x" },
              "resources": { "cpu": ⟦"lots"⟧ }
            }
          }
        }
      }
    }
  }
}
`;
    const { text, ranges } = marked(source);
    const { diagnostics } = await validate(text, { languageId: 'json' });
    assert.deepStrictEqual(diagnostics.map((d) => d.code), ['invalid-enum', 'undefined-variable', 'unknown-attribute', 'type-mismatch']);
    assert.deepStrictEqual(diagnostics.map((d) => d.range), ranges);
  });

  it('treats "//" properties as comments', async () => {
    const { diagnostics } = await validate(JSON.stringify({ '//': 'a note', job: { web: { '//': 'another', group: { g: {} } } } }), { languageId: 'json' });
    assert.deepStrictEqual(diagnostics, []);
  });

  it('reports JSON syntax errors unless the editor already does', async () => {
    const broken = '{\n  "job": {\n    "web": {,\n  }\n}\n';
    assert.ok((await validate(broken)).diagnostics.some((d) => d.code === 'syntax-error'));
    const inJsonEditor = await validate(broken, { languageId: 'json', settings: { reportJsonSyntaxErrors: false } });
    assert.ok(!inJsonEditor.diagnostics.some((d) => d.code === 'syntax-error'));
  });
});
