import { strict as assert } from 'node:assert';
import {
  deploymentRefFrom,
  failDeployment,
  manualHealthGroups,
  pauseDeployment,
  promoteDeployment,
  setAllocationHealth,
} from '../../../../../client/src/features/deployments/deploymentActions';
import { allowedChanges } from '../../../../../client/src/nomad/deploymentStates';
import type { Deployment } from '../../../../../client/src/nomad/types';
import { context, fakeClient, ScriptedUi } from '../actions/scriptedUi';

const ID = 'd3a1b2c4-0000-1111-2222-333333333333';
const group = (extra: Record<string, unknown> = {}) => ({ DesiredCanaries: 0, DesiredTotal: 2, PlacedAllocs: 2, HealthyAllocs: 1, Promoted: false, PlacedCanaries: [], ...extra });
const deployment = (status: string, groups: Record<string, Record<string, unknown>> = { api: group() }): Deployment =>
  ({ ID, JobID: 'web', Namespace: 'default', JobVersion: 3, Status: status, TaskGroups: groups, CreateIndex: 1, ModifyIndex: 1 }) as unknown as Deployment;
const canaries = () => deployment('running', { api: group({ DesiredCanaries: 1, PlacedCanaries: ['c1'] }), db: group({ DesiredCanaries: 1, PlacedCanaries: ['c2'] }) });
const reply = { EvalID: 'e9f8a7b6-0000', DeploymentModifyIndex: 9, Index: 9, RevertedJobVersion: null };
const row = { deployment: { ID, Namespace: 'default' } };

describe('deployment states', () => {
  it('offers each change only where Nomad accepts it', () => {
    assert.deepEqual(allowedChanges(canaries()), ['promote', 'pause', 'fail', 'health']);
    assert.deepEqual(allowedChanges(deployment('running')), ['pause', 'fail', 'health'], 'nothing to promote without canaries');
    assert.deepEqual(allowedChanges(deployment('paused', { api: group({ DesiredCanaries: 1 }) })), ['promote', 'resume', 'fail', 'health']);
    assert.deepEqual(allowedChanges(deployment('running', { api: group({ DesiredCanaries: 1, Promoted: true }) })), ['pause', 'fail', 'health']);
    for (const terminal of ['successful', 'failed', 'cancelled']) assert.deepEqual(allowedChanges(deployment(terminal)), []);
  });

  it('reads the deployment from its row or a plain id, not from other rows', () => {
    assert.deepEqual(deploymentRefFrom(row), { id: ID, namespace: 'default' });
    assert.deepEqual(deploymentRefFrom({ id: ID }), { id: ID, namespace: undefined });
    assert.equal(deploymentRefFrom({ kind: 'allocation', id: 'a1' }), undefined);
  });
});

