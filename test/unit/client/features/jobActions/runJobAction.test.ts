// Run Action…: refused with the version it needs on a cluster before 1.7
// (and nothing else is asked or sent); on 1.7 the row's run or the palette's
// picks open a terminal whose session is the action WebSocket.
import * as assert from 'assert';
import type { TerminalSpec } from '../../../../../client/src/features/exec/execTerminals';
import { runJobAction } from '../../../../../client/src/features/jobActions/runJobAction';
import type { JobAction } from '../../../../../client/src/nomad/types';
import { context, fakeClient, ScriptedUi, stub, type Step } from '../actions/scriptedUi';

const warm: JobAction = { Name: 'warm', Command: '/bin/sh', Args: ['-c', 'echo warm'], TaskName: 'app', TaskGroupName: 'web' };
const alloc = (id: string, state = 'running', group = 'web') => ({ ID: id, Name: `web.${group}[0]`, Namespace: 'default', JobID: 'web', TaskGroup: group, NodeName: 'n1', TaskStates: { app: { State: state } } });

function cluster(version: string, allocations = [alloc('a1111111-0000')]) {
  return fakeClient({
    agentSelf: () => ({ config: { Version: version } }),
    listJobs: () => ({ value: [stub('web', { Type: 'service' })], index: 1 }),
    jobActions: () => ({ value: [warm, { ...warm, Name: 'dump', TaskGroupName: 'worker' }], index: 1 }),
    jobAllocations: () => ({ value: allocations, index: 1 }),
    openWebSocket: () => new Promise(() => undefined),
  });
}

async function run(version: string, steps: Step[], arg?: unknown, allocations?: ReturnType<typeof alloc>[]) {
  const fake = cluster(version, allocations);
  const ui = new ScriptedUi(steps);
  const specs: TerminalSpec[] = [];
  await runJobAction(context(ui, fake.client), (spec) => specs.push(spec), arg);
  ui.assertDone();
  return { ui, specs, fake };
}

describe('Run Action…', () => {
  it('on a cluster before 1.7 says which version it needs and asks nothing', async () => {
    const { ui, specs, fake } = await run('1.6.3', []);
    assert.deepStrictEqual(specs, []);
    assert.deepStrictEqual(ui.errors, [{ message: 'Running a job action: Job actions need Nomad 1.7.0 or newer; it runs Nomad 1.6.3.', advice: 'Upgrade the cluster, or connect to one that runs Nomad 1.7.0 or newer.' }]);
    assert.deepStrictEqual(fake.calls.map((c) => c.method), ['agentSelf']);
  });

  it('from the palette picks the job and action; the one running allocation needs no question', async () => {
    const { specs, fake } = await run('1.7.0', [{ pick: 'web' }, { pick: 'warm', items: (items) => assert.deepStrictEqual(items.map((i) => i.detail), ["/bin/sh -c 'echo warm'", "/bin/sh -c 'echo warm'"]) }]);
    assert.strictEqual(specs.length, 1);
    assert.strictEqual(specs[0].name, 'action warm@a1111111');
    assert.match(specs[0].banner, /Action "warm" \(\/bin\/sh -c 'echo warm'\) in task "app" of allocation a1111111/);
    void specs[0].start({ output: () => undefined, exited: () => undefined, failed: () => undefined }, new AbortController().signal);
    const [socket] = fake.callsTo('openWebSocket');
    assert.strictEqual(socket.args[0], '/v1/job/web/action');
    assert.deepStrictEqual((socket.args[1] as { query: unknown }).query, { action: 'warm', allocID: 'a1111111-0000', task: 'app', tty: 'true' });
  });

  it('asks for the allocation when the task runs in several, offering only those where it runs', async () => {
    const allocations = [alloc('a1111111-0000'), alloc('b2222222-0000'), alloc('c3333333-0000', 'dead'), alloc('d4444444-0000', 'running', 'worker')];
    let offered: string[] = [];
    const { specs } = await run('1.7.0', [{ pick: 'web' }, { pick: 'warm' }, { pick: undefined, items: (items) => (offered = items.map((i) => i.description ?? '')) }], undefined, allocations);
    assert.deepStrictEqual(offered, ['a1111111 · n1', 'b2222222 · n1']);
    assert.deepStrictEqual(specs, []);
  });

  it('says so when no allocation runs the task', async () => {
    const { ui, specs } = await run('1.7.0', [{ pick: 'web' }, { pick: 'warm' }], undefined, [alloc('c3333333-0000', 'dead')]);
    assert.deepStrictEqual(specs, []);
    assert.match(ui.infos[0], /No allocation of "web" runs task "app" now/);
  });

  it('from an action row runs in the row\'s allocation without asking', async () => {
    const row = { jobAction: warm, allocation: alloc('b2222222-0000'), task: 'app' };
    const { specs, fake } = await run('1.8.0', [], row);
    assert.strictEqual(specs[0].name, 'action warm@b2222222');
    assert.deepStrictEqual(fake.callsTo('jobActions'), []);
  });
});
