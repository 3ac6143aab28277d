import * as assert from 'assert';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { expectDiagnostics, validate, withCode } from './support';

const source = 'job "x" {\n  ⟦node_pool⟧ = "default"\n  group "g" {\n  }\n}\n';

describe('Diagnostics: versions and deprecations', () => {
  it('warns about features newer than the configured Nomad version', async () => {
    const [found] = await expectDiagnostics(source, 'needs-newer-nomad', { settings: { schemaVersion: '1.5.2' } });
    assert.strictEqual(found.severity, DiagnosticSeverity.Warning);
    assert.match(String(found.message), /1\.6\.0/);
  });

  it('says nothing with "auto" until the cluster version is known, then follows it', async () => {
    const plain = source.replace(/[⟦⟧]/g, '');
    assert.deepStrictEqual((await validate(plain, { settings: { schemaVersion: 'auto' } })).diagnostics, []);
    await expectDiagnostics(source, 'needs-newer-nomad', { settings: { schemaVersion: 'auto', clusterVersion: '1.5.0+ent' } });
    assert.deepStrictEqual((await validate(plain, { settings: { schemaVersion: 'auto', clusterVersion: '1.8.1' } })).diagnostics, []);
  });

  it('prefers an explicit version over the cluster version', async () => {
    const plain = source.replace(/[⟦⟧]/g, '');
    const { diagnostics } = await validate(plain, { settings: { schemaVersion: '1.9.0', clusterVersion: '1.5.0' } });
    assert.deepStrictEqual(withCode(diagnostics, 'needs-newer-nomad'), []);
  });

  it('marks deprecated fields with a hint and the deprecated tag', async () => {
    const [found] = await expectDiagnostics('job "x" {\n  group "g" {\n    ⟦max_client_disconnect⟧ = "1h"\n  }\n}\n', 'deprecated', { others: ['group-tasks-missing'] });
    assert.strictEqual(found.severity, DiagnosticSeverity.Hint);
    assert.deepStrictEqual(found.tags, [DiagnosticTag.Deprecated]);
  });
});
