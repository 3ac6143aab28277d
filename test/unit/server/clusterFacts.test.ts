// The language server's store of cluster names, filled by nomad/clusterFacts
// and read by completion.
import * as assert from 'assert';
import { clusterNamesFor, getClusterFacts, onClusterFactsWanted, setClusterFacts } from '../../../server/src/lsp/clusterFacts';
import { NO_CLUSTER_FACTS } from '../../../server/src/protocol/clusterFacts';

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
    setClusterFacts({ datacenters: ['dc2', 'dc1'], nodePools: ['default'], nodeClasses: ['gpu'], namespaces: ['default', 'ops'] });
    assert.deepStrictEqual(getClusterFacts(), { datacenters: ['dc1', 'dc2'], nodePools: ['default'], nodeClasses: ['gpu'], namespaces: ['default', 'ops'] });
    getClusterFacts();
    assert.strictEqual(asked, 2);
  });

  it('treats malformed parts as empty and drops empty or repeated names', () => {
    setClusterFacts({ datacenters: ['dc1', '', 'dc1', 7], nodePools: 'default', namespaces: null });
    assert.deepStrictEqual(getClusterFacts(), { datacenters: ['dc1'], nodePools: [], nodeClasses: [], namespaces: [] });
    setClusterFacts(null);
    assert.deepStrictEqual(getClusterFacts(), NO_CLUSTER_FACTS);
  });

  it('tells completion which names fit a job attribute or a placement value', () => {
    setClusterFacts({ datacenters: ['dc1', 'dc2'], nodePools: ['all', 'default', 'gpu'], nodeClasses: ['big'], namespaces: ['default', 'ops'] });
    assert.deepStrictEqual(clusterNamesFor('Job', 'datacenters'), ['dc1', 'dc2']);
    assert.deepStrictEqual(clusterNamesFor('Job', 'node_pool'), ['all', 'default', 'gpu']);
    assert.deepStrictEqual(clusterNamesFor('Job', 'namespace'), ['default', 'ops']);
    assert.deepStrictEqual(clusterNamesFor('Constraint', 'value', '${node.class}'), ['big']);
    assert.deepStrictEqual(clusterNamesFor('Affinity', 'value', ' ${node.datacenter} '), ['dc1', 'dc2']);
    assert.deepStrictEqual(clusterNamesFor('Constraint', 'value', '${node.pool}'), ['all', 'default', 'gpu']);
    // Vault has namespaces of its own; other node properties have no known values.
    assert.deepStrictEqual(clusterNamesFor('Vault', 'namespace'), []);
    assert.deepStrictEqual(clusterNamesFor('Constraint', 'value', '${attr.kernel.name}'), []);
    assert.deepStrictEqual(clusterNamesFor('Constraint', 'value'), []);
    assert.deepStrictEqual(clusterNamesFor('Constraint', 'attribute', '${node.class}'), []);
  });
});
