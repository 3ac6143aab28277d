// Exec sessions through the real NomadClient and WebSocket, against the fake
// (modelled on Nomad 1.0.18's handlers) or a real agent (NOMAD_TEST_ADDR).
import { strict as assert } from 'node:assert';
import { NomadClient } from '../../../../client/src/nomad/client';
import type { NomadError } from '../../../../client/src/nomad/errors';
import { ExecSession, type ExecHandlers } from '../../../../client/src/nomad/execSession';
import { classifyAllocationFailure } from '../../../../client/src/features/logs/allocationErrors';
import { sleepingService } from '../../../support/nomad/logsFixtures';
import { testJobId } from '../../../support/nomad/testJobs';
import { runningAllocation } from '../../../support/nomad/runningAllocation';
import { startFakeNomad } from '../../../support/nomad/server';
import { nomadTarget, type NomadTarget } from '../../../support/nomad/target';
import { opensslAvailable } from '../../../support/nomad/pki';

/** Collects what a session reports; `until` waits for output or the end. */
class Recorder implements ExecHandlers {
  text = '';
  exitCode: number | undefined;
  error: NomadError | undefined;
  private waiters: (() => void)[] = [];

  output(data: Uint8Array): void {
    this.text += Buffer.from(data).toString('utf8');
    this.wake();
  }
  exited(exitCode: number): void {
    this.exitCode = exitCode;
    this.wake();
  }
  failed(error: NomadError): void {
    this.error = error;
    this.wake();
  }
  until(what: string, done: () => boolean, timeoutMs = 20_000): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; output so far: ${JSON.stringify(this.text)}; error: ${this.error?.message}`)), timeoutMs);
      const check = (): void => {
        if (done()) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }
  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }
}

describe('exec sessions', function () {
  this.timeout(90_000);
  let target: NomadTarget;
  let client: NomadClient;
  let allocId: string;
  const jobId = testJobId('exec');

  before(async () => {
    target = await nomadTarget();
    client = new NomadClient({ address: target.address, token: target.token });
    await client.registerJob(sleepingService(jobId));
    allocId = (await runningAllocation(client, jobId, 'app')).ID;
  });

  after(async () => {
    await client.deleteJob(jobId, { purge: true }).catch(() => undefined);
    client.dispose();
    await target.close();
  });

  const exec = (recorder: Recorder, command: string[], tty = true, id = allocId, task = 'app'): Promise<ExecSession> =>
    ExecSession.exec(client, { allocId: id, task, command, tty }, recorder);

  it('runs an interactive shell with a TTY: size, input, output, exit code', async () => {
    const r = new Recorder();
    const session = await exec(r, ['/bin/sh']);
    session.resize(100, 30);
    session.write('stty size\r');
    await r.until('the terminal size', () => r.text.includes('30 100'));
    session.write('echo "hello from exec"\r');
    await r.until('the echo', () => /hello from exec\r?\n/.test(r.text.split('echo "hello from exec"').pop() ?? ''));
    session.write('exit 3\r');
    await r.until('the exit', () => r.exitCode !== undefined);
    assert.equal(r.exitCode, 3);
    assert.equal(r.error, undefined);
    assert.equal(session.ended, true);
  });

  it('interrupts a running command with Ctrl+C and keeps the shell', async () => {
    const r = new Recorder();
    const session = await exec(r, ['/bin/sh']);
    // Typed before the shell is up, the interrupt reaches a task still starting (a real agent): type at the first prompt.
    await r.until('the first prompt', () => /[#$] $/.test(r.text));
    // `read` is a shell builtin: the shell itself waits, so the interrupt cannot arrive before a child starts.
    session.write('read line\r');
    await r.until('the command to be typed', () => r.text.includes('read line\r\n'));
    session.write('\x03');
    // The interrupt flushes typed-ahead input, so the next line waits for the new prompt.
    await r.until('a new prompt', () => /\^C[\s\S]*[#$] $/.test(r.text));
    session.write('echo after-interrupt\r');
    await r.until('the shell to answer again', () => /after-interrupt\r?\n/.test(r.text.split('echo after-interrupt').pop() ?? ''));
    session.write('exit\r');
    await r.until('the exit', () => r.exitCode !== undefined);
    assert.equal(r.exitCode, 0);
  });

  it('reports the exit code of a one-shot command and ends input with close', async () => {
    const oneShot = new Recorder();
    // Without a TTY Nomad reports the exit once the input is closed too, as `nomad alloc exec -i=false` closes it at once.
    (await exec(oneShot, ['/bin/sh', '-c', 'exit 7'], false)).closeInput();
    await oneShot.until('the exit', () => oneShot.exitCode !== undefined);
    assert.equal(oneShot.exitCode, 7);

    const cat = new Recorder();
    const session = await exec(cat, ['cat'], false);
    session.write('line one\n');
    await cat.until('cat to echo', () => cat.text.includes('line one'));
    session.closeInput();
    await cat.until('cat to end at EOF', () => cat.exitCode !== undefined);
    assert.equal(cat.exitCode, 0);
  });

  it('says the allocation is gone for an unknown id', async () => {
    const r = new Recorder();
    await exec(r, ['/bin/sh'], true, '00000000-0000-0000-0000-000000000000').catch((error: NomadError) => r.failed(error));
    await r.until('the refusal', () => r.error !== undefined);
    assert.equal(classifyAllocationFailure(r.error), 'allocationGone', r.error?.message);
  });

  it('refuses an unknown task with Nomad\'s words', async () => {
    const r = new Recorder();
    await exec(r, ['/bin/sh'], true, allocId, 'nope');
    await r.until('the refusal', () => r.error !== undefined);
    assert.match(r.error!.message, /task not found/);
  });

  describe('on the fake only', () => {
    beforeEach(function () {
      if (!target.fake) this.skip();
    });

    it('records what Nomad receives: argv, tty and every resize', async () => {
      // A fake of its own, whose exec log and request list this test reads.
      const fake = await startFakeNomad();
      const c = new NomadClient({ address: fake.address });
      try {
        fake.state.seedJob(sleepingService('rec'));
        const id = (await runningAllocation(c, 'rec', 'app')).ID;
        const r = new Recorder();
        const session = await ExecSession.exec(c, { allocId: id, task: 'app', command: ['/bin/bash', '-l'], tty: true }, r);
        session.resize(80, 24);
        session.resize(132, 43);
        session.write('exit 0\r');
        await r.until('the exit', () => r.exitCode !== undefined);
        assert.deepEqual(fake.exec.sessions.map((s) => ({ command: s.command, tty: s.tty, sizes: s.sizes })), [
          { command: ['/bin/bash', '-l'], tty: true, sizes: [{ width: 80, height: 24 }, { width: 132, height: 43 }] },
        ]);
        const upgrade = fake.requests.find((req) => req.url.includes('/exec'));
        assert.match(upgrade!.url, /^\/v1\/client\/allocation\/[^/]+\/exec\?task=app&tty=true&command=%5B%22%2Fbin%2Fbash%22%2C%22-l%22%5D$/);
      } finally {
        c.dispose();
        await fake.close();
      }
    });

    it('explains a driver without exec, a node that is down, and a token without alloc-exec', async () => {
      const fake = await startFakeNomad({ acl: { managementToken: 'root-token-123', deniedToken: 'denied-token-123' } });
      const root = new NomadClient({ address: fake.address, token: 'root-token-123' });
      const denied = new NomadClient({ address: fake.address, token: 'denied-token-123' });
      try {
        const vm = sleepingService('vm');
        vm.TaskGroups![0].Tasks![0].Driver = 'qemu';
        fake.state.seedJob(vm);
        fake.state.seedJob(sleepingService('plain'));
        const vmAlloc = (await runningAllocation(root, 'vm', 'app')).ID;
        const plainAlloc = (await runningAllocation(root, 'plain', 'app')).ID;

        const driver = new Recorder();
        await ExecSession.exec(root, { allocId: vmAlloc, task: 'app', command: ['/bin/sh'], tty: true }, driver);
        await driver.until('the refusal', () => driver.error !== undefined);
        assert.match(driver.error!.message, /task driver does not support exec/);
        assert.match(driver.error!.advice, /driver cannot run commands/);

        const perm = new Recorder();
        await ExecSession.exec(denied, { allocId: plainAlloc, task: 'app', command: ['/bin/sh'], tty: true }, perm);
        await perm.until('the refusal', () => perm.error !== undefined);
        assert.equal(classifyAllocationFailure(perm.error), 'permissionDenied');

        fake.state.nodes.get(fake.state.allocations.get(plainAlloc)!.NodeID)!.Status = 'down';
        const down = new Recorder();
        await ExecSession.exec(root, { allocId: plainAlloc, task: 'app', command: ['/bin/sh'], tty: true }, down);
        await down.until('the refusal', () => down.error !== undefined);
        assert.equal(classifyAllocationFailure(down.error), 'nodeUnreachable');
        // The token travels in the header, never in the URL.
        assert.ok(fake.requests.filter((req) => req.url.includes('/exec')).every((req) => !req.url.includes('token') && req.headers['x-nomad-token']));
      } finally {
        root.dispose();
        denied.dispose();
        await fake.close();
      }
    });

    it('verifies TLS like HTTP: trusts the configured CA, refuses an unknown one', async function () {
      if (!opensslAvailable()) this.skip();
      const fake = await startFakeNomad({ tls: { ca: true } });
      const trusted = new NomadClient({ address: fake.address, caCert: fake.tlsFiles!.caCert, tlsServerName: fake.tlsFiles!.serverName });
      const untrusted = new NomadClient({ address: fake.address });
      try {
        fake.state.seedJob(sleepingService('tls'));
        const id = (await runningAllocation(trusted, 'tls', 'app')).ID;
        const r = new Recorder();
        const session = await ExecSession.exec(trusted, { allocId: id, task: 'app', command: ['/bin/sh'], tty: true }, r);
        session.write('exit 5\r');
        await r.until('the exit', () => r.exitCode !== undefined);
        assert.equal(r.exitCode, 5);
        await assert.rejects(ExecSession.exec(untrusted, { allocId: id, task: 'app', command: ['/bin/sh'], tty: true }, new Recorder()), (error: NomadError) => error.kind === 'tls');
      } finally {
        trusted.dispose();
        untrusted.dispose();
        await fake.close();
      }
    });
  });
});
