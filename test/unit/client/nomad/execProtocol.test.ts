// The exec WebSocket's messages as Nomad's api package writes and reads them.
import { strict as assert } from 'node:assert';
import {
  actionRequest,
  execRequest,
  parseExecOutput,
  resizeMessage,
  splitCommandLine,
  stdinCloseMessage,
  stdinMessage,
} from '../../../../client/src/nomad/execProtocol';

describe('exec protocol', () => {
  it('sends stdin as base64 bytes, EOF as close, and the size as height/width', () => {
    assert.deepEqual(JSON.parse(stdinMessage('ls\r')), { stdin: { data: Buffer.from('ls\r').toString('base64') } });
    assert.deepEqual(JSON.parse(stdinMessage(new Uint8Array([0xe2, 0x82, 0xac]))), { stdin: { data: '4oKs' } });
    assert.deepEqual(JSON.parse(stdinCloseMessage()), { stdin: { close: true } });
    assert.deepEqual(JSON.parse(resizeMessage(120.7, 0)), { tty_size: { height: 1, width: 120 } });
  });

  it('reads output, exit and unknown messages', () => {
    const out = parseExecOutput(JSON.stringify({ stdout: { data: Buffer.from('héllo').toString('base64') } }));
    assert.equal(out.kind, 'stdout');
    assert.equal(Buffer.from((out as { data: Uint8Array }).data).toString(), 'héllo');
    assert.equal(parseExecOutput('{"stderr":{}}').kind, 'stderr');
    assert.deepEqual(parseExecOutput('{"exited":true,"result":{"exit_code":3}}'), { kind: 'exited', exitCode: 3 });
    assert.deepEqual(parseExecOutput('{"exited":true,"result":{}}'), { kind: 'exited', exitCode: 0 });
    assert.deepEqual(parseExecOutput('{}'), { kind: 'other' });
    assert.deepEqual(parseExecOutput('not json'), { kind: 'other' });
    assert.deepEqual(parseExecOutput('[1]'), { kind: 'other' });
  });

  it('builds the exec and action paths and queries like the Go api package', () => {
    assert.deepEqual(execRequest({ allocId: 'a/b', task: 'web', command: ['/bin/sh', '-c', 'echo hi'], tty: true }), {
      path: '/v1/client/allocation/a%2Fb/exec',
      query: { task: 'web', tty: 'true', command: '["/bin/sh","-c","echo hi"]' },
    });
    assert.deepEqual(actionRequest({ jobId: 'web', action: 'dump', allocId: 'x', task: 'app', tty: false }), {
      path: '/v1/job/web/action',
      query: { action: 'dump', allocID: 'x', task: 'app', tty: 'false' },
    });
  });

  it('splits a command line into argv with quotes and escapes', () => {
    assert.deepEqual(splitCommandLine('/bin/sh'), ['/bin/sh']);
    assert.deepEqual(splitCommandLine('  sh -c "echo \\"a b\\"" \'x y\' z\\ w  '), ['sh', '-c', 'echo "a b"', 'x y', 'z w']);
    assert.deepEqual(splitCommandLine('echo ""'), ['echo', '']);
    assert.deepEqual(splitCommandLine('   '), []);
    assert.equal(splitCommandLine('echo "open'), undefined);
  });
});
