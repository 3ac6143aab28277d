// Reading the connected cluster's version and names for the language server,
// against the fake Nomad, and the per-connection cache in front of it.
import * as assert from 'assert';
import { ClusterSnapshotCache, NO_CLUSTER, readClusterSnapshot, type ClusterSnapshot } from '../../../../client/src/lsp/clusterSnapshot';
import { NomadClient } from '../../../../client/src/nomad/client';
import { isNomadError } from '../../../../client/src/nomad/errors';
import { writeVariable } from '../../../../client/src/nomad/variables';
import { deadAddress } from '../../../support/deadAddress';
import { HttpError, startFakeNomad, type FakeNomad } from '../../../support/nomad';
import { FAKE_NODE_ID } from '../../../support/nomad/records';
import { NODE_PROPERTY_LIMITS } from '../../../../common/src/protocol/clusterFacts';
import type { ServerResponse } from 'http';

interface Failure {
  what: string;
  error: unknown;
}

async function read(client: NomadClient): Promise<{ snapshot: ClusterSnapshot; failures: Failure[] }> {
  const failures: Failure[] = [];
  const snapshot = await readClusterSnapshot(client, (what, error) => failures.push({ what, error }));
  return { snapshot, failures };
}

/** GET /v1/node/:id, not /v1/node/pools. */
const NODE_READ = /^\/v1\/node\/([0-9a-f-]{36})$/;

/** What a token without the capability gets for these reads. */
function refuseReads(fake: FakeNomad, pattern: RegExp): void {
  fake.addRoute({
    pattern,
    methods: {
      GET: {
        answer: () => {
          throw new HttpError(403, 'Permission denied');
        },
      },
    },
  });
}

describe('cluster snapshot for the language server', () => {
  let fake: FakeNomad | undefined;
  let client: NomadClient;
  afterEach(async () => {
    client.dispose();
    await fake?.close();
    fake = undefined;
  });

  it('reads the version, datacenters, node pools, node classes and namespaces of a current cluster', async () => {
    fake = await startFakeNomad({ agentVersion: '1.7.3' });
    const east = fake.state.addNode({ Datacenter: 'eu-west', NodeClass: 'gpu', NodePool: 'batch', Meta: { rack: 'r2' } });
    const west = fake.state.addNode({ Datacenter: 'dc1', NodeClass: 'gpu', NodePool: 'default', Meta: { rack: 'r1' } });
    fake.state.addNamespace('team-a');
    client = new NomadClient({ address: fake.address });
    await writeVariable(client, 'nomad/jobs/web', { password: 'not-for-the-server' }, 0);
    const { snapshot, failures } = await read(client);
    assert.deepStrictEqual(failures, []);
    assert.deepStrictEqual(snapshot, {
      version: '1.7.3',
      facts: {
        datacenters: ['dc1', 'eu-west'],
        nodePools: ['all', 'batch', 'default'],
        nodeClasses: ['gpu'],
        namespaces: ['default', 'team-a'],
        variablePaths: ['nomad/jobs/web'],
        nodeProperties: {
          'attr.cpu.arch': ['amd64'],
          'attr.driver.raw_exec': ['1'],
          'attr.kernel.name': ['linux'],
          'attr.nomad.version': ['1.0.18'],
          'attr.unique.hostname': [east.Name, west.Name, 'fake-node'].sort(),
          'meta.connect.log_level': ['info'],
          'meta.rack': ['r1', 'r2'],
          'node.unique.id': [east.ID, west.ID, FAKE_NODE_ID].sort(),
          'node.unique.name': [east.Name, west.Name, 'fake-node'].sort(),
        },
      },
    });
    assert.ok(!JSON.stringify(snapshot).includes('not-for-the-server'), 'only paths reach the language server');
  });

  it('does not ask a cluster older than 1.4 for variables', async () => {
    fake = await startFakeNomad({ agentVersion: '1.3.16' });
    client = new NomadClient({ address: fake.address });
    const { snapshot, failures } = await read(client);
    assert.deepStrictEqual(failures, []);
    assert.deepStrictEqual(snapshot.facts.variablePaths, []);
    assert.ok(!fake.requests.some((r) => r.url.startsWith('/v1/vars')), 'no variables request');
  });

  it('quietly has no node pools on a server older than 1.6, which answers 404', async () => {
    fake = await startFakeNomad({ agentVersion: '1.4.0' });
    client = new NomadClient({ address: fake.address });
    const { snapshot, failures } = await read(client);
    assert.deepStrictEqual(failures, []);
    assert.strictEqual(snapshot.version, '1.4.0');
    assert.deepStrictEqual(snapshot.facts.nodePools, []);
    assert.deepStrictEqual(snapshot.facts.datacenters, ['dc1']);
    assert.ok(fake.requests.some((r) => r.url.startsWith('/v1/node/pools')), 'the pools endpoint was tried');
  });

  it('still lists names when the token may not read the agent, and reports the refused read', async () => {
    fake = await startFakeNomad({ agentVersion: '1.7.3' });
    refuseReads(fake, /^\/v1\/agent\/self$/);
    client = new NomadClient({ address: fake.address });
    const { snapshot, failures } = await read(client);
    assert.strictEqual(snapshot.version, null);
    assert.deepStrictEqual(snapshot.facts.namespaces, ['default']);
    assert.deepStrictEqual(failures.map((f) => f.what), ['version']);
  });

  it('reads at most 50 nodes for their attributes, at most 4 at a time, and bounds the values (needs the fake: holds answers back)', async () => {
    fake = await startFakeNomad({ agentVersion: '1.7.3' });
    for (let i = 0; i < 59; i++) fake.state.addNode({});
    const held: { res: ServerResponse; id: string }[] = [];
    let answered = 0;
    let mostInFlight = 0;
    const longValue = 'x'.repeat(NODE_PROPERTY_LIMITS.length + 1);
    fake.addRoute({
      pattern: NODE_READ,
      methods: {
        GET: {
          raw: (req, res) => {
            held.push({ res, id: req.params[0] });
            mostInFlight = Math.max(mostInFlight, held.length);
            // Answer a batch once the reader has as many in flight as it may, or all that remain.
            if (held.length < NODE_PROPERTY_LIMITS.parallelReads && answered + held.length < NODE_PROPERTY_LIMITS.nodes) return;
            for (const { res: reply, id } of held.splice(0)) {
              answered++;
              reply.writeHead(200, { 'Content-Type': 'application/json' });
              reply.end(JSON.stringify({ ID: id, Name: id, Status: 'ready', Attributes: { 'unique.id': id, huge: longValue }, Meta: { shard: `s${answered}` } }));
            }
          },
        },
      },
    });
    client = new NomadClient({ address: fake.address });
    const { snapshot, failures } = await read(client);
    assert.deepStrictEqual(failures, []);
    assert.strictEqual(answered, NODE_PROPERTY_LIMITS.nodes, 'only the first 50 nodes are read');
    assert.strictEqual(mostInFlight, NODE_PROPERTY_LIMITS.parallelReads);
    const properties = snapshot.facts.nodeProperties ?? {};
    assert.strictEqual(properties['meta.shard'].length, NODE_PROPERTY_LIMITS.valuesPerKey);
    assert.strictEqual(properties['attr.huge'], undefined, 'a value too long to show is left out');
    assert.strictEqual(properties['node.unique.name'].length, NODE_PROPERTY_LIMITS.nodes);
  });

  it('reports a refused node read once and still lists the names', async () => {
    fake = await startFakeNomad({ agentVersion: '1.7.3' });
    fake.state.addNode({ Datacenter: 'eu-west' });
    refuseReads(fake, NODE_READ);
    client = new NomadClient({ address: fake.address });
    const { snapshot, failures } = await read(client);
    assert.deepStrictEqual(failures.map((f) => f.what), ['node attributes']);
    assert.deepStrictEqual(snapshot.facts.datacenters, ['dc1', 'eu-west']);
    assert.deepStrictEqual(Object.keys(snapshot.facts.nodeProperties ?? {}), ['node.unique.id', 'node.unique.name']);
  });

  it('gives up after one failure when the cluster cannot be reached', async () => {
    client = new NomadClient({ address: await deadAddress(), connectTimeoutMs: 2_000 });
    const { snapshot, failures } = await read(client);
    assert.deepStrictEqual(snapshot, NO_CLUSTER);
    assert.deepStrictEqual(failures.map((f) => f.what), ['version']);
    assert.ok(isNomadError(failures[0].error) && failures[0].error.kind === 'unreachable', String(failures[0].error));
  });
});

