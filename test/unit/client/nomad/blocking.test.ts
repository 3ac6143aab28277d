// Blocking queries end to end (client + fake): a held query wakes on a change,
// a wait that ends returns the same index, a stale index answers at once, a
// deregistered-and-purged job's query reports 404, and watchQuery follows it all.
import * as assert from 'assert';
import type { NomadClient } from '../../../../client/src/nomad/client';
import type { Job, JobListStub } from '../../../../client/src/nomad/types';
import { watchQuery } from '../../../../client/src/nomad/watch';
import type { NomadTarget } from '../../../support/nomad/target';
import { clientPerTest } from '../../../support/nomad/suiteClient';
import { testJobId } from '../../../support/nomad/testJobs';

const job = (name: string, count = 1): Job => ({
  ID: testJobId(name),
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
  const suite = clientPerTest();
  let target: NomadTarget;
  let client: NomadClient;
  beforeEach(() => ({ target, client } = suite));

  it('a held job list wakes when a job is registered', async () => {
    const first = await client.listJobs();
    // An empty cluster answers index 0, and index 0 never blocks: wait on 1 instead, as Nomad advises.
    const held = client.listJobs({ index: Math.max(first.index, 1), wait: '5m' });
    await parked(target, 1);
    await client.registerJob(job('woken'));
    // On a real agent another job's change (the scheduler at work) may wake the read first; follow the index.
    let woken = await held;
    for (let wake = 0; !woken.value.some((j) => j.ID === testJobId('woken')) && wake < 10; wake++) {
      assert.ok(woken.index > first.index);
      woken = await client.listJobs({ index: woken.index, wait: '5m' });
    }
    assert.ok(woken.index > first.index);
    assert.ok(woken.value.some((j) => j.ID === testJobId('woken')));
  });

  it('a held job read wakes when an allocation of the job changes status', async function () {
    // Needs the fake's powers: it fails an allocation on demand.
    if (!target.fake) this.skip();
    await client.registerJob(job('web'));
    const before = await client.jobSummary(testJobId('web'));
    const held = client.jobSummary(testJobId('web'), { index: before.index, wait: '5m' });
    await parked(target, 1);
    const [alloc] = target.fake.allocationsOf('default', testJobId('web'));
    target.fake.setAllocationStatus(alloc.ID, 'failed');
    const after = await held;
    assert.ok(after.index > before.index);
    assert.deepStrictEqual([after.value.Summary.g.Running, after.value.Summary.g.Failed], [0, 1]);
  });

  it('returns the same index when the wait ends with no change', async () => {
    await client.registerJob(job('quiet'));
    // Let the scheduler settle the job first (a real agent moves it from pending to running).
    let first = await client.readJob(testJobId('quiet'));
    for (let wake = 0; first.value.Status !== 'running' && wake < 20; wake++) {
      first = await client.readJob(testJobId('quiet'), { index: first.index, wait: '10s' });
    }
    const again = await client.readJob(testJobId('quiet'), { index: first.index, wait: '50ms' });
    assert.strictEqual(again.index, first.index);
    assert.strictEqual(again.value.ID, testJobId('quiet'));
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
    const current = await client.readJob(testJobId('doomed'));
    const held = client.readJob(testJobId('doomed'), { index: current.index, wait: '5m' }).catch((error: unknown) => error);
    await parked(target, 1);
    await client.deleteJob(testJobId('doomed'), { purge: true });
    // A real agent may first wake the read on the job's own change (the scheduler moving it
    // from pending to running, or the stop before the purge); a reader follows the new index,
    // as a watch does, and the next read reports the purge.
    let index = current.index;
    let outcome: unknown = await held;
    for (let wake = 0; !(outcome instanceof Error) && wake < 10; wake++) {
      const woke = outcome as Awaited<ReturnType<NomadClient['readJob']>>;
      assert.ok(woke.index > index, 'a wake-up carries a newer index');
      index = woke.index;
      outcome = await client.readJob(testJobId('doomed'), { index, wait: '5m' }).catch((error: unknown) => error);
    }
    assert.strictEqual((outcome as { kind?: string }).kind, 'notFound', `ended with ${String(outcome)}`);
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
      // Each delivery is a change; on a real agent other jobs' changes may come first.
      for (let wake = 0; !seen[seen.length - 1].includes(testJobId('first')) && wake < 10; wake++) {
        await changed;
        changed = new Promise<void>((resolve) => (notify = resolve));
      }
      assert.ok(!seen[0].includes(testJobId('first')));
      assert.ok(seen[seen.length - 1].includes(testJobId('first')));
    } finally {
      watch.dispose();
    }
    const requestsBefore = seen.length;
    await client.registerJob(job('after-dispose'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.strictEqual(seen.length, requestsBefore, 'nothing delivered after dispose');
  });
});
