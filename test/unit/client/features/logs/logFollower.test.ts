import { strict as assert } from 'node:assert';
import { LogFollower } from '../../../../../client/src/features/logs/logFollower';
import { LogLineBuffer } from '../../../../../client/src/features/logs/logLineBuffer';
import type { LogFrame } from '../../../../../client/src/nomad/logs';
import { ScriptedSource } from './scriptedSource';

const frame = (text: string | Uint8Array, file = 'alloc/logs/web.stdout.0'): LogFrame => ({
  data: typeof text === 'string' ? new TextEncoder().encode(text) : text,
  file,
});

function follow(source: ScriptedSource) {
  const buffer = new LogLineBuffer({ maxLines: 100, maxChars: 100_000, maxLineChars: 1000 });
  const follower = new LogFollower(source.open, buffer, { describeError: (e) => (e as Error).message });
  const changes: string[] = [];
  follower.onDidChange(() => changes.push(buffer.text()));
  /** Resolves after the follower handled everything queued so far. */
  const settled = () => new Promise<void>((resolve) => setImmediate(resolve));
  return { buffer, follower, changes, settled };
}

describe('LogFollower', () => {
  it('appends each frame as it arrives and reports the change', async () => {
    const source = new ScriptedSource();
    const { buffer, changes, settled } = follow(source);
    source.push(frame('one\n'));
    await settled();
    assert.equal(buffer.text(), 'one\n');
    source.push(frame('two\n'));
    await settled();
    assert.deepEqual(changes, ['one\n', 'one\ntwo\n']);
  });

  it('ignores heartbeats', async () => {
    const source = new ScriptedSource();
    const { changes, settled } = follow(source);
    source.push({ data: new Uint8Array(0) });
    await settled();
    assert.deepEqual(changes, []);
  });

  it('keeps a character split between two frames whole', async () => {
    const source = new ScriptedSource();
    const { buffer, settled } = follow(source);
    const bytes = new TextEncoder().encode('h\u00e9!\n');
    source.push(frame(bytes.slice(0, 2)));
    source.push(frame(bytes.slice(2)));
    await settled();
    assert.equal(buffer.text(), 'h\u00e9!\n');
  });

  it('notes a truncated file and the end of the stream', async () => {
    const source = new ScriptedSource();
    const { buffer, follower } = follow(source);
    source.push(frame('before\n'));
    source.push({ data: new Uint8Array(0), file: 'alloc/logs/web.stdout.0', fileEvent: 'file truncated' });
    source.push(frame('after\n'));
    source.push('end');
    await follower.done;
    assert.equal(follower.state, 'ended');
    const lines = buffer.text().split('\n');
    assert.equal(lines[0], 'before');
    assert.match(lines[1], /truncated/);
    assert.equal(lines[2], 'after');
    assert.match(lines[3], /stream ended/);
  });

  it('shows why following failed', async () => {
    const source = new ScriptedSource();
    const { buffer, follower } = follow(source);
    source.push(new Error('Unknown allocation "abc"'));
    await follower.done;
    assert.equal(follower.state, 'failed');
    assert.match(buffer.text(), /Stopped following: Unknown allocation "abc"/);
  });

  it('aborts the source when stopped and adds nothing afterwards', async () => {
    const source = new ScriptedSource();
    const { buffer, follower, changes } = follow(source);
    follower.stop();
    await follower.done;
    assert.equal(source.aborted, true);
    assert.equal(follower.state, 'stopped');
    assert.equal(buffer.text(), '');
    assert.deepEqual(changes, []);
  });
});
