// Where tests send Nomad traffic: a real agent (`nomad agent -dev`) when
// NOMAD_TEST_ADDR is set, otherwise a freshly started fake. Tests that need
// the fake's extra powers (seeding failures, changing allocations) check
// `fake` and skip against a real agent.
import type { FakeNomadOptions, RecordedRequest } from './server';
import { startFakeNomad } from './server';
import type { FakeNomadState } from './state';

export interface NomadTarget {
  address: string;
  token?: string;
  /** Present only when the target is the fake. */
  fake?: FakeNomadState;
  /** The fake's received requests, oldest first (present only with the fake). */
  requests?: RecordedRequest[];
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function nomadTarget(options: FakeNomadOptions = {}): Promise<NomadTarget> {
  const real = process.env.NOMAD_TEST_ADDR;
  if (real) {
    // Tests must never reach beyond this machine.
    if (!LOOPBACK.has(new URL(real).hostname)) throw new Error(`NOMAD_TEST_ADDR must be a loopback address, not ${real}`);
    return { address: real, token: process.env.NOMAD_TEST_TOKEN || undefined, close: async () => undefined };
  }
  const fake = await startFakeNomad(options);
  return { address: fake.address, token: options.acl?.managementToken, fake: fake.state, requests: fake.requests, close: () => fake.close() };
}
