// An allocation's directory through fs ls/stat/cat, on the fake (modelled on
// Nomad 1.0.18's handlers) or a real agent (NOMAD_TEST_ADDR): listing, stat,
// reading, the size limit, and the errors Nomad gives for bad paths.
import { strict as assert } from 'node:assert';
import { NomadClient } from '../../../../client/src/nomad/client';
import { NomadError } from '../../../../client/src/nomad/errors';
import {
  AllocFileTooLargeError,
  formatBytes,
  listAllocDir,
  readAllocFile,
  statAllocFile,
} from '../../../../client/src/nomad/allocFiles';
import { greetingAllocation } from '../../../support/nomad/allocFiles';
import { GREETING } from '../../../support/nomad/logsFixtures';
import { logsTarget, type LogsTarget } from '../../../support/nomad/logsRoutes';
import { testJobId } from '../../../support/nomad/testJobs';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  assert.fail('expected a rejection');
}

describe('allocation files (fake or real agent)', function () {
  this.timeout(60_000);
  let target: LogsTarget;
  let client: NomadClient;
  let allocId: string;
  const id = testJobId(`fs-${Date.now().toString(36)}`);

  before(async () => {
    target = await logsTarget();
    client = new NomadClient({ address: target.address, token: target.token });
    allocId = (await greetingAllocation(client, target.files, id)).ID;
  });

  after(async () => {
    await client?.deleteJob(id, { purge: true }).catch(() => undefined);
    client?.dispose();
    await target?.close();
  });

  it('lists the root: the shared alloc directory and one directory per task', async () => {
    const root = await listAllocDir(client, allocId, '/');
    const names = root.map((e) => e.Name);
    assert.ok(names.includes('alloc') && names.includes('app'), names.join(', '));
    assert.ok(root.every((e) => e.IsDir));
    assert.deepEqual((await listAllocDir(client, allocId, '')).map((e) => e.Name), names, 'no path means the root');
  });

  it('lists a task directory and stats a file', async () => {
    const local = await listAllocDir(client, allocId, '/app/local');
    const greeting = local.find((e) => e.Name === 'greeting.txt');
    assert.ok(greeting, JSON.stringify(local));
    assert.equal(greeting.IsDir, false);
    assert.equal(greeting.Size, GREETING.length);
    const info = await statAllocFile(client, allocId, 'app/local/greeting.txt');
    assert.equal(info.Name, 'greeting.txt');
    assert.equal(info.Size, GREETING.length);
    assert.match(info.ContentType ?? '', /^text\/plain/);
    assert.ok(!Number.isNaN(Date.parse(info.ModTime)));
  });

  it('reads a file', async () => {
    const bytes = await readAllocFile(client, allocId, '/app/local/greeting.txt');
    assert.equal(Buffer.from(bytes).toString('utf8'), GREETING);
  });

  it('refuses a file larger than the limit from its size, naming the size', async () => {
    const error = await rejection(readAllocFile(client, allocId, '/app/local/greeting.txt', { limit: 10 }));
    assert.ok(error instanceof AllocFileTooLargeError);
    assert.equal(error.size, GREETING.length);
    assert.match(error.message, new RegExp(`is ${GREETING.length} B, more than the 10 B`));
  });

  it('refuses to read a directory', async () => {
    const error = await rejection(readAllocFile(client, allocId, '/alloc'));
    assert.match(error.message, /is a directory/);
  });

  it('reports a missing path as Nomad does (a server error naming it)', async () => {
    const error = await rejection(listAllocDir(client, allocId, '/no-such-dir'));
    assert.ok(error instanceof NomadError);
    assert.equal(error.status, 500);
    assert.match(error.message, /no-such-dir: no such file or directory/);
    const statError = await rejection(readAllocFile(client, allocId, '/app/local/missing.txt'));
    assert.match(statError.message, /missing\.txt: no such file or directory/);
  });

  it('refuses a path outside the allocation', async () => {
    const error = await rejection(listAllocDir(client, allocId, '../..'));
    assert.match(error.message, /escapes the alloc directory/);
  });

  it('reports an unknown allocation as not found', async () => {
    const error = await rejection(listAllocDir(client, '00000000-0000-0000-0000-000000000000', '/'));
    assert.ok(error instanceof NomadError);
    assert.equal(error.status, 404);
  });

  it("is right to stat first: Nomad's cat answers its errors as a 200 body", async () => {
    const headers: Record<string, string> = target.token ? { 'X-Nomad-Token': target.token } : {};
    for (const [id, path, text] of [[allocId, '/nope', /nope: no such file or directory/], ['00000000-0000-0000-0000-000000000000', '/x', /Unknown allocation/]] as const) {
      const response = await fetch(`${target.address}/v1/client/fs/cat/${id}?path=${encodeURIComponent(path)}`, { headers });
      assert.equal(response.status, 200);
      assert.match(await response.text(), text);
    }
  });

  it('formats sizes with their byte count', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(11 * 1024 * 1024), '11 MiB (11534336 bytes)');
  });
});
