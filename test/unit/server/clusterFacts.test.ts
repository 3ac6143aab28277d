// The language server's store of cluster names, filled by nomad/clusterFacts
// and read by completion (which names fit where: test/unit/server/services/clusterCompletion.test.ts).
import * as assert from 'assert';
import { getClusterFacts, onClusterFactsWanted, setClusterFacts } from '../../../server/src/lsp/clusterFacts';
import { NO_CLUSTER_FACTS } from '../../../common/src/protocol/clusterFacts';

describe('server cluster facts store', () => {
  let asked: number;
  beforeEach(() => {
    asked = 0;
    onClusterFactsWanted(() => asked++);
  });
  afterEach(() => {
    setClusterFacts(NO_CLUSTER_FACTS);
    onClusterFactsWanted(() => undefined);
  });

  it('keeps what the client sent and asks the client for fresher facts on each read', () => {
    setClusterFacts({ datacenters: ['dc2', 'dc1'], nodePools: ['default'], nodeClasses: ['gpu'], namespaces: ['default', 'ops'], variablePaths: ['nomad/jobs/web', 'app'] });
    assert.deepStrictEqual(getClusterFacts(), {
      datacenters: ['dc1', 'dc2'],
      nodePools: ['default'],
      nodeClasses: ['gpu'],
      namespaces: ['default', 'ops'],
      variablePaths: ['app', 'nomad/jobs/web'],
    });
    getClusterFacts();
    assert.strictEqual(asked, 2);
  });

  it('treats malformed parts as empty and drops empty or repeated names', () => {
    setClusterFacts({ datacenters: ['dc1', '', 'dc1', 7], nodePools: 'default', namespaces: null });
    assert.deepStrictEqual(getClusterFacts(), { datacenters: ['dc1'], nodePools: [], nodeClasses: [], namespaces: [], variablePaths: [] });
    setClusterFacts(null);
    assert.deepStrictEqual(getClusterFacts(), NO_CLUSTER_FACTS);
  });

  it('keeps the name of the cluster the names came from, when it is a non-empty string', () => {
    setClusterFacts({ cluster: 'prod', datacenters: ['dc1'] });
    assert.deepStrictEqual(getClusterFacts(), { cluster: 'prod', datacenters: ['dc1'], nodePools: [], nodeClasses: [], namespaces: [], variablePaths: [] });
    setClusterFacts({ cluster: '', datacenters: ['dc1'] });
    assert.strictEqual(getClusterFacts().cluster, undefined);
    setClusterFacts({ cluster: 42, datacenters: ['dc1'] });
    assert.strictEqual('cluster' in getClusterFacts(), false);
  });

  it('keeps node property values within bounds and drops malformed ones', () => {
    const long = 'x'.repeat(201);
    const many = Array.from({ length: 80 }, (_, i) => `v${String(i).padStart(2, '0')}`);
    setClusterFacts({ nodeProperties: { 'attr.kernel.name': ['linux', 'darwin', 'linux', 3], 'meta.rack': many, 'meta.long': [long], [long]: ['a'], 'attr.odd': 'linux' } });
    const properties = getClusterFacts().nodeProperties ?? {};
    assert.deepStrictEqual(Object.keys(properties).sort(), ['attr.kernel.name', 'meta.rack']);
    assert.deepStrictEqual(properties['attr.kernel.name'], ['darwin', 'linux']);
    assert.strictEqual(properties['meta.rack'].length, 50);
    setClusterFacts({ nodeProperties: ['linux'] });
    assert.strictEqual('nodeProperties' in getClusterFacts(), false);
  });
});
