import { strict as assert } from 'node:assert';
import { streamTaskLogs, type StreamOpener } from '../../../../../client/src/nomad/logs';

const b64 = (text: string) => Buffer.from(text).toString('base64');

function fakeOpener(chunks: string[]) {
  const calls: Array<{ path: string; spec: Parameters<StreamOpener['openStream']>[1] }> = [];
  let destroyed = false;
  const opener: StreamOpener = {
    async openStream(path, spec) {
      calls.push({ path, spec });
      const body = (async function* () {
        for (const chunk of chunks) yield new TextEncoder().encode(chunk);
      })();
      return Object.assign(body, { destroy: () => void (destroyed = true) });
    },
  };
  return { opener, calls, wasDestroyed: () => destroyed };
}

describe('streamTaskLogs', () => {
  it('asks for framed output of one task from the tail and follows it', async () => {
    const { opener, calls } = fakeOpener([]);
    const query = { allocId: 'a/b', task: 'web', type: 'stderr' as const, follow: true, origin: 'end' as const, offset: 4096, namespace: 'team' };
    for await (const frame of streamTaskLogs(opener, query, new AbortController().signal)) assert.fail(`unexpected ${String(frame)}`);
    assert.equal(calls[0].path, '/v1/client/fs/logs/a%2Fb');
    assert.deepEqual(calls[0].spec.query, { task: 'web', type: 'stderr', follow: true, origin: 'end', offset: 4096, plain: false });
    assert.equal(calls[0].spec.namespace, 'team');
    assert.equal(calls[0].spec.capability, 'read-logs');
  });

  it('yields decoded frames and closes the body when the reader stops early', async () => {
    const { opener, wasDestroyed } = fakeOpener([`{"Data":"${b64('one\n')}","File":"f","Offset":4}{}{"Data":"${b64('two\n')}"}`]);
    const query = { allocId: 'a', task: 't', type: 'stdout' as const, follow: true, origin: 'end' as const, offset: 0 };
    const seen: string[] = [];
    for await (const frame of streamTaskLogs(opener, query, new AbortController().signal)) {
      seen.push(Buffer.from(frame.data).toString());
      break;
    }
    assert.deepEqual(seen, ['one\n']);
    assert.equal(wasDestroyed(), true);
  });
});
