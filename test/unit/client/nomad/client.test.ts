// Every NomadClient endpoint against the target (the fake, or a real agent
// with NOMAD_TEST_ADDR): what goes over the wire (path, encoding, query, body,
// token header, recorded on both) and what comes back (typed values, X-Nomad-*
// metadata, unknown fields kept). The scheduler's results are awaited with
// blocking queries, so a real agent's timing passes as the fake's does.
import * as assert from 'assert';
import { agentVersion, versionAtLeast } from '../../../../client/src/nomad/agent';
import { NomadClient } from '../../../../client/src/nomad/client';
import type { Job } from '../../../../client/src/nomad/types';
import type { NomadTarget } from '../../../support/nomad/target';
import { clientPerTest } from '../../../support/nomad/suiteClient';
import type { RecordedRequest } from '../../../support/nomad/server';
import { follow, testJobId } from '../../../support/nomad/testJobs';

const sleepTask = { Name: 't', Driver: 'raw_exec', Config: { command: '/bin/sleep', args: ['3600'] }, Resources: { CPU: 20, MemoryMB: 16 } };

/** A service whose deployment a real agent finishes within seconds (one second of health instead of ten). */
const serviceJob = (id: string, count = 2): Job => ({
  ID: id,
  Name: id,
  Type: 'service',
  Datacenters: ['dc1'],
  Meta: { owner: 'tests' },
  Update: { MinHealthyTime: 1e9, HealthyDeadline: 60e9, ProgressDeadline: 120e9 },
  TaskGroups: [{ Name: 'g', Count: count, Tasks: [sleepTask] }],
});

const batchJob = (id: string, extra: Job = {}): Job => ({
  ID: id,
  Type: 'batch',
  Datacenters: ['dc1'],
  TaskGroups: [{ Name: 'g', Count: 1, Tasks: [{ ...sleepTask, Config: { command: '/bin/true' } }] }],
  ...extra,
});

const enc = encodeURIComponent;