describe('cluster snapshot cache', () => {
  const snapshotOf = (version: string): ClusterSnapshot => ({ ...NO_CLUSTER, version });
  let clock: number;
  let reads: NomadClient[];
  let cache: ClusterSnapshotCache;
  const first = new NomadClient({ address: 'http://127.0.0.1:1' });
  const second = new NomadClient({ address: 'http://127.0.0.1:2' });
  const ignore = (): void => undefined;

  beforeEach(() => {
    clock = 1_000;
    reads = [];
    cache = new ClusterSnapshotCache(
      async (client) => {
        reads.push(client);
        return snapshotOf(`${reads.length}.0.0`);
      },
      () => clock,
      60_000,
    );
  });
  after(() => {
    first.dispose();
    second.dispose();
  });

  it('reads a connection once within the maximum age, sharing a read in flight', async () => {
    const [a, b] = await Promise.all([cache.get(first, ignore), cache.get(first, ignore)]);
    clock += 59_999;
    const c = await cache.get(first, ignore);
    assert.deepStrictEqual([a.version, b.version, c.version], ['1.0.0', '1.0.0', '1.0.0']);
    assert.strictEqual(reads.length, 1);
  });

  it('reads again once the snapshot is a minute old', async () => {
    await cache.get(first, ignore);
    clock += 60_000;
    assert.strictEqual((await cache.get(first, ignore)).version, '2.0.0');
  });

  it('reads a new connection at once, and on request even when fresh', async () => {
    await cache.get(first, ignore);
    assert.strictEqual((await cache.get(second, ignore)).version, '2.0.0');
    assert.strictEqual((await cache.get(second, ignore, true)).version, '3.0.0');
    assert.deepStrictEqual(reads, [first, second, second]);
  });

  it('reads the real cluster only once for repeated requests', async () => {
    const fake = await startFakeNomad();
    const client = new NomadClient({ address: fake.address });
    try {
      const realCache = new ClusterSnapshotCache(undefined, () => clock);
      const one = await realCache.get(client, ignore);
      const two = await realCache.get(client, ignore);
      assert.strictEqual(one, two);
      assert.strictEqual(fake.requests.filter((r) => r.url.startsWith('/v1/agent/self')).length, 1);
    } finally {
      client.dispose();
      await fake.close();
    }
  });
});
