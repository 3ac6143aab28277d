import { strict as assert } from 'node:assert';
import { restartAllocation } from '../../../../../client/src/features/actions/restartAllocation';
import { showTaskLogs } from '../../../../../client/src/features/actions/showTaskLogs';
import { stopAllocation } from '../../../../../client/src/features/actions/stopAllocation';
import type { LogTarget } from '../../../../../client/src/features/logs/logTarget';
import { context, fakeClient, nomadError, ScriptedUi, stub } from './scriptedUi';

const allocId = 'e0be2b3c-021a-b496-5442-87c59fb1b7c2';
const allocation = (tasks: string[]) => ({
  value: { ID: allocId, JobID: 'web', Namespace: 'default', TaskGroup: 'g', TaskStates: Object.fromEntries(tasks.map((t) => [t, { State: 'running', Failed: false, Events: [] }])) },
  index: 1,
});

describe('show logs action', () => {
  it('opens the only task of an allocation row without asking', async () => {
    const { client } = fakeClient({ readAllocation: () => allocation(['app']) });
    const opened: LogTarget[] = [];
    const ui = new ScriptedUi();
    await showTaskLogs(context(ui, client), async (t) => opened.push(t), 'stderr', { allocation: { ID: allocId, Namespace: 'default', JobID: 'web' } });
    assert.deepEqual(opened, [{ allocId, task: 'app', type: 'stderr', jobId: 'web', namespace: 'default' }]);
  });

  it('asks which task when the allocation runs several', async () => {
    const { client } = fakeClient({ readAllocation: () => allocation(['app', 'sidecar']) });
    const opened: LogTarget[] = [];
    const ui = new ScriptedUi([{ pick: 'sidecar' }]);
    await showTaskLogs(context(ui, client), async (t) => opened.push(t), 'stdout', { id: allocId });
    ui.assertDone();
    assert.equal(opened[0].task, 'sidecar');
  });

  it('goes straight to the task of a task row', async () => {
    const { client, calls } = fakeClient({});
    const opened: LogTarget[] = [];
    await showTaskLogs(context(new ScriptedUi(), client), async (t) => opened.push(t), 'stdout', { allocation: { ID: allocId, JobID: 'web' }, task: 'app' });
    assert.equal(calls.length, 0);
    assert.deepEqual(opened, [{ allocId, task: 'app', type: 'stdout', jobId: 'web', namespace: undefined }]);
  });

  it('from the palette, picks a job then one of its allocations', async () => {
    const { client } = fakeClient({
      listJobs: () => ({ value: [stub('web')], index: 1 }),
      jobAllocations: () => ({ value: [{ ID: allocId, Name: 'web.g[0]', JobID: 'web', ClientStatus: 'running', NodeName: 'vm', Namespace: 'default' }], index: 1 }),
      readAllocation: () => allocation(['app']),
    });
    const opened: LogTarget[] = [];
    const ui = new ScriptedUi([{ pick: 'web' }, { pick: 'web.g[0]', items: (items) => assert.equal(items[0].description, 'e0be2b3c · running · vm') }]);
    await showTaskLogs(context(ui, client), async (t) => opened.push(t), 'stdout');
    ui.assertDone();
    assert.equal(opened[0].task, 'app');
  });
});

describe('restart and stop allocation actions', () => {
  it('restarts one task after confirming', async () => {
    const { client, callsTo } = fakeClient({ call: () => ({ value: { Index: 0 }, index: 0 }) });
    const ui = new ScriptedUi([{ confirm: 'Restart', dialog: (message) => assert.equal(message, 'Restart task "app" of allocation e0be2b3c?') }]);
    await restartAllocation(context(ui, client), { allocation: { ID: allocId }, task: 'app' });
    ui.assertDone();
    const [call] = callsTo('call');
    assert.equal(call.args[0], `/v1/client/allocation/${allocId}/restart`);
    assert.deepEqual((call.args[1] as { body: unknown }).body, { TaskName: 'app' });
    assert.deepEqual(ui.infos, ['Restarted task "app" of allocation e0be2b3c.']);
  });

  it('sends nothing when the restart is cancelled', async () => {
    const { client, calls } = fakeClient({});
    const ui = new ScriptedUi([{ confirm: undefined }]);
    await restartAllocation(context(ui, client), { id: allocId });
    assert.deepEqual(calls, []);
  });

  it('stops an allocation after confirming and names the evaluation', async () => {
    const { client, callsTo } = fakeClient({ call: () => ({ value: { EvalID: '5a1e7b2c-aaaa', Index: 90 }, index: 90 }) });
    const ui = new ScriptedUi([{ confirm: 'Stop Allocation' }]);
    await stopAllocation(context(ui, client), { allocation: { ID: allocId, JobID: 'web' } });
    assert.equal(callsTo('call')[0].args[0], `/v1/allocation/${allocId}/stop`);
    assert.deepEqual(ui.infos, ['Stopped allocation e0be2b3c of "web"; evaluation 5a1e7b2c places a replacement if one is needed.']);
  });

  it('says plainly when the allocation is gone or its node unreachable', async () => {
    const gone = fakeClient({ call: () => { throw nomadError('notFound', 404, `Unknown allocation "${allocId}"`); } });
    const ui = new ScriptedUi([{ confirm: 'Stop Allocation' }]);
    await stopAllocation(context(ui, gone.client), { id: allocId });
    assert.match(ui.errors[0].message, /no longer knows this allocation/);
    const unreachable = fakeClient({ call: () => { throw nomadError('server', 500, 'failed to reach client: no path to node'); } });
    const ui2 = new ScriptedUi([{ confirm: 'Restart' }]);
    await restartAllocation(context(ui2, unreachable.client), { id: allocId });
    assert.match(ui2.errors[0].message, /client node running this allocation cannot be reached/);
  });
});
