// Names from the connected cluster (nomad/clusterFacts) offered as values: a job's
// datacenters, node pool and namespace, and a placement rule's value when it compares
// a node's datacenter, class or pool; in native HCL, HCL-JSON and API JSON.
import * as assert from 'assert';
import type { ClusterFacts } from '../../../../common/src/protocol/clusterFacts';
import { assertExcludes, complete, insertOf, itemOf, labels } from './support/completion';
import { languageService } from './support/languageService';

const FACTS: ClusterFacts = {
  cluster: 'prod',
  datacenters: ['eu-west', 'us-east'],
  nodePools: ['all', 'default', 'gpu'],
  nodeClasses: ['large', 'small'],
  namespaces: ['default', 'team-a'],
  variablePaths: ['app/config', 'nomad/jobs/web', 'nomad/jobs/web/db'],
  nodeProperties: {
    'attr.kernel.name': ['darwin', 'linux'],
    'attr.gpu.model': ['a100'],
    'meta.rack': ['r1', 'r2'],
    'node.unique.name': ['client-1', 'client-2'],
  },
};

const inJob = (line: string): string => `job "web" {\n  ${line}\n}\n`;

describe('cluster names in completion', () => {
  before(async function () {
    this.timeout(20_000);
    await languageService();
  });

  describe('native HCL', () => {
    it('offers datacenters inside the list, quoted only when the quote is not typed yet', async () => {
      const inQuotes = await complete(inJob('datacenters = ["|"]'), 'nomad', FACTS);
      assert.deepStrictEqual(labels(inQuotes), ['eu-west', 'us-east']);
      assert.strictEqual(insertOf(inQuotes, 'eu-west'), 'eu-west');
      const item = itemOf(inQuotes, 'us-east');
      assert.strictEqual(item.detail, 'datacenter from cluster prod');
      assert.ok(item.sortText?.startsWith('0'), 'cluster names sort first');
      const bare = await complete(inJob('datacenters = ["eu-west", |]'), 'nomad', FACTS);
      assert.strictEqual(insertOf(bare, 'us-east'), '"us-east"');
      const typed = await complete(inJob('datacenters = ["us|"]'), 'nomad', FACTS);
      assert.strictEqual(insertOf(typed, 'us-east'), 'us-east');
    });

    it('writes a whole list when the brackets are not typed yet', async () => {
      const items = await complete(inJob('datacenters = |'), 'nomad', FACTS);
      assert.strictEqual(insertOf(items, 'eu-west'), '["eu-west"]');
    });

    it('offers node pools and namespaces for the job', async () => {
      const pools = await complete(inJob('node_pool = "|"'), 'nomad', FACTS);
      assert.deepStrictEqual(labels(pools), ['all', 'default', 'gpu']);
      assert.strictEqual(itemOf(pools, 'gpu').detail, 'node pool from cluster prod');
      const namespaces = await complete(inJob('namespace = |'), 'nomad', FACTS);
      assert.strictEqual(insertOf(namespaces, 'team-a'), '"team-a"');
      assert.strictEqual(itemOf(namespaces, 'team-a').detail, 'namespace from cluster prod');
    });

    it('offers a constraint value from the node property its attribute compares', async () => {
      const constraint = (target: string, body = 'value = "|"') => `job "web" {\n  group "g" {\n    constraint {\n      attribute = "${target}"\n      ${body}\n    }\n  }\n}\n`;
      assert.deepStrictEqual(labels(await complete(constraint('${node.class}'), 'nomad', FACTS)), ['large', 'small']);
      assert.deepStrictEqual(labels(await complete(constraint('${node.datacenter}'), 'nomad', FACTS)), ['eu-west', 'us-east']);
      const pools = await complete(constraint('${node.pool}', 'value = |'), 'nomad', FACTS);
      assert.strictEqual(insertOf(pools, 'gpu'), '"gpu"');
      assert.strictEqual(itemOf(pools, 'gpu').detail, 'node pool from cluster prod');
      // The attribute may come after the value.
      const after = 'job "web" {\n  affinity {\n    value     = "|"\n    attribute = "${node.class}"\n    weight    = 50\n  }\n}\n';
      assert.deepStrictEqual(labels(await complete(after, 'nomad', FACTS)), ['large', 'small']);
    });

    it('keeps other namespaces and values to themselves', async () => {
      const vault = await complete('job "web" {\n  group "g" {\n    task "t" {\n      vault {\n        namespace = "|"\n      }\n    }\n  }\n}\n', 'nomad', FACTS);
      assertExcludes(vault, ['default', 'team-a']);
      const region = await complete(inJob('region = "|"'), 'nomad', FACTS);
      assertExcludes(region, ['eu-west', 'us-east']);
    });

    it('says "the connected cluster" when the client did not name it, and offers nothing without facts', async () => {
      const { cluster: _, ...unnamed } = FACTS;
      const items = await complete(inJob('node_pool = "|"'), 'nomad', unnamed);
      assert.strictEqual(itemOf(items, 'gpu').detail, 'node pool from the connected cluster');
      assert.deepStrictEqual(await complete(inJob('datacenters = ["|"]')), []);
    });

    it('reads the facts only where a cluster name fits', async () => {
      let reads = 0;
      const counting = (): ClusterFacts => {
        reads++;
        return FACTS;
      };
      assert.ok((await complete(inJob('type = "|"'), 'nomad', counting)).length > 0);
      assert.ok((await complete(inJob('|'), 'nomad', counting)).length > 0);
      assert.strictEqual(reads, 0, 'reading asks the client to refresh; enum values and field names need no facts');
      await complete(inJob('namespace = "|"'), 'nomad', counting);
      assert.strictEqual(reads, 1);
    });
  });

  describe('node attributes and meta of the cluster', () => {
    const constraint = (target: string, body = 'value = "|"', block = 'constraint'): string =>
      `job "web" {\n  group "g" {\n    ${block} {\n      attribute = "${target}"\n      ${body}\n    }\n  }\n}\n`;

    it('offers the values the nodes have for the compared attribute, meta key or node name', async () => {
      const kernels = await complete(constraint('${attr.kernel.name}'), 'nomad', FACTS);
      assert.deepStrictEqual(labels(kernels), ['darwin', 'linux']);
      assert.strictEqual(itemOf(kernels, 'linux').detail, 'value of attr.kernel.name from cluster prod');
      const racks = await complete(constraint('${meta.rack}', 'value = |', 'affinity'), 'nomad', FACTS);
      assert.deepStrictEqual(labels(racks), ['r1', 'r2']);
      assert.strictEqual(insertOf(racks, 'r2'), '"r2"');
      assert.deepStrictEqual(labels(await complete(constraint('${node.unique.name}'), 'nomad', FACTS)), ['client-1', 'client-2']);
      // A key no node has, or one written without ${}, gets no values.
      assert.deepStrictEqual(labels(await complete(constraint('${attr.cpu.arch}'), 'nomad', FACTS)), []);
      assert.deepStrictEqual(labels(await complete(constraint('attr.kernel.name'), 'nomad', FACTS)), []);
    });

    it('offers the attribute and meta keys the nodes report as targets, besides the documented ones', async () => {
      const items = await complete(constraint('${attr.|}', 'operator = "="'), 'nomad', FACTS);
      assert.strictEqual(itemOf(items, 'attr.gpu.model').detail, 'node attribute from cluster prod');
      assert.strictEqual(itemOf(items, 'meta.rack').detail, 'node meta from cluster prod');
      assert.strictEqual(labels(items).filter((l) => l === 'attr.kernel.name').length, 1, 'a documented name is not offered twice');
      assert.ok(labels(items).includes('attr.cpu.arch'), 'the documented names stay');
      assertExcludes(await complete(inJob('meta { a = "${|}" }'), 'nomad', FACTS), ['attr.gpu.model']);
    });

    it('does the same in API JSON and HCL-JSON', async () => {
      const rtarget = await complete('{"Job": {"ID": "web", "Constraints": [{"LTarget": "${meta.rack}", "RTarget": "|"}]}}', 'json', FACTS);
      assert.deepStrictEqual(labels(rtarget), ['"r1"', '"r2"']);
      const ltarget = await complete('{"Job": {"ID": "web", "Affinities": [{"LTarget": |}]}}', 'json', FACTS);
      assert.strictEqual(insertOf(ltarget, '"${attr.gpu.model}"'), '"${attr.gpu.model}"');
      const hclJson = await complete('{"job": {"web": {"group": {"g": {"constraint": [{"attribute": "${attr.kernel.name}", "value": "|"}]}}}}}', 'json', FACTS);
      assert.deepStrictEqual(labels(hclJson), ['"darwin"', '"linux"']);
      const hclJsonTarget = await complete('{"job": {"web": {"group": {"g": {"constraint": [{"attribute": |}]}}}}}', 'json', FACTS);
      assert.strictEqual(itemOf(hclJsonTarget, '"${meta.rack}"').detail, 'node meta from cluster prod');
    });
  });

  describe('JSON job files', () => {
    it('offers datacenters, node pool and namespace in API JSON, labelled as inserted', async () => {
      const datacenters = await complete('{"Job": {"ID": "web", "Datacenters": ["|"]}}', 'json', FACTS);
      assert.deepStrictEqual(labels(datacenters), ['"eu-west"', '"us-east"']);
      assert.strictEqual(itemOf(datacenters, '"eu-west"').detail, 'datacenter from cluster prod');
      const pools = await complete('{"Job": {"ID": "web", "NodePool": |}}', 'json', FACTS);
      assert.deepStrictEqual(labels(pools), ['"all"', '"default"', '"gpu"']);
      const namespaces = await complete('{"Job": {"ID": "web", "Namespace": "t|"}}', 'json', FACTS);
      assert.strictEqual(insertOf(namespaces, '"team-a"'), '"team-a"');
      const wholeList = await complete('{"Job": {"ID": "web", "Datacenters": |}}', 'json', FACTS);
      assert.strictEqual(insertOf(wholeList, '["eu-west"]'), '["eu-west"]');
    });

    it('offers an API JSON constraint RTarget from its LTarget', async () => {
      const items = await complete('{"Job": {"ID": "web", "Constraints": [{"LTarget": "${node.class}", "RTarget": "|"}]}}', 'json', FACTS);
      assert.deepStrictEqual(labels(items), ['"large"', '"small"']);
    });

    it('offers the same names in HCL-JSON', async () => {
      const datacenters = await complete('{"job": {"web": {"datacenters": ["|"]}}}', 'json', FACTS);
      assert.deepStrictEqual(labels(datacenters), ['"eu-west"', '"us-east"']);
      const constraint = await complete('{"job": {"web": {"group": {"g": {"constraint": [{"attribute": "${node.pool}", "value": "|"}]}}}}}', 'json', FACTS);
      assert.deepStrictEqual(labels(constraint), ['"all"', '"default"', '"gpu"']);
    });
  });

  describe('variable paths in templates (Nomad 1.4+)', () => {
    const template = (data: string): string => `job "web" {\n  group "g" {\n    task "t" {\n      template {\n        data = ${data}\n      }\n    }\n  }\n}\n`;

    it('offers the paths of the cluster inside nomadVar in a heredoc, replacing what is typed', async () => {
      const items = await complete(template('<<EOF\n{{ with nomadVar "nomad/jo|" }}{{ .password }}{{ end }}\nEOF'), 'nomad', FACTS);
      assert.deepStrictEqual(labels(items), ['app/config', 'nomad/jobs/web', 'nomad/jobs/web/db']);
      assert.strictEqual(itemOf(items, 'nomad/jobs/web').detail, 'variable from cluster prod');
      assert.strictEqual(insertOf(items, 'nomad/jobs/web'), 'nomad/jobs/web');
    });

    it('works in a quoted string and for nomadVarList prefixes', async () => {
      const quoted = await complete(template('"{{ with nomadVar \\"|\\" }}{{ end }}"'), 'nomad', FACTS);
      assert.deepStrictEqual(labels(quoted), ['app/config', 'nomad/jobs/web', 'nomad/jobs/web/db']);
      const list = await complete(template('<<EOF\n{{ range nomadVarList "|" }}{{ .Path }}{{ end }}\nEOF'), 'nomad', FACTS);
      assert.strictEqual(labels(list).length, 3);
    });

    it('offers nothing outside a template or outside a nomadVar argument', async () => {
      assertExcludes(await complete(inJob('meta { a = "{{ with nomadVar \\"|\\" }}" }'), 'nomad', FACTS), ['app/config']);
      assertExcludes(await complete(template('<<EOF\n{{ env "|" }}\nEOF'), 'nomad', FACTS), ['app/config']);
    });
  });
});
