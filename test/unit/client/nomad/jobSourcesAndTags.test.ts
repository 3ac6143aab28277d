// Job sources (1.6+) and version tags (1.9+) through the client, against the
// fake modelled on Nomad v1.9.7, and what an older agent does with the same calls.
import * as assert from 'assert';
import { NomadClient } from '../../../../client/src/nomad/client';
import { isNomadError } from '../../../../client/src/nomad/errors';
import { readJobSubmission, type JobSubmission } from '../../../../client/src/nomad/submissions';
import type { Job } from '../../../../client/src/nomad/types';
import { tagNameProblem, tagVersion, untagVersion, versionTagOf } from '../../../../client/src/nomad/versionTags';
import { FakeNomad, startFakeNomad } from '../../../support/nomad/server';

const job = (count: number): Job => ({
  ID: 'web',
  Type: 'service',
  Datacenters: ['dc1'],
  TaskGroups: [{ Name: 'g', Count: count, Tasks: [{ Name: 't', Driver: 'raw_exec', Config: { command: '/bin/sleep', args: ['60'] } }] }],
});
const source = (count: number): JobSubmission => ({ Source: `job "web" { group "g" { count = ${count} } }\n`, Format: 'hcl2', VariableFlags: { region: 'eu' }, Variables: 'dc = "dc1"\n' });

describe('job sources and version tags', () => {
  let fake: FakeNomad | undefined;
  let client: NomadClient;
  const start = async (agentVersion: string): Promise<void> => {
    fake = await startFakeNomad({ agentVersion });
    client = new NomadClient({ address: fake.address });
  };
  afterEach(async () => {
    client?.dispose();
    await fake?.close();
    fake = undefined;
  });

  describe('on Nomad 1.9', () => {
    beforeEach(() => start('1.9.7'));

    it('keeps the Submission sent with a register, per version, and answers it with the version it belongs to', async () => {
      await client.registerJob(job(1), { submission: source(1) });
      await client.registerJob(job(2), { submission: source(2) });
      await client.registerJob(job(3));
      const body = JSON.parse(fake!.requests.find((r) => r.method === 'POST' && r.url === '/v1/jobs')!.body) as { Submission: JobSubmission };
      assert.deepStrictEqual(body.Submission, source(1));
      const v1 = await readJobSubmission(client, 'web', 1);
      assert.strictEqual(v1?.Source, source(2).Source);
      assert.deepStrictEqual([v1?.JobID, v1?.Version, v1?.Namespace, v1?.VariableFlags], ['web', 1, 'default', { region: 'eu' }]);
      assert.strictEqual(await readJobSubmission(client, 'web', 2), undefined, 'a version sent without its source has none');
      const raw = await client.call<JobSubmission>('/v1/job/web/submission', { query: { version: 0 } });
      assert.strictEqual(raw.index, (await client.jobVersions('web')).value.Versions.find((v) => v.Version === 0)?.JobModifyIndex);
    });

    it("refuses a submission read without a version with Nomad's words", async () => {
      await client.registerJob(job(1), { submission: source(1) });
      await assert.rejects(client.call('/v1/job/web/submission'), (e: unknown) => isNomadError(e) && e.status === 400 && e.serverText === 'Unable to parse job submission version parameter');
    });

    it('tags a version, keeps a name to one version, and removes it', async () => {
      await client.registerJob(job(1));
      await client.registerJob(job(2));
      await tagVersion(client, 'web', 0, 'baseline', 'first rollout');
      const tagRequest = fake!.requests.find((r) => r.method === 'PUT')!;
      assert.strictEqual(tagRequest.url, '/v1/job/web/versions/baseline/tag');
      assert.deepStrictEqual(JSON.parse(tagRequest.body), { Version: 0, Description: 'first rollout' });
      const versions = (await client.jobVersions('web')).value.Versions;
      assert.deepStrictEqual(versions.map((v) => versionTagOf(v)?.Name), [undefined, 'baseline']);
      assert.strictEqual(versionTagOf(versions[1])?.Description, 'first rollout');
      await assert.rejects(tagVersion(client, 'web', 1, 'baseline', ''), (e: unknown) => isNomadError(e) && e.serverText === 'tag "baseline" already exists on a different version of job "web"');
      await assert.rejects(tagVersion(client, 'web', 7, 'later', ''), (e: unknown) => isNomadError(e) && e.serverText === 'job "web" version 7 not found');
      await untagVersion(client, 'web', 'baseline');
      assert.deepStrictEqual((await client.jobVersions('web')).value.Versions.map((v) => versionTagOf(v)), [undefined, undefined]);
      await assert.rejects(untagVersion(client, 'web', 'baseline'), (e: unknown) => isNomadError(e) && e.status === 500 && e.serverText === 'tag "baseline" not found on job "web"');
    });

    it('a new version starts untagged, also when it reverts to a tagged one', async () => {
      await client.registerJob(job(1));
      await client.registerJob(job(2));
      await tagVersion(client, 'web', 0, 'baseline', '');
      await client.revertJob('web', 0);
      const versions = (await client.jobVersions('web')).value.Versions;
      assert.deepStrictEqual(versions.map((v) => [v.Version, versionTagOf(v)?.Name]), [[2, undefined], [1, undefined], [0, 'baseline']]);
    });
  });

  describe('on Nomad 1.0', () => {
    beforeEach(() => start('1.0.18'));

    it('ignores a Submission and has no submission endpoint', async () => {
      await client.registerJob(job(1), { submission: source(1) });
      assert.strictEqual(fake!.state.submissions.size, 0);
      await assert.rejects(client.call('/v1/job/web/submission', { query: { version: 0 } }), (e: unknown) => isNomadError(e) && e.serverText === 'job not found');
    });

    it('reads a tag request as a job write, which is why the client never sends one there', async () => {
      await client.registerJob(job(1));
      await assert.rejects(tagVersion(client, 'web', 0, 'baseline', ''), (e: unknown) => isNomadError(e) && e.status === 400 && e.serverText === 'Job must be specified');
    });
  });

  it('tag names are one path segment', () => {
    assert.strictEqual(tagNameProblem('golden'), undefined);
    assert.ok(tagNameProblem('  '));
    assert.ok(tagNameProblem('a/b'));
  });
});
