// A watch against HTTP servers that break the blocking-query contract: answers at once, with no
// X-Nomad-Index, with the same index, or with an index that alternates. Over ten seconds of a fake
// clock (the watch's sleeps advance it; nothing waits for real time), the watch may send about one
// request a second; before the pause it sent thousands.
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { NomadClient } from '../../../../client/src/nomad/client';
import { watchQuery } from '../../../../client/src/nomad/watch';

const WINDOW_MS = 10_000;
/** Where a spinning watch is stopped: far beyond the allowance, long before it floods anything. */
const SPIN_LIMIT = 200;

type Misbehaviour = (request: number) => string | undefined;

const MISBEHAVIOURS: Record<string, Misbehaviour> = {
  'drops X-Nomad-Index': () => undefined,
  'answers the same index': () => '42',
  'alternates the index': (request) => (request % 2 === 0 ? '42' : '41'),
  'answers index 0': () => '0',
};

async function serve(misbehaviour: Misbehaviour): Promise<{ address: string; requests(): number; close(): Promise<void> }> {
  let requests = 0;
  const server = http.createServer((_request, response) => {
    const index = misbehaviour(requests++);
    response.writeHead(200, { 'Content-Type': 'application/json', ...(index === undefined ? {} : { 'X-Nomad-Index': index }) });
    response.end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('watchQuery against a misbehaving server', () => {
  for (const [name, misbehaviour] of Object.entries(MISBEHAVIOURS)) {
    it(`sends about one request a second when the server ${name}`, async () => {
      const server = await serve(misbehaviour);
      const client = new NomadClient({ address: server.address });
      let clock = 0;
      const watch = watchQuery(
        (index, signal, wait) => client.listJobs({ index, signal, wait }),
        () => undefined,
        (error) => assert.fail(error.message),
        {
          sleep: async (ms) => {
            clock += ms;
          },
        },
      );
      try {
        await until(() => clock >= WINDOW_MS || server.requests() > SPIN_LIMIT);
      } finally {
        watch.dispose();
        client.dispose();
        await server.close();
      }
      // One request a second of the fake clock, plus the first two (the first answer is news).
      assert.ok(server.requests() <= clock / 1000 + 2, `${server.requests()} requests in ${clock / 1000} s of watching`);
    });
  }
});
