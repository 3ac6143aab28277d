// POST /v1/job/:id/scale through NomadClient.scaleGroup, on the fake or a real
// agent (NOMAD_TEST_ADDR): the refusals Nomad gives before anything changes,
// and a scale that makes a new job version and a `job-scaling` evaluation.
import * as assert from 'assert';
import { NomadClient } from '../../../../client/src/nomad/client';
import type { Job } from '../../../../client/src/nomad/types';
import { refusal } from '../../../support/nomad/refusal';
import { nomadTarget, type NomadTarget } from '../../../support/nomad/target';

const scalable = (id: string): Job => ({
  ID: id,
  Name: id,
  Type: 'batch',
  Datacenters: ['dc1'],
  TaskGroups: [
    {
      Name: 'g',
      Count: 1,
      Scaling: { Min: 1, Max: 3, Enabled: false },
      Tasks: [{ Name: 'app', Driver: 'raw_exec', Config: { command: '/bin/sh', args: ['-c', 'sleep 600'] }, Resources: { CPU: 20, MemoryMB: 16 } }],
    },
  ],
});

describe('scaling a group (fake or real agent)', function () {
  this.timeout(30_000);
  let target: NomadTarget;
  let client: NomadClient;
  const id = `scale-test-${Date.now().toString(36)}`;

  before(async () => {
    target = await nomadTarget();
    client = new NomadClient({ address: target.address, token: target.token });
    // A batch job has no deployment, so the scale is not blocked while one runs.
    await client.registerJob(scalable(id));
  });

  after(async () => {
    await client.deleteJob(id, { purge: true }).catch(() => undefined);
    client.dispose();
    await target.close();
  });


  it('refuses counts outside the scaling policy with Nomad’s words', async () => {
    assert.deepEqual(await refusal(() => client.scaleGroup(id, 'g', 5)), {
      status: 400,
      text: 'group count was greater than scaling policy maximum: 5 > 3',
    });
    assert.deepEqual(await refusal(() => client.scaleGroup(id, 'g', 0)), {
      status: 400,
      text: 'group count was less than scaling policy minimum: 0 < 1',
    });
  });

  it('refuses an unknown group, a negative count and an unknown job', async () => {
    assert.deepEqual(await refusal(() => client.scaleGroup(id, 'nope', 2)), {
      status: 400,
      text: 'task group "nope" specified for scaling does not exist in job',
    });
    assert.deepEqual(await refusal(() => client.scaleGroup(id, 'g', -1)), { status: 400, text: "scaling action count can't be negative" });
    assert.deepEqual(await refusal(() => client.scaleGroup(`${id}-missing`, 'g', 2)), { status: 404, text: `job "${id}-missing" not found` });
  });

  it('sets the count as a new job version and evaluates it', async () => {
    const before = (await client.readJob(id)).value;
    const reply = await client.scaleGroup(id, 'g', 2, { message: 'from the test' });
    assert.ok(reply.EvalID);
    assert.ok(reply.JobModifyIndex > (before.JobModifyIndex ?? 0));
    const after = (await client.readJob(id)).value;
    assert.equal(after.TaskGroups?.[0].Count, 2);
    assert.equal(after.Version, (before.Version ?? 0) + 1);
    const evaluation = (await client.readEvaluation(reply.EvalID)).value;
    assert.equal(evaluation.TriggeredBy, 'job-scaling');
  });
});
