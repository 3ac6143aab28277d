import { strict as assert } from 'node:assert';
import { deadlineProblem, drainNode, nodeIdFrom, stopNodeDrain, toggleNodeEligibility } from '../../../../../client/src/features/nodes/nodeActions';
import { driverViews, nodeContextValue, nodeView } from '../../../../../client/src/features/nodes/nodePresentation';
import type { NodeListStub } from '../../../../../client/src/nomad/types';
import { context, fakeClient, ScriptedUi } from '../actions/scriptedUi';

const ID = 'fb7a53d4-cd7d-773a-d0b6-51e7c8044702';
const node = (extra: Partial<NodeListStub> = {}): NodeListStub => ({
  ID, Name: 'vm', Datacenter: 'dc1', NodeClass: '', NodePool: 'default', Status: 'ready', SchedulingEligibility: 'eligible', Drain: false, ...extra,
});
const reply = { EvalIDs: null, EvalCreateIndex: 0, Index: 9, NodeModifyIndex: 9 };
const row = { node: node() };

describe('node rows', () => {
  it('describe status, drain, eligibility, datacenter, pool and class', () => {
    assert.equal(nodeView(node()).description, 'ready · dc1 · pool default');
    assert.equal(nodeView(node({ Drain: true, SchedulingEligibility: 'ineligible', NodeClass: 'gpu', NodePool: undefined })).description, 'ready · draining · ineligible · dc1 · class gpu');
    assert.equal(nodeContextValue(node()), 'node:eligible:notDraining');
    assert.equal(nodeContextValue(node({ Drain: true, SchedulingEligibility: 'ineligible' })), 'node:ineligible:draining');
  });

  it('list detected drivers first with their health', () => {
    const views = driverViews({
      docker: { Detected: false, Healthy: false, HealthDescription: 'Failed to connect to docker daemon' },
      raw_exec: { Detected: true, Healthy: true, HealthDescription: 'Healthy' },
      exec: { Detected: true, Healthy: false, HealthDescription: 'no cgroups' },
    });
    assert.deepEqual(views.map((v) => `${v.label}: ${v.description}`), ['exec: unhealthy · no cgroups', 'raw_exec: healthy', 'docker: not detected · Failed to connect to docker daemon']);
  });
});

describe('node actions', () => {
  it('reads the node from its row and checks drain deadlines', () => {
    assert.equal(nodeIdFrom(row), ID);
    assert.equal(nodeIdFrom({ nodeId: ID }), ID);
    assert.equal(nodeIdFrom({ id: ID }), undefined);
    assert.equal(deadlineProblem('30m'), undefined);
    assert.equal(deadlineProblem('-1s'), undefined);
    assert.match(deadlineProblem('0') ?? '', /above zero/);
    assert.match(deadlineProblem('soon') ?? '', /is not a duration/);
  });

  it('toggles eligibility after a confirmation that says what changes', async () => {
    const { client, callsTo } = fakeClient({ readNode: () => ({ value: node(), index: 1 }), setNodeEligibility: () => reply });
    const ui = new ScriptedUi([{ confirm: 'Make Ineligible', dialog: (message) => assert.equal(message, 'Make node vm (fb7a53d4) ineligible?') }]);
    await toggleNodeEligibility(context(ui, client), row);
    ui.assertDone();
    assert.deepEqual(callsTo('setNodeEligibility')[0].args, [ID, false]);
    const cancelled = new ScriptedUi([{ confirm: undefined }]);
    await toggleNodeEligibility(context(cancelled, client), row);
    assert.equal(callsTo('setNodeEligibility').length, 1);
  });

  it('drains with the deadline asked, and stops a drain', async () => {
    let draining = false;
    const { client, callsTo } = fakeClient({ readNode: () => ({ value: node({ Drain: draining }), index: 1 }), drainNode: () => reply });
    await drainNode(context(new ScriptedUi([{ input: '30m' }, { confirm: 'Drain' }]), client), row);
    assert.deepEqual(callsTo('drainNode')[0].args, [ID, { deadline: 30 * 60e9, ignoreSystemJobs: false }]);
    draining = true;
    const already = new ScriptedUi();
    await drainNode(context(already, client), row);
    assert.deepEqual(already.infos, ['Node vm (fb7a53d4) is already draining.']);
    await stopNodeDrain(context(new ScriptedUi([{ confirm: 'Stop Drain' }]), client), row);
    assert.deepEqual(callsTo('drainNode')[1].args, [ID, null]);
  });
});
