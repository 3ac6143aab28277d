// The Variables client against the fake modelled on Nomad v1.9.7: listing by
// prefix, reading, check-and-set writes and deletes with Nomad's 409 answer
// turned into a conflict (never into an error text holding the items), the
// version gate, and the path rule.
import * as assert from 'assert';
import { NomadClient } from '../../../../client/src/nomad/client';
import { isNomadError } from '../../../../client/src/nomad/errors';
import { deleteVariable, listVariables, readVariable, variablePathProblem, writeVariable } from '../../../../client/src/nomad/variables';
import { FakeNomad, startFakeNomad } from '../../../support/nomad/server';
import { lockVariable } from '../../../support/nomad/variables';

describe('Variables API (Nomad 1.4+)', () => {
  let fake: FakeNomad;
  let client: NomadClient;
  const lines: string[] = [];

  beforeEach(async () => {
    fake = await startFakeNomad({ agentVersion: '1.9.7' });
    lines.length = 0;
    client = new NomadClient({ address: fake.address }, { log: (line) => lines.push(line) });
  });
  afterEach(async () => {
    client.dispose();
    await fake.close();
  });

  it('creates only when new (cas=0), then lists by prefix without items and reads the items', async () => {
    const created = await writeVariable(client, 'nomad/jobs/web', { password: 's3cret', user: 'app' }, 0);
    assert.strictEqual(created.kind, 'done');
    await writeVariable(client, 'other/thing', { a: '1' }, 0);
    const put = fake.requests.find((r) => r.method === 'PUT')!;
    assert.strictEqual(put.url, '/v1/var/nomad/jobs/web?cas=0');
    const listed = await listVariables(client, { prefix: 'nomad/' });
    assert.deepStrictEqual(listed.value.map((v) => v.Path), ['nomad/jobs/web']);
    assert.ok(!('Items' in listed.value[0]), 'a list row carries no items');
    assert.ok(listed.index > 0);
    const read = await readVariable(client, 'nomad/jobs/web');
    assert.deepStrictEqual(read.value.Items, { password: 's3cret', user: 'app' });
    assert.strictEqual(read.index, read.value.ModifyIndex);
    assert.ok(lines.every((line) => !line.includes('s3cret')), 'the request log never holds a value');
  });

  it('refuses a write over a concurrent change with the current variable (409), and succeeds at its index', async () => {
    const first = await writeVariable(client, 'app/config', { level: 'info' }, 0);
    assert.ok(first.kind === 'done');
    const base = first.value.ModifyIndex;
    const theirs = await writeVariable(client, 'app/config', { level: 'debug' }, base);
    assert.ok(theirs.kind === 'done');
    const mine = await writeVariable(client, 'app/config', { level: 'warn' }, base);
    assert.ok(mine.kind === 'conflict');
    assert.deepStrictEqual(mine.current.Items, { level: 'debug' });
    assert.strictEqual(mine.current.ModifyIndex, theirs.value.ModifyIndex);
    const again = await writeVariable(client, 'app/config', { level: 'warn' }, mine.current.ModifyIndex);
    assert.ok(again.kind === 'done');
    assert.deepStrictEqual(again.value.Items, { level: 'warn' });
  });

  it('creating over an existing variable is a conflict, an unchanged write answers the variable as it is', async () => {
    await writeVariable(client, 'app/x', { k: 'v' }, 0);
    const twice = await writeVariable(client, 'app/x', { k: 'other' }, 0);
    assert.strictEqual(twice.kind, 'conflict');
    const current = (await readVariable(client, 'app/x')).value;
    const same = await writeVariable(client, 'app/x', { k: 'v' }, current.ModifyIndex);
    assert.ok(same.kind === 'done');
    assert.strictEqual(same.value.ModifyIndex, current.ModifyIndex);
  });

  it('deletes with check-and-set: 204 when at the index, a conflict when not', async () => {
    const written = await writeVariable(client, 'app/gone', { k: 'v' }, 0);
    assert.ok(written.kind === 'done');
    const stale = await deleteVariable(client, 'app/gone', written.value.ModifyIndex + 100);
    assert.strictEqual(stale.kind, 'conflict');
    const done = await deleteVariable(client, 'app/gone', written.value.ModifyIndex);
    assert.strictEqual(done.kind, 'done');
    await assert.rejects(readVariable(client, 'app/gone'), (e: unknown) => isNomadError(e) && e.kind === 'notFound' && e.serverText === 'variable not found');
  });

  it("says Nomad's words for a bad path and empty items", async () => {
    await assert.rejects(writeVariable(client, 'nomad/secret', { k: 'v' }, 0), (e: unknown) => isNomadError(e) && /only paths at "nomad\/jobs"/.test(e.serverText ?? ''));
    await assert.rejects(writeVariable(client, 'app/empty', {}, 0), (e: unknown) => isNomadError(e) && e.status === 400 && e.serverText === 'variable missing required Items object');
  });

  it('a locked variable (1.7+) shows its lock and refuses writes without the lock id', async () => {
    const written = await writeVariable(client, 'app/leader', { who: 'a' }, 0);
    assert.ok(written.kind === 'done');
    lockVariable(fake.state, 'default', 'app/leader', { TTL: '15s', LockDelay: '15s' });
    const row = (await listVariables(client)).value[0];
    assert.strictEqual(row.Lock?.TTL, '15s');
    const refused = await writeVariable(client, 'app/leader', { who: 'b' }, row.ModifyIndex);
    assert.ok(refused.kind === 'conflict');
    assert.strictEqual(refused.current.Items, null);
  });

  it('an agent before 1.4 has no variables endpoints', async () => {
    const old = await startFakeNomad({ agentVersion: '1.3.16' });
    const oldClient = new NomadClient({ address: old.address });
    try {
      await assert.rejects(listVariables(oldClient), (e: unknown) => isNomadError(e) && e.status === 404);
      await assert.rejects(writeVariable(oldClient, 'app/x', { k: 'v' }, 0), (e: unknown) => isNomadError(e) && e.status === 404);
    } finally {
      oldClient.dispose();
      await old.close();
    }
  });

  it("checks paths by Nomad's rule before sending", () => {
    for (const ok of ['nomad/jobs', 'nomad/jobs/web/task', 'nomad/job-templates/t', 'app/config', 'a-b_c~d']) assert.strictEqual(variablePathProblem(ok), undefined, ok);
    for (const bad of ['', 'nomad', 'nomad/other', 'nomad/job-templates', 'nomad/job-templates/a/b', 'has space', 'dot.ted', 'x'.repeat(129)]) {
      assert.ok(variablePathProblem(bad), bad);
    }
  });
});
