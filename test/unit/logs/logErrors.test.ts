import { strict as assert } from 'node:assert';
import { classifyLogFailure, describeLogError } from '../../../client/src/logs/logErrors';
import { LogStreamTextError } from '../../../client/src/nomad/logs';

/** Shaped like the api helper's NomadError. */
const nomadError = (status: number, kind: string, serverText: string) =>
  Object.assign(new Error(`Nomad answered ${status}: ${serverText}`), { status, kind, serverText, advice: 'Some advice.' });

describe('log errors', () => {
  it('recognises an allocation that is gone', () => {
    const error = nomadError(404, 'notFound', 'Unknown allocation "e0be2b3c-021a-b496-5442-87c59fb1b7c2"');
    assert.equal(classifyLogFailure(error), 'allocationGone');
    assert.match(describeLogError(error), /no longer knows this allocation/);
  });

  it('recognises a client node the servers cannot reach', () => {
    for (const text of ['failed to reach client: rpc error: EOF', 'no path to node', 'Unknown node "1b5a25b2"']) {
      assert.equal(classifyLogFailure(nomadError(500, 'server', text)), 'nodeUnreachable', text);
    }
    assert.match(describeLogError(nomadError(500, 'server', 'no path to node')), /cannot be reached.*\(no path to node\)/);
  });

  it('names the read-logs capability when permission is denied', () => {
    const message = describeLogError(nomadError(403, 'permissionDenied', 'Permission denied'), 'team-a');
    assert.match(message, /read-logs/);
    assert.match(message, /namespace "team-a"/);
  });

  it('reads errors that arrive as text in the middle of a stream', () => {
    assert.equal(classifyLogFailure(new LogStreamTextError('Unknown allocation "abc"')), 'allocationGone');
  });

  it('falls back to the message and the advice', () => {
    assert.equal(describeLogError(nomadError(500, 'server', 'disk on fire\nmore')), 'disk on fire Some advice.');
  });
});
