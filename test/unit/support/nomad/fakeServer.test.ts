// The fake's own behaviour beyond the recorded calls: ACL modes, dispatch
// payload rules, placement failures, stop vs purge, wildcard namespaces,
// extension routes and the refusals a real server gives.
import * as assert from 'assert';
import { NomadClient } from '../../../../client/src/nomad/client';
import type { Job } from '../../../../client/src/nomad/types';
import { rawRequest } from '../../../support/nomad/recorded';
import { FakeNomad, startFakeNomad } from '../../../support/nomad/server';

const service = (id: string, count = 1): Job => ({
  ID: id,
  Type: 'service',
  Datacenters: ['dc1'],
  TaskGroups: [{ Name: 'web', Count: count, Tasks: [{ Name: 'app', Driver: 'docker', Config: { image: 'nginx:1' } }] }],
});
const parameterized = (id: string, payload: string): Job => ({
  ID: id,
  Type: 'batch',
  Datacenters: ['dc1'],
  ParameterizedJob: { Payload: payload, MetaRequired: ['customer'], MetaOptional: ['priority'] },
  TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't', Driver: 'raw_exec', Config: { command: '/bin/cat' } }] }],
});

describe('fake Nomad', () => {
  let fake: FakeNomad;
  let client: NomadClient;
  beforeEach(async () => {
    fake = await startFakeNomad();
    client = new NomadClient({ address: fake.address });
  });
  afterEach(async () => {
    client.dispose();
    await fake.close();
  });

  describe('ACL mode', () => {
    let acl: FakeNomad;
    const as = (token?: string): NomadClient => new NomadClient({ address: acl.address, token });
    beforeEach(async () => {
      acl = await startFakeNomad({ acl: { managementToken: 'mgmt', deniedToken: 'denied', readToken: 'reader' } });
    });
    afterEach(() => acl.close());

    it('lets the management token do anything', async () => {
      const mgmt = as('mgmt');
      await mgmt.registerJob(service('web'));
      assert.strictEqual((await mgmt.listJobs()).value.length, 1);
      assert.strictEqual((await mgmt.agentSelf()).config?.ACL?.Enabled, true);
      mgmt.dispose();
    });

    it('answers 403 Permission denied without a token or with a denied one', async () => {
      for (const token of [undefined, 'denied']) {
        const c = as(token);
        await assert.rejects(c.listJobs(), { kind: 'permissionDenied', status: 403, serverText: 'Permission denied' });
        c.dispose();
      }
    });

    it('answers 403 ACL token not found for an unknown token', async () => {
      const c = as('who-is-this');
      await assert.rejects(c.readJob('web'), { kind: 'permissionDenied', serverText: 'ACL token not found' });
      c.dispose();
    });

    it('lets a read token read but not write', async () => {
      const reader = as('reader');
      assert.deepStrictEqual((await reader.listJobs()).value, []);
      await assert.rejects(reader.registerJob(service('web')), { kind: 'permissionDenied', serverText: 'Permission denied' });
      reader.dispose();
    });

    it('keeps /v1/regions open, like Nomad', async () => {
      const anonymous = as();
      assert.deepStrictEqual(await anonymous.regions(), ['global']);
      anonymous.dispose();
    });
  });

  describe('dispatch payload and meta rules', () => {
    it('refuses a missing required payload and a forbidden one, with Nomad\'s texts', async () => {
      fake.state.seedJob(parameterized('needs', 'required'));
      fake.state.seedJob(parameterized('refuses', 'forbidden'));
      await assert.rejects(client.dispatchJob('needs', { meta: { customer: 'a' } }), {
        status: 500,
        serverText: 'Payload is not provided but required by parameterized job',
        kind: 'badRequest',
      });
      await assert.rejects(client.dispatchJob('refuses', { payload: 'x', meta: { customer: 'a' } }), {
        serverText: 'Payload provided but forbidden by parameterized job',
      });
      await client.dispatchJob('refuses', { meta: { customer: 'a', priority: 'high' } });
    });

    it('lists unpermitted keys before missing ones, sorted like Go prints them', async () => {
      fake.state.seedJob(parameterized('p', 'optional'));
      await assert.rejects(client.dispatchJob('p', { meta: { zeta: '1', alpha: '2' } }), {
        serverText: 'Dispatch request included unpermitted metadata keys: [alpha zeta]',
      });
      await assert.rejects(client.dispatchJob('p', { meta: {} }), { serverText: 'Dispatch did not provide required meta keys: [customer]' });
    });

    it('refuses a payload over 16 KiB', async () => {
      fake.state.seedJob(parameterized('big', 'optional'));
      await assert.rejects(client.dispatchJob('big', { payload: new Uint8Array(16 * 1024 + 1), meta: { customer: 'a' } }), {
        serverText: 'Payload exceeds maximum size; 16385 > 16384',
      });
    });

    it('counts dispatched children in the parent summary', async () => {
      fake.state.seedJob(parameterized('p', 'optional'));
      await client.dispatchJob('p', { meta: { customer: 'a' } });
      await client.dispatchJob('p', { meta: { customer: 'b' } });
      const summary = await client.jobSummary('p');
      assert.deepStrictEqual(summary.value.Children, { Dead: 2, Pending: 0, Running: 0 });
      const stubs = (await client.listJobs()).value;
      assert.deepStrictEqual(stubs.map((s) => [s.ParentID, s.ParameterizedJob]), [['', true], ['p', false], ['p', false]]);
    });
  });

  describe('placement failures', () => {
    it('plan reports FailedTGAllocs and register leaves the group queued with a blocked evaluation', async () => {
      fake.state.failPlacement('web', 'web', { DimensionExhausted: { cpu: 1 } });
      const plan = await client.planJob(service('web', 3));
      assert.strictEqual(plan.FailedTGAllocs?.web.CoalescedFailures, 2);
      assert.deepStrictEqual(plan.FailedTGAllocs?.web.DimensionExhausted, { cpu: 1 });
      assert.strictEqual(plan.Annotations?.DesiredTGUpdates?.web.Place, 3);
      const reply = await client.registerJob(service('web', 3));
      const evaluation = (await client.readEvaluation(reply.EvalID)).value;
      assert.ok(evaluation.BlockedEval);
      assert.strictEqual((await client.readEvaluation(String(evaluation.BlockedEval))).value.Status, 'blocked');
      const summary = await client.jobSummary('web');
      assert.strictEqual(summary.value.Summary.web.Queued, 3);
      assert.strictEqual((await client.readJob('web')).value.Status, 'pending');
      assert.deepStrictEqual((await client.jobAllocations('web')).value, []);
      fake.state.clearPlacementFailures();
      await client.evaluateJob('web');
      assert.strictEqual((await client.jobAllocations('web')).value.length, 3);
      assert.strictEqual((await client.readJob('web')).value.Status, 'running');
    });
  });

  describe('job lifecycle', () => {
    it('shows pending allocations until the cluster converges when autoConverge is off', async () => {
      fake.state.autoConverge = false;
      await client.registerJob(service('web', 2));
      assert.deepStrictEqual((await client.jobAllocations('web')).value.map((a) => a.ClientStatus), ['pending', 'pending']);
      assert.strictEqual((await client.latestDeployment('web')).value?.Status, 'running');
      assert.strictEqual((await client.readJob('web')).value.Stable, false);
      fake.state.converge();
      assert.deepStrictEqual((await client.jobAllocations('web')).value.map((a) => a.ClientStatus), ['running', 'running']);
      assert.strictEqual((await client.latestDeployment('web')).value?.Status, 'successful');
      assert.strictEqual((await client.readJob('web')).value.Stable, true);
    });

    it('replaces allocations on a task change and keeps them on a count change', async () => {
      await client.registerJob(service('web', 1));
      const [original] = (await client.jobAllocations('web')).value;
      await client.updateJob('web', service('web', 2));
      const scaled = (await client.jobAllocations('web')).value;
      assert.ok(scaled.some((a) => a.ID === original.ID && a.ClientStatus === 'running'), 'kept on scale-up');
      const changed = service('web', 2);
      changed.TaskGroups![0].Tasks![0].Config = { image: 'nginx:2' };
      await client.updateJob('web', changed);
      const after = (await client.jobAllocations('web')).value;
      assert.strictEqual(after.find((a) => a.ID === original.ID)?.DesiredStatus, 'stop');
      assert.strictEqual(after.filter((a) => a.DesiredStatus === 'run').length, 2);
      assert.ok(after.filter((a) => a.DesiredStatus === 'run').every((a) => a.JobVersion === 2));
    });

    it('registering an unchanged job makes an evaluation but no new version', async () => {
      const first = await client.registerJob(service('web'));
      const again = await client.registerJob(service('web'));
      assert.strictEqual(again.JobModifyIndex, first.JobModifyIndex);
      assert.notStrictEqual(again.EvalID, first.EvalID);
      assert.strictEqual((await client.jobVersions('web')).value.Versions.length, 1);
    });

    it('stop keeps the job as a new dead version; purge removes it', async () => {
      await client.registerJob(service('web'));
      await client.deleteJob('web');
      const stopped = (await client.readJob('web')).value;
      assert.deepStrictEqual([stopped.Stop, stopped.Status, stopped.Version], [true, 'dead', 1]);
      assert.ok((await client.jobAllocations('web')).value.every((a) => a.DesiredStatus === 'stop'));
      await client.deleteJob('web', { purge: true });
      await assert.rejects(client.jobVersions('web'), { serverText: 'job versions not found' });
      assert.deepStrictEqual((await client.listJobs()).value, []);
    });

    it('refuses a job in a namespace that does not exist and lists all namespaces with "*"', async () => {
      await assert.rejects(client.registerJob({ ...service('web'), Namespace: 'nope' }), {
        status: 500,
        serverText: 'job "web" is in nonexistent namespace "nope"',
      });
      fake.state.addNamespace('team-a');
      await client.registerJob({ ...service('a'), Namespace: 'team-a' });
      await client.registerJob(service('d'));
      assert.deepStrictEqual((await client.listJobs()).value.map((j) => j.ID), ['d']);
      assert.deepStrictEqual((await client.listJobs({ namespace: 'team-a' })).value.map((j) => j.ID), ['a']);
      assert.deepStrictEqual((await client.listJobs({ namespace: '*' })).value.map((j) => `${j.Namespace}/${j.ID}`), ['team-a/a', 'default/d']);
    });

    it('revert refuses an unknown job and evaluate refuses parameterized jobs', async () => {
      await assert.rejects(client.revertJob('ghost', 0), { status: 500, kind: 'notFound', serverText: 'job "ghost" not found' });
      fake.state.seedJob(parameterized('p', 'optional'));
      await assert.rejects(client.evaluateJob('p'), { serverText: "can't evaluate parameterized job" });
    });
  });

  describe('HTTP surface', () => {
    it('answers unknown paths with 404 and wrong methods with 405 Invalid method', async () => {
      assert.deepStrictEqual(await status('GET', '/v1/nothing'), [404, '404 page not found\n']);
      assert.deepStrictEqual(await status('PUT', '/v1/jobs/parse'), [405, 'Invalid method']);
      assert.deepStrictEqual(await status('GET', '/v1/job/x/dispatch'), [405, 'Invalid method']);
    });

    it('refuses an unknown region and a malformed wait', async () => {
      assert.deepStrictEqual(await status('GET', '/v1/jobs?region=mars'), [500, 'No path to region']);
      assert.deepStrictEqual(await status('GET', '/v1/jobs?index=1&wait=soon'), [400, 'Invalid wait time: time: invalid duration "soon"']);
    });

    it('lets tests add routes that win over the built-in ones', async () => {
      fake.addRoute({ pattern: /^\/v1\/allocation\/([^/]+)\/stop$/, methods: { POST: { answer: (req) => ({ EvalID: `stop-${req.params[0]}`, Index: 3 }) } } });
      fake.addRoute({ pattern: /^\/v1\/regions$/, methods: { GET: { answer: () => ['override'] } } });
      assert.deepStrictEqual(await client.regions(), ['override']);
      const res = await rawRequest(fake.address, 'POST', '/v1/allocation/abc/stop');
      assert.deepStrictEqual([res.status, JSON.parse(res.text), res.headers['x-nomad-index']], [200, { EvalID: 'stop-abc', Index: 3 }, '3']);
    });

    it('serves raw streaming routes, the way log endpoints are added', async () => {
      fake.addRoute({
        pattern: /^\/v1\/client\/fs\/logs\/([^/]+)$/,
        methods: {
          GET: {
            raw: (req, res) => {
              res.writeHead(200, { 'Content-Type': 'application/json' });
              res.write(JSON.stringify({ Data: Buffer.from(`${req.params[0]}:${req.query.get('task')}`).toString('base64') }));
              setImmediate(() => res.end('{}'));
            },
          },
        },
      });
      const stream = await client.openStream('/v1/client/fs/logs/a1', { query: { task: 'app', type: 'stdout' } });
      let text = '';
      for await (const chunk of stream) text += String(chunk);
      assert.strictEqual(text, `{"Data":"${Buffer.from('a1:app').toString('base64')}"}{}`);
    });

    async function status(method: string, path: string): Promise<[number, string]> {
      const res = await rawRequest(fake.address, method, path);
      return [res.status, res.text];
    }
  });
});
