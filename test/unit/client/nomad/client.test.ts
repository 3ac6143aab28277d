// Every NomadClient endpoint against the fake: what goes over the wire (path,
// encoding, query, body, token header) and what comes back (typed values,
// X-Nomad-* metadata, unknown fields kept).
import * as assert from 'assert';
import { agentVersion } from '../../../../client/src/nomad/agent';
import { NomadClient } from '../../../../client/src/nomad/client';
import type { Job } from '../../../../client/src/nomad/types';
import { FakeNomad, RecordedRequest, startFakeNomad } from '../../../support/nomad/server';

const serviceJob = (id = 'web', count = 2): Job => ({
  ID: id,
  Name: id,
  Type: 'service',
  Datacenters: ['dc1'],
  Meta: { owner: 'tests' },
  TaskGroups: [{ Name: 'g', Count: count, Tasks: [{ Name: 't', Driver: 'raw_exec', Config: { command: '/bin/sleep', args: ['3600'] } }] }],
});

const batchJob = (id: string, extra: Job = {}): Job => ({
  ID: id,
  Type: 'batch',
  Datacenters: ['dc1'],
  TaskGroups: [{ Name: 'g', Count: 1, Tasks: [{ Name: 't', Driver: 'raw_exec', Config: { command: '/bin/true' } }] }],
  ...extra,
});

