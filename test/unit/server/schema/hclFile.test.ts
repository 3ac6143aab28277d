// Checks of hcl-file.json: the top-level constructs of a jobspec file and `dynamic` blocks.
import * as assert from 'node:assert/strict';
import { HCL_KINDS, SchemaNode, loadHclFile, loadJobSchema, strictAjv } from './schemaData';

describe('hcl-file.json', function () {
  // compiling the 180 KB schema can take seconds on a busy machine; this is not a speed test
  this.timeout(30_000);
  const hclFile = loadHclFile();
  const jobSchema = loadJobSchema();
  const top = hclFile.properties ?? {};
  const defs = hclFile.definitions ?? {};

  it('compiles next to job.schema.json, whose Job it references', () => {
    const ajv = strictAjv(jobSchema, hclFile);
    ajv.addSchema(jobSchema);
    const validate = ajv.compile(hclFile);
    assert.ok(validate({ job: { web: { ID: 'web', TaskGroups: [] } } }), JSON.stringify(validate.errors));
    assert.equal(validate({ job: { web: { Drivr: 1 } } }), false, 'the job body is checked against Job');
  });

  it('lists exactly what jobspec2 accepts at the top level', () => {
    assert.deepEqual(Object.keys(top).sort(), ['job', 'locals', 'variable', 'variables']);
    assert.equal(hclFile['x-nomadVersion'], jobSchema['x-nomadVersion']);
  });

  it('describes the job block as one labelled block whose label is the ID', () => {
    assert.equal(top.job['x-hclKind'], 'labeledBlocks');
    assert.equal(top.job['x-label'], 'ID');
    assert.equal(top.job['x-maxBlocks'], 1);
    assert.equal((top.job.additionalProperties as SchemaNode).$ref, 'job.schema.json#/definitions/Job');
  });

  it('describes variable blocks with only the attributes Nomad accepts', () => {
    const variable = defs.variable;
    assert.deepEqual(Object.keys(variable.properties ?? {}).sort(), ['default', 'description', 'type', 'validation']);
    assert.equal(variable.properties?.validation['x-hclKind'], 'blocks');
    assert.deepEqual(defs.validation.required, ['condition', 'error_message']);
    assert.ok(!('sensitive' in (variable.properties ?? {})), 'Nomad rejects Terraform-only attributes');
  });

  it('describes dynamic blocks', () => {
    const dynamic = defs.dynamic;
    assert.equal(dynamic['x-hcl'], 'dynamic');
    assert.equal(dynamic['x-hclKind'], 'labeledBlocks');
    assert.deepEqual(Object.keys(dynamic.properties ?? {}).sort(), ['content', 'for_each', 'iterator', 'labels']);
    assert.deepEqual(dynamic.required, ['for_each', 'content']);
  });

  it('gives everything a description and a valid kind', () => {
    const nodes: [string, SchemaNode][] = [
      ...Object.entries(top),
      ...Object.entries(defs).flatMap(([d, def]) => Object.entries(def.properties ?? {}).map(([k, p]): [string, SchemaNode] => [`${d}.${k}`, p])),
    ];
    for (const [where, p] of nodes) {
      assert.ok(p.description, `${where} description`);
      assert.ok(HCL_KINDS.includes(String(p['x-hclKind'])), `${where} kind`);
    }
  });
});