describe('deployment actions', () => {
  it('promotes every group, or the one picked', async () => {
    const { client, callsTo } = fakeClient({ readDeployment: () => ({ value: canaries(), index: 1 }), promoteDeployment: () => reply });
    const all = new ScriptedUi([{ pick: 'All groups', items: (items) => assert.deepEqual(items.map((i) => i.label), ['All groups', 'api', 'db']) }]);
    await promoteDeployment(context(all, client), row);
    const one = new ScriptedUi([{ pick: 'db' }]);
    await promoteDeployment(context(one, client), row);
    assert.deepEqual(callsTo('promoteDeployment').map((c) => c.args), [
      [ID, { namespace: 'default', groups: undefined }],
      [ID, { namespace: 'default', groups: ['db'] }],
    ]);
    assert.deepEqual(all.infos, ['Promoted deployment d3a1b2c4 of "web" (evaluation e9f8a7b6).']);
  });

  it('does nothing and says why when the deployment is over', async () => {
    const { client, callsTo } = fakeClient({ readDeployment: () => ({ value: deployment('successful'), index: 1 }) });
    const ui = new ScriptedUi();
    await pauseDeployment(context(ui, client), true, row);
    assert.deepEqual(ui.infos, ['Deployment d3a1b2c4 of "web" is successful; Nomad does not pause it in that state.']);
    assert.equal(callsTo('pauseDeployment').length, 0);
  });

  it('pauses and resumes without asking', async () => {
    let status = 'running';
    const { client, callsTo } = fakeClient({ readDeployment: () => ({ value: deployment(status), index: 1 }), pauseDeployment: () => reply });
    await pauseDeployment(context(new ScriptedUi(), client), true, row);
    status = 'paused';
    await pauseDeployment(context(new ScriptedUi(), client), false, row);
    assert.deepEqual(callsTo('pauseDeployment').map((c) => c.args.slice(0, 2)), [[ID, true], [ID, false]]);
  });

  it('fails only after a confirmation that names the groups that revert', async () => {
    const reverting = deployment('running', { api: group({ AutoRevert: true }) });
    const { client, callsTo } = fakeClient({ readDeployment: () => ({ value: reverting, index: 1 }), failDeployment: () => ({ ...reply, RevertedJobVersion: 2 }) });
    const cancelled = new ScriptedUi([{ confirm: undefined }]);
    await failDeployment(context(cancelled, client), row);
    assert.equal(callsTo('failDeployment').length, 0);
    const ui = new ScriptedUi([{ confirm: 'Fail Deployment', dialog: (_m, options) => assert.match(options.detail!, /group api revert to the last stable version/) }]);
    await failDeployment(context(ui, client), row);
    assert.equal(callsTo('failDeployment').length, 1);
    assert.deepEqual(ui.infos, ['Failed deployment d3a1b2c4 of "web" (evaluation e9f8a7b6); the job went back to version 2.']);
  });

  it('sets allocation health only for manual-health groups, confirming unhealthy', async () => {
    const version = { ID: 'web', Version: 3, TaskGroups: [{ Name: 'api', Update: { HealthCheck: 'manual' } }, { Name: 'db' }] };
    const allocations = [
      { ID: 'a1111111-0', Name: 'web.api[0]', TaskGroup: 'api', ClientStatus: 'running', DesiredStatus: 'run', DeploymentStatus: null },
      { ID: 'b2222222-0', Name: 'web.db[0]', TaskGroup: 'db', ClientStatus: 'running', DesiredStatus: 'run' },
    ];
    const { client, callsTo } = fakeClient({
      readDeployment: () => ({ value: deployment('running'), index: 1 }),
      jobVersions: () => ({ value: { Versions: [version], Diffs: null }, index: 1 }),
      deploymentAllocations: () => ({ value: allocations, index: 1 }),
      setAllocationHealth: () => reply,
    });
    const ui = new ScriptedUi([
      { pick: 'web.api[0]', items: (items) => assert.deepEqual(items.map((i) => i.label), ['web.api[0]'], 'only manual-health groups') },
      { pick: 'Unhealthy' },
      { confirm: 'Mark Unhealthy' },
    ]);
    await setAllocationHealth(context(ui, client), row);
    ui.assertDone();
    assert.deepEqual(callsTo('setAllocationHealth')[0].args, [ID, { unhealthy: ['a1111111-0'] }, { namespace: 'default' }]);
    assert.deepEqual(manualHealthGroups({ Update: { HealthCheck: 'manual' }, TaskGroups: [{ Name: 'g' }] }), ['g'], 'the job-level update block applies to groups without one');
  });

  it('says health is Nomad’s to judge when no group uses manual health', async () => {
    const { client, callsTo } = fakeClient({
      readDeployment: () => ({ value: deployment('running'), index: 1 }),
      jobVersions: () => ({ value: { Versions: [{ ID: 'web', Version: 3, TaskGroups: [{ Name: 'api' }] }], Diffs: null }, index: 1 }),
    });
    const ui = new ScriptedUi();
    await setAllocationHealth(context(ui, client), row);
    assert.match(ui.infos[0], /lets Nomad judge allocation health/);
    assert.equal(callsTo('deploymentAllocations').length, 0);
  });
});
