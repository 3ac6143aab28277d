import * as assert from 'assert';
import { jobSpecView } from '../../../../../client/src/features/inspect/jobSpecView';
import type { Job } from '../../../../../client/src/nomad/types';

describe('job spec view', () => {
  it('drops fields the server sets and keeps what the author wrote', () => {
    const job = { ID: 'web', Version: 3, Status: 'running', SubmitTime: 1, ModifyIndex: 9, Stop: false, TaskGroups: [] } as unknown as Job;
    assert.deepStrictEqual(jobSpecView(job), { ID: 'web', Stop: false, TaskGroups: [] });
    assert.strictEqual(job.Version, 3, 'the original is untouched');
  });
});
