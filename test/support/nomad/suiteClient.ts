// Mocha hooks for a unit suite that talks to the test target through a
// NomadClient of its own: a fresh target (fake, or the real agent) and client
// for each test, and the test's jobs purged after it, so a real agent is left
// as it was found.
import { NomadClient } from '../../../client/src/nomad/client';
import { nomadTarget, type NomadTarget, type NomadTargetOptions } from './target';
import { purgeTestJobs } from './testJobs';

export interface SuiteClient {
  readonly target: NomadTarget;
  readonly client: NomadClient;
}

/** `token` is sent when the target has none of its own (a dev agent ignores it; the wire shows it). */
export function clientPerTest(options: NomadTargetOptions & { token?: string } = {}): SuiteClient {
  const { token, ...targetOptions } = options;
  let target: NomadTarget | undefined;
  let client: NomadClient | undefined;
  beforeEach(async () => {
    target = await nomadTarget(targetOptions);
    client = new NomadClient({ address: target.address, token: target.token ?? token });
  });
  afterEach(async () => {
    if (client) await purgeTestJobs(client);
    client?.dispose();
    await target?.close();
  });
  return {
    get target() { return target!; },
    get client() { return client!; },
  };
}
