import * as assert from 'assert';
import { identifyJobFile } from '../../../../client/src/explorer/jobFileIdentity';
import { jobSpecView } from '../../../../client/src/features/inspect/jobSpecView';
import type { Job } from '../../../../client/src/nomad/types';

describe('job file identity', () => {
  it('reads the job label and job-level namespace from HCL', () => {
    const hcl = [
      '# job "commented" {}',
      '/* job "also-commented" { } */',
      'variable "x" { default = "{" }',
      'job "web" {',
      '  namespace = "dev"',
      '  group "api" {',
      '    task "t" {',
      '      vault { namespace = "not-this" }',
      '    }',
      '  }',
      '}',
    ].join('\n');
    assert.deepStrictEqual(identifyJobFile(hcl, 'nomad'), { id: 'web', namespace: 'dev', format: 'hcl' });
  });

  it('ignores a namespace nested below the job', () => {
    const hcl = 'job "web" {\n  group "g" {\n    namespace = "nested"\n  }\n}\n';
    assert.deepStrictEqual(identifyJobFile(hcl, 'nomad'), { id: 'web', namespace: undefined, format: 'hcl' });
  });

  it('keeps URLs in strings intact while stripping comments', () => {
    const hcl = 'job "web" { // trailing\n  meta { url = "http://x#y" }\n}\n';
    assert.strictEqual(identifyJobFile(hcl, 'nomad')?.id, 'web');
  });

  it('reads API JSON, wrapped or bare', () => {
    assert.deepStrictEqual(identifyJobFile('{"Job": {"ID": "web", "Namespace": "dev", "TaskGroups": []}}', 'json'), {
      id: 'web',
      namespace: 'dev',
      format: 'json',
      wrapped: true,
    });
    assert.deepStrictEqual(identifyJobFile('{"ID": "web", "TaskGroups": []}', 'json'), {
      id: 'web',
      namespace: undefined,
      format: 'json',
      wrapped: false,
    });
  });

  it('reads HCL-style JSON by its job label', () => {
    assert.deepStrictEqual(identifyJobFile('{"job": {"web": {"group": {}}}}', 'json'), { id: 'web', format: 'json' });
  });

  it('returns nothing for files that are not jobs', () => {
    assert.strictEqual(identifyJobFile('{"name": "package"}', 'json'), undefined);
    assert.strictEqual(identifyJobFile('variable "x" {}', 'nomad'), undefined);
  });
});

describe('job spec view', () => {
  it('drops fields the server sets and keeps what the author wrote', () => {
    const job = { ID: 'web', Version: 3, Status: 'running', SubmitTime: 1, ModifyIndex: 9, Stop: false, TaskGroups: [] } as unknown as Job;
    assert.deepStrictEqual(jobSpecView(job), { ID: 'web', Stop: false, TaskGroups: [] });
    assert.strictEqual(job.Version, 3, 'the original is untouched');
  });
});
