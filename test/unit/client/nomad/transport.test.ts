// Failure kinds that need a misbehaving server: plain loopback servers that
// refuse, stall, cut bodies short or answer something that is not Nomad JSON.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as http from 'http';
import * as net from 'net';
import type { AddressInfo } from 'net';
import { NomadClient } from '../../../../client/src/nomad/client';
import { NomadError } from '../../../../client/src/nomad/errors';
import { deadAddress } from '../../../support/deadAddress';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function serve(handler: Handler): Promise<{ address: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<NomadError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof NomadError, `not a NomadError: ${String(error)}`);
    return error;
  }
  throw new Error('expected a failure');
}

describe('NomadClient transport failures', () => {
  const servers: Array<{ close(): Promise<void> }> = [];
  const clients: NomadClient[] = [];
  const start = async (handler: Handler, config: Partial<ConstructorParameters<typeof NomadClient>[0]> = {}): Promise<NomadClient> => {
    const server = await serve(handler);
    servers.push(server);
    const client = new NomadClient({ address: server.address, ...config });
    clients.push(client);
    return client;
  };
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.dispose());
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('an endless body stops at the size limit with an error naming it', async () => {
    let written = 0;
    const client = await start((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      // Writes as long as the client reads; the client must hang up, not the server stop.
      const pump = (): void => {
        while (!res.destroyed && written < 64 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (!res.destroyed && written < 64 * 1024 * 1024) res.once('drain', pump);
      };
      res.once('close', () => (written = Infinity));
      pump();
    }, { maxBodyBytes: 1024 * 1024, requestTimeoutMs: 60_000 });
    const error = await failure(client.listJobs());
    assert.strictEqual(error.kind, 'badResponse');
    assert.match(error.message, /larger than 1 MiB/);
  });

  it('a Content-Length above the limit is refused before reading', async () => {
    const client = await start((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 * 1024) });
      res.write('[');
    }, { maxBodyBytes: 1024 * 1024 });
    const error = await failure(client.listJobs());
    assert.match(error.message, /larger than 1 MiB/);
  });

  it('a closed port is unreachable', async () => {
    const client = new NomadClient({ address: await deadAddress() });
    const error = await failure(client.listJobs());
    assert.strictEqual(error.kind, 'unreachable');
    assert.strictEqual(error.code, 'ECONNREFUSED');
    assert.strictEqual(error.path, '/v1/jobs');
  });

  it('a unix:// address is refused with a clear message and no request', async () => {
    const error = await failure(new NomadClient({ address: 'unix:///run/nomad.sock' }).listJobs());
    assert.strictEqual(error.kind, 'unreachable');
    assert.match(error.message, /Unix socket/);
  });

  it('a server that never answers times out', async () => {
    const client = await start(() => undefined, { requestTimeoutMs: 50 });
    const error = await failure(client.readJob('web'));
    assert.strictEqual(error.kind, 'timeout');
    assert.match(error.advice, /requestTimeoutMs/);
  });

  it('a connection that is never accepted hits the connect time-out', async function () {
    this.timeout(15_000); // starting python can take seconds on a busy machine
    // Node always accepts connections, so a python socket that listens but never
    // accepts stands in; once its tiny backlog is full the kernel leaves SYNs unanswered.
    const listener = spawn('python3', ['-c', 'import socket,time\ns=socket.socket()\ns.bind(("127.0.0.1",0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\ntime.sleep(60)']);
    const port = await new Promise<number>((resolve) => {
      listener.on('error', () => resolve(0));
      listener.stdout.once('data', (data) => resolve(Number(String(data).trim())));
    });
    if (!port) this.skip();
    const fillers = [0, 1, 2, 3].map(() => net.connect(port, '127.0.0.1').on('error', () => undefined));
    try {
      // The first fits the backlog; the later ones (sent before ours) fill what is left.
      await new Promise((resolve) => fillers[0].once('connect', resolve));
      const client = new NomadClient({ address: `http://127.0.0.1:${port}`, connectTimeoutMs: 100, requestTimeoutMs: 3000 });
      clients.push(client);
      const error = await failure(client.listJobs());
      assert.strictEqual(error.kind, 'timeout');
      if (!/^Connecting to/.test(error.message)) this.skip(); // this kernel accepted anyway
      assert.match(error.advice, /connectTimeoutMs/);
    } finally {
      fillers.forEach((socket) => socket.destroy());
      listener.kill();
    }
  });

  it('a blocking query gets its wait on top of the request time-out', async () => {
    const client = await start((_req, res) => setTimeout(() => res.end('[]'), 150), { requestTimeoutMs: 50 });
    const result = await client.listJobs({ index: 3, wait: '1s' });
    assert.deepStrictEqual(result.value, []);
  });

  it('an invalid wait is refused before sending', async () => {
    let hits = 0;
    const client = await start((_req, res) => {
      hits++;
      res.end('[]');
    });
    assert.strictEqual((await failure(client.listJobs({ index: 3, wait: 'soon' }))).kind, 'badRequest');
    assert.strictEqual(hits, 0);
  });

  it('aborting the signal cancels a request in flight', async () => {
    let arrived!: () => void;
    const seen = new Promise<void>((resolve) => (arrived = resolve));
    const client = await start(() => arrived());
    const controller = new AbortController();
    const pending = client.listJobs({ index: 5, signal: controller.signal });
    await seen;
    controller.abort();
    const error = await failure(pending);
    assert.strictEqual(error.kind, 'cancelled');
  });

  it('an already aborted signal sends nothing', async () => {
    let hits = 0;
    const client = await start((_req, res) => {
      hits++;
      res.end('[]');
    });
    const controller = new AbortController();
    controller.abort();
    assert.strictEqual((await failure(client.listJobs({ signal: controller.signal }))).kind, 'cancelled');
    assert.strictEqual(hits, 0);
  });

  it('HTML instead of JSON is a bad response', async () => {
    const client = await start((_req, res) => res.end('<html>proxy login</html>'));
    const error = await failure(client.listJobs());
    assert.strictEqual(error.kind, 'badResponse');
    assert.match(error.message, /not JSON/);
  });

  it('an empty success body is a bad response', async () => {
    const client = await start((_req, res) => res.end());
    assert.strictEqual((await failure(client.readJob('web'))).kind, 'badResponse');
  });

  it('a body cut short is a bad response', async () => {
    const client = await start((_req, res) => {
      res.writeHead(200, { 'Content-Length': '1000', 'Content-Type': 'application/json' });
      res.write('[{"ID":"web"');
      setImmediate(() => res.socket?.destroy());
    });
    const error = await failure(client.listJobs());
    assert.strictEqual(error.kind, 'badResponse');
    assert.match(error.message, /cut off/);
  });

  it('a 502 from a proxy is a server error with its text kept', async () => {
    const client = await start((_req, res) => {
      res.statusCode = 502;
      res.end('Bad Gateway\n');
    });
    const error = await failure(client.listJobs());
    assert.deepStrictEqual([error.kind, error.status, error.serverText], ['server', 502, 'Bad Gateway']);
  });

  it('keeps a path prefix in the address and sends basic auth from httpAuth', async () => {
    let seen: http.IncomingMessage | undefined;
    const client = await start(
      (req, res) => {
        seen = req;
        res.setHeader('X-Nomad-Index', '9');
        res.end('[]');
      },
      {},
    );
    const prefixed = new NomadClient({ address: `${client.config.address}/nomad/`, httpAuth: 'ops:pw' });
    clients.push(prefixed);
    const result = await prefixed.listJobs({ prefix: 'a b' });
    assert.strictEqual(seen?.url, '/nomad/v1/jobs?prefix=a+b');
    assert.strictEqual(seen?.headers.authorization, `Basic ${Buffer.from('ops:pw').toString('base64')}`);
    assert.strictEqual(seen?.headers['x-nomad-token'], undefined);
    assert.deepStrictEqual([result.index, result.knownLeader], [9, undefined]);
  });

  it('openStream hands back the live body, and a refusal as a NomadError', async () => {
    const client = await start((req, res) => {
      if (req.url?.startsWith('/v1/client/fs/logs/missing')) {
        res.statusCode = 404;
        res.end('Unknown allocation "missing"');
        return;
      }
      res.write('{"Data":"aGk="}');
      setImmediate(() => res.end('{}'));
    });
    const response = await client.openStream('/v1/client/fs/logs/abc', { query: { task: 't', type: 'stdout' } });
    let text = '';
    for await (const chunk of response) text += String(chunk);
    assert.strictEqual(text, '{"Data":"aGk="}{}');
    const error = await failure(client.openStream('/v1/client/fs/logs/missing'));
    assert.deepStrictEqual([error.kind, error.serverText], ['notFound', 'Unknown allocation "missing"']);
  });
});
