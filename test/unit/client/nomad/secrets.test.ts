// The ACL token (and basic-auth password) must never reach a log line or any
// part of an error, whatever fails. Every scenario below runs with secrets set
// and everything observable is searched for them.
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { inspect } from 'util';
import { NomadClient } from '../../../../client/src/nomad/client';
import type { ConnectionConfig } from '../../../../client/src/nomad/config';
import { NomadError } from '../../../../client/src/nomad/errors';
import { opensslAvailable } from '../../../support/nomad/pki';
import { FakeNomad, startFakeNomad } from '../../../support/nomad/server';

const TOKEN = 'c0ffee00-SECRET-TOKEN-4b1d';
const PASSWORD = 'hunter2-SECRET-PASSWORD';

describe('secrets stay out of logs and errors', function () {
  this.timeout(20_000);
  const logs: string[] = [];
  const errors: NomadError[] = [];
  const cleanups: Array<() => Promise<void> | void> = [];

  async function run(config: ConnectionConfig, act: (client: NomadClient) => Promise<unknown>): Promise<void> {
    const client = new NomadClient({ token: TOKEN, httpAuth: `ops:${PASSWORD}`, ...config }, { log: (line) => logs.push(line) });
    cleanups.push(() => client.dispose());
    try {
      await act(client);
    } catch (error) {
      assert.ok(error instanceof NomadError, `not a NomadError: ${String(error)}`);
      errors.push(error);
    }
  }

  async function echoServer(status: number): Promise<string> {
    // A misbehaving proxy that repeats the request headers back in its body.
    const server = http.createServer((req, res) => {
      res.statusCode = status;
      res.end(`<html>${JSON.stringify(req.headers)}</html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  let fake: FakeNomad;
  before(async () => {
    fake = await startFakeNomad({ acl: { managementToken: 'someone-else' } });
    cleanups.push(() => fake.close());
  });

  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('collects failures of every kind while a token is set', async () => {
    await run({ address: fake.address }, (c) => c.listJobs()); // 403 ACL token not found
    await run({ address: fake.address }, (c) => c.registerJob({ ID: 'x' })); // 403 on a write
    fake.state.aclEnabled = false;
    const open = await startFakeNomad();
    cleanups.push(() => open.close());
    await run({ address: open.address }, (c) => c.readJob(TOKEN)); // 404, token-like id in the path
    await run({ address: open.address }, (c) => c.registerJob({ ID: 'bad', Datacenters: ['dc1'], TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't' }] }] }));
    await run({ address: 'http://127.0.0.1:1' }, (c) => c.listJobs()); // unreachable
    await run({ address: await echoServer(200) }, (c) => c.listJobs()); // badResponse quoting the body
    await run({ address: await echoServer(502) }, (c) => c.listJobs()); // server error with the echoed text
    const stalled = http.createServer(() => undefined);
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => {
      stalled.closeAllConnections();
      return new Promise((resolve) => stalled.close(() => resolve()));
    });
    const stalledAddress = `http://127.0.0.1:${(stalled.address() as AddressInfo).port}`;
    await run({ address: stalledAddress, requestTimeoutMs: 30 }, (c) => c.listJobs()); // timeout
    const controller = new AbortController();
    await run({ address: stalledAddress }, (c) => {
      const pending = c.listJobs({ signal: controller.signal });
      setTimeout(() => controller.abort(), 10);
      return pending;
    }); // cancelled
    await run({ address: open.address, token: `line\nbreak-${TOKEN}` }, (c) => c.listJobs()); // header refused by Node
    if (opensslAvailable()) {
      const tls = await startFakeNomad({ tls: { ca: true } });
      cleanups.push(() => tls.close());
      await run({ address: tls.address }, (c) => c.listJobs()); // untrusted certificate
    }
    const kinds = new Set(errors.map((e) => e.kind));
    for (const kind of ['permissionDenied', 'notFound', 'validation', 'unreachable', 'badResponse', 'server', 'timeout', 'cancelled', 'badRequest']) {
      assert.ok(kinds.has(kind as NomadError['kind']), `no ${kind} error was produced (${[...kinds].join(', ')})`);
    }
  });

  it('the secrets were really sent, so the checks below mean something', () => {
    const sent = fake.requests.find((r) => r.headers['x-nomad-token'] === TOKEN);
    assert.ok(sent, 'the token went out in X-Nomad-Token');
    assert.strictEqual(sent.headers.authorization, `Basic ${Buffer.from(`ops:${PASSWORD}`).toString('base64')}`);
  });

  it('no log line contains a secret', () => {
    assert.ok(logs.length >= 10, `only ${logs.length} log lines`);
    for (const line of logs) {
      assert.ok(!line.includes(TOKEN) && !line.includes(PASSWORD), line);
      assert.match(line, /^(GET|POST|DELETE) \/\S* \S+ \d+ms$/);
    }
  });

  it('no error message, advice, server text, stack or dump contains a secret', () => {
    const base64Auth = Buffer.from(`ops:${PASSWORD}`).toString('base64');
    for (const error of errors) {
      const everything = [error.message, error.advice, error.serverText ?? '', error.stack ?? '', error.path ?? '', JSON.stringify(error), inspect(error, { depth: 5 })].join('\n');
      for (const secret of [TOKEN, PASSWORD, base64Auth]) {
        assert.ok(!everything.includes(secret), `${error.kind} error leaks a secret:\n${everything}`);
      }
    }
  });
});
