// Which cluster versions get which feature, what is said instead, and the
// per-client version cache (read once, read again after a failure).
import * as assert from 'assert';
import { NomadClient } from '../../../../client/src/nomad/client';
import { clusterHas, clusterVersion, FeatureUnavailableError, hasFeature, knownClusterVersion, missingFeatureMessage, requireFeature } from '../../../../client/src/nomad/features';
import { deadAddress } from '../../../support/deadAddress';
import { startFakeNomad } from '../../../support/nomad/server';

describe('cluster features by Nomad version', () => {
  it('each feature starts at its release, and an unknown version has none', () => {
    const table: Array<[string, Parameters<typeof hasFeature>[1], boolean]> = [
      ['1.3.16', 'variables', false],
      ['1.4.0', 'variables', true],
      ['1.5.9', 'jobSubmission', false],
      ['1.6.0-beta.1', 'jobSubmission', true],
      ['1.6.10', 'variableLocks', false],
      ['1.7.0', 'variableLocks', true],
      ['1.8.4', 'versionTags', false],
      ['1.9.0', 'versionTags', true],
      ['2.0.5', 'versionTags', true],
    ];
    for (const [version, feature, expected] of table) assert.strictEqual(hasFeature(version, feature), expected, `${feature} on ${version}`);
    assert.strictEqual(hasFeature(undefined, 'variables'), false);
  });

  it('says which version a feature needs and which one the cluster runs', () => {
    assert.strictEqual(missingFeatureMessage('1.0.18', 'variables'), 'Variables need Nomad 1.4.0 or newer; it runs Nomad 1.0.18.');
    assert.strictEqual(missingFeatureMessage(undefined, 'jobSubmission'), 'Keeping the job source on the cluster needs Nomad 1.6.0 or newer; its version is unknown.');
  });

  it('reads the version once per client, and requireFeature refuses with the reason', async () => {
    const fake = await startFakeNomad({ agentVersion: '1.5.2' });
    const client = new NomadClient({ address: fake.address });
    try {
      assert.strictEqual(await clusterVersion(client), '1.5.2');
      assert.strictEqual(knownClusterVersion(client), '1.5.2');
      assert.strictEqual(await clusterHas(client, 'variables'), true);
      await assert.rejects(requireFeature(client, 'jobSubmission'), (e: unknown) => e instanceof FeatureUnavailableError && /needs Nomad 1\.6\.0/.test(e.message));
      assert.strictEqual(fake.requests.filter((r) => r.url.startsWith('/v1/agent/self')).length, 1);
    } finally {
      client.dispose();
      await fake.close();
    }
  });

  it('an unreachable cluster has no features, and is asked again next time', async () => {
    const client = new NomadClient({ address: await deadAddress(), connectTimeoutMs: 500 });
    try {
      assert.strictEqual(await clusterHas(client, 'variables'), false);
      assert.strictEqual(knownClusterVersion(client), undefined);
      await assert.rejects(clusterVersion(client));
    } finally {
      client.dispose();
    }
  });
});