describe('NomadClient endpoints', () => {
  let fake: FakeNomad;
  let client: NomadClient;
  const last = (): RecordedRequest => fake.requests[fake.requests.length - 1];
  const lastBody = (): Record<string, unknown> => JSON.parse(last().body) as Record<string, unknown>;

  beforeEach(async () => {
    fake = await startFakeNomad();
    client = new NomadClient({ address: fake.address, token: 'tok-123' });
  });
  afterEach(async () => {
    client.dispose();
    await fake.close();
  });

  it('registerJob wraps the job, returns the evaluation and sends the token header', async () => {
    const reply = await client.registerJob(serviceJob());
    assert.strictEqual(last().method, 'POST');
    assert.strictEqual(last().url, '/v1/jobs');
    assert.deepStrictEqual(Object.keys(lastBody()), ['Job']);
    assert.strictEqual(last().headers['x-nomad-token'], 'tok-123');
    assert.strictEqual(last().headers['content-type'], 'application/json');
    assert.match(reply.EvalID, /^[0-9a-f-]{36}$/);
    assert.strictEqual(reply.JobModifyIndex, reply.EvalCreateIndex);
    assert.strictEqual(reply.Warnings, '');
  });

  it('registerJob with enforceIndex sends EnforceIndex: true and JobModifyIndex (0 = only if new)', async () => {
    await client.registerJob(serviceJob(), { enforceIndex: 0 });
    assert.deepStrictEqual({ ...lastBody(), Job: undefined }, { Job: undefined, EnforceIndex: true, JobModifyIndex: 0 });
    await assert.rejects(client.registerJob(serviceJob(), { enforceIndex: 0 }), { kind: 'casConflict' });
  });

  it('updateJob posts to /v1/job/:id and enforces the modify index', async () => {
    const first = await client.registerJob(serviceJob());
    const reply = await client.updateJob('web', { ...serviceJob(), Meta: { owner: 'b' } }, { enforceIndex: first.JobModifyIndex, policyOverride: true });
    assert.strictEqual(last().url, '/v1/job/web');
    assert.strictEqual(lastBody().EnforceIndex, true);
    assert.strictEqual(lastBody().JobModifyIndex, first.JobModifyIndex);
    assert.strictEqual(lastBody().PolicyOverride, true);
    assert.ok(reply.JobModifyIndex > first.JobModifyIndex);
    const stale = client.updateJob('web', { ...serviceJob(), Meta: { owner: 'c' } }, { enforceIndex: first.JobModifyIndex });
    await assert.rejects(stale, (e: { kind: string; serverText: string }) => {
      assert.strictEqual(e.kind, 'casConflict');
      assert.strictEqual(e.serverText, `Enforcing job modify index ${first.JobModifyIndex}: job exists with conflicting job modify index: ${reply.JobModifyIndex}`);
      return true;
    });
  });

  it('listJobs returns stubs with X-Nomad metadata and filters by prefix', async () => {
    await client.registerJob(serviceJob('web'));
    await client.registerJob(batchJob('batch-a'));
    const all = await client.listJobs();
    assert.deepStrictEqual(all.value.map((j) => j.ID), ['batch-a', 'web']);
    assert.strictEqual(all.index, fake.state.tableIndex('jobs', 'job_summary'));
    assert.strictEqual(all.knownLeader, true);
    assert.strictEqual(all.lastContact, 0);
    const some = await client.listJobs({ prefix: 'bat' });
    assert.strictEqual(last().url, '/v1/jobs?prefix=bat');
    assert.deepStrictEqual(some.value.map((j) => j.ID), ['batch-a']);
    assert.strictEqual(all.value[1].JobSummary?.Summary.g.Running, 2);
  });

  it('readJob keeps fields the types do not declare', async () => {
    await client.registerJob(serviceJob());
    const { value, index } = await client.readJob('web');
    assert.strictEqual(value.Status, 'running');
    assert.strictEqual(index, value.ModifyIndex);
    assert.strictEqual(value.NomadTokenID, '', 'undeclared field survives');
    assert.strictEqual(value.TaskGroups?.[0].Tasks?.[0].CSIPluginConfig, null);
  });

  it('jobVersions returns the versions object and asks for diffs only when told', async () => {
    await client.registerJob(serviceJob('web', 1));
    await client.updateJob('web', serviceJob('web', 3));
    const plain = await client.jobVersions('web');
    assert.strictEqual(last().url, '/v1/job/web/versions');
    assert.deepStrictEqual(plain.value.Versions.map((v) => v.Version), [1, 0]);
    assert.strictEqual(plain.value.Diffs, null);
    const withDiffs = await client.jobVersions('web', { diffs: true });
    assert.strictEqual(last().url, '/v1/job/web/versions?diffs=true');
    const count = withDiffs.value.Diffs?.[0].TaskGroups?.[0].Fields?.find((f) => f.Name === 'Count');
    assert.deepStrictEqual({ Old: count?.Old, New: count?.New, Type: count?.Type }, { Old: '1', New: '3', Type: 'Edited' });
  });

  it('jobAllocations, jobEvaluations, jobDeployments, latestDeployment and jobSummary read the job\'s parts', async () => {
    await client.registerJob(serviceJob('web', 2));
    const allocs = await client.jobAllocations('web', { all: true });
    assert.strictEqual(last().url, '/v1/job/web/allocations?all=true');
    assert.deepStrictEqual(allocs.value.map((a) => a.ClientStatus), ['running', 'running']);
    assert.strictEqual(allocs.value[0].TaskStates?.t.State, 'running');
    const evals = await client.jobEvaluations('web');
    assert.deepStrictEqual(evals.value.map((e) => e.TriggeredBy).sort(), ['deployment-watcher', 'job-register']);
    const deployments = await client.jobDeployments('web');
    assert.strictEqual(deployments.value.length, 1);
    const latest = await client.latestDeployment('web');
    assert.strictEqual(latest.value?.Status, 'successful');
    assert.strictEqual((await client.latestDeployment('nope')).value, null);
    const summary = await client.jobSummary('web');
    assert.strictEqual(summary.value.Summary.g.Running, 2);
  });

  it('dispatchJob base64-encodes the payload, sends meta and returns the child id', async () => {
    await client.registerJob(batchJob('param', { ParameterizedJob: { Payload: 'required', MetaRequired: ['customer'] } }));
    const reply = await client.dispatchJob('param', { payload: new Uint8Array([104, 105]), meta: { customer: 'acme' } });
    assert.deepStrictEqual(lastBody(), { Payload: 'aGk=', Meta: { customer: 'acme' } });
    assert.match(reply.DispatchedJobID, /^param\/dispatch-\d+-[0-9a-f]{8}$/);
    assert.ok(reply.EvalCreateIndex > reply.JobCreateIndex);
    const child = await client.readJob(reply.DispatchedJobID);
    assert.ok(last().url.startsWith('/v1/job/param%2Fdispatch-'), 'slash in the id is encoded');
    assert.strictEqual(child.value.ParentID, 'param');
    assert.strictEqual(child.value.Payload, 'aGk=');
    await client.dispatchJob('param', { payload: 'text payload', meta: { customer: 'x' } });
    assert.strictEqual(lastBody().Payload, Buffer.from('text payload').toString('base64'));
  });

  it('revertJob sends JobID, JobVersion and EnforcePriorVersion', async () => {
    await client.registerJob(serviceJob('web', 1));
    await client.updateJob('web', serviceJob('web', 2));
    const reply = await client.revertJob('web', 0, { enforcePriorVersion: 1 });
    assert.deepStrictEqual(lastBody(), { JobID: 'web', JobVersion: 0, EnforcePriorVersion: 1 });
    assert.ok(reply.EvalID);
    assert.strictEqual((await client.readJob('web')).value.Version, 2);
    await assert.rejects(client.revertJob('web', 0, { enforcePriorVersion: 1 }), { kind: 'casConflict', serverText: 'Current job has version 2; enforcing version 1' });
  });

  it('setJobStability sends {JobID, JobVersion, Stable} and answers {Index}', async () => {
    await client.registerJob(serviceJob());
    const reply = await client.setJobStability('web', 0, false);
    assert.deepStrictEqual(lastBody(), { JobID: 'web', JobVersion: 0, Stable: false });
    assert.strictEqual(typeof reply.Index, 'number');
    assert.strictEqual((await client.readJob('web')).value.Stable, false);
  });

  it('evaluateJob sends EvalOptions.ForceReschedule', async () => {
    await client.registerJob(serviceJob());
    const reply = await client.evaluateJob('web', { forceReschedule: true });
    assert.deepStrictEqual(lastBody(), { JobID: 'web', EvalOptions: { ForceReschedule: true } });
    assert.ok(reply.EvalID);
    await client.evaluateJob('web');
    assert.deepStrictEqual(lastBody(), { JobID: 'web', EvalOptions: { ForceReschedule: false } });
  });

  it('planJob posts {Job, Diff, PolicyOverride} to the job\'s plan path', async () => {
    await client.registerJob(serviceJob('web', 1));
    const plan = await client.planJob(serviceJob('web', 3));
    assert.strictEqual(last().url, '/v1/job/web/plan');
    assert.strictEqual(lastBody().Diff, true);
    assert.strictEqual(lastBody().PolicyOverride, false);
    assert.strictEqual(plan.Annotations?.DesiredTGUpdates?.g.Place, 2);
    assert.strictEqual(plan.Diff?.TaskGroups?.[0].Updates?.create, 2);
    const noDiff = await client.planJob(serviceJob('web', 3), { diff: false });
    assert.strictEqual(noDiff.Diff, null);
    await assert.rejects(client.planJob({ Type: 'service' }), { kind: 'badRequest' });
  });

  it('forcePeriodic launches a child with a slash in its id', async () => {
    await client.registerJob(batchJob('nightly', { Periodic: { Enabled: true, Spec: '0 3 * * *', SpecType: 'cron' } }));
    const reply = await client.forcePeriodic('nightly');
    assert.strictEqual(last().url, '/v1/job/nightly/periodic/force');
    assert.ok(reply.EvalID);
    const children = (await client.listJobs({ prefix: 'nightly/' })).value;
    assert.strictEqual(children.length, 1);
    assert.match(children[0].ID, /^nightly\/periodic-\d+$/);
    assert.strictEqual(children[0].ParentID, 'nightly');
    const summary = await client.jobSummary(children[0].ID);
    assert.strictEqual(summary.value.Summary.g.Complete, 1);
  });

  it('deleteJob stops by default and purges with purge: true', async () => {
    await client.registerJob(serviceJob());
    await client.deleteJob('web');
    assert.strictEqual(last().url, '/v1/job/web');
    const stopped = await client.readJob('web');
    assert.deepStrictEqual([stopped.value.Stop, stopped.value.Status], [true, 'dead']);
    await client.deleteJob('web', { purge: true });
    assert.strictEqual(last().url, '/v1/job/web?purge=true');
    await assert.rejects(client.readJob('web'), { kind: 'notFound', status: 404 });
  });

  it('parseHcl sends JobHCL, Canonicalize (default true) and Variables', async () => {
    const hcl = 'variable "n" {\n  default = 1\n}\njob "p" {\n  datacenters = ["dc1"]\n  group "g" {\n    count = var.n\n    task "t" {\n      driver = "docker"\n    }\n  }\n}\n';
    const job = await client.parseHcl(hcl, { variables: 'n = 4' });
    assert.deepStrictEqual(lastBody(), { JobHCL: hcl, Canonicalize: true, Variables: 'n = 4' });
    assert.strictEqual(job.TaskGroups?.[0].Count, 4);
    assert.strictEqual(job.Priority, 50);
    const raw = await client.parseHcl(hcl, { canonicalize: false });
    assert.strictEqual(raw.Priority, null);
    await assert.rejects(client.parseHcl('job "x" {\n  datacenters = ["dc1"\n  group "g" {}\n}\n'), {
      kind: 'badRequest',
      serverText: 'input.hcl:3,3-8: Missing item separator; Expected a comma to mark the beginning of the next item.',
    });
  });

  it('agentSelf, regions and namespaces', async () => {
    fake.state.agentVersion = '1.6.3';
    assert.strictEqual(agentVersion(await client.agentSelf()), '1.6.3');
    assert.deepStrictEqual(await client.regions(), ['global']);
    fake.state.addNamespace('team-a', 'Team A');
    const namespaces = await client.namespaces();
    assert.deepStrictEqual(namespaces.value.map((n) => n.Name), ['default', 'team-a']);
    assert.ok(namespaces.index > 1);
  });

  it('reads a single allocation, evaluation and deployment', async () => {
    const reply = await client.registerJob(serviceJob('web', 1));
    const evaluation = await client.readEvaluation(reply.EvalID);
    assert.strictEqual(evaluation.value.JobID, 'web');
    const [stub] = (await client.jobAllocations('web')).value;
    const alloc = await client.readAllocation(stub.ID);
    assert.strictEqual(alloc.value.Job?.ID, 'web');
    assert.strictEqual(alloc.index, alloc.value.ModifyIndex);
    const deployment = await client.readDeployment(String(evaluation.value.DeploymentID));
    assert.strictEqual(deployment.value.JobID, 'web');
    await assert.rejects(client.readAllocation('00000000-0000-0000-0000-000000000000'), { kind: 'notFound', serverText: 'alloc not found' });
    await assert.rejects(client.readEvaluation('nope'), { kind: 'notFound', serverText: 'eval not found' });
    await assert.rejects(client.readDeployment('nope'), { kind: 'notFound', serverText: 'deployment not found' });
  });

  it('adds namespace and region from the config or the call; "*" only on lists', async () => {
    fake.state.addNamespace('team-a');
    const scoped = new NomadClient({ address: fake.address, namespace: '*', region: 'global' });
    try {
      await scoped.listJobs();
      assert.strictEqual(last().url, '/v1/jobs?namespace=*&region=global');
      await assert.rejects(scoped.readJob('x'), { kind: 'notFound' });
      assert.strictEqual(last().url, '/v1/job/x?region=global', 'a wildcard default is left out of single reads');
      await scoped.registerJob({ ...serviceJob('in-a'), Namespace: 'team-a' }, { namespace: 'team-a' });
      assert.strictEqual(last().url, '/v1/jobs?namespace=team-a&region=global');
      const listed = await scoped.listJobs();
      assert.deepStrictEqual(listed.value.map((j) => [j.ID, j.Namespace]), [['in-a', 'team-a']]);
      await scoped.listJobs({ namespace: '', region: '' });
      assert.strictEqual(last().url, '/v1/jobs', 'empty strings leave the parameters out');
    } finally {
      scoped.dispose();
    }
  });

  it('call() reaches endpoints added later, with the same conventions', async () => {
    fake.addRoute({ pattern: /^\/v1\/client\/allocation\/([^/]+)\/restart$/, methods: { POST: { answer: (req) => ({ Index: 7, Alloc: req.params[0], Body: req.body }) } } });
    const result = await client.call<{ Alloc: string; Body: string }>('/v1/client/allocation/abc/restart', { method: 'POST', body: { TaskName: 't' } });
    assert.deepStrictEqual(result.value, { Index: 7, Alloc: 'abc', Body: '{"TaskName":"t"}' });
    assert.strictEqual(result.index, 7);
  });
});
