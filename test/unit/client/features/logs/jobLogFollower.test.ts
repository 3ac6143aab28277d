import { strict as assert } from 'node:assert';
import { JobLogFollower, linePrefix } from '../../../../../client/src/features/logs/jobLogFollower';
import type { QueryResult } from '../../../../../client/src/nomad/client';
import { NomadError } from '../../../../../client/src/nomad/errors';
import type { LogFrame } from '../../../../../client/src/nomad/logs';
import type { AllocationListStub } from '../../../../../client/src/nomad/types';
import { ScriptedSource } from './scriptedSource';

/** The job's allocations as a blocking endpoint: a read with the current index waits for the next change. */
class AllocationsEndpoint {
  private index = 1;
  private allocations: AllocationListStub[] = [];
  private wake: Array<() => void> = [];
  failure: Error | undefined;
  reads = 0;

  set(allocations: AllocationListStub[]): void {
    this.allocations = allocations;
    this.index++;
    for (const wake of this.wake.splice(0)) wake();
  }

  readonly read = async (index: number, signal: AbortSignal): Promise<QueryResult<AllocationListStub[]>> => {
    this.reads++;
    if (this.failure) throw this.failure;
    while (index >= this.index && !signal.aborted) await new Promise<void>((resolve) => this.wake.push(resolve));
    if (signal.aborted) throw new NomadError({ kind: 'cancelled', message: 'cancelled', advice: '' });
    return { value: this.allocations, index: this.index };
  };
}

const alloc = (id: string, group: string, status: string, tasks: Record<string, string>, createIndex = 10): AllocationListStub =>
  ({
    ID: id,
    Name: `web.${group}[0]`,
    TaskGroup: group,
    ClientStatus: status,
    ClientDescription: status === 'complete' ? 'All tasks have completed' : '',
    DesiredStatus: 'run',
    CreateIndex: createIndex,
    TaskStates: Object.fromEntries(Object.entries(tasks).map(([task, state]) => [task, { State: state }])),
  }) as unknown as AllocationListStub;

const frame = (text: string): LogFrame => ({ data: new TextEncoder().encode(text), file: 'alloc/logs/app.stdout.0' });
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));
const limits = { maxLines: 100, maxChars: 100_000, maxLineChars: 1000 };

/** `initial`: the allocations the first read finds (what ran before the document opened). */
function follow(group?: string, initial: AllocationListStub[] = []) {
  const endpoint = new AllocationsEndpoint();
  endpoint.set(initial);
  const streams = new Map<string, ScriptedSource>();
  const opened: Array<{ key: string; fromStart: boolean }> = [];
  const follower = new JobLogFollower({ jobId: 'web', group, type: 'stdout' }, {
    allocations: endpoint.read,
    task: (allocId, task, fromStart) => {
      const key = `${allocId}/${task}`;
      opened.push({ key, fromStart });
      const source = new ScriptedSource();
      streams.set(key, source);
      return source.open;
    },
    describeError: (error) => (error as Error).message,
  }, limits);
  const lines = () => follower.buffer.text().split('\n').slice(1).filter(Boolean);
  return { endpoint, streams, opened, follower, lines };
}

const A = 'aaaaaaaa-1111-2222-3333-444444444444';
const B = 'bbbbbbbb-1111-2222-3333-444444444444';