describe('NomadClient endpoints', function () {
  // A real agent schedules and finishes deployments in seconds.
  this.timeout(90_000);
  let target: NomadTarget;
  let client: NomadClient;
  let web: string;
  let tests = 0;
  const last = (): RecordedRequest => target.requests![target.requests!.length - 1];
  const lastBody = (): Record<string, unknown> => JSON.parse(last().body) as Record<string, unknown>;
  const running = (id: string, count: number) =>
    follow((q) => client.jobSummary(id, q), (s) => s.Summary.g?.Running === count, `${count} running allocations of ${id}`);

  // A dev agent has no ACLs and ignores the token; the header is still checked on the wire.
  const suite = clientPerTest({ record: true, token: 'tok-123' });
  beforeEach(() => {
    ({ target, client } = suite);
    // A new id per test: a real agent keeps the allocations of a purged job until it collects them,
    // and lists them under a job registered again with the same id.
    web = testJobId(`web${++tests}`);
  });

  it('registerJob wraps the job, returns the evaluation and sends the token header', async () => {
    const reply = await client.registerJob(serviceJob(web));
    assert.strictEqual(last().method, 'POST');
    assert.strictEqual(last().url, '/v1/jobs');
    assert.deepStrictEqual(Object.keys(lastBody()), ['Job']);
    assert.strictEqual(last().headers['x-nomad-token'], target.token ?? 'tok-123');
    assert.strictEqual(last().headers['content-type'], 'application/json');
    assert.match(reply.EvalID, /^[0-9a-f-]{36}$/);
    assert.strictEqual(reply.JobModifyIndex, reply.EvalCreateIndex);
    assert.strictEqual(reply.Warnings, '');
  });

  it('registerJob with enforceIndex sends EnforceIndex: true and JobModifyIndex (0 = only if new)', async () => {
    await client.registerJob(serviceJob(web), { enforceIndex: 0 });
    assert.deepStrictEqual({ ...lastBody(), Job: undefined }, { Job: undefined, EnforceIndex: true, JobModifyIndex: 0 });
    await assert.rejects(client.registerJob(serviceJob(web), { enforceIndex: 0 }), { kind: 'casConflict' });
  });

  it('updateJob posts to /v1/job/:id and enforces the modify index', async () => {
    const first = await client.registerJob(serviceJob(web));
    const reply = await client.updateJob(web, { ...serviceJob(web), Meta: { owner: 'b' } }, { enforceIndex: first.JobModifyIndex, policyOverride: true });
    assert.strictEqual(last().url, `/v1/job/${web}`);
    assert.strictEqual(lastBody().EnforceIndex, true);
    assert.strictEqual(lastBody().JobModifyIndex, first.JobModifyIndex);
    assert.strictEqual(lastBody().PolicyOverride, true);
    assert.ok(reply.JobModifyIndex > first.JobModifyIndex);
    const stale = client.updateJob(web, { ...serviceJob(web), Meta: { owner: 'c' } }, { enforceIndex: first.JobModifyIndex });
    await assert.rejects(stale, (e: { kind: string; serverText: string }) => {
      assert.strictEqual(e.kind, 'casConflict');
      assert.strictEqual(e.serverText, `Enforcing job modify index ${first.JobModifyIndex}: job exists with conflicting job modify index: ${reply.JobModifyIndex}`);
      return true;
    });
  });

  it('listJobs returns stubs with X-Nomad metadata and filters by prefix', async () => {
    const batch = testJobId('batch-a');
    await client.registerJob(serviceJob(web));
    await client.registerJob(batchJob(batch));
    const all = await client.listJobs();
    assert.deepStrictEqual(all.value.map((j) => j.ID).filter((id) => id === web || id === batch), [batch, web]);
    assert.ok(all.index >= (await client.readJob(web)).index, 'the list is at least as new as its jobs');
    assert.strictEqual(all.knownLeader, true);
    assert.strictEqual(all.lastContact, 0);
    const some = await client.listJobs({ prefix: batch.slice(0, -2) });
    assert.strictEqual(last().url, `/v1/jobs?prefix=${enc(batch.slice(0, -2))}`);
    assert.deepStrictEqual(some.value.map((j) => j.ID), [batch]);
    await running(web, 2);
    const listed = await client.listJobs({ prefix: web });
    assert.strictEqual(listed.value[0].JobSummary?.Summary.g.Running, 2);
  });

  it('readJob keeps fields the types do not declare', async () => {
    await client.registerJob(serviceJob(web));
    await follow((q) => client.readJob(web, q), (job) => job.Status === 'running', `${web} to run`);
    const { value, index } = await client.readJob(web);
    assert.strictEqual(value.Status, 'running');
    assert.strictEqual(index, value.ModifyIndex);
    assert.strictEqual(value.NomadTokenID, '', 'undeclared field survives');
    assert.strictEqual(value.TaskGroups?.[0].Tasks?.[0].CSIPluginConfig, null);
  });

  it('jobVersions returns the versions object and asks for diffs only when told', async () => {
    await client.registerJob(serviceJob(web, 1));
    await client.updateJob(web, serviceJob(web, 3));
    const plain = await client.jobVersions(web);
    assert.strictEqual(last().url, `/v1/job/${web}/versions`);
    assert.deepStrictEqual(plain.value.Versions.map((v) => v.Version), [1, 0]);
    assert.strictEqual(plain.value.Diffs, null);
    const withDiffs = await client.jobVersions(web, { diffs: true });
    assert.strictEqual(last().url, `/v1/job/${web}/versions?diffs=true`);
    const count = withDiffs.value.Diffs?.[0].TaskGroups?.[0].Fields?.find((f) => f.Name === 'Count');
    assert.deepStrictEqual({ Old: count?.Old, New: count?.New, Type: count?.Type }, { Old: '1', New: '3', Type: 'Edited' });
  });

  it('jobAllocations, jobEvaluations, jobDeployments, latestDeployment and jobSummary read the job\'s parts', async () => {
    await client.registerJob(serviceJob(web, 2));
    const allocs = await follow(
      (q) => client.jobAllocations(web, { ...q, all: true }),
      (list) => list.length === 2 && list.every((a) => a.ClientStatus === 'running' && a.TaskStates?.t?.State === 'running'),
      'two running allocations',
    );
    assert.ok(target.requests!.some((r) => r.url === `/v1/job/${web}/allocations?all=true`));
    assert.deepStrictEqual(allocs.map((a) => a.ClientStatus), ['running', 'running']);
    const latest = await follow((q) => client.latestDeployment(web, q), (d) => d?.Status === 'successful', 'the deployment to succeed');
    assert.strictEqual(latest?.Status, 'successful');
    // The deployment's end makes the deployment watcher evaluate the job once more.
    const evals = await follow((q) => client.jobEvaluations(web, q), (list) => list.length === 2, 'the deployment watcher\'s evaluation');
    assert.deepStrictEqual(evals.map((e) => e.TriggeredBy).sort(), ['deployment-watcher', 'job-register']);
    const deployments = await client.jobDeployments(web);
    assert.strictEqual(deployments.value.length, 1);
    assert.strictEqual((await client.latestDeployment(testJobId('nope'))).value, null);
    const summary = await client.jobSummary(web);
    assert.strictEqual(summary.value.Summary.g.Running, 2);
  });

  it('dispatchJob base64-encodes the payload, sends meta and returns the child id', async () => {
    const param = testJobId('param');
    await client.registerJob(batchJob(param, { ParameterizedJob: { Payload: 'required', MetaRequired: ['customer'] } }));
    const reply = await client.dispatchJob(param, { payload: new Uint8Array([104, 105]), meta: { customer: 'acme' } });
    assert.deepStrictEqual(lastBody(), { Payload: 'aGk=', Meta: { customer: 'acme' } });
    assert.ok(reply.DispatchedJobID.startsWith(`${param}/dispatch-`));
    assert.match(reply.DispatchedJobID.slice(param.length), /^\/dispatch-\d+-[0-9a-f]{8}$/);
    assert.ok(reply.EvalCreateIndex > reply.JobCreateIndex);
    const child = await client.readJob(reply.DispatchedJobID);
    assert.ok(last().url.startsWith(`/v1/job/${enc(param)}%2Fdispatch-`), 'slash in the id is encoded');
    assert.strictEqual(child.value.ParentID, param);
    assert.strictEqual(child.value.Payload, 'aGk=');
    await client.dispatchJob(param, { payload: 'text payload', meta: { customer: 'x' } });
    assert.strictEqual(lastBody().Payload, Buffer.from('text payload').toString('base64'));
  });

  it('revertJob sends JobID, JobVersion and EnforcePriorVersion', async () => {
    await client.registerJob(serviceJob(web, 1));
    await client.updateJob(web, serviceJob(web, 2));
    const reply = await client.revertJob(web, 0, { enforcePriorVersion: 1 });
    assert.deepStrictEqual(lastBody(), { JobID: web, JobVersion: 0, EnforcePriorVersion: 1 });
    assert.ok(reply.EvalID);
    assert.strictEqual((await client.readJob(web)).value.Version, 2);
    await assert.rejects(client.revertJob(web, 0, { enforcePriorVersion: 1 }), { kind: 'casConflict', serverText: 'Current job has version 2; enforcing version 1' });
  });

  it('setJobStability sends {JobID, JobVersion, Stable} and answers {Index}', async () => {
    await client.registerJob(serviceJob(web));
    const reply = await client.setJobStability(web, 0, true);
    assert.deepStrictEqual(lastBody(), { JobID: web, JobVersion: 0, Stable: true });
    assert.strictEqual(typeof reply.Index, 'number');
    assert.strictEqual((await client.readJob(web)).value.Stable, true);
  });

  it('evaluateJob sends EvalOptions.ForceReschedule', async () => {
    await client.registerJob(serviceJob(web));
    const reply = await client.evaluateJob(web, { forceReschedule: true });
    assert.deepStrictEqual(lastBody(), { JobID: web, EvalOptions: { ForceReschedule: true } });
    assert.ok(reply.EvalID);
    await client.evaluateJob(web);
    assert.deepStrictEqual(lastBody(), { JobID: web, EvalOptions: { ForceReschedule: false } });
  });

  it('planJob posts {Job, Diff, PolicyOverride} to the job\'s plan path', async () => {
    await client.registerJob(serviceJob(web, 1));
    await running(web, 1);
    const plan = await client.planJob(serviceJob(web, 3));
    assert.strictEqual(last().url, `/v1/job/${web}/plan`);
    assert.strictEqual(lastBody().Diff, true);
    assert.strictEqual(lastBody().PolicyOverride, false);
    assert.strictEqual(plan.Annotations?.DesiredTGUpdates?.g.Place, 2);
    assert.strictEqual(plan.Diff?.TaskGroups?.[0].Updates?.create, 2);
    const noDiff = await client.planJob(serviceJob(web, 3), { diff: false });
    assert.strictEqual(noDiff.Diff, null);
    await assert.rejects(client.planJob({ Type: 'service' }), { kind: 'badRequest' });
  });

  it('forcePeriodic launches a child with a slash in its id', async () => {
    const nightly = testJobId('nightly');
    await client.registerJob(batchJob(nightly, { Periodic: { Enabled: true, Spec: '0 3 * * *', SpecType: 'cron' } }));
    const reply = await client.forcePeriodic(nightly);
    assert.strictEqual(last().url, `/v1/job/${nightly}/periodic/force`);
    assert.ok(reply.EvalID);
    const children = (await client.listJobs({ prefix: `${nightly}/` })).value;
    assert.strictEqual(children.length, 1);
    assert.match(children[0].ID.slice(nightly.length), /^\/periodic-\d+$/);
    assert.strictEqual(children[0].ParentID, nightly);
    const summary = await follow((q) => client.jobSummary(children[0].ID, q), (s) => s.Summary.g?.Complete === 1, 'the launched child to complete');
    assert.strictEqual(summary.Summary.g.Complete, 1);
  });

  it('deleteJob stops by default and purges with purge: true', async () => {
    await client.registerJob(serviceJob(web));
    await client.deleteJob(web);
    assert.strictEqual(last().url, `/v1/job/${web}`);
    const stopped = await follow((q) => client.readJob(web, q), (job) => job.Status === 'dead', `${web} to be dead`);
    assert.deepStrictEqual([stopped.Stop, stopped.Status], [true, 'dead']);
    await client.deleteJob(web, { purge: true });
    assert.strictEqual(last().url, `/v1/job/${web}?purge=true`);
    await assert.rejects(client.readJob(web), { kind: 'notFound', status: 404 });
  });

  it('parseHcl sends JobHCL, Canonicalize (default true) and Variables', async () => {
    const hcl = 'variable "n" {\n  default = 1\n}\njob "p" {\n  datacenters = ["dc1"]\n  group "g" {\n    count = var.n\n    task "t" {\n      driver = "docker"\n    }\n  }\n}\n';
    const job = await client.parseHcl(hcl, { variables: 'n = 4' });
    assert.deepStrictEqual(lastBody(), { JobHCL: hcl, Canonicalize: true, Variables: 'n = 4' });
    // Agents before 1.6 ignore Variables and keep the default.
    const honoured = versionAtLeast(agentVersion(await client.agentSelf()) ?? '0', '1.6.0');
    assert.strictEqual(job.TaskGroups?.[0].Count, honoured ? 4 : 1);
    assert.strictEqual(job.Priority, 50);
    const raw = await client.parseHcl(hcl, { canonicalize: false });
    assert.strictEqual(raw.Priority, null);
    await assert.rejects(client.parseHcl('job "x" {\n  datacenters = ["dc1"\n  group "g" {}\n}\n'), {
      kind: 'badRequest',
      serverText: 'input.hcl:3,3-8: Missing item separator; Expected a comma to mark the beginning of the next item.',
    });
  });

  it('agentSelf and regions', async () => {
    const version = agentVersion(await client.agentSelf());
    assert.match(version ?? '', /^\d+\.\d+\.\d+/);
    assert.deepStrictEqual(await client.regions(), ['global']);
  });

  it('namespaces, with one the fake adds', async function () {
    // Needs the fake's powers: its state adds the namespace and sets the version it reports.
    if (!target.fake) this.skip();
    target.fake.agentVersion = '1.6.3';
    assert.strictEqual(agentVersion(await client.agentSelf()), '1.6.3');
    target.fake.addNamespace('team-a', 'Team A');
    const namespaces = await client.namespaces();
    assert.deepStrictEqual(namespaces.value.map((n) => n.Name), ['default', 'team-a']);
    assert.ok(namespaces.index > 1);
  });

  it('reads a single allocation, evaluation and deployment', async () => {
    const reply = await client.registerJob(serviceJob(web, 1));
    const evaluation = await follow((q) => client.readEvaluation(reply.EvalID, q), (e) => Boolean(e.DeploymentID), 'the evaluation to create a deployment');
    assert.strictEqual(evaluation.JobID, web);
    const [stub] = await follow((q) => client.jobAllocations(web, q), (list) => list.length === 1, 'an allocation');
    const alloc = await client.readAllocation(stub.ID);
    assert.strictEqual(alloc.value.Job?.ID, web);
    assert.strictEqual(alloc.index, alloc.value.ModifyIndex);
    const deployment = await client.readDeployment(String(evaluation.DeploymentID));
    assert.strictEqual(deployment.value.JobID, web);
    await assert.rejects(client.readAllocation('00000000-0000-0000-0000-000000000000'), { kind: 'notFound', serverText: 'alloc not found' });
    await assert.rejects(client.readEvaluation('00000000-0000-0000-0000-000000000000'), { kind: 'notFound', serverText: 'eval not found' });
    await assert.rejects(client.readDeployment('00000000-0000-0000-0000-000000000000'), { kind: 'notFound', serverText: 'deployment not found' });
    // An id that is not a UUID at all is refused by the index lookup itself.
    await assert.rejects(client.readEvaluation('nope'), { status: 500, serverText: 'eval lookup failed: index error: UUID must be 36 characters' });
    await assert.rejects(client.readAllocation('nope'), { status: 500, serverText: 'alloc lookup failed: index error: UUID must be 36 characters' });
  });

  it('adds namespace and region from the config or the call; "*" only on lists', async () => {
    const scoped = new NomadClient({ address: target.address, token: target.token, namespace: '*', region: 'global' });
    const inDefault = testJobId('in-default');
    try {
      await scoped.listJobs();
      assert.strictEqual(last().url, '/v1/jobs?namespace=*&region=global');
      await assert.rejects(scoped.readJob('x'), { kind: 'notFound' });
      assert.strictEqual(last().url, '/v1/job/x?region=global', 'a wildcard default is left out of single reads');
      await scoped.registerJob({ ...serviceJob(inDefault), Namespace: 'default' }, { namespace: 'default' });
      assert.strictEqual(last().url, '/v1/jobs?namespace=default&region=global');
      const listed = await scoped.listJobs({ prefix: inDefault });
      assert.deepStrictEqual(listed.value.map((j) => [j.ID, j.Namespace]), [[inDefault, 'default']]);
      await scoped.listJobs({ namespace: '', region: '' });
      assert.strictEqual(last().url, '/v1/jobs', 'empty strings leave the parameters out');
    } finally {
      scoped.dispose();
    }
  });

  it('call() reaches endpoints the client has no method for, with the same conventions', async () => {
    await client.registerJob(batchJob(testJobId('called')));
    const result = await client.call<{ EvalID: string; Index: number }>(`/v1/job/${testJobId('called')}/evaluate`, { method: 'POST', body: { JobID: testJobId('called') } });
    assert.strictEqual(last().method, 'POST');
    assert.strictEqual(last().headers['x-nomad-token'], target.token ?? 'tok-123');
    assert.deepStrictEqual(JSON.parse(last().body), { JobID: testJobId('called') });
    assert.match(result.value.EvalID, /^[0-9a-f-]{36}$/);
    assert.ok(result.value.Index > 0);
  });
});
