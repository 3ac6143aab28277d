import * as assert from 'assert';
import { bundledSchema } from '../../../server/src/schema/bundledSchema';
import { isBlockKind } from '../../../server/src/schema/schemaModel';

describe('Schema model', () => {
  const schema = bundledSchema();

  it('answers the HCL children of a block path', () => {
    const task = schema.blockAt(['job', 'group', 'task']);
    assert.ok(task);
    assert.strictEqual(task.name, 'Task');
    const names = task.hclNames();
    for (const name of ['driver', 'config', 'env', 'resources', 'service', 'template']) assert.ok(names.includes(name), name);
    assert.ok(!names.includes('Name'), 'fields filled by the label are not written');
  });

  it('gives kind, type, enum, duration and version of properties', () => {
    const job = schema.blockAt(['job']);
    const type = job?.hclProperty('type');
    assert.strictEqual(type?.kind, 'attribute');
    assert.ok(type?.enumValues?.includes('batch'));
    assert.deepStrictEqual(type?.types, ['string']);
    const group = job?.hclProperty('group');
    assert.strictEqual(group?.kind, 'labeledBlocks');
    assert.ok(group && isBlockKind(group.kind));
    const killTimeout = schema.blockAt(['job', 'group', 'task'])?.hclProperty('kill_timeout');
    assert.strictEqual(killTimeout?.duration, true);
    assert.strictEqual(job?.hclProperty('node_pool')?.since, '1.6.0');
    assert.ok((job?.hclProperty('datacenters')?.description ?? '').length > 0);
  });

  it('maps API names and HCL names both ways', () => {
    const group = schema.blockAt(['job', 'group']);
    assert.strictEqual(group?.hclProperty('restart')?.apiName, 'RestartPolicy');
    assert.strictEqual(group?.apiProperty('RestartPolicy')?.hclName, 'restart');
    assert.strictEqual(schema.blockAt(['job'])?.hclProperty('group')?.apiName, 'TaskGroups');
  });

  it('picks the driver config schema by driver, free-form for unknown drivers', () => {
    const task = schema.blockAt(['job', 'group', 'task']);
    const config = task?.hclProperty('config');
    assert.ok(task && config);
    assert.strictEqual(schema.driverAttribute(config, task), 'driver');
    assert.ok(schema.bodyInContext(config, 'docker')?.hclProperty('image'));
    assert.strictEqual(schema.bodyInContext(config, 'podman')?.freeForm, true);
    assert.strictEqual(schema.bodyInContext(config, undefined)?.freeForm, true);
    for (const driver of ['docker', 'exec', 'raw_exec', 'java', 'qemu']) assert.ok(schema.driverConfig(driver), driver);
  });

  it('describes the file top level and dynamic blocks', () => {
    assert.deepStrictEqual(schema.fileBlock().hclNames().slice().sort(), ['job', 'locals', 'variable', 'variables']);
    assert.ok(schema.dynamicBlock()?.hclProperty('for_each'));
    assert.strictEqual(schema.fileBlock().hclProperty('job')?.maxBlocks, 1);
  });
});
