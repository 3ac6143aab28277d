// Reading the connected cluster's version and names for the language server,
// against the fake Nomad, and the per-connection cache in front of it.
import * as assert from 'assert';
import { ClusterSnapshotCache, NO_CLUSTER, readClusterSnapshot, type ClusterSnapshot } from '../../../../client/src/lsp/clusterSnapshot';
import { NomadClient } from '../../../../client/src/nomad/client';
import { isNomadError } from '../../../../client/src/nomad/errors';
import { writeVariable } from '../../../../client/src/nomad/variables';
import { deadAddress } from '../../../support/deadAddress';
import { HttpError, startFakeNomad, type FakeNomad } from '../../../support/nomad';

interface Failure {
  what: string;
  error: unknown;
}

async function read(client: NomadClient): Promise<{ snapshot: ClusterSnapshot; failures: Failure[] }> {
  const failures: Failure[] = [];
  const snapshot = await readClusterSnapshot(client, (what, error) => failures.push({ what, error }));
  return { snapshot, failures };
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
    fake.state.addNode({ Datacenter: 'eu-west', NodeClass: 'gpu', NodePool: 'batch' });
    fake.state.addNode({ Datacenter: 'dc1', NodeClass: 'gpu', NodePool: 'default' });
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
    fake.addRoute({
      pattern: /^\/v1\/agent\/self$/,
      methods: {
        GET: {
          answer: () => {
            throw new HttpError(403, 'Permission denied');
          },
        },
      },
    });
    client = new NomadClient({ address: fake.address });
    const { snapshot, failures } = await read(client);
    assert.strictEqual(snapshot.version, null);
    assert.deepStrictEqual(snapshot.facts.namespaces, ['default']);
    assert.deepStrictEqual(failures.map((f) => f.what), ['version']);
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
