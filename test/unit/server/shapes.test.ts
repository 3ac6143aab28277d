import * as assert from 'assert';
import { validate } from './support';

const hcl = 'job "web" {\n  group "g" {\n  }\n}\n';
const hclJson = JSON.stringify({ job: { web: { group: { g: {} } } } }, null, 2);
const apiWrapped = JSON.stringify({ Job: { ID: 'web', TaskGroups: [] } }, null, 2);
const apiBare = JSON.stringify({ ID: 'web', Name: 'web', TaskGroups: [] }, null, 2);

describe('Job file shapes', () => {
  it('parses each shape into what its services need', async () => {
    assert.strictEqual((await validate(hcl)).parsed.shape, 'hcl');
    assert.strictEqual((await validate(hclJson, { languageId: 'json' })).parsed.shape, 'hcl-json');
    assert.strictEqual((await validate(apiWrapped, { languageId: 'json' })).parsed.shape, 'api-json');
    assert.strictEqual((await validate(apiBare, { languageId: 'json' })).parsed.shape, 'api-json');
  });

  it('starts for HCL-JSON whose variables come before the job', async () => {
    const text = JSON.stringify({ variable: { image: {} }, job: { web: { group: { g: {} } } } }, null, 2);
    assert.strictEqual((await validate(text, { languageId: 'json' })).parsed.shape, 'hcl-json');
  });

  it('ignores JSON documents that are not jobs: no diagnostics at all', async () => {
    const result = await validate('{"name": "x", "dependencies": {"a": 1}, broken', { languageId: 'json' });
    assert.strictEqual(result.parsed.shape, 'not-a-job');
    assert.deepStrictEqual(result.diagnostics, []);
  });

  it('treats JSON in a nomad document as an HCL-JSON jobspec even before "job" is typed', async () => {
    const result = await validate('{\n  "jbo": {}\n}\n');
    assert.strictEqual(result.parsed.shape, 'hcl-json');
    assert.deepStrictEqual(result.diagnostics.map((d) => d.code), ['unknown-block']);
  });
});
