// Where tests send Nomad traffic: a real agent (`nomad agent -dev`) when
// NOMAD_TEST_ADDR is set, otherwise a freshly started fake. Tests that need
// the fake's extra powers (seeding failures, changing allocations) check
// `fake` and skip against a real agent.
import { startRecordingProxy } from './recordingProxy';
import type { FakeNomadOptions, RecordedRequest } from './server';
import { startFakeNomad } from './server';
import type { FakeNomadState } from './state';

export interface NomadTarget {
  address: string;
  token?: string;
  /** Present only when the target is the fake. */
  fake?: FakeNomadState;
  /**
   * The requests sent to `address`, in order: always on the fake; on a real
   * agent only with `record: true`, which puts a recording pass-through in front of it.
   */
  requests?: RecordedRequest[];
  close(): Promise<void>;
}

export interface NomadTargetOptions extends FakeNomadOptions {
  /** Record the requests on a real agent too (see `NomadTarget.requests`). */
  record?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function nomadTarget(options: NomadTargetOptions = {}): Promise<NomadTarget> {
  const { record, ...fakeOptions } = options;
  const real = process.env.NOMAD_TEST_ADDR;
  if (real) {
    // Tests must never reach beyond this machine.
    if (!LOOPBACK.has(new URL(real).hostname)) throw new Error(`NOMAD_TEST_ADDR must be a loopback address, not ${real}`);
    const token = process.env.NOMAD_TEST_TOKEN || undefined;
    if (!record) return { address: real, token, close: async () => undefined };
    const proxy = await startRecordingProxy(real);
    return { address: proxy.address, token, requests: proxy.requests, close: () => proxy.close() };
  }
  const fake = await startFakeNomad(fakeOptions);
  return { address: fake.address, token: fakeOptions.acl?.managementToken, fake: fake.state, requests: fake.requests, close: () => fake.close() };
}
