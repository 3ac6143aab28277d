// Which workspace file "Plan Job File…" on a tree row plans: same job ID, and the namespace the
// plan of that file would really use.
import * as assert from 'assert';
import { effectiveNamespace, jobFileLanguage, matchJobFile } from '../../../../../client/src/features/jobFiles/jobFileMatch';

const hcl = (id: string, namespace?: string) =>
  `job "${id}" {\n${namespace ? `  namespace = "${namespace}"\n` : ''}  group "g" {\n    task "t" {\n      driver = "docker"\n    }\n  }\n}\n`;

describe('job file match', () => {
  it('matches an HCL file on the job ID, not on a prefix or another job', () => {
    assert.strictEqual(matchJobFile(hcl('web'), 'nomad', { id: 'web', namespace: 'default' }, undefined), 'match');
    assert.strictEqual(matchJobFile(hcl('web-canary'), 'nomad', { id: 'web', namespace: 'default' }, undefined), undefined);
    assert.strictEqual(matchJobFile(hcl('web'), 'nomad', { id: 'we', namespace: 'default' }, undefined), undefined);
    assert.strictEqual(matchJobFile('# job "web" {}\n', 'nomad', { id: 'web', namespace: 'default' }, undefined), undefined, 'commented out');
  });

  it('compares the namespace the file declares with the job', () => {
    const file = hcl('web', 'staging');
    assert.strictEqual(matchJobFile(file, 'nomad', { id: 'web', namespace: 'staging' }, undefined), 'match');
    assert.strictEqual(matchJobFile(file, 'nomad', { id: 'web', namespace: 'default' }, 'default'), 'otherNamespace');
    assert.strictEqual(matchJobFile(file, 'nomad', { id: 'web', namespace: 'prod' }, 'staging'), 'otherNamespace');
  });

  it('places a file without a namespace in the connection namespace, else default', () => {
    const file = hcl('web');
    assert.strictEqual(matchJobFile(file, 'nomad', { id: 'web', namespace: 'staging' }, 'staging'), 'match');
    assert.strictEqual(matchJobFile(file, 'nomad', { id: 'web', namespace: 'staging' }, undefined), 'otherNamespace');
    assert.strictEqual(matchJobFile(file, 'nomad', { id: 'web', namespace: 'default' }, undefined), 'match');
    // "*" lists every namespace; it is no namespace to plan into.
    assert.strictEqual(matchJobFile(file, 'nomad', { id: 'web', namespace: 'default' }, '*'), 'match');
    assert.strictEqual(effectiveNamespace(undefined, '*'), 'default');
    assert.strictEqual(effectiveNamespace('', undefined), 'default');
    assert.strictEqual(effectiveNamespace('*', 'staging'), 'staging');
    assert.strictEqual(effectiveNamespace('dev', 'staging'), 'dev');
  });

  it('reads API JSON (wrapped or bare) and HCL-style JSON job files', () => {
    const job = { id: 'api', namespace: 'default' };
    const wrapped = JSON.stringify({ Job: { ID: 'api', TaskGroups: [] } });
    const bare = JSON.stringify({ ID: 'api', Namespace: 'ops', TaskGroups: [] });
    const hclJson = JSON.stringify({ job: { api: { group: { g: {} } } } });
    assert.strictEqual(matchJobFile(wrapped, 'json', job, undefined), 'match');
    assert.strictEqual(matchJobFile(bare, 'json', job, undefined), 'otherNamespace');
    assert.strictEqual(matchJobFile(bare, 'json', { id: 'api', namespace: 'ops' }, undefined), 'match');
    assert.strictEqual(matchJobFile(hclJson, 'jsonc', job, undefined), 'match');
  });

  it('ignores JSON that is not a job even when it names the ID, and other languages', () => {
    const job = { id: 'api', namespace: 'default' };
    assert.strictEqual(matchJobFile(JSON.stringify({ name: 'api', ID: 'api' }), 'json', job, undefined), undefined);
    assert.strictEqual(matchJobFile(hcl('api'), 'plaintext', job, undefined), undefined);
    assert.strictEqual(matchJobFile(hcl('api'), 'hcl', job, undefined), 'match');
  });

  it('opens files on disk as JSON or Nomad HCL by name', () => {
    assert.strictEqual(jobFileLanguage('/w/jobs/api.JSON'), 'json');
    assert.strictEqual(jobFileLanguage('/w/jobs/web.nomad.hcl'), 'nomad');
    assert.strictEqual(jobFileLanguage('/w/jobs/web.nomad'), 'nomad');
  });
});
