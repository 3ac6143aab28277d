import * as assert from 'assert';
import {
  availableClusters,
  connectionConfigFor,
  ENVIRONMENT_CLUSTER,
  isExplicitlyConfigured,
  pickActiveCluster,
  tokenKey,
  tokenOwner,
  type ClusterSetting,
} from '../../../../client/src/connection/clusterResolver';
import { stateAfterError, stateAppearance } from '../../../../client/src/connection/connectionState';
import { redactSecrets } from '../../../../client/src/connection/redact';

const timeouts = { connectTimeoutMs: 1000, requestTimeoutMs: 2000 };
const prod: ClusterSetting = { name: 'prod', address: 'https://nomad.prod:4646', namespace: 'web', caCert: '/etc/ca.pem' };

describe('cluster resolution', () => {
  it('offers the environment as the only cluster when none is configured', () => {
    const clusters = availableClusters([], {});
    assert.deepStrictEqual(clusters, [{ name: ENVIRONMENT_CLUSTER, source: 'environment' }]);
    assert.strictEqual(isExplicitlyConfigured([], {}), false);
    assert.strictEqual(isExplicitlyConfigured([], { NOMAD_ADDR: 'http://x:4646' }), true);
    assert.strictEqual(isExplicitlyConfigured([], { NOMAD_ADDR: 'http://127.0.0.1:4646/' }), false, 'the default address says nothing new');
    assert.strictEqual(isExplicitlyConfigured([prod], {}), true);
  });

  it('treats the stand-in default address of the test runners like the default one', () => {
    const env = { NOMAD_TEST_DEFAULT_ADDR: 'http://127.0.0.1:20001' };
    assert.strictEqual(isExplicitlyConfigured([], env), false);
    assert.strictEqual(isExplicitlyConfigured([], { ...env, NOMAD_ADDR: 'http://127.0.0.1:4646' }), true, 'then 4646 is somewhere else');
    const config = connectionConfigFor({ name: ENVIRONMENT_CLUSTER, source: 'environment' }, env, undefined, timeouts);
    assert.strictEqual(config.address, 'http://127.0.0.1:20001');
  });

  it('adds the environment next to configured clusters only when NOMAD_ADDR is set', () => {
    assert.deepStrictEqual(availableClusters([prod], {}).map((c) => c.name), ['prod']);
    assert.deepStrictEqual(availableClusters([prod], { NOMAD_ADDR: 'http://x:4646' }).map((c) => c.name), ['prod', ENVIRONMENT_CLUSTER]);
  });

  it('picks the named cluster, else the first', () => {
    const clusters = availableClusters([prod, { name: 'dev', address: 'http://dev:4646' }], {});
    assert.strictEqual(pickActiveCluster(clusters, 'dev')?.name, 'dev');
    assert.strictEqual(pickActiveCluster(clusters, 'gone')?.name, 'prod');
    assert.strictEqual(pickActiveCluster([], 'x'), undefined);
  });

  it('builds the environment cluster from NOMAD_* variables', () => {
    const env = { NOMAD_ADDR: 'http://10.0.0.1:4646', NOMAD_NAMESPACE: 'ops', NOMAD_TOKEN: 'env-token' };
    const config = connectionConfigFor({ name: ENVIRONMENT_CLUSTER, source: 'environment' }, env, undefined, timeouts);
    assert.strictEqual(config.address, 'http://10.0.0.1:4646');
    assert.strictEqual(config.namespace, 'ops');
    assert.strictEqual(config.token, 'env-token');
    assert.strictEqual(config.requestTimeoutMs, 2000);
  });

  it('takes a configured cluster from settings, with a stored token winning over NOMAD_TOKEN', () => {
    const choice = { name: 'prod', source: 'settings' as const, setting: prod };
    const config = connectionConfigFor(choice, { NOMAD_TOKEN: 'env-token', NOMAD_ADDR: 'http://ignored' }, 'stored', timeouts);
    assert.deepStrictEqual(config, {
      address: 'https://nomad.prod:4646',
      namespace: 'web',
      caCert: '/etc/ca.pem',
      token: 'stored',
      connectTimeoutMs: 1000,
      requestTimeoutMs: 2000,
    });
    assert.strictEqual(connectionConfigFor(choice, {}, undefined, timeouts).token, undefined);
  });

  it('sends NOMAD_TOKEN only to the environment cluster, never to a cluster from settings', () => {
    const choice = { name: 'prod', source: 'settings' as const, setting: prod };
    assert.strictEqual(connectionConfigFor(choice, { NOMAD_TOKEN: 'env-token' }, undefined, timeouts).token, undefined);
    assert.strictEqual(connectionConfigFor({ name: ENVIRONMENT_CLUSTER, source: 'environment' }, { NOMAD_TOKEN: 'env-token' }, undefined, timeouts).token, 'env-token');
  });

  it('files a stored token under the cluster name and address, so a changed address finds none', () => {
    const stored = new Map<string, string>();
    const real = { name: 'prod', source: 'settings' as const, setting: prod };
    stored.set(tokenKey(tokenOwner(real, {})), 'prod-secret');
    // The same name pointing elsewhere, as a repository's settings could write it.
    const impostor = { name: 'prod', source: 'settings' as const, setting: { name: 'prod', address: 'https://collector.example:4646' } };
    assert.notStrictEqual(tokenKey(tokenOwner(impostor, {})), tokenKey(tokenOwner(real, {})));
    assert.strictEqual(connectionConfigFor(impostor, { NOMAD_TOKEN: 'env-token' }, stored.get(tokenKey(tokenOwner(impostor, {}))), timeouts).token, undefined);
    assert.strictEqual(connectionConfigFor(real, {}, stored.get(tokenKey(tokenOwner(real, {}))), timeouts).token, 'prod-secret');
    // A trailing slash is the same address; the environment's key follows NOMAD_ADDR.
    assert.strictEqual(tokenKey(tokenOwner({ ...real, setting: { ...prod, address: 'https://nomad.prod:4646/' } }, {})), tokenKey(tokenOwner(real, {})));
    const environment = { name: ENVIRONMENT_CLUSTER, source: 'environment' as const };
    assert.notStrictEqual(tokenKey(tokenOwner(environment, { NOMAD_ADDR: 'http://a:4646' })), tokenKey(tokenOwner(environment, { NOMAD_ADDR: 'http://b:4646' })));
  });
});

