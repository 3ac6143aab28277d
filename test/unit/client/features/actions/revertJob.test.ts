import { strict as assert } from 'node:assert';
import { revertJob } from '../../../../../client/src/features/actions/revertJob';
import { context, fakeClient, nomadError, ScriptedUi, stub } from './scriptedUi';

const version = (n: number, count: number, extra: Record<string, unknown> = {}) => ({
  ID: 'web', Namespace: 'default', Version: n, Stable: false, SubmitTime: 1795773123649897214 + n * 1e9, JobModifyIndex: 10 + n,
  TaskGroups: [{ Name: 'g', Count: count, Tasks: [{ Name: 't', Config: { image: `nginx:1.${20 + n}` } }] }],
  ...extra,
});
const versions = () => ({ value: { Versions: [version(2, 3), version(1, 2, { Stable: true }), version(0, 1)], Diffs: null }, index: 5 });
const reverted = { EvalID: 'd85e7ac9-8f72-60c6', EvalCreateIndex: 52, JobModifyIndex: 52, Index: 52 };

describe('revert action', () => {
  it('picks a version with its difference, shows the diff, confirms and enforces the prior version', async () => {
    const { client, callsTo } = fakeClient({ listJobs: () => ({ value: [stub('web')], index: 1 }), jobVersions: versions, revertJob: () => reverted });
    const ui = new ScriptedUi([
      { pick: 'web' },
      {
        pick: 'Version 1',
        items: (items) => {
          assert.deepEqual(items.map((i) => i.label), ['Version 1', 'Version 0'], 'the current version is not offered');
          assert.match(items[0].description!, /^stable · submitted \d{4}-\d\d-\d\d/);
          assert.equal(items[0].detail, 'Would change TaskGroups[g].Count: 3 → 2; TaskGroups[g].Tasks[t].Config.image: "nginx:1.22" → "nginx:1.21"');
        },
      },
      { confirm: 'Revert', dialog: (_message, options) => assert.match(options.detail!, /as new version 3/) },
    ]);
    await revertJob(context(ui, client));
    ui.assertDone();
    assert.deepEqual(ui.diffs, [{ left: 'nomad:/web?version=2', right: 'nomad:/web?version=1', title: 'web: version 2 (current) ↔ version 1' }]);
    assert.deepEqual(callsTo('revertJob')[0].args, ['web', 1, { namespace: 'default', enforcePriorVersion: 2 }]);
    assert.deepEqual(ui.infos, ['Reverted "web" to version 1; it is now version 3; evaluation d85e7ac9.']);
  });

  it('explains a conflict when the job changed in the meantime', async () => {
    const { client } = fakeClient({
      jobVersions: versions,
      revertJob: () => {
        throw nomadError('casConflict', 500, 'Current job has version 3; enforcing version 2');
      },
    });
    const ui = new ScriptedUi([{ confirm: 'Revert' }]);
    await revertJob(context(ui, client), { job: { id: 'web' }, version: 0 });
    ui.assertDone();
    assert.match(ui.errors[0].message, /refused: the job changed while you were deciding \(it is no longer at version 2\)\. Nothing was reverted\./);
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    const { client, callsTo } = fakeClient({ jobVersions: versions });
    const ui = new ScriptedUi([{ confirm: undefined }]);
    await revertJob(context(ui, client), { job: { id: 'web' }, version: 1 });
    ui.assertDone();
    assert.equal(callsTo('revertJob').length, 0);
    assert.equal(ui.diffs.length, 1, 'the difference was shown before asking');
  });

  it('does nothing for the current version and reports versions Nomad forgot', async () => {
    const { client, callsTo } = fakeClient({ jobVersions: versions });
    const ui = new ScriptedUi();
    await revertJob(context(ui, client), { job: { id: 'web' }, version: 2 });
    await revertJob(context(ui, client), { job: { id: 'web' }, version: 9 });
    assert.match(ui.infos[0], /already the current version/);
    assert.match(ui.errors[0].message, /Version 9 of "web" is no longer kept/);
    assert.equal(callsTo('revertJob').length, 0);
  });

  it('reports other failures with Nomad\'s words and advice', async () => {
    const { client } = fakeClient({
      jobVersions: () => {
        throw nomadError('notFound', 404, 'job versions not found', 'Nomad has no such job.');
      },
    });
    const ui = new ScriptedUi();
    await revertJob(context(ui, client), { id: 'gone' });
    assert.deepEqual(ui.errors, [{ message: 'Reverting "gone" failed: job versions not found', advice: 'Nomad has no such job.' }]);
  });
});
