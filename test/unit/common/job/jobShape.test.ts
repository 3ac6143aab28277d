import * as assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { detectJobShape, jobFileShape, jsonJobShape, looksLikeJson } from '../../../../common/src/job/jobShape';

describe('job shape', () => {
  it('tells HCL, HCL-JSON and API JSON apart from language and content', () => {
    assert.equal(detectJobShape('nomad', 'job "a" {}'), 'hcl');
    assert.equal(detectJobShape('json', '{"job": {"a": {}}}'), 'hcl-json');
    assert.equal(detectJobShape('jsonc', '{"Job": {"ID": "a"}}'), 'api-json');
    assert.equal(detectJobShape('json', '{"ID": "a", "TaskGroups": []}'), 'api-json');
    assert.equal(detectJobShape('json', '{"name": "package"}'), 'not-a-job');
    assert.equal(detectJobShape('json', '[1, 2]'), 'not-a-job');
    assert.equal(detectJobShape('plaintext', 'job "a" {}'), 'not-a-job');
    assert.equal(jobFileShape('plaintext', 'job "a" {}'), undefined);
  });

  it('takes HCL-JSON whose first key is not "job" for a job file (variables before the job)', () => {
    const text = JSON.stringify({ variable: { image: { default: 'nginx' } }, job: { web: { group: { g: {} } } } }, null, 2);
    assert.equal(detectJobShape('json', text), 'hcl-json');
    assert.equal(detectJobShape('json', '{"locals": {"a": 1}}'), 'hcl-json');
  });

  it('treats a nomad document written in JSON as HCL-JSON even before "job" is typed', () => {
    assert.equal(detectJobShape('nomad', '{\n  "jbo": {}\n}'), 'hcl-json');
  });

  it('reads the Job object of API JSON, wrapped or bare', () => {
    const wrapped = parseTree('{"Job": {"ID": "a"}}');
    const detected = jsonJobShape(wrapped);
    assert.equal(detected.shape === 'api-json' && detected.job, wrapped?.children?.[0].children?.[1]);
    const bare = parseTree('{"ID": "a", "TaskGroups": []}');
    const bareShape = jsonJobShape(bare);
    assert.equal(bareShape.shape === 'api-json' && bareShape.job, bare);
  });

  it('tells JSON from HCL by the first significant character', () => {
    assert.equal(looksLikeJson('  \n{"job": {}}'), true);
    assert.equal(looksLikeJson('\uFEFF{'), true);
    assert.equal(looksLikeJson('job "web" {}'), false);
  });
});
