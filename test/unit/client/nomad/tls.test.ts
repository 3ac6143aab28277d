// TLS and mutual TLS against the fake, with certificates made by openssl for
// this run: trusted CA, CA directory, untrusted and self-signed servers, host
// name checks, skipVerify, client certificates required and missing.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NomadClient } from '../../../../client/src/nomad/client';
import type { ConnectionConfig } from '../../../../client/src/nomad/config';
import { NomadError } from '../../../../client/src/nomad/errors';
import { generateTestPki, opensslAvailable, sharedTestPki } from '../../../support/nomad/pki';
import { FakeNomad, startFakeNomad } from '../../../support/nomad/server';

async function outcome(config: ConnectionConfig): Promise<NomadError | 'ok'> {
  const client = new NomadClient(config);
  try {
    await client.listJobs();
    return 'ok';
  } catch (error) {
    assert.ok(error instanceof NomadError, String(error));
    return error;
  } finally {
    client.dispose();
  }
}

describe('NomadClient over TLS', function () {
  this.timeout(20_000); // certificate generation runs openssl a few times
  before(function () {
    if (!opensslAvailable()) this.skip();
  });

  describe('server certificate signed by the test CA', () => {
    let fake: FakeNomad;
    before(async () => {
      fake = await startFakeNomad({ tls: { ca: true } });
    });
    after(() => fake.close());

    it('succeeds with caCert', async () => {
      assert.strictEqual(await outcome({ address: fake.address, caCert: fake.tlsFiles!.caCert }), 'ok');
    });

    it('succeeds with a caPath directory holding the CA among other files', async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nomad-capath-'));
      try {
        await fs.copyFile(fake.tlsFiles!.caCert, path.join(dir, 'ca.pem'));
        await fs.writeFile(path.join(dir, 'README'), 'not a certificate');
        assert.strictEqual(await outcome({ address: fake.address, caPath: dir }), 'ok');
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    });

    it('fails as tls when the CA is not trusted', async () => {
      const error = await outcome({ address: fake.address });
      assert.ok(error !== 'ok');
      assert.strictEqual(error.kind, 'tls');
      // Node reports SELF_SIGNED_CERT_IN_CHAIN when the server also sends its CA, UNABLE_TO_VERIFY_LEAF_SIGNATURE when not.
      assert.ok(['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'].includes(String(error.code)), error.code);
      assert.match(error.advice, /caCert/);
    });

    it('fails as tls when trusting a different CA', async () => {
      const other = await generateTestPki('other-ca');
      const error = await outcome({ address: fake.address, caCert: other.caCert });
      assert.ok(error !== 'ok');
      assert.strictEqual(error.kind, 'tls');
    });

    it('checks tlsServerName against the certificate', async () => {
      assert.strictEqual(await outcome({ address: fake.address, caCert: fake.tlsFiles!.caCert, tlsServerName: 'server.global.nomad' }), 'ok');
      const error = await outcome({ address: fake.address, caCert: fake.tlsFiles!.caCert, tlsServerName: 'server.other.nomad' });
      assert.ok(error !== 'ok');
      assert.deepStrictEqual([error.kind, error.code], ['tls', 'ERR_TLS_CERT_ALTNAME_INVALID']);
      assert.match(error.advice, /tlsServerName/);
    });

    it('skipVerify accepts the untrusted certificate', async () => {
      assert.strictEqual(await outcome({ address: fake.address, skipVerify: true }), 'ok');
    });

    it('a missing CA file is a tls error naming the file', async () => {
      const error = await outcome({ address: fake.address, caCert: '/nonexistent/ca.pem' });
      assert.ok(error !== 'ok');
      assert.strictEqual(error.kind, 'tls');
      assert.match(error.message, /\/nonexistent\/ca\.pem/);
    });

    it('a plain http:// address to the TLS port is not mistaken for Nomad', async () => {
      const error = await outcome({ address: fake.address.replace('https:', 'http:'), requestTimeoutMs: 2000 });
      assert.ok(error !== 'ok');
      assert.ok(['badResponse', 'unreachable'].includes(error.kind), error.kind);
    });
  });

  describe('self-signed server certificate', () => {
    let fake: FakeNomad;
    before(async () => {
      fake = await startFakeNomad({ tls: { ca: false } });
    });
    after(() => fake.close());

    it('is refused as tls (DEPTH_ZERO_SELF_SIGNED_CERT) and accepted with skipVerify', async () => {
      const error = await outcome({ address: fake.address, caCert: fake.tlsFiles!.caCert });
      assert.ok(error !== 'ok');
      assert.deepStrictEqual([error.kind, error.code], ['tls', 'DEPTH_ZERO_SELF_SIGNED_CERT']);
      assert.strictEqual(await outcome({ address: fake.address, skipVerify: true }), 'ok');
    });
  });

  describe('mutual TLS', () => {
    let fake: FakeNomad;
    before(async () => {
      fake = await startFakeNomad({ tls: { ca: true, requireClientCert: true } });
    });
    after(() => fake.close());

    it('succeeds with the client certificate and key', async () => {
      const files = fake.tlsFiles!;
      assert.strictEqual(await outcome({ address: fake.address, caCert: files.caCert, clientCert: files.clientCert, clientKey: files.clientKey }), 'ok');
    });

    it('fails as tls without a client certificate', async () => {
      const error = await outcome({ address: fake.address, caCert: fake.tlsFiles!.caCert });
      assert.ok(error !== 'ok');
      assert.strictEqual(error.kind, 'tls');
      assert.match(error.advice, /clientCert/);
    });

    it('fails as tls with a client certificate from another CA', async () => {
      const other = await generateTestPki('other-client');
      const error = await outcome({ address: fake.address, caCert: fake.tlsFiles!.caCert, clientCert: other.clientCert, clientKey: other.clientKey });
      assert.ok(error !== 'ok');
      assert.strictEqual(error.kind, 'tls');
      assert.match(error.advice, /clientCert/);
    });

    it('refuses a certificate without its key before connecting', async () => {
      const error = await outcome({ address: fake.address, caCert: fake.tlsFiles!.caCert, clientCert: (await sharedTestPki()).clientCert });
      assert.ok(error !== 'ok');
      assert.deepStrictEqual([error.kind, error.code], ['tls', 'ETLSCONFIG']);
    });
  });
});
