// The fake's logs and allocation lifecycle routes, driven through the real
// NomadClient and the extension's endpoint functions.
import { strict as assert } from 'node:assert';
import { formatTaskEventTimeline } from '../../../../client/src/features/logs/taskEventTimeline';
import { restartAllocation, stopAllocation } from '../../../../client/src/nomad/allocations';
import { NomadClient } from '../../../../client/src/nomad/client';
import type { NomadError } from '../../../../client/src/nomad/errors';
import { streamTaskLogs, type LogFrame } from '../../../../client/src/nomad/logs';
import { tickingService } from '../../../support/nomad/logsFixtures';
import { installTaskLogs } from '../../../support/nomad/logsRoutes';
import { startFakeNomad, type FakeNomad } from '../../../support/nomad/server';
import type { FakeTaskLogs } from '../../../support/nomad/logsFake';

describe('fake allocation routes', () => {
  let fake: FakeNomad;
  let logs: FakeTaskLogs;
  let client: NomadClient;
  let allocId: string;

  beforeEach(async () => {
    fake = await startFakeNomad({ acl: { managementToken: 'root', readToken: 'reader' } });
    logs = installTaskLogs(fake);
    logs.logsDeniedTokens.add('reader');
    client = new NomadClient({ address: fake.address, token: 'root' });
    fake.state.seedJob(tickingService('web', ['app', 'sidecar']));
    const allocations = (await client.jobAllocations('web')).value;
    assert.equal(allocations.length, 1);
    allocId = allocations[0].ID;
  });

  afterEach(async () => {
    logs.dispose();
    client.dispose();
    await fake.close();
  });

  async function readAll(c: NomadClient, task: string): Promise<string> {
    const frames: LogFrame[] = [];
    for await (const frame of streamTaskLogs(c, { allocId, task, type: 'stdout', follow: false, origin: 'start', offset: 0 }, new AbortController().signal)) frames.push(frame);
    return frames.map((f) => Buffer.from(f.data).toString()).join('');
  }

  it('serves the logs of a placed allocation\'s tasks', async () => {
    logs.write(allocId, 'sidecar', 'ready\n');
    assert.equal(await readAll(client, 'sidecar'), 'ready\n');
    await assert.rejects(readAll(client, 'nope'), (e: NomadError) => e.status === 400 && /unknown task name/.test(e.serverText ?? ''));
  });

  it('refuses logs to a token without read-logs', async () => {
    const reader = new NomadClient({ address: fake.address, token: 'reader' });
    await assert.rejects(readAll(reader, 'app'), (e: NomadError) => e.kind === 'permissionDenied');
    reader.dispose();
  });

  it('restarts one task in place and records it in the task events', async () => {
    await restartAllocation(client, allocId, { task: 'app' });
    const allocation = (await client.readAllocation(allocId)).value;
    assert.equal(allocation.TaskStates?.app.Restarts, 1);
    assert.equal(allocation.TaskStates?.sidecar.Restarts ?? 0, 0);
    assert.equal(allocation.ClientStatus, 'running');
    const timeline = formatTaskEventTimeline(allocation.TaskStates, { formatTime: () => 'T' });
    assert.match(timeline, /Task "app": running, 1 restart/);
    assert.match(timeline, /Restarting {2,}Restarting: User requested restart/);
    await assert.rejects(restartAllocation(client, allocId, { task: 'ghost' }), /Could not find task runner/);
  });

  it('stops an allocation and gets a replacement placed', async () => {
    const reply = await stopAllocation(client, allocId);
    assert.notEqual(reply.EvalID, '');
    const allocations = (await client.jobAllocations('web')).value;
    const stopped = allocations.find((a) => a.ID === allocId);
    assert.equal(stopped?.DesiredStatus, 'stop');
    assert.ok(allocations.some((a) => a.ID !== allocId && a.ClientStatus === 'running'), 'a replacement runs');
  });

  it('answers unknown allocations and unreachable nodes like Nomad', async () => {
    await assert.rejects(stopAllocation(client, 'does-not-exist'), (e: NomadError) => e.status === 404 && e.serverText === 'Unknown allocation "does-not-exist"');
    logs.unreachable.add(allocId);
    await assert.rejects(restartAllocation(client, allocId), (e: NomadError) => e.status === 500 && /no path to node/.test(e.serverText ?? ''));
  });
});
