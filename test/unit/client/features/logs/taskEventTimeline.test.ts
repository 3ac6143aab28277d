import { strict as assert } from 'node:assert';
import { formatDuration, formatTaskEventTimeline, taskEventTimeline } from '../../../../../client/src/features/logs/taskEventTimeline';

const t0 = 1795773123309432482; // nanoseconds, as Nomad sends them
const at = (ms: number) => t0 + ms * 1e6;
const utc = (d: Date) => d.toISOString().slice(11, 19);

describe('task event timeline', () => {
  it('orders events by time and summarizes the common ones', () => {
    const entries = taskEventTimeline([
      { Type: 'Started', Time: at(90), DisplayMessage: 'Task started by client' },
      { Type: 'Received', Time: at(0), DisplayMessage: 'Task received by client' },
      { Type: 'Task Setup', Time: at(3), Message: 'Building Task Directory' },
      { Type: 'Driver', Time: at(50), DriverMessage: 'Downloading image' },
    ]);
    assert.deepEqual(entries.map((e) => [e.type, e.summary]), [
      ['Received', 'Placed on the client'],
      ['Task Setup', 'Building Task Directory'],
      ['Driver', 'Downloading image'],
      ['Started', 'Task started'],
    ]);
    assert.equal(entries[0].time?.getTime(), Math.floor(t0 / 1e6));
    assert.ok(entries.every((e) => !e.problem));
  });

  it('reports exit code, signal and out-of-memory kills on termination', () => {
    const [clean, killed, oom] = taskEventTimeline([
      { Type: 'Terminated', Time: at(1), Details: { exit_code: '0', signal: '0', oom_killed: 'false' }, DisplayMessage: 'Exit Code: 0' },
      { Type: 'Terminated', Time: at(2), ExitCode: 137, Signal: 9 },
      { Type: 'Terminated', Time: at(3), Details: { exit_code: '137', signal: '0', oom_killed: 'true' } },
    ]);
    assert.equal(clean.summary, 'Exited with code 0');
    assert.equal(clean.problem, false);
    assert.equal(killed.summary, 'Exited with code 137, signal 9');
    assert.equal(killed.problem, true);
    assert.equal(oom.summary, 'Exited with code 137, killed for running out of memory');
  });

  it('explains restarts and kills with their delays and reasons', () => {
    const [restart, killing, killed, failure] = taskEventTimeline([
      { Type: 'Restarting', Time: at(1), StartDelay: 15_000_000_000, RestartReason: 'Restart within policy' },
      { Type: 'Killing', Time: at(2), KillTimeout: 5_000_000_000, KillReason: 'alloc was stopped' },
      { Type: 'Killed', Time: at(3) },
      { Type: 'Driver Failure', Time: at(4), DriverError: 'image not found' },
    ]);
    assert.equal(restart.summary, 'Restarting in 15s: Restart within policy');
    assert.equal(killing.summary, 'Stopping (kill timeout 5s): alloc was stopped');
    assert.equal(killed.summary, 'Killed');
    assert.equal(failure.summary, 'Driver failed: image not found');
    assert.equal(failure.problem, true);
  });

  it('falls back to Nomad\'s own message for event types it does not know', () => {
    const [entry] = taskEventTimeline([{ Type: 'Template', Time: at(0), DisplayMessage: 'Template re-rendered' }]);
    assert.equal(entry.summary, 'Template re-rendered');
  });

  it('formats every task of an allocation as an aligned block, marking problems', () => {
    const text = formatTaskEventTimeline({
      web: { State: 'running', Restarts: 1, Events: [
        { Type: 'Received', Time: at(0) },
        { Type: 'Terminated', Time: at(1000), ExitCode: 1 },
      ] },
      sidecar: { State: 'pending', Events: [] },
    }, { formatTime: utc });
    assert.equal(text, [
      'Task "sidecar": pending',
      '  (no events yet)',
      '',
      'Task "web": running, 1 restart',
      `  ${utc(new Date(Math.floor(at(0) / 1e6)))}  Received    Placed on the client`,
      `! ${utc(new Date(Math.floor(at(1000) / 1e6)))}  Terminated  Exited with code 1`,
    ].join('\n'));
    assert.equal(formatTaskEventTimeline(null), '');
  });

  it('writes durations the way Nomad users read them', () => {
    assert.equal(formatDuration(250_000_000), '250ms');
    assert.equal(formatDuration(1_500_000_000), '1.5s');
    assert.equal(formatDuration(3_723_000_000_000), '1h2m3s');
  });
});
