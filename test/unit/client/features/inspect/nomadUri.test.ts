import * as assert from 'assert';
import { formatDocRef, isImmutable, parseDocRef, type DocRef } from '../../../../../client/src/features/inspect/nomadUri';

describe('nomad: URIs', () => {
  const roundTrip = (ref: DocRef) => parseDocRef(formatDocRef(ref).query);

  it('round-trips a job version with namespace and region', () => {
    const ref: DocRef = { kind: 'job', cluster: 'prod east', namespace: 'dev', region: 'eu', id: 'web', version: 3 };
    assert.deepStrictEqual(roundTrip(ref), { ...ref, view: undefined, wrap: undefined });
  });

  it('round-trips a child job id with slashes and the spec view', () => {
    const ref: DocRef = { kind: 'job', cluster: 'c', id: 'batch/dispatch-1700000000-0a1b2c3d', view: 'spec', wrap: true };
    assert.deepStrictEqual(roundTrip(ref), { ...ref, namespace: undefined, region: undefined, version: undefined });
  });

  it('gives tabs a readable .json title without extra path segments', () => {
    const path = formatDocRef({ kind: 'job', cluster: 'c', id: 'batch/dispatch-1', version: 2 }).path;
    assert.strictEqual(path, '/batch\u2215dispatch-1 v2.json');
    assert.strictEqual(formatDocRef({ kind: 'allocation', cluster: 'c', id: 'e0be2b3c-021a' }).path, '/allocation e0be2b3c.json');
    assert.strictEqual(formatDocRef({ kind: 'node', cluster: 'c', id: 'fb7a53d4-cd7d' }).path, '/node fb7a53d4.json');
    assert.deepStrictEqual(parseDocRef('kind=node&cluster=c&id=fb7a53d4-cd7d'), { kind: 'node', cluster: 'c', id: 'fb7a53d4-cd7d', namespace: undefined, region: undefined });
  });

  it('rejects unknown kinds and missing ids', () => {
    assert.strictEqual(parseDocRef('kind=volume&cluster=c&id=x'), undefined);
    assert.strictEqual(parseDocRef('kind=job&cluster=c'), undefined);
    assert.strictEqual(parseDocRef('kind=local&cluster=c&id=x'), undefined);
  });

  it('watches only what can change', () => {
    assert.strictEqual(isImmutable({ kind: 'job', cluster: 'c', id: 'web' }), false);
    assert.strictEqual(isImmutable({ kind: 'job', cluster: 'c', id: 'web', version: 0 }), true);
    assert.strictEqual(isImmutable({ kind: 'allocation', cluster: 'c', id: 'a' }), false);
    assert.strictEqual(isImmutable({ kind: 'local', cluster: 'c', id: 'web', key: 'file:///x' }), true);
  });
});
