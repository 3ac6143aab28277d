import { strict as assert } from 'node:assert';
import { dispatchJob } from '../../../../../client/src/features/actions/dispatchJob';
import { context, fakeClient, nomadError, ScriptedUi, stub } from './scriptedUi';

const parameterized = (config: Record<string, unknown>, meta: Record<string, string> = {}) => ({
  value: { ID: 'param-batch', Namespace: 'default', Type: 'batch', ParameterizedJob: config, Meta: meta, Dispatched: false, ParentID: '' },
  index: 1,
});
const dispatched = { DispatchedJobID: 'param-batch/dispatch-1795773136-13ffa93f', EvalID: 'b00075e0-9def-4571', EvalCreateIndex: 43, JobCreateIndex: 42, Index: 43 };
const bytes = (n: number) => ({ name: `file-${n}.bin`, bytes: new Uint8Array(n) });
const job = { id: 'param-batch', namespace: 'default' };

describe('dispatch action', () => {
  it('walks payload, required meta and the form, then sends and reveals the child job', async () => {
    const { client, callsTo } = fakeClient({
      readJob: () => parameterized({ Payload: 'required', MetaRequired: ['customer'], MetaOptional: ['priority_hint'] }, { priority_hint: 'low' }),
      dispatchJob: () => dispatched,
    });
    const ui = new ScriptedUi([
      { pick: 'Choose a file', items: (items) => assert.ok(!items.some((i) => i.label === 'No payload'), 'a required payload offers no "none"') },
      { chooseFile: bytes(16 * 1024 + 1) }, // too big: refused, asked again
      { pick: 'Choose a file' },
      { chooseFile: { name: 'input.json', bytes: new TextEncoder().encode('{"n":1}') } },
      { input: (options) => {
        assert.equal(options.validate?.(''), '"customer" is required.');
        assert.equal(options.validate?.('acme'), undefined);
        return 'acme';
      } },
      { pick: 'priority_hint', items: (items) => assert.match(items.find((i) => i.label.includes('priority_hint'))!.description!, /job default "low"/) },
      { input: 'high' },
      { pick: 'Dispatch' },
    ]);
    await dispatchJob(context(ui, client), job);
    ui.assertDone();
    assert.match(ui.errors[0].message, /16,385 bytes; Nomad accepts at most 16,384 bytes/);
    const [call] = callsTo('dispatchJob');
    assert.equal(call.args[0], 'param-batch');
    const request = call.args[1] as { payload: Uint8Array; meta: Record<string, string> };
    assert.equal(new TextDecoder().decode(request.payload), '{"n":1}');
    assert.deepEqual(request.meta, { customer: 'acme', priority_hint: 'high' });
    assert.match(ui.infos[0], /param-batch\/dispatch-1795773136-13ffa93f \(evaluation b00075e0\)/);
    assert.deepEqual(ui.commands, [{ command: 'nomad.revealJob', args: ['param-batch/dispatch-1795773136-13ffa93f', 'default'] }]);
  });

  it('uses the active editor as payload and allows none when the payload is optional', async () => {
    const { client, callsTo } = fakeClient({ readJob: () => parameterized({ Payload: 'optional' }), dispatchJob: () => dispatched });
    const ui = new ScriptedUi([
      { pick: 'Payload' },
      { pick: 'Active editor' },
      { pick: 'Dispatch', items: (items) => assert.match(items[0].description!, /payload notes\.txt \(5 B\)/) },
    ]);
    ui.editor = { name: 'notes.txt', bytes: new TextEncoder().encode('hello') };
    await dispatchJob(context(ui, client), job);
    ui.assertDone();
    assert.equal((callsTo('dispatchJob')[0].args[1] as { payload: Uint8Array }).payload.length, 5);
  });

  it('sends nothing when the user backs out of a required value', async () => {
    const { client, callsTo } = fakeClient({ readJob: () => parameterized({ Payload: 'forbidden', MetaRequired: ['customer'], MetaOptional: ['x'] }) });
    const ui = new ScriptedUi([{ input: undefined }]);
    await dispatchJob(context(ui, client), job);
    ui.assertDone();
    assert.equal(callsTo('dispatchJob').length, 0, 'backing out of a required value sends nothing');
  });

  it('refuses a preset with a missing required key before sending', async () => {
    const { client, callsTo } = fakeClient({ readJob: () => parameterized({ MetaRequired: ['customer'] }) });
    const ui = new ScriptedUi();
    await dispatchJob(context(ui, client), job, { meta: {} });
    assert.equal(callsTo('dispatchJob').length, 0);
    assert.match(ui.errors[0].message, /Not dispatching "param-batch": Missing required meta key: customer\./);
  });

  it('refuses meta keys the job does not declare, and payloads it forbids', async () => {
    const { client, callsTo } = fakeClient({ readJob: () => parameterized({ Payload: 'forbidden', MetaRequired: ['customer'] }) });
    const ui = new ScriptedUi();
    await dispatchJob(context(ui, client), job, { meta: { customer: 'acme', unknown_key: 'x' }, payload: 'hi' });
    assert.equal(callsTo('dispatchJob').length, 0);
    assert.match(ui.errors[0].message, /does not accept meta key: unknown_key\. This job does not accept a payload\./);
  });

  it('refuses a missing required payload in a preset', async () => {
    const { client, callsTo } = fakeClient({ readJob: () => parameterized({ Payload: 'required' }) });
    const ui = new ScriptedUi();
    await dispatchJob(context(ui, client), job, { meta: {} });
    assert.equal(callsTo('dispatchJob').length, 0);
    assert.match(ui.errors[0].message, /requires a payload/);
  });

  it('does not dispatch a job that is not parameterized', async () => {
    const { client, callsTo } = fakeClient({ readJob: () => ({ value: { ID: 'batch-echo', ParameterizedJob: null }, index: 1 }) });
    const ui = new ScriptedUi();
    await dispatchJob(context(ui, client), { id: 'batch-echo' }, { meta: {} });
    assert.equal(callsTo('dispatchJob').length, 0);
    assert.match(ui.errors[0].message, /"batch-echo" is not a parameterized job/);
  });

  it('offers only parameterized parent jobs from the palette', async () => {
    const { client } = fakeClient({
      listJobs: () => ({ value: [stub('web'), stub('param-batch', { ParameterizedJob: true }), stub('param-batch/dispatch-1', { ParameterizedJob: true, ParentID: 'param-batch' })], index: 1 }),
    });
    const ui = new ScriptedUi([{ pick: undefined, items: (items) => assert.deepEqual(items.map((i) => i.label), ['param-batch']) }]);
    await dispatchJob(context(ui, client));
    ui.assertDone();
  });

  it('shows Nomad\'s refusal with its advice', async () => {
    const { client } = fakeClient({
      readJob: () => parameterized({}),
      dispatchJob: () => {
        throw nomadError('badRequest', 500, 'Dispatch did not provide required meta keys: [customer]', 'Correct the input.');
      },
    });
    const ui = new ScriptedUi();
    await dispatchJob(context(ui, client), job, { meta: {} });
    assert.deepEqual(ui.errors, [{ message: 'Dispatching "param-batch" failed: Dispatch did not provide required meta keys: [customer]', advice: 'Correct the input.' }]);
  });
});
