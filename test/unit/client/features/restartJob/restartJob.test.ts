// Restart Job… against the fake Nomad over HTTP (the real NomadClient), with
// the scripted UI answering the prompts and an injected wait that never sleeps.
import { strict as assert } from 'node:assert';
import type { ActionContext } from '../../../../../client/src/features/actions/actionContext';
import { batchSizeFor, batchSizeProblem, restartJob, waitProblem, type Sleep } from '../../../../../client/src/features/restartJob/restartJob';
import { batchesOf } from '../../../../../client/src/features/restartJob/restartBatches';
import { NomadClient } from '../../../../../client/src/nomad/client';
import type { AllocationListStub } from '../../../../../client/src/nomad/types';
import { tickingService } from '../../../../support/nomad/logsFixtures';
import { logsTarget, type LogsTarget } from '../../../../support/nomad/logsRoutes';
import { context, ScriptedUi, type Step } from '../actions/scriptedUi';

describe('restart job rules', () => {
  it('takes a count or a percentage of the running allocations, rounding up like the CLI', () => {
    assert.equal(batchSizeProblem('1'), undefined);
    assert.equal(batchSizeProblem(' 25% '), undefined);
    assert.match(batchSizeProblem('0')!, /at least 1/);
    assert.match(batchSizeProblem('150%')!, /between 1% and 100%/);
    assert.match(batchSizeProblem('two')!, /"two" is not a batch size/);
    assert.equal(batchSizeFor('2', 5), 2);
    assert.equal(batchSizeFor('25%', 5), 2);
    assert.equal(batchSizeFor('1%', 5), 1);
  });

  it('takes a Go duration for the wait', () => {
    assert.equal(waitProblem('0s'), undefined);
    assert.equal(waitProblem('1m30s'), undefined);
    assert.match(waitProblem('soon')!, /"soon" is not a wait/);
    assert.match(waitProblem('-5s')!, /is not a wait/);
  });

  it('splits into batches in order, the last one shorter', () => {
    assert.deepEqual(batchesOf([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  });
});

describe('restart job action', function () {
  let target: LogsTarget;
  let client: NomadClient;

  beforeEach(async function () {
    target = await logsTarget();
    // The scripted waits and injected failures need the fake.
    if (!target.fake) this.skip();
    client = new NomadClient({ address: target.address, token: target.token });
  });

  afterEach(async () => {
    client?.dispose();
    await target?.close();
  });

  const runningOf = async (id: string): Promise<AllocationListStub[]> =>
    (await client.jobAllocations(id)).value.filter((a) => a.ClientStatus === 'running' && a.DesiredStatus === 'run').sort((a, b) => a.Name.localeCompare(b.Name));
  const restartsOf = async (allocId: string): Promise<number> => (await client.readAllocation(allocId)).value.TaskStates?.app?.Restarts ?? 0;
  const restartRequests = () =>
    target.fake!.requests.map((r) => ({ method: r.method, path: new URL(r.url, 'http://fake').pathname })).filter((r) => r.method === 'POST' && r.path.endsWith('/restart')).map((r) => r.path.split('/')[4]);
  const answers = (mode: string, batch: string, wait: string, confirm: string | undefined): Step[] => [
    { pick: mode },
    { input: batch },
    { input: wait },
    { confirm },
  ];
  const ctxWith = (ui: ScriptedUi): ActionContext => context(ui, client);

  it('restarts every running allocation in batches, waiting between them, and sums up', async () => {
    target.fake!.state.seedJob(tickingService('web', ['app'], 3));
    const allocations = await runningOf('web');
    assert.equal(allocations.length, 3);
    const waits: Array<{ ms: number; restartedBefore: number }> = [];
    const sleep: Sleep = async (ms) => {
      waits.push({ ms, restartedBefore: restartRequests().length });
    };
    const ui = new ScriptedUi([
      ...answers('in place', '2', '10s', 'Restart').slice(0, 3),
      {
        confirm: 'Restart',
        dialog: (message, options) => {
          assert.equal(message, 'Restart 3 running allocations of job "web"?');
          assert.match(options.detail!, /^2 batches of up to 2, waiting 10s between batches\. /);
        },
      },
    ]);
    await restartJob(ctxWith(ui), { job: { ID: 'web', Namespace: 'default' } }, sleep);
    ui.assertDone();
    assert.deepEqual(waits, [{ ms: 10_000, restartedBefore: 2 }], 'one wait, after the first batch of two');
    assert.deepEqual(restartRequests(), allocations.map((a) => a.ID));
    for (const a of allocations) assert.equal(await restartsOf(a.ID), 1);
    assert.deepEqual(ui.progress, ['Restarting job "web"', 'batch 1 of 2', 'waiting 10s before batch 2 of 2', 'batch 2 of 2']);
    assert.deepEqual(ui.errors, []);
    assert.deepEqual(ui.infos, [`Restarted 3 allocations of job "web" (${allocations.map((a) => a.ID.slice(0, 8)).join(', ')}).`]);
  });

  it('stops at the next batch when cancelled during the wait, and says what was left', async () => {
    target.fake!.state.seedJob(tickingService('web', ['app'], 3));
    const allocations = await runningOf('web');
    let ui: ScriptedUi;
    // The user presses Cancel while the first wait runs; the wait ends at once, as abortableSleep does.
    const sleep: Sleep = (_ms, signal) => {
      ui.cancelProgress();
      return signal.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    };
    ui = new ScriptedUi(answers('in place', '1', '5s', 'Restart'));
    await restartJob(ctxWith(ui), { job: { ID: 'web' } }, sleep);
    ui.assertDone();
    assert.deepEqual(restartRequests(), [allocations[0].ID]);
    assert.equal(await restartsOf(allocations[1].ID), 0);
    const short = allocations.map((a) => a.ID.slice(0, 8));
    assert.deepEqual(ui.infos, [`Restarted 1 allocation of job "web" (${short[0]}). Cancelled: 2 allocations not touched (${short[1]}, ${short[2]}).`]);
  });

  it('goes on after a failure and names the allocation and the reason in the summary', async () => {
    target.fake!.state.seedJob(tickingService('web', ['app'], 2));
    const [first, second] = await runningOf('web');
    target.logs!.unreachable.add(first.ID);
    const ui = new ScriptedUi(answers('in place', '1', '0s', 'Restart'));
    await restartJob(ctxWith(ui), { job: { ID: 'web' } }, async () => assert.fail('no wait with 0s'));
    assert.equal(await restartsOf(second.ID), 1);
    assert.deepEqual(ui.infos, []);
    assert.equal(ui.errors.length, 1);
    const { message, advice } = ui.errors[0];
    assert.ok(message.startsWith(`Restarted 1 allocation of job "web" (${second.ID.slice(0, 8)}). 1 allocation failed: ${first.ID.slice(0, 8)}: `), message);
    assert.match(message, /node/i, 'says the node could not be reached');
    assert.match(advice!, /Restart Job… again/);
  });

  it('reschedules: stops each allocation and Nomad places replacements', async () => {
    target.fake!.state.seedJob(tickingService('web', ['app'], 2));
    const before = await runningOf('web');
    const ui = new ScriptedUi(answers('Reschedule', '100%', '0s', 'Reschedule'));
    await restartJob(ctxWith(ui), { job: { ID: 'web' } }, async () => undefined);
    ui.assertDone();
    for (const a of before) assert.equal((await client.readAllocation(a.ID)).value.DesiredStatus, 'stop');
    const after = await runningOf('web');
    assert.equal(after.length, 2);
    assert.ok(after.every((a) => !before.some((b) => b.ID === a.ID)), 'replacements are new allocations');
    assert.deepEqual(ui.progress, ['Rescheduling job "web"', '2 at once']);
    assert.match(ui.infos[0], /^Rescheduled 2 allocations of job "web"/);
  });

  it('sends nothing when the confirmation is cancelled, and says so when nothing runs', async () => {
    target.fake!.state.seedJob(tickingService('web', ['app'], 1));
    const ui = new ScriptedUi(answers('in place', '1', '0s', undefined));
    await restartJob(ctxWith(ui), { job: { ID: 'web' } });
    ui.assertDone();
    assert.deepEqual(restartRequests(), []);
    // From the palette, only jobs that run allocations of their own are offered.
    target.fake!.state.seedJob({ ...tickingService('nightly', ['app'], 1), Type: 'batch', Periodic: { Enabled: true, Spec: '0 3 * * *', SpecType: 'cron' } });
    const palette = new ScriptedUi([{ pick: undefined, items: (items) => assert.deepEqual(items.map((i) => i.label), ['web']) }]);
    await restartJob(ctxWith(palette), undefined);
    palette.assertDone();
    const none = new ScriptedUi();
    await restartJob(ctxWith(none), { job: { ID: 'missing-job' } });
    assert.equal(none.errors.length + none.infos.length, 1);
  });
});
