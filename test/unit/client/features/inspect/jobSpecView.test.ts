import * as assert from 'assert';
import { jobSpecView, readableJobSpec } from '../../../../../client/src/features/inspect/jobSpecView';
import type { Job } from '../../../../../client/src/nomad/types';

describe('job spec view', () => {
  it('drops fields the server sets and keeps what the author wrote', () => {
    const job = { ID: 'web', Version: 3, Status: 'running', SubmitTime: 1, ModifyIndex: 9, Stop: false, TaskGroups: [] } as unknown as Job;
    assert.deepStrictEqual(jobSpecView(job), { ID: 'web', Stop: false, TaskGroups: [] });
    assert.strictEqual(job.Version, 3, 'the original is untouched');
  });

  it('writes durations as a job file does in the readable view, wherever they sit, and leaves other numbers alone', () => {
    const job = {
      ID: 'web',
      JobModifyIndex: 12,
      SubmitTime: 1_700_000_000_000_000_000,
      Update: { MinHealthyTime: 15_000_000_000, HealthyDeadline: 300_000_000_000, MaxParallel: 1 },
      TaskGroups: [
        {
          Name: 'api',
          Count: 3,
          RestartPolicy: { Attempts: 2, Interval: 1_800_000_000_000, Delay: 250_000_000 },
          Tasks: [{ Name: 'main', KillTimeout: 5_400_000_000_000, Services: [{ Checks: [{ Interval: 10_000_000_000, Timeout: 2_000_000_000 }] }] }],
        },
      ],
    } as unknown as Job;
    const view = readableJobSpec(job) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.strictEqual('JobModifyIndex' in view || 'SubmitTime' in view, false, 'server-set fields left out');
    assert.deepStrictEqual(view.Update, { MinHealthyTime: '15s', HealthyDeadline: '5m', MaxParallel: 1 });
    assert.deepStrictEqual(view.TaskGroups[0].RestartPolicy, { Attempts: 2, Interval: '30m', Delay: '250ms' });
    assert.strictEqual(view.TaskGroups[0].Count, 3);
    assert.strictEqual(view.TaskGroups[0].Tasks[0].KillTimeout, '1h30m');
    assert.deepStrictEqual(view.TaskGroups[0].Tasks[0].Services[0].Checks[0], { Interval: '10s', Timeout: '2s' });
    assert.strictEqual((job.Update as Record<string, unknown>).MinHealthyTime, 15_000_000_000, 'the original is untouched');
  });
});
