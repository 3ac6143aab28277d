import { strict as assert } from 'node:assert';
import { DISPATCH_PAYLOAD_LIMIT_BYTES, metaKeys, metaProblems, payloadProblem, payloadRule } from '../../../../../client/src/features/actions/dispatchRules';

describe('dispatch rules', () => {
  it('reads the payload rule, treating an empty one as optional', () => {
    assert.equal(payloadRule({ Payload: 'required' }), 'required');
    assert.equal(payloadRule({ Payload: 'forbidden' }), 'forbidden');
    assert.equal(payloadRule({ Payload: 'optional' }), 'optional');
    assert.equal(payloadRule({}), 'optional');
  });

  it('enforces required and forbidden payloads', () => {
    const some = new Uint8Array([1]);
    assert.match(payloadProblem('required', undefined) ?? '', /requires a payload/);
    assert.match(payloadProblem('required', new Uint8Array(0)) ?? '', /requires a payload/);
    assert.equal(payloadProblem('required', some), undefined);
    assert.match(payloadProblem('forbidden', some) ?? '', /does not accept a payload/);
    assert.equal(payloadProblem('forbidden', undefined), undefined);
    assert.equal(payloadProblem('optional', undefined), undefined);
  });

  it('accepts exactly 16 KiB and refuses one byte more', () => {
    assert.equal(DISPATCH_PAYLOAD_LIMIT_BYTES, 16384);
    assert.equal(payloadProblem('optional', new Uint8Array(16384)), undefined);
    assert.equal(payloadProblem('optional', new Uint8Array(16385)), 'The payload is 16,385 bytes; Nomad accepts at most 16,384 bytes (16 KiB).');
  });

  it('lists missing required keys and undeclared keys', () => {
    const keys = metaKeys({ MetaRequired: ['customer'], MetaOptional: ['priority_hint'] });
    assert.deepEqual(metaProblems(keys, { customer: 'acme', priority_hint: 'low' }), []);
    assert.deepEqual(metaProblems(keys, { priority_hint: 'low' }), ['Missing required meta key: customer.']);
    assert.deepEqual(metaProblems(keys, { customer: 'acme', unknown_key: 'x', other: 'y' }), ['The job does not accept meta keys: unknown_key, other.']);
  });

  it('copes with null key lists from the API', () => {
    assert.deepEqual(metaKeys({ MetaRequired: null, MetaOptional: null }), { required: [], optional: [] });
  });
});
