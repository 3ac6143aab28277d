import * as assert from 'assert';
import { LiveResource, type WatchFunction } from '../../../../client/src/explorer/liveResource';
import type { QueryResult } from '../../../../client/src/nomad/client';
import type { NomadError } from '../../../../client/src/nomad/errors';

/** A stand-in for watchQuery that lets the test deliver values and errors by hand. */
function fakeWatch() {
  const state = {
    running: 0,
    onValue: undefined as ((value: unknown, index: number) => void) | undefined,
    onError: undefined as ((error: NomadError) => void) | undefined,
  };
  const watch = ((_fetch: unknown, onValue: (value: unknown, index: number) => void, onError: (error: NomadError) => void) => {
    state.running++;
    state.onValue = onValue;
    state.onError = onError;
    return { dispose: () => state.running-- };
  }) as unknown as WatchFunction;
  return { state, watch };
}

const noFetch = (): Promise<QueryResult<string[]>> => Promise.reject(new Error('not called'));
const failure = (kind: NomadError['kind'], message: string) => ({ kind, message, advice: '', items: [] }) as unknown as NomadError;

describe('LiveResource', () => {
  it('starts one watch however often it is started, and stops it', () => {
    const { state, watch } = fakeWatch();
    const resource = new LiveResource(noFetch, () => undefined, watch);
    resource.start();
    resource.start();
    assert.strictEqual(state.running, 1);
    resource.stop();
    assert.strictEqual(state.running, 0);
    assert.strictEqual(resource.running, false);
  });

  it('settles on the first value and reports every value', async () => {
    const { state, watch } = fakeWatch();
    let changes = 0;
    const resource = new LiveResource(noFetch, () => changes++, watch);
    resource.start();
    const settled = resource.whenSettled();
    state.onValue!(['a'], 5);
    await settled;
    assert.deepStrictEqual(resource.value, ['a']);
    state.onValue!(['a', 'b'], 6);
    assert.deepStrictEqual(resource.value, ['a', 'b']);
    assert.strictEqual(changes, 2);
  });

  it('keeps the last value when an error arrives, and reports a repeated error once', () => {
    const { state, watch } = fakeWatch();
    let changes = 0;
    const resource = new LiveResource(noFetch, () => changes++, watch);
    resource.start();
    state.onValue!(['a'], 5);
    state.onError!(failure('unreachable', 'refused'));
    state.onError!(failure('unreachable', 'refused'));
    assert.deepStrictEqual(resource.value, ['a']);
    assert.strictEqual(resource.error?.kind, 'unreachable');
    assert.strictEqual(changes, 2);
    state.onValue!(['b'], 7);
    assert.strictEqual(resource.error, undefined);
  });

  it('settles on an error too, so the tree can show it', async () => {
    const { state, watch } = fakeWatch();
    const resource = new LiveResource(noFetch, () => undefined, watch);
    resource.start();
    const settled = resource.whenSettled();
    state.onError!(failure('permissionDenied', 'Permission denied'));
    await settled;
    assert.strictEqual(resource.value, undefined);
    assert.strictEqual(resource.error?.kind, 'permissionDenied');
  });

  it('releases a wait for the first value when it stops before one came, and does not wait when nothing reads', async () => {
    const { watch } = fakeWatch();
    const resource = new LiveResource(noFetch, () => undefined, watch);
    await resource.whenSettled(); // never started (a hidden view): nothing would ever settle it
    resource.start();
    let released = false;
    const settled = resource.whenSettled().then(() => (released = true));
    await Promise.resolve();
    assert.strictEqual(released, false, 'still waiting while the read runs');
    resource.stop();
    await settled;
    assert.strictEqual(resource.value, undefined);
  });
});
