import * as assert from 'assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { expectDiagnostics, validate } from './support';

const valid = {
  Job: {
    ID: 'web',
    Name: 'web',
    Type: 'service',
    Datacenters: ['dc1'],
    TaskGroups: [{ Name: 'g', Count: 1, Tasks: [{ Name: 't', Driver: 'docker', Config: { image: 'nginx' }, Resources: { CPU: 100, MemoryMB: 128 } }] }],
  },
};

describe('API JSON jobs', () => {
  it('accepts a valid job, nulls included (Go reads null as "unset")', async () => {
    const withNulls = { Job: { ...valid.Job, Affinities: null, Meta: null, Priority: null } };
    assert.deepStrictEqual((await validate(JSON.stringify(withNulls, null, 2), { languageId: 'json' })).diagnostics, []);
  });

  it('maps schema errors back to the offending value or key', async () => {
    const source = `{
  "Job": {
    "ID": "web",
    "Type": ⟦"servce"⟧,
    "TaskGroups": [
      {
        "Name": "g",
        "Count": ⟦"two"⟧,
        "Tasks": [
          { "Name": "t", "Driver": "docker", "Config": { "image": "nginx", ⟦"imag"⟧: "x" }, "Resources": { ⟦"MemoryMax"⟧: 5 } },
          ⟦{⟧ "Name": "u" }
        ]
      }
    ]
  }
}`;
    const found = await expectDiagnostics(source, 'api-schema', { languageId: 'json' });
    assert.ok(found.every((d) => d.severity === DiagnosticSeverity.Error));
    assert.deepStrictEqual(found[0].data, { suggestion: 'service' });
    assert.deepStrictEqual(found[3].data, { suggestion: 'MemoryMB' });
    assert.match(String(found[4].message), /Driver/);
  });

  it('ignores keys that differ from a known field only in case, as Go does', async () => {
    const source = JSON.stringify({ Job: { ...valid.Job, id: 'web' } });
    assert.deepStrictEqual((await validate(source, { languageId: 'json' })).diagnostics, []);
  });

  it('warns about fields only the server sets', async () => {
    const source = `{\n  "Job": {\n    "ID": "web",\n    ⟦"Status"⟧: "running",\n    ⟦"CreateIndex"⟧: 10,\n    "TaskGroups": []\n  }\n}`;
    const found = await expectDiagnostics(source, 'read-only-field', { languageId: 'json' });
    assert.ok(found.every((d) => d.severity === DiagnosticSeverity.Warning));
  });

  it('applies version checks by API name', async () => {
    const source = `{\n  "Job": {\n    "ID": "web",\n    "Datacenters": ["dc1"],\n    ⟦"NodePool"⟧: "x",\n    "TaskGroups": []\n  }\n}`;
    await expectDiagnostics(source, 'needs-newer-nomad', { languageId: 'json', settings: { schemaVersion: '1.4.0' } });
  });
});
