import { strict as assert } from 'node:assert';
import { ALLOC_LIFECYCLE, classifyAllocationFailure, describeAllocationError, READ_LOGS } from '../../../../../client/src/features/logs/allocationErrors';
import { LogStreamTextError } from '../../../../../client/src/nomad/logs';

/** Shaped like the api helper's NomadError. */
const nomadError = (status: number, kind: string, serverText: string) =>
  Object.assign(new Error(`Nomad answered ${status}: ${serverText}`), { status, kind, serverText, advice: 'Some advice.' });

describe('allocation errors', () => {
  it('recognises an allocation that is gone', () => {
    const error = nomadError(404, 'notFound', 'Unknown allocation "e0be2b3c-021a-b496-5442-87c59fb1b7c2"');
    assert.equal(classifyAllocationFailure(error), 'allocationGone');
    assert.match(describeAllocationError(error, READ_LOGS), /no longer knows this allocation/);
  });

  it('recognises a client node the servers cannot reach', () => {
    for (const text of ['failed to reach client: rpc error: EOF', 'no path to node', 'Unknown node "1b5a25b2"']) {
      assert.equal(classifyAllocationFailure(nomadError(500, 'server', text)), 'nodeUnreachable', text);
    }
    assert.match(describeAllocationError(nomadError(500, 'server', 'no path to node'), READ_LOGS), /cannot be reached.*\(no path to node\)/);
  });

  it('names the read-logs capability when permission is denied', () => {
    const message = describeAllocationError(nomadError(403, 'permissionDenied', 'Permission denied'), { ...READ_LOGS, namespace: 'team-a' });
    assert.match(message, /read-logs/);
    assert.match(message, /namespace "team-a"/);
  });

  it('names alloc-lifecycle for restarts and stops', () => {
    assert.match(describeAllocationError(nomadError(403, 'permissionDenied', 'Permission denied'), ALLOC_LIFECYCLE), /restart or stop allocations: it needs the alloc-lifecycle capability/);
  });

  it('reads errors that arrive as text in the middle of a stream', () => {
    assert.equal(classifyAllocationFailure(new LogStreamTextError('Unknown allocation "abc"')), 'allocationGone');
  });

  it('falls back to the message and the advice', () => {
    assert.equal(describeAllocationError(nomadError(500, 'server', 'disk on fire\nmore'), READ_LOGS), 'disk on fire Some advice.');
  });
});
