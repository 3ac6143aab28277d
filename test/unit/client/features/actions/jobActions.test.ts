import { strict as assert } from 'node:assert';
import { evaluateJob } from '../../../../../client/src/features/actions/evaluateJob';
import { forcePeriodicLaunch } from '../../../../../client/src/features/actions/forcePeriodicLaunch';
import { markVersionStability } from '../../../../../client/src/features/actions/markVersionStability';
import { purgeJob, stopJob } from '../../../../../client/src/features/actions/stopJob';
import { context, fakeClient, nomadError, ScriptedUi, stub } from './scriptedUi';

const deregistered = { EvalID: 'eb6e6e12-27b1-3d8c', EvalCreateIndex: 9, JobModifyIndex: 9, Index: 9 };
const readJob = (extra: Record<string, unknown>) => () => ({ value: { ID: 'j', Namespace: 'default', ...extra }, index: 1 });

describe('stop and purge actions', () => {
  it('stops after one confirmation, keeping the job', async () => {
    const { client, callsTo } = fakeClient({ deleteJob: () => deregistered });
    const ui = new ScriptedUi([{ confirm: 'Stop' }]);
    await stopJob(context(ui, client), { id: 'web', namespace: 'default' });
    ui.assertDone();
    assert.deepEqual(callsTo('deleteJob')[0].args, ['web', { namespace: 'default', purge: false }]);
    assert.deepEqual(ui.infos, ['Stopped "web" (evaluation eb6e6e12).']);
  });

  it('purges only after a second confirmation', async () => {
    const { client, callsTo } = fakeClient({ deleteJob: () => deregistered });
    const ui = new ScriptedUi([{ confirm: 'Stop and Purge…' }, { confirm: 'Purge' }]);
    await stopJob(context(ui, client), { id: 'web' });
    ui.assertDone();
    assert.equal((callsTo('deleteJob')[0].args[1] as { purge: boolean }).purge, true);
    assert.match(ui.confirms[1], /Really purge "web"\? This cannot be undone\./);
  });

  it('sends nothing when either confirmation is cancelled', async () => {
    const { client, calls } = fakeClient({});
    await stopJob(context(new ScriptedUi([{ confirm: undefined }]), client), { id: 'web' });
    await stopJob(context(new ScriptedUi([{ confirm: 'Stop and Purge…' }, { confirm: undefined }]), client), { id: 'web' });
    await purgeJob(context(new ScriptedUi([{ confirm: 'Purge…' }, { confirm: undefined }]), client), { id: 'web' });
    assert.deepEqual(calls, []);
  });

  it('offers only jobs that are not stopped from the palette', async () => {
    const { client } = fakeClient({ listJobs: () => ({ value: [stub('a'), stub('b', { Stop: true })], index: 1 }) });
    const ui = new ScriptedUi([{ pick: undefined, items: (items) => assert.deepEqual(items.map((i) => i.label), ['a']) }]);
    await stopJob(context(ui, client));
    ui.assertDone();
  });
});

describe('force periodic launch action', () => {
  it('refuses a job that is not periodic without asking Nomad to launch it', async () => {
    const { client, callsTo } = fakeClient({ readJob: readJob({ Periodic: null }) });
    const ui = new ScriptedUi();
    await forcePeriodicLaunch(context(ui, client), { id: 'batch-echo' });
    assert.equal(callsTo('forcePeriodic').length, 0);
    assert.match(ui.errors[0].message, /"batch-echo" is not a periodic job/);
  });

  it('names the child job it launched and reveals it', async () => {
    const { client, callsTo } = fakeClient({
      readJob: readJob({ Periodic: { Enabled: true, Spec: '*/15 * * * *' } }),
      forcePeriodic: () => ({ EvalID: '68da1a27-0ee5-46c5', EvalCreateIndex: 77, Index: 77 }),
      readEvaluation: () => ({ value: { ID: '68da1a27-0ee5-46c5', JobID: 'periodic-batch/periodic-1795773180' }, index: 77 }),
    });
    const ui = new ScriptedUi();
    await forcePeriodicLaunch(context(ui, client), { id: 'periodic-batch', namespace: 'default' });
    assert.deepEqual(callsTo('readEvaluation')[0].args, ['68da1a27-0ee5-46c5', { namespace: 'default' }]);
    assert.deepEqual(ui.infos, ['Launched "periodic-batch" as periodic-batch/periodic-1795773180 (evaluation 68da1a27).']);
    assert.deepEqual(ui.commands[0], { command: 'nomad.revealJob', args: ['periodic-batch/periodic-1795773180', 'default'] });
  });
});

