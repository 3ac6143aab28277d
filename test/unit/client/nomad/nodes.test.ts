// The node endpoints through NomadClient, on the fake or a real agent
// (NOMAD_TEST_ADDR): list and read with drivers, refusals, eligibility and a
// drain of a node without allocations (which a real agent completes at once).
import * as assert from 'assert';
import { NomadClient } from '../../../../client/src/nomad/client';
import { refusal } from '../../../support/nomad/refusal';
import { nomadTarget, type NomadTarget } from '../../../support/nomad/target';

const UNKNOWN = '00000000-0000-0000-0000-000000000000';

describe('client nodes (fake or real agent)', function () {
  this.timeout(30_000);
  let target: NomadTarget;
  let client: NomadClient;

  before(async () => {
    target = await nomadTarget();
    client = new NomadClient({ address: target.address, token: target.token });
  });

  after(async () => {
    client.dispose();
    await target.close();
  });


  it('lists nodes with their drivers and reads one in full', async () => {
    const { value: nodes, index } = await client.listNodes();
    assert.ok(index > 0);
    const node = nodes[0];
    assert.equal(node.Status, 'ready');
    const detected = Object.values(node.Drivers ?? {}).filter((d) => d.Detected);
    assert.ok(detected.length > 0 && detected.every((d) => typeof d.Healthy === 'boolean'));
    const { value: full } = await client.readNode(node.ID);
    assert.equal(full.ID, node.ID);
    assert.equal(typeof full.Attributes?.['nomad.version'], 'string');
    assert.ok(Array.isArray((await client.nodeAllocations(node.ID)).value));
  });

  it('refuses an unknown node (404 to read, 500 to change) and an unknown eligibility (500: the RPC refuses it)', async () => {
    assert.deepEqual(await refusal(() => client.readNode(UNKNOWN)), { status: 404, text: 'node not found' });
    assert.deepEqual(await refusal(() => client.setNodeEligibility(UNKNOWN, false)), { status: 500, text: 'node not found' });
    const { value: nodes } = await client.listNodes();
    const bogus = () => client.call(`/v1/node/${nodes[0].ID}/eligibility`, { method: 'POST', namespace: '', body: { Eligibility: 'bogus' } });
    assert.deepEqual(await refusal(bogus), { status: 500, text: 'invalid scheduling eligibility "bogus"' });
  });

  it('toggles eligibility, and a drain of an idle node ends at once leaving it ineligible', async function () {
    const { value: nodes } = await client.listNodes();
    const node = nodes[0];
    const busy = (await client.nodeAllocations(node.ID)).value.some((a) => a.DesiredStatus === 'run' && a.ClientStatus === 'running');
    try {
      const reply = await client.setNodeEligibility(node.ID, false);
      assert.ok((reply.Index ?? 0) > 0);
      assert.equal((await client.readNode(node.ID)).value.SchedulingEligibility, 'ineligible');
      await client.setNodeEligibility(node.ID, true);
      assert.equal((await client.readNode(node.ID)).value.SchedulingEligibility, 'eligible');
      if (busy) this.skip(); // draining would stop other tests' allocations
      await client.drainNode(node.ID, { deadline: 3600e9, ignoreSystemJobs: false });
      const drained = (await client.readNode(node.ID)).value;
      assert.deepEqual([drained.Drain, drained.SchedulingEligibility, drained.DrainStrategy], [false, 'ineligible', null]);
    } finally {
      await client.drainNode(node.ID, null).catch(() => undefined);
      await client.setNodeEligibility(node.ID, true).catch(() => undefined);
    }
    assert.equal((await client.readNode(node.ID)).value.SchedulingEligibility, 'eligible');
  });
});
