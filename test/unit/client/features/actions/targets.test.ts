import { strict as assert } from 'node:assert';
import { allocationRefFrom, jobRefFrom, versionRefFrom } from '../../../../../client/src/features/actions/targets';

// Shaped like the explorer's nodes: JobNode { stub }, VersionNode { job, version }, AllocationNode { allocation }.
describe('action targets from command arguments', () => {
  it('reads a job row and a plain reference', () => {
    assert.deepEqual(jobRefFrom({ kind: 'job', stub: { ID: 'web', Namespace: 'team' } }), { id: 'web', namespace: 'team' });
    assert.deepEqual(jobRefFrom({ id: 'web' }), { id: 'web', namespace: undefined });
    assert.equal(jobRefFrom(undefined), undefined);
    assert.equal(jobRefFrom([{ id: 'web' }]), undefined);
  });

  it('reads a version row, whose version is a getter on the node', () => {
    class VersionNodeLike {
      constructor(readonly job: { ID: string; Namespace: string; Version: number }) {}
      get version(): number {
        return this.job.Version;
      }
    }
    assert.deepEqual(versionRefFrom(new VersionNodeLike({ ID: 'web', Namespace: 'default', Version: 2 })), { job: { id: 'web', namespace: 'default' }, version: 2 });
    assert.deepEqual(versionRefFrom({ job: { id: 'web' }, version: 0 }), { job: { id: 'web', namespace: undefined }, version: 0 });
    assert.equal(versionRefFrom({ stub: { ID: 'web' } }), undefined);
  });

  it('reads allocation and task rows', () => {
    const allocation = { ID: 'e0be2b3c', Namespace: 'default', JobID: 'web' };
    assert.deepEqual(allocationRefFrom({ allocation }), { id: 'e0be2b3c', namespace: 'default', jobId: 'web', task: undefined });
    assert.deepEqual(allocationRefFrom({ allocation, taskName: 'app' })?.task, 'app');
    assert.deepEqual(allocationRefFrom({ id: 'e0be2b3c', task: 'app' })?.task, 'app');
  });
});
