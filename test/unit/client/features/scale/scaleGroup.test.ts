import { strict as assert } from 'node:assert';
import { scaleGroup } from '../../../../../client/src/features/scale/scaleGroup';
import { concurrencyNote, countProblem, groupScale, serverChecksScaleIndex } from '../../../../../client/src/features/scale/scaleRules';
import type { Job } from '../../../../../client/src/nomad/types';
import { context, fakeClient, ScriptedUi, stub } from '../actions/scriptedUi';

const job = (modifyIndex: number, scaling: Record<string, unknown> | null = { Min: 1, Max: 5 }): Job => ({
  ID: 'web', Namespace: 'default', Type: 'service', JobModifyIndex: modifyIndex,
  TaskGroups: [{ Name: 'api', Count: 2, Scaling: scaling }, { Name: 'worker', Count: 1 }],
});
const agent = (version: string) => ({ config: { Version: { Version: version } } });
const scaled = { EvalID: 'e1a2b3c4-0000', EvalCreateIndex: 31, JobModifyIndex: 30, Index: 32 };
const row = { job: stub('web', { Type: 'service' }), group: 'api' };

describe('scale rules', () => {
  const scale = groupScale(job(7), 'api')!;

  it('reads the current count and the policy bounds of the group', () => {
    assert.deepEqual(scale, { jobId: 'web', group: 'api', current: 2, min: 1, max: 5, jobModifyIndex: 7 });
    assert.deepEqual(groupScale(job(7), 'worker'), { jobId: 'web', group: 'worker', current: 1, min: undefined, max: undefined, jobModifyIndex: 7 });
    assert.equal(groupScale(job(7), 'gone'), undefined);
  });

  it('refuses counts the server would refuse, saying which bound', () => {
    assert.equal(countProblem('6', scale), "The group's scaling policy allows 1 to 5; 6 is above its maximum of 5.");
    assert.equal(countProblem('0', scale), "The group's scaling policy allows 1 to 5; 0 is below its minimum of 1.");
    assert.equal(countProblem('-1', scale), 'Type a whole number of allocations, 0 or more.');
    assert.equal(countProblem('2.5', scale), 'Type a whole number of allocations, 0 or more.');
    assert.equal(countProblem('2', scale), 'The group already has a count of 2.');
    assert.equal(countProblem(' 4 ', scale), undefined);
    assert.equal(countProblem('0', groupScale(job(7), 'worker')!), undefined, 'no policy: any count');
  });

  it('knows which versions check the modify index themselves', () => {
    assert.equal(serverChecksScaleIndex('1.0.18'), false);
    assert.equal(serverChecksScaleIndex('1.1.0'), true);
    assert.equal(serverChecksScaleIndex(undefined), false);
    assert.match(concurrencyNote('1.0.18'), /Nomad 1\.0\.18 cannot refuse .* needs Nomad 1\.1\.0/);
    assert.match(concurrencyNote('1.9.0'), /Nomad 1\.9\.0 refuses the change if the job was modified/);
  });
});

describe('scale action', () => {
  it('shows count and bounds, confirms, re-checks the job and follows the change', async () => {
    const { client, callsTo } = fakeClient({ readJob: () => ({ value: job(7), index: 7 }), agentSelf: () => agent('1.0.18'), scaleGroup: () => scaled });
    const ui = new ScriptedUi([
      {
        input: (options) => {
          assert.equal(options.title, 'Scale group "api" of "web"');
          assert.equal(options.prompt, 'Now 2. Its scaling policy allows 1 to 5.');
          assert.equal(options.validate!('9'), "The group's scaling policy allows 1 to 5; 9 is above its maximum of 5.");
          return '4';
        },
      },
      {
        confirm: 'Scale',
        dialog: (message, options) => {
          assert.equal(message, 'Scale group "api" of job "web" from 2 to 4?');
          assert.match(options.detail!, /^Nomad places 2 more allocations\. Nomad 1\.0\.18 cannot refuse/);
        },
      },
    ]);
    await scaleGroup(context(ui, client), row);
    ui.assertDone();
    assert.equal(callsTo('readJob').length, 2, 'the job is read again right before sending');
    assert.deepEqual(callsTo('scaleGroup')[0].args, ['web', 'api', 4, { namespace: 'default', message: 'Scaled from 2 to 4 in VS Code', jobModifyIndex: undefined }]);
    assert.deepEqual(ui.followed, [{ jobId: 'web', namespace: 'default', jobType: 'service', response: scaled }]);
  });

  it('sends the modify index to clusters that check it', async () => {
    const { client, callsTo } = fakeClient({ readJob: () => ({ value: job(7), index: 7 }), agentSelf: () => agent('1.6.2'), scaleGroup: () => scaled });
    const ui = new ScriptedUi([{ input: '3' }, { confirm: 'Scale' }]);
    await scaleGroup(context(ui, client), row);
    assert.equal((callsTo('scaleGroup')[0].args[3] as { jobModifyIndex?: number }).jobModifyIndex, 7);
  });

  it('sends nothing when the job changed while the count was chosen', async () => {
    let reads = 0;
    const { client, callsTo } = fakeClient({ readJob: () => ({ value: job(reads++ === 0 ? 7 : 9), index: 9 }), agentSelf: () => agent('1.0.18') });
    const ui = new ScriptedUi([{ input: '3' }, { confirm: 'Scale' }]);
    await scaleGroup(context(ui, client), row);
    assert.equal(callsTo('scaleGroup').length, 0);
    assert.match(ui.errors[0].message, /changed on the cluster while you chose the count \(its modify index went from 7 to 9\)\. Nothing was sent\./);
  });

  it('refuses a count outside the policy before anything is sent, and a cancel sends nothing', async () => {
    const { client, callsTo } = fakeClient({ readJob: () => ({ value: job(7), index: 7 }), agentSelf: () => agent('1.0.18') });
    const ui = new ScriptedUi([{ input: '8' }]);
    await scaleGroup(context(ui, client), row);
    assert.match(ui.errors[0].message, /above its maximum of 5/);
    const cancelled = new ScriptedUi([{ input: '3' }, { confirm: undefined }]);
    await scaleGroup(context(cancelled, client), row);
    assert.equal(callsTo('scaleGroup').length, 0);
  });

  it('from the palette asks for the job and the group', async () => {
    const { client } = fakeClient({
      listJobs: () => ({ value: [stub('web', { Type: 'service' }), stub('sys', { Type: 'system' })], index: 1 }),
      readJob: () => ({ value: job(7), index: 7 }),
      agentSelf: () => agent('1.0.18'),
      scaleGroup: () => scaled,
    });
    const ui = new ScriptedUi([
      { pick: 'web', items: (items) => assert.deepEqual(items.map((i) => i.label), ['web'], 'system jobs have no count to scale') },
      { pick: 'worker' },
      { input: '3' },
      { confirm: 'Scale' },
    ]);
    await scaleGroup(context(ui, client));
    ui.assertDone();
  });
});
