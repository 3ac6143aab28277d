// Completion in HCL-JSON jobspecs (`{"job": {"web": {...}}}`): HCL names as keys,
// labels as object levels, arrays for repeated blocks, values as in native HCL.
import * as assert from 'assert';
import { assertExcludes, assertIncludes, complete, insertOf, itemOf, labels } from './support/completion';
import { languageService } from './support/languageService';

const complete_ = (source: string) => complete(source, 'json');

describe('HCL-JSON completion', () => {
  before(async function () {
    this.timeout(20_000);
    await languageService();
  });

  it('offers the top-level constructs, each with its JSON shape', async () => {
    // A `nomad` file in JSON syntax is a jobspec from its first brace; a `json` file once it has a job.
    const items = await complete('{|}', 'nomad');
    assert.deepStrictEqual(labels(items).sort(), ['job', 'locals', 'variable', 'variables']);
    assert.deepStrictEqual(labels(await complete_('{"job": {"web": {}}, "|"}')).sort(), ['locals', 'variable', 'variables']);
    assert.strictEqual(insertOf(items, 'job'), '"job": {"${1:id}": {$0}}');
    assert.strictEqual(itemOf(items, 'job').filterText, '"job"');
  });

  it('offers job fields by HCL name and leaves out keys already in the object', async () => {
    const items = await complete_('{"job": {"web": {"type": "batch", "|"}}}');
    assertIncludes(items, ['datacenters', 'group', 'constraint', 'meta', 'priority']);
    assertExcludes(items, ['type', 'Datacenters', 'TaskGroups']);
    assert.strictEqual(insertOf(items, 'group'), '"group": {"${1:name}": {$0}}');
    assert.strictEqual(insertOf(items, 'constraint'), '"constraint": {$0}');
    assert.strictEqual(insertOf(items, 'priority'), '"priority": ${1:50}');
  });

  it('follows labels, arrays of repeated blocks and the task driver down to config keys', async () => {
    const task = await complete_('{"job": {"web": {"group": [{"app": {"task": {"server": {"user": "x", "dri|"}}}}]}}}');
    assertIncludes(task, ['driver', 'config', 'resources', 'kill_timeout']);
    assertExcludes(task, ['user', 'count']);
    assert.strictEqual(insertOf(task, 'driver'), '"driver": "${1|docker,exec,java,qemu,raw_exec|}"');
    assert.strictEqual(insertOf(task, 'kill_timeout'), '"kill_timeout": "${1:5s}"');
    const docker = await complete_('{"job": {"web": {"group": {"app": {"task": {"server": {"driver": "docker", "config": {"|"}}}}}}}}');
    assertIncludes(docker, ['image', 'ports', 'args']);
    const exec = await complete_('{"job": {"web": {"group": {"app": {"task": {"server": {"config": {"|"}, "driver": "exec"}}}}}}}');
    assertIncludes(exec, ['command', 'args']);
    assertExcludes(exec, ['image']);
  });

  it('completes a key already typed in full, rather than reading it as a block', async () => {
    const items = await complete_('{"job": {"web": {"grou|"}}}');
    assertIncludes(items, ['group']);
    const whole = await complete_('{"job": {"web": {"group|"}}}');
    assertIncludes(whole, ['group', 'datacenters']);
  });

  it('completes values: enums, drivers, booleans, durations as text and constraint targets', async () => {
    const types = await complete_('{"job": {"web": {"type": "|"}}}');
    assert.deepStrictEqual(labels(types), ['"service"', '"batch"', '"system"', '"sysbatch"']);
    assert.strictEqual(insertOf(types, '"batch"'), '"batch"');
    const drivers = await complete_('{"job": {"web": {"group": {"g": {"task": {"t": {"driver": "d|"}}}}}}}');
    assertIncludes(drivers, ['"docker"', '"raw_exec"']);
    const leader = await complete_('{"job": {"web": {"group": {"g": {"task": {"t": {"leader": |}}}}}}}');
    assert.deepStrictEqual(labels(leader).sort(), ['false', 'true']);
    const timeout = await complete_('{"job": {"web": {"group": {"g": {"task": {"t": {"kill_timeout": |}}}}}}}');
    assertIncludes(timeout, ['"5s"', '"30s"']);
    const targets = await complete_('{"job": {"web": {"constraint": {"attribute": "|"}}}}');
    assertIncludes(targets, ['"${attr.kernel.name}"', '"${node.class}"']);
  });

  it('offers nothing at labels, inside free-form maps, or at a block key\'s own value', async () => {
    assert.deepStrictEqual(await complete_('{"job": {"|"}}'), []);
    assert.deepStrictEqual(await complete_('{"job": {"web": {"meta": {"|"}}}}'), []);
    assert.deepStrictEqual(await complete_('{"job": {"web": {"group": |}}}'), []);
  });

  it('completes a dynamic block\'s content as the block it generates', async () => {
    const items = await complete_('{"job": {"web": {"group": {"g": {"network": {"dynamic": {"port": {"for_each": "${var.ports}", "content": {"|"}}}}}}}}}');
    assertIncludes(items, ['static', 'to', 'host_network']);
  });
});