describe('JobLogFollower', () => {
  it('prefixes each line with the short allocation id and task, one stream per running task', async () => {
    const { endpoint, streams, follower, lines } = follow();
    endpoint.set([alloc(A, 'api', 'running', { app: 'running', sidecar: 'running' })]);
    await settled();
    assert.equal(follower.openStreams, 2);
    streams.get(`${A}/app`)!.push(frame('hello\nhalf'));
    streams.get(`${A}/sidecar`)!.push(frame('proxy up\n'));
    await settled();
    streams.get(`${A}/app`)!.push(frame(' done\n'));
    await settled();
    assert.deepEqual(lines().filter((l) => !l.includes('[nomad]')), [
      `${linePrefix(A, 'app')}hello`,
      `${linePrefix(A, 'sidecar')}proxy up`,
      `${linePrefix(A, 'app')}half done`,
    ]);
    assert.equal(linePrefix(A, 'app'), '[aaaaaaaa app] ');
    follower.stop();
  });

  it('joins allocations that start later, reading their logs from the start', async () => {
    const { endpoint, opened, lines, follower } = follow(undefined, [alloc(A, 'api', 'running', { app: 'running' })]);
    await settled();
    endpoint.set([alloc(A, 'api', 'running', { app: 'running' }), alloc(B, 'api', 'pending', { app: 'pending' }, 20)]);
    await settled();
    assert.deepEqual(opened.map((o) => o.key), [`${A}/app`], 'a pending task has no log to follow yet');
    endpoint.set([alloc(A, 'api', 'running', { app: 'running' }), alloc(B, 'api', 'running', { app: 'running' }, 20)]);
    await settled();
    assert.deepEqual(opened, [
      { key: `${A}/app`, fromStart: false },
      { key: `${B}/app`, fromStart: true },
    ]);
    assert.ok(lines().some((l) => l.startsWith('[bbbbbbbb app] [nomad] Joined')));
    follower.stop();
  });

  it('marks allocations it followed when they end, and ignores ended ones it never followed', async () => {
    const { endpoint, streams, lines, follower } = follow();
    endpoint.set([alloc(A, 'api', 'running', { app: 'running' }), alloc(B, 'api', 'complete', { app: 'dead' })]);
    await settled();
    endpoint.set([alloc(A, 'api', 'complete', { app: 'dead' }), alloc(B, 'api', 'complete', { app: 'dead' })]);
    streams.get(`${A}/app`)!.push('end');
    await settled();
    const text = lines();
    assert.ok(text.includes('[aaaaaaaa] [nomad] Ended: web.api[0] is complete: All tasks have completed.'), text.join('\n'));
    assert.ok(text.some((l) => l.startsWith('[aaaaaaaa app] [nomad] The log stream ended')));
    assert.ok(!text.some((l) => l.includes('bbbbbbbb')));
    assert.equal(follower.openStreams, 0);
    follower.stop();
  });

  it('follows only the chosen group', async () => {
    const { endpoint, opened, follower } = follow('db');
    endpoint.set([alloc(A, 'api', 'running', { app: 'running' }), alloc(B, 'db', 'running', { pg: 'running' })]);
    await settled();
    assert.deepEqual(opened.map((o) => o.key), [`${B}/pg`]);
    assert.match(follower.buffer.text(), /group "db" of job "web"/);
    follower.stop();
  });

  it('stays within the line limit however many allocations print', async () => {
    const { endpoint, streams, follower } = follow();
    endpoint.set([alloc(A, 'api', 'running', { app: 'running' }), alloc(B, 'api', 'running', { app: 'running' })]);
    await settled();
    for (let i = 0; i < 200; i++) streams.get(i % 2 ? `${A}/app` : `${B}/app`)!.push(frame(`line ${i}\n`));
    await settled();
    assert.ok(follower.buffer.lineCount <= limits.maxLines);
    assert.ok(follower.buffer.droppedLines > 0);
    assert.match(follower.buffer.text(), /line 199$/m);
    follower.stop();
  });

  it('says once that the allocations cannot be read, not at every retry', async () => {
    const { endpoint, follower, lines } = follow();
    endpoint.failure = new Error('job not found');
    await settled();
    const problems = () => lines().filter((l) => l.includes('Cannot read the allocations')).length;
    assert.equal(problems(), 1);
    follower.stop();
  });

  it('stop closes every stream and the watch', async () => {
    const { endpoint, streams, follower } = follow();
    endpoint.set([alloc(A, 'api', 'running', { app: 'running' })]);
    await settled();
    follower.stop();
    await settled();
    assert.equal(follower.state, 'stopped');
    assert.equal(streams.get(`${A}/app`)!.aborted, true);
    assert.equal(follower.openStreams, 0);
  });
});