describe('connection state', () => {
  it('maps failures that concern the connection', () => {
    assert.strictEqual(stateAfterError('unreachable', 'connected'), 'unreachable');
    assert.strictEqual(stateAfterError('timeout', 'connected'), 'unreachable');
    assert.strictEqual(stateAfterError('tls', 'unknown'), 'tls');
    assert.strictEqual(stateAfterError('permissionDenied', 'connected'), 'denied');
    assert.strictEqual(stateAfterError('server', 'connected'), 'error');
  });

  it('ignores failures about one object', () => {
    assert.strictEqual(stateAfterError('notFound', 'connected'), 'connected');
    assert.strictEqual(stateAfterError('validation', 'connected'), 'connected');
    assert.strictEqual(stateAfterError('cancelled', 'unknown'), 'unknown');
  });

  it('draws attention only to bad states', () => {
    assert.strictEqual(stateAppearance('connected').warning, false);
    assert.strictEqual(stateAppearance('denied').warning, true);
  });
});

describe('secret redaction', () => {
  it('masks every occurrence of a token and leaves other text alone', () => {
    assert.strictEqual(redactSecrets('GET /v1/jobs token=abcd-1234 again abcd-1234', ['abcd-1234']), 'GET /v1/jobs token=******** again ********');
    assert.strictEqual(redactSecrets('GET /v1/jobs', [undefined, 'ab']), 'GET /v1/jobs');
  });
});
