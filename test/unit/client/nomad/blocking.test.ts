// Blocking queries end to end (client + fake): a held query wakes on a change,
// a wait that ends returns the same index, a stale index answers at once, a
// deregistered-and-purged job's query reports 404, and watchQuery follows it all.
import * as assert from 'assert';
import { NomadClient } from '../../../../client/src/nomad/client';
import type { Job, JobListStub } from '../../../../client/src/nomad/types';
import { watchQuery } from '../../../../client/src/nomad/watch';
import { nomadTarget, NomadTarget } from '../../../support/nomad/target';

const job = (id: string, count = 1): Job => ({
  ID: id,
  Type: 'service',
  Datacenters: ['dc1'],
  TaskGroups: [{ Name: 'g', Count: count, Tasks: [{ Name: 't', Driver: 'raw_exec', Config: { command: '/bin/sleep', args: ['600'] } }] }],
});

/** Resolves once the fake has a query parked (so the change below really wakes it). */
async function parked(target: NomadTarget, count: number): Promise<void> {
  for (let turn = 0; target.fake && target.fake.parkedQueries < count; turn++) {
    if (turn > 100_000) throw new Error('no blocking query was parked');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('blocking queries', () => {
  let target: NomadTarget;
  let client: NomadClient;
  beforeEach(async () => {
    target = await nomadTarget();
    client = new NomadClient({ address: target.address, token: target.token });
  });
  afterEach(async () => {
    client.dispose();
    await target.close();
  });

  it('a held job list wakes when a job is registered', async () => {
    const first = await client.listJobs();
    // An empty cluster answers index 0, and index 0 never blocks: wait on 1 instead, as Nomad advises.
    const held = client.listJobs({ index: Math.max(first.index, 1), wait: '5m' });
    await parked(target, 1);
    await client.registerJob(job('woken'));
    const woken = await held;
    assert.ok(woken.index > first.index);
    assert.ok(woken.value.some((j) => j.ID === 'woken'));
  });

  it('a held job read wakes when an allocation of the job changes status', async function () {
    if (!target.fake) this.skip();
    await client.registerJob(job('web'));
    const before = await client.jobSummary('web');
    const held = client.jobSummary('web', { index: before.index, wait: '5m' });
    await parked(target, 1);
    const [alloc] = target.fake.allocationsOf('default', 'web');
    target.fake.setAllocationStatus(alloc.ID, 'failed');
    const after = await held;
    assert.ok(after.index > before.index);
    assert.deepStrictEqual([after.value.Summary.g.Running, after.value.Summary.g.Failed], [0, 1]);
  });

  it('returns the same index when the wait ends with no change', async () => {
    await client.registerJob(job('quiet'));
    const first = await client.readJob('quiet');
    const again = await client.readJob('quiet', { index: first.index, wait: '50ms' });
    assert.strictEqual(again.index, first.index);
    assert.strictEqual(again.value.ID, 'quiet');
  });

  it('answers at once when the given index is already stale', async () => {
    await client.registerJob(job('a'));
    await client.registerJob(job('b'));
    // With a five-minute wait, only an immediate answer lets this test finish.
    const result = await client.listJobs({ index: 1, wait: '5m' });
    assert.ok(result.index > 1);
  });

  it('a held read of a job that gets purged ends with notFound', async () => {
    await client.registerJob(job('doomed'));
    const current = await client.readJob('doomed');
    const held = client.readJob('doomed', { index: current.index, wait: '5m' });
    await parked(target, 1);
    await client.deleteJob('doomed', { purge: true });
    await assert.rejects(held, { kind: 'notFound' });
  });

  it('watchQuery delivers the first list, then each change, until disposed', async () => {
    const seen: string[][] = [];
    let notify!: () => void;
    let changed = new Promise<void>((resolve) => (notify = resolve));
    const watch = watchQuery<JobListStub[]>(
      (index, signal, wait) => client.listJobs({ index, signal, wait }),
      (jobs) => {
        seen.push(jobs.map((j) => j.ID));
        notify();
      },
      (error) => assert.fail(error.message),
      { wait: '5m' },
    );
    try {
      await changed;
      changed = new Promise<void>((resolve) => (notify = resolve));
      await parked(target, 1);
      await client.registerJob(job('first'));
      await changed;
      assert.ok(!seen[0].includes('first'));
      assert.ok(seen[seen.length - 1].includes('first'));
    } finally {
      watch.dispose();
    }
    const requestsBefore = seen.length;
    await client.registerJob(job('after-dispose'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.strictEqual(seen.length, requestsBefore, 'nothing delivered after dispose');
  });
});
