// Each kind of NomadError a plain dev agent can be made to produce, provoked
// through the client on the target (the fake, or a real agent with
// NOMAD_TEST_ADDR), so the classification is checked on live answers and not
// only on recorded ones. Kinds that need the fake's powers (permission denied,
// TLS, timeouts) have their own suites.
import * as assert from 'assert';
import { NomadClient } from '../../../../client/src/nomad/client';
import { NomadError, type NomadErrorKind } from '../../../../client/src/nomad/errors';
import type { Job } from '../../../../client/src/nomad/types';
import { deadAddress } from '../../../support/deadAddress';
import { clientPerTest } from '../../../support/nomad/suiteClient';
import { testJobId } from '../../../support/nomad/testJobs';

const batch = (id: string, task: Record<string, unknown> = { Driver: 'raw_exec', Config: { command: '/bin/true' } }): Job => ({
  ID: id,
  Type: 'batch',
  Datacenters: ['dc1'],
  TaskGroups: [{ Name: 'g', Count: 1, Tasks: [{ Name: 't', Resources: { CPU: 20, MemoryMB: 16 }, ...task }] }],
});

/** Awaits a refusal and checks it is a NomadError of `kind` with something to tell the user. */
async function refusal(promise: Promise<unknown>, kind: NomadErrorKind): Promise<NomadError> {
  const error = await promise.then(
    () => assert.fail(`expected a ${kind} error`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof NomadError, `a NomadError, not ${String(error)}`);
  assert.strictEqual(error.kind, kind, `${error.kind}: ${error.message}`);
  assert.ok(error.message.length > 10 && error.advice.length > 10, 'says what happened and what to do');
  return error;
}

describe('error kinds from a live agent', () => {
  const suite = clientPerTest();
  let client: NomadClient;
  beforeEach(() => ({ client } = suite));

  it('notFound: a job that does not exist', async () => {
    const error = await refusal(client.readJob(testJobId('never-registered')), 'notFound');
    assert.strictEqual(error.status, 404);
  });

  it('validation: a job the agent refuses, one item per problem', async () => {
    const error = await refusal(client.registerJob(batch(testJobId('no-driver'), { Config: {} })), 'validation');
    assert.ok(error.message.includes('Missing task driver'), error.message);
  });

  it('badRequest: HCL that does not parse, and dispatching a job that is not parameterized', async () => {
    await refusal(client.parseHcl('job "x" {\n  group "g" {\n'), 'badRequest');
    const id = testJobId('plain');
    await client.registerJob(batch(id));
    const error = await refusal(client.dispatchJob(id, {}), 'badRequest');
    assert.match(error.serverText ?? '', /is not a parameterized job/);
  });

  it('casConflict: registering with an index the job has moved past', async () => {
    const id = testJobId('cas');
    await client.registerJob(batch(id));
    await refusal(client.registerJob(batch(id), { enforceIndex: 0 }), 'casConflict');
  });

  it('server: an allocation id that is not a UUID', async () => {
    const error = await refusal(client.readAllocation('not-a-uuid'), 'server');
    assert.strictEqual(error.status, 500);
  });

  it('cancelled: a held blocking query whose caller gives up', async () => {
    const { index } = await client.listJobs();
    const controller = new AbortController();
    const held = client.listJobs({ index: Math.max(index, 1) + 1_000_000, wait: '5m', signal: controller.signal });
    controller.abort();
    await refusal(held, 'cancelled');
  });

  it('unreachable: an address where nothing listens', async () => {
    const nowhere = new NomadClient({ address: await deadAddress() });
    try {
      await refusal(nowhere.listJobs(), 'unreachable');
    } finally {
      nowhere.dispose();
    }
  });
});