describe('evaluate action', () => {
  it('can force rescheduling', async () => {
    const { client, callsTo } = fakeClient({ readJob: readJob({ Type: 'service' }), evaluateJob: () => ({ EvalID: 'eb6e6e12-27b1', Index: 75 }) });
    const ui = new ScriptedUi([{ pick: 'force rescheduling' }]);
    await evaluateJob(context(ui, client), { id: 'web' });
    ui.assertDone();
    assert.deepEqual(callsTo('evaluateJob')[0].args, ['web', { namespace: undefined, forceReschedule: true }]);
    assert.match(ui.infos[0], /^Created evaluation eb6e6e12 for "web", forcing failed allocations to reschedule\.$/);
  });

  it('refuses periodic jobs up front', async () => {
    const { client, callsTo } = fakeClient({ readJob: readJob({ Periodic: { Enabled: true } }) });
    const ui = new ScriptedUi();
    await evaluateJob(context(ui, client), { id: 'periodic-batch' });
    assert.equal(callsTo('evaluateJob').length, 0);
    assert.match(ui.errors[0].message, /does not evaluate periodic jobs/);
    assert.match(ui.errors[0].advice!, /Force Periodic Launch/);
  });

  it('shows the server refusal when it comes anyway', async () => {
    const { client } = fakeClient({
      readJob: readJob({}),
      evaluateJob: () => {
        throw nomadError('badRequest', 500, "can't evaluate periodic job");
      },
    });
    const ui = new ScriptedUi([{ pick: 'Evaluate' }]);
    await evaluateJob(context(ui, client), { id: 'x' });
    assert.equal(ui.errors[0].message, 'Evaluating "x" failed: can\'t evaluate periodic job');
  });
});

describe('version stability actions', () => {
  const currentIs = (version: number) => () => ({ value: { ID: 'web', Namespace: 'default', Version: version }, index: 1 });

  it('marks the current version of a row stable without asking', async () => {
    const { client, callsTo } = fakeClient({ readJob: currentIs(3), setJobStability: () => ({ Index: 69 }) });
    const ui = new ScriptedUi();
    await markVersionStability(context(ui, client), true, { job: { ID: 'web', Namespace: 'default', Version: 3 }, version: 3 });
    assert.deepEqual(callsTo('setJobStability')[0].args, ['web', 3, true, { namespace: 'default' }]);
    assert.deepEqual(ui.infos, ['Version 3 of "web" is now marked stable.']);
  });

  it('explains that an older version would become the job, and sends nothing when cancelled', async () => {
    const { client, callsTo } = fakeClient({ readJob: currentIs(3) });
    const ui = new ScriptedUi([{ confirm: undefined }]);
    await markVersionStability(context(ui, client), true, { job: { ID: 'web', Namespace: 'default' }, version: 1 });
    ui.assertDone();
    assert.match(ui.confirms[0], /Version 1 of "web" is not the current version \(3\)/);
    assert.equal(callsTo('setJobStability').length, 0);
  });

  it('marks an older version once the user accepts that it becomes current', async () => {
    const { client, callsTo } = fakeClient({ readJob: currentIs(3), setJobStability: () => ({ Index: 71 }) });
    const ui = new ScriptedUi([{ confirm: 'Mark unstable and Make It Current' }]);
    await markVersionStability(context(ui, client), false, { job: { ID: 'web', Namespace: 'default' }, version: 2 });
    ui.assertDone();
    assert.deepEqual(callsTo('setJobStability')[0].args.slice(0, 3), ['web', 2, false]);
  });

  it('offers only versions whose flag would change', async () => {
    const { client, callsTo } = fakeClient({
      jobVersions: () => ({ value: { Versions: [{ ID: 'web', Version: 1, Stable: true }, { ID: 'web', Version: 0, Stable: false }], Diffs: null }, index: 1 }),
      readJob: currentIs(1),
      setJobStability: () => ({ Index: 70 }),
    });
    const ui = new ScriptedUi([{ pick: 'Version 1', items: (items) => assert.deepEqual(items.map((i) => i.label), ['Version 1']) }]);
    await markVersionStability(context(ui, client), false, { id: 'web' });
    ui.assertDone();
    assert.deepEqual(callsTo('setJobStability')[0].args.slice(0, 3), ['web', 1, false]);
  });
});
