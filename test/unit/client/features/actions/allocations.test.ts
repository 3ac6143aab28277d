import { strict as assert } from 'node:assert';
import { restartAllocation, stopAllocation, type ApiCaller } from '../../../../../client/src/nomad/allocations';

function recorder(value: unknown) {
  const calls: Array<{ path: string; spec: Parameters<ApiCaller['call']>[1] }> = [];
  const caller: ApiCaller = {
    async call<T>(path: string, spec: Parameters<ApiCaller['call']>[1]) {
      calls.push({ path, spec });
      return { value: value as T, index: 1 };
    },
  };
  return { caller, calls };
}

describe('allocation lifecycle endpoints', () => {
  it('restarts one task through the client endpoint', async () => {
    const { caller, calls } = recorder({ Index: 0 });
    await restartAllocation(caller, 'e0be2b3c', { task: 'web', namespace: 'ns' });
    assert.equal(calls[0].path, '/v1/client/allocation/e0be2b3c/restart');
    assert.equal(calls[0].spec.method, 'POST');
    assert.deepEqual(calls[0].spec.body, { TaskName: 'web' });
    assert.equal(calls[0].spec.namespace, 'ns');
  });

  it('restarts every task when none is named', async () => {
    const { caller, calls } = recorder({ Index: 0 });
    await restartAllocation(caller, 'e0be2b3c');
    assert.deepEqual(calls[0].spec.body, {});
  });

  it('stops an allocation and returns the evaluation', async () => {
    const { caller, calls } = recorder({ EvalID: 'ev-1', Index: 12 });
    const reply = await stopAllocation(caller, 'e0be2b3c');
    assert.equal(calls[0].path, '/v1/allocation/e0be2b3c/stop');
    assert.equal(calls[0].spec.method, 'POST');
    assert.equal(reply.EvalID, 'ev-1');
  });
});
