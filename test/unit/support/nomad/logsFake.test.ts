// The real NomadClient + streamTaskLogs against the fake's log streaming over
// loopback HTTP: what the extension sees from a following session.
import { strict as assert } from 'node:assert';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NomadClient } from '../../../../client/src/nomad/client';
import { NomadError } from '../../../../client/src/nomad/errors';
import { isHeartbeat, streamTaskLogs, type LogFrame, type TaskLogQuery } from '../../../../client/src/nomad/logs';
import { FakeTaskLogs } from '../../../support/nomad/logsFake';

const ALLOC = 'e0be2b3c-021a-b496-5442-87c59fb1b7c2';

describe('fake task logs over HTTP', () => {
  let server: http.Server;
  let logs: FakeTaskLogs;
  let client: NomadClient;

  beforeEach(async () => {
    logs = new FakeTaskLogs((id) => id === ALLOC || id === 'cut-off', () => ['web']);
    logs.unreachable.add('cut-off');
    logs.logsDeniedTokens.add('no-logs');
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const match = /^\/v1\/client\/fs\/logs\/([^/]+)$/.exec(url.pathname);
      if (!match) return void res.writeHead(404).end();
      const token = req.headers['x-nomad-token'];
      logs.handle({ allocId: decodeURIComponent(match[1]), query: url.searchParams, token: typeof token === 'string' ? token : undefined }, req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new NomadClient({ address: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  });

  afterEach(async () => {
    logs.dispose();
    client.dispose();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const query = (extra: Partial<TaskLogQuery> = {}): TaskLogQuery => ({ allocId: ALLOC, task: 'web', type: 'stdout', follow: false, origin: 'start', offset: 0, ...extra });
  const text = (frames: LogFrame[]) => frames.map((f) => Buffer.from(f.data).toString()).join('');

  async function read(q: TaskLogQuery, signal = new AbortController().signal): Promise<LogFrame[]> {
    const frames: LogFrame[] = [];
    for await (const frame of streamTaskLogs(client, q, signal)) frames.push(frame);
    return frames;
  }

  it('serves the whole log from the start, with file and end offset', async () => {
    logs.write(ALLOC, 'web', 'one\ntwo\n');
    const frames = await read(query());
    assert.equal(text(frames), 'one\ntwo\n');
    assert.equal(frames[0].file, 'alloc/logs/web.stdout.0');
    assert.equal(frames.at(-1)?.offset, 8);
  });

  it('honours origin=end with an offset as a tail, and keeps stdout and stderr apart', async () => {
    logs.write(ALLOC, 'web', 'old line\nnew line\n');
    logs.write(ALLOC, 'web', 'oops\n', 'stderr');
    assert.equal(text(await read(query({ origin: 'end', offset: 9 }))), 'new line\n');
    assert.equal(text(await read(query({ origin: 'end', offset: 1000 }))), 'old line\nnew line\n');
    assert.equal(text(await read(query({ type: 'stderr' }))), 'oops\n');
  });

  it('follows new output with heartbeats in between, and closes the stream when the reader stops', async () => {
    logs.heartbeatMs = 20;
    logs.write(ALLOC, 'web', 'before\n');
    const controller = new AbortController();
    const frames: LogFrame[] = [];
    let sawHeartbeat = false;
    for await (const frame of streamTaskLogs(client, query({ follow: true, origin: 'end', offset: 0 }), controller.signal)) {
      if (isHeartbeat(frame)) {
        sawHeartbeat = true;
        if (frames.length === 0) logs.write(ALLOC, 'web', 'after\n');
        continue;
      }
      frames.push(frame);
      if (text(frames) === 'after\n') break;
    }
    assert.ok(sawHeartbeat);
    assert.equal(text(frames), 'after\n', 'the tail of 0 bytes skips what was there before');
    await waitUntil(() => logs.activeStreams(ALLOC) === 0);
  });

  it('ends a followed stream when the task finishes', async () => {
    const pending = read(query({ follow: true }));
    await waitUntil(() => logs.activeStreams(ALLOC) === 1);
    logs.write(ALLOC, 'web', 'last words\n');
    logs.finish(ALLOC, 'web');
    assert.equal(text(await pending), 'last words\n');
  });

  it('refuses like Nomad: unknown allocation, unreachable node, missing permission', async () => {
    const failure = async (q: TaskLogQuery, c = client) => {
      try {
        for await (const _ of streamTaskLogs(c, q, new AbortController().signal)) void _;
      } catch (error) {
        return error as NomadError;
      }
      assert.fail('expected a refusal');
    };
    const gone = await failure(query({ allocId: 'does-not-exist' }));
    assert.equal(gone.status, 404);
    assert.equal(gone.serverText, 'Unknown allocation "does-not-exist"');
    const unreachable = await failure(query({ allocId: 'cut-off' }));
    assert.equal(unreachable.status, 500);
    assert.match(unreachable.serverText ?? '', /no path to node/);
    const denied = await failure(query(), new NomadClient({ address: client.config.address, token: 'no-logs' }));
    assert.equal(denied.kind, 'permissionDenied');
    assert.match(denied.advice, /read-logs/);
  });
});

/** Polls a condition the fake changes asynchronously (stream open/closed); fails after two seconds. */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), 'condition not reached');
}
