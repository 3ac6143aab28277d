// Replays every recorded call (same order, same bodies, malformed ones
// included) against the fake and compares status, content type, Nomad headers,
// refusal texts and JSON shapes with what the real v1.0.18 server answered.
// Blocking calls are left to blocking.test.ts (they wait seconds by design).
import * as assert from 'assert';
import { startFakeNomad, FakeNomad } from '../../../support/nomad/server';
import {
  rawRequest,
  recordedBody,
  recordedCalls,
  recordedHeaderNames,
  recordedRequest,
  shapeDifferences,
} from '../../../support/nomad/recorded';

const NOMAD_HEADERS = ['x-nomad-index', 'x-nomad-knownleader', 'x-nomad-lastcontact'];

// Raft indexes are cluster-specific; compare refusal texts with numbers masked.
const maskNumbers = (text: string): string => text.replace(/\d+/g, 'N');

describe('fake Nomad replays the recorded real-server calls', function () {
  let fake: FakeNomad;
  before(async () => {
    fake = await startFakeNomad();
  });
  after(() => fake.close());

  const calls = recordedCalls().filter((call) => !call.path.includes('index='));

  it('covers every recorded non-blocking call', () => {
    assert.ok(calls.length >= 90, `only ${calls.length} calls`);
  });

  for (const call of calls) {
    it(`${call.name}: ${call.method} ${call.path} -> ${call.status}`, async () => {
      let body = recordedRequest(call.name);
      // The recording enforced the index the real job had then; use the fake's current one.
      if (body && call.status === 200 && /"EnforceIndex":\s*true/.test(body)) {
        const current = fake.state.job('default', 'svc-sleep')?.current.JobModifyIndex;
        body = body.replace(/"JobModifyIndex":\s*\d+/, `"JobModifyIndex": ${current}`);
      }
      const res = await rawRequest(fake.address, call.method, call.path, body);
      assert.strictEqual(res.status, call.status, `status; body: ${res.text}`);
      assert.strictEqual(String(res.headers['content-type']).split(';')[0], call.contentType.split(';')[0], 'content type');
      const recordedHeaders = recordedHeaderNames(call.name);
      for (const header of NOMAD_HEADERS) {
        assert.strictEqual(header in res.headers, recordedHeaders.has(header), `header ${header} presence`);
      }
      const expected = recordedBody(call.file);
      if (call.file.endsWith('.txt')) {
        assert.strictEqual(maskNumbers(res.text), maskNumbers(expected));
        return;
      }
      const want = JSON.parse(expected) as unknown;
      const got = JSON.parse(res.text) as unknown;
      if (call.name === 'agent-self') {
        // The fake answers only the parts of /v1/agent/self that clients read.
        const pick = (v: unknown): unknown => (v as { config: { Version: unknown } }).config.Version;
        assert.deepStrictEqual(Object.keys(got as object).sort(), Object.keys(want as object).sort());
        assert.deepStrictEqual(shapeDifferences(pick(want), pick(got)), []);
        return;
      }
      assert.deepStrictEqual(shapeDifferences(want, got), []);
      if (Array.isArray(want)) assert.strictEqual((got as unknown[]).length, want.length, 'list length');
    });
  }
});
