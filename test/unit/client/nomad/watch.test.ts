// watchQuery stepped by hand: a scripted fetch, an injected sleep that records
// the back-off it was asked for, and a fixed random, so nothing depends on time.
import * as assert from 'assert';
import type { QueryResult } from '../../../../client/src/nomad/client';
import { NomadError } from '../../../../client/src/nomad/errors';
import { backoffDelay, watchQuery } from '../../../../client/src/nomad/watch';

interface Call {
  index: number;
  signal: AbortSignal;
  wait: string;
  resolve(result: QueryResult<string>): void;
  reject(error: unknown): void;
}

/** A fetch whose calls the test answers one by one. */
function scriptedFetch(): { fetch: (index: number, signal: AbortSignal, wait: string) => Promise<QueryResult<string>>; next(): Promise<Call> } {
  const calls: Call[] = [];
  const waiters: Array<(call: Call) => void> = [];
  return {
    fetch: (index, signal, wait) =>
      new Promise((resolve, reject) => {
        const call = { index, signal, wait, resolve, reject };
        const waiter = waiters.shift();
        if (waiter) waiter(call);
        else calls.push(call);
      }),
    next: () => new Promise((resolve) => {
      const call = calls.shift();
      if (call) resolve(call);
      else waiters.push(resolve);
    }),
  };
}

const unreachable = (): NomadError => new NomadError({ kind: 'unreachable', message: 'down', advice: 'start it' });
const result = (value: string, index: number): QueryResult<string> => ({ value, index });
const noPause = async (): Promise<void> => undefined;

describe('watchQuery', () => {
  it('starts at index 0, then blocks on the last index, delivering only when it moves', async () => {
    const script = scriptedFetch();
    const values: Array<[string, number]> = [];
    const watch = watchQuery(script.fetch, (v, i) => values.push([v, i]), () => assert.fail('no errors expected'), { wait: '30s', sleep: noPause });
    let call = await script.next();
    assert.deepStrictEqual([call.index, call.wait], [0, '30s']);
    call.resolve(result('a', 10));
    call = await script.next();
    assert.strictEqual(call.index, 10);
    call.resolve(result('a-again', 10)); // the wait ended with nothing new
    call = await script.next();
    assert.strictEqual(call.index, 10);
    call.resolve(result('b', 12));
    call = await script.next();
    assert.strictEqual(call.index, 12);
    assert.deepStrictEqual(values, [['a', 10], ['b', 12]]);
    watch.dispose();
  });

  it('restarts from 0 when the index goes backwards', async () => {
    const script = scriptedFetch();
    const values: Array<[string, number]> = [];
    const watch = watchQuery(script.fetch, (v, i) => values.push([v, i]), () => undefined, { sleep: noPause });
    (await script.next()).resolve(result('a', 50));
    (await script.next()).resolve(result('after-restore', 7));
    const reset = await script.next();
    assert.strictEqual(reset.index, 0, 'the query after a backwards index must not block');
    reset.resolve(result('fresh', 7));
    assert.strictEqual((await script.next()).index, 7);
    assert.deepStrictEqual(values, [['a', 50], ['fresh', 7]]);
    watch.dispose();
  });

  it('never blocks on index 0 (an empty cluster answers 0)', async () => {
    const script = scriptedFetch();
    const watch = watchQuery(script.fetch, () => undefined, () => undefined, { sleep: noPause });
    (await script.next()).resolve(result('empty', 0));
    assert.strictEqual((await script.next()).index, 1);
    watch.dispose();
  });

  it('reports errors and backs off exponentially with jitter, resetting after a success', async () => {
    const script = scriptedFetch();
    const sleeps: number[] = [];
    const errors: string[] = [];
    const watch = watchQuery(script.fetch, () => undefined, (e) => errors.push(e.kind), {
      minBackoffMs: 100,
      maxBackoffMs: 1000,
      random: () => 0.5,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    for (let i = 0; i < 6; i++) (await script.next()).reject(unreachable());
    (await script.next()).resolve(result('back', 3));
    (await script.next()).reject(unreachable());
    await script.next();
    // ceilings 100, 200, 400, 800, 1000, 1000 with half fixed + half * 0.5 random; then reset to the first step.
    assert.deepStrictEqual(sleeps, [100, 150, 300, 600, 750, 750, 100]);
    assert.deepStrictEqual(errors, Array(7).fill('unreachable'));
    watch.dispose();
  });

  it('wraps non-Nomad errors and survives a throwing onValue', async () => {
    const script = scriptedFetch();
    const errors: NomadError[] = [];
    const watch = watchQuery(
      script.fetch,
      () => {
        throw new Error('consumer bug');
      },
      (e) => errors.push(e),
      { sleep: async () => undefined },
    );
    (await script.next()).reject(new TypeError('weird'));
    (await script.next()).resolve(result('x', 4));
    assert.strictEqual((await script.next()).index, 4, 'the watch goes on');
    assert.deepStrictEqual(errors.map((e) => [e instanceof NomadError, e.message]), [[true, 'weird'], [true, 'consumer bug']]);
    watch.dispose();
  });

  it('dispose aborts the request in flight and reports nothing more', async () => {
    const script = scriptedFetch();
    let reported = 0;
    const watch = watchQuery(script.fetch, () => reported++, () => reported++);
    const call = await script.next();
    watch.dispose();
    assert.strictEqual(call.signal.aborted, true);
    call.reject(new NomadError({ kind: 'cancelled', message: 'x', advice: 'y' }));
    call.resolve(result('late', 9));
    await new Promise((resolve) => setImmediate(resolve));
    assert.strictEqual(reported, 0);
  });

  it('dispose during a back-off stops the loop', async () => {
    const script = scriptedFetch();
    let sleepSignal: AbortSignal | undefined;
    const watch = watchQuery(script.fetch, () => undefined, () => undefined, {
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          sleepSignal = signal;
          signal.addEventListener('abort', () => reject(signal.reason));
        }),
    });
    (await script.next()).reject(unreachable());
    await new Promise((resolve) => setImmediate(resolve));
    watch.dispose();
    assert.strictEqual(sleepSignal?.aborted, true);
    let more = false;
    void script.next().then(() => (more = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.strictEqual(more, false);
  });

  it('pauses after an answer that does not advance the index, and only then', async () => {
    const script = scriptedFetch();
    const sleeps: number[] = [];
    const watch = watchQuery(script.fetch, () => undefined, () => undefined, { unchangedPauseMs: 1000, sleep: async (ms) => void sleeps.push(ms) });
    (await script.next()).resolve(result('a', 5));
    (await script.next()).resolve(result('b', 6));
    assert.deepStrictEqual(sleeps, [], 'advancing answers are followed at once');
    (await script.next()).resolve(result('same', 6));
    (await script.next()).resolve(result('back', 5));
    (await script.next()).resolve(result('none', 0));
    await script.next();
    assert.deepStrictEqual(sleeps, [1000, 1000, 1000]);
    watch.dispose();
  });

  it('backoffDelay stays within [min, max]', () => {
    for (const random of [0, 0.999]) {
      for (let attempt = 0; attempt < 40; attempt++) {
        const delay = backoffDelay(attempt, 250, 8000, () => random);
        assert.ok(delay >= 250 && delay <= 8000, `${delay}`);
      }
    }
  });
});
