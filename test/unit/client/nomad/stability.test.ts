// POST /v1/job/:id/stable as Nomad really does it, on the fake and on a real
// agent (NOMAD_TEST_ADDR): the flagged version is stored as the job itself, so
// flagging an older version brings its spec back as the current job.
import * as assert from 'assert';
import type { NomadClient } from '../../../../client/src/nomad/client';
import type { Job } from '../../../../client/src/nomad/types';
import { clientPerTest } from '../../../support/nomad/suiteClient';
import { testJobId } from '../../../support/nomad/testJobs';

/** A batch job: no deployment, whose success would mark the version stable on its own (at once on the fake, seconds later on an agent). */
function sleeper(id: string, count: number): Job {
  return {
    ID: id,
    Type: 'batch',
    Datacenters: ['dc1'],
    TaskGroups: [{ Name: 'g', Count: count, Tasks: [{ Name: 't', Driver: 'raw_exec', Config: { command: '/bin/sleep', args: ['600'] }, Resources: { CPU: 20, MemoryMB: 16 } }] }],
  };
}

describe('job stability on the cluster', () => {
  const suite = clientPerTest();
  let client: NomadClient;
  beforeEach(() => ({ client } = suite));

  async function twoVersions(name: string): Promise<string> {
    const id = testJobId(name);
    await client.registerJob(sleeper(id, 1));
    await client.registerJob(sleeper(id, 2));
    assert.strictEqual((await client.readJob(id)).value.Version, 1);
    return id;
  }

  it('marking the current version stable flags it and keeps the job as it is', async () => {
    const id = await twoVersions('stable-current');
    await client.setJobStability(id, 1, true);
    const { value: job } = await client.readJob(id);
    assert.deepStrictEqual([job.Version, job.Stable, job.TaskGroups?.[0].Count], [1, true, 2]);
    const { value: history } = await client.jobVersions(id);
    assert.deepStrictEqual(history.Versions.map((v) => [v.Version, v.Stable === true]), [[1, true], [0, false]]);
  });

  it('marking an older version stable makes its spec the current job, keeping its number', async () => {
    const id = await twoVersions('stable-older');
    const { value: before } = await client.readJob(id);
    const { value: older } = await client.jobVersions(id);
    const v0 = older.Versions.find((v) => v.Version === 0)!;
    await client.setJobStability(id, 0, true);
    const { value: job } = await client.readJob(id);
    assert.deepStrictEqual([job.Version, job.Stable, job.TaskGroups?.[0].Count], [0, true, 1]);
    assert.strictEqual(job.JobModifyIndex, v0.JobModifyIndex, 'the spec is version 0 as it was submitted');
    assert.ok((job.ModifyIndex ?? 0) > (before.ModifyIndex ?? 0));
    const { value: history } = await client.jobVersions(id);
    assert.deepStrictEqual(history.Versions.map((v) => [v.Version, v.Stable === true]), [[1, false], [0, true]]);
  });

  it('marking an older version unstable does the same', async () => {
    const id = await twoVersions('unstable-older');
    await client.setJobStability(id, 0, true);
    await client.setJobStability(id, 1, true);
    assert.strictEqual((await client.readJob(id)).value.Version, 1);
    await client.setJobStability(id, 0, false);
    const { value: job } = await client.readJob(id);
    assert.deepStrictEqual([job.Version, job.Stable], [0, false]);
  });

  it('changes nothing when the version already has the flag', async () => {
    const id = await twoVersions('stable-again');
    await client.setJobStability(id, 1, true);
    const { value: before } = await client.readJob(id);
    await client.setJobStability(id, 1, true);
    const { value: after } = await client.readJob(id);
    assert.strictEqual(after.ModifyIndex, before.ModifyIndex);
  });
});
