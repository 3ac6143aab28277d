import * as assert from 'assert';
import { addressProblem, connectionFromEnv, DEFAULT_ADDRESS, parseGoBool } from '../../../../client/src/nomad/config';
import { agentVersion, versionAtLeast } from '../../../../client/src/nomad/agent';
import { parseGoDuration } from '../../../../client/src/nomad/duration';
import { recordedJson } from '../../../support/nomad/recorded';
import type { AgentSelf } from '../../../../client/src/nomad/types';

describe('connectionFromEnv', () => {
  it('defaults to http://127.0.0.1:4646 with nothing else set', () => {
    assert.deepStrictEqual(connectionFromEnv({}), { address: DEFAULT_ADDRESS });
    assert.strictEqual(DEFAULT_ADDRESS, 'http://127.0.0.1:4646');
  });

  it('reads every NOMAD_* variable the CLI reads', () => {
    const config = connectionFromEnv({
      NOMAD_ADDR: 'https://nomad.example:4646',
      NOMAD_TOKEN: 'secret-token',
      NOMAD_NAMESPACE: 'team-a',
      NOMAD_REGION: 'eu',
      NOMAD_CACERT: '/etc/nomad/ca.pem',
      NOMAD_CAPATH: '/etc/nomad/cas',
      NOMAD_CLIENT_CERT: '/etc/nomad/cli.pem',
      NOMAD_CLIENT_KEY: '/etc/nomad/cli-key.pem',
      NOMAD_TLS_SERVER_NAME: 'server.eu.nomad',
      NOMAD_SKIP_VERIFY: 'true',
      NOMAD_HTTP_AUTH: 'user:pass',
    });
    assert.deepStrictEqual(config, {
      address: 'https://nomad.example:4646',
      token: 'secret-token',
      namespace: 'team-a',
      region: 'eu',
      caCert: '/etc/nomad/ca.pem',
      caPath: '/etc/nomad/cas',
      clientCert: '/etc/nomad/cli.pem',
      clientKey: '/etc/nomad/cli-key.pem',
      tlsServerName: 'server.eu.nomad',
      skipVerify: true,
      httpAuth: 'user:pass',
    });
  });

  it('treats empty variables as unset, like the CLI', () => {
    const config = connectionFromEnv({ NOMAD_ADDR: '', NOMAD_TOKEN: '', NOMAD_NAMESPACE: '', NOMAD_SKIP_VERIFY: '' });
    assert.deepStrictEqual(config, { address: DEFAULT_ADDRESS });
  });

  for (const [value, expected] of [
    ['1', true], ['t', true], ['T', true], ['TRUE', true], ['true', true], ['True', true],
    ['0', false], ['f', false], ['F', false], ['FALSE', false], ['false', false], ['False', false],
  ] as const) {
    it(`parses NOMAD_SKIP_VERIFY=${value} as ${expected}`, () => {
      assert.strictEqual(connectionFromEnv({ NOMAD_SKIP_VERIFY: value }).skipVerify, expected);
    });
  }

  for (const value of ['yes', 'on', 'tRUE', '2', ' true']) {
    it(`ignores NOMAD_SKIP_VERIFY=${JSON.stringify(value)} (strconv.ParseBool rejects it)`, () => {
      assert.strictEqual(parseGoBool(value), undefined);
      assert.ok(!('skipVerify' in connectionFromEnv({ NOMAD_SKIP_VERIFY: value })));
    });
  }

  it('reads process.env when given nothing', () => {
    const saved = process.env.NOMAD_REGION;
    process.env.NOMAD_REGION = 'from-process';
    try {
      assert.strictEqual(connectionFromEnv().region, 'from-process');
    } finally {
      if (saved === undefined) delete process.env.NOMAD_REGION;
      else process.env.NOMAD_REGION = saved;
    }
  });
});

describe('addressProblem', () => {
  it('accepts http and https addresses', () => {
    assert.strictEqual(addressProblem('http://127.0.0.1:4646'), undefined);
    assert.strictEqual(addressProblem('https://nomad.example/prefix'), undefined);
  });

  it('rejects unix sockets with a clear reason', () => {
    assert.match(addressProblem('unix:///var/run/nomad.sock') ?? '', /Unix socket/);
  });

  it('rejects other schemes, non-URLs and embedded credentials', () => {
    assert.match(addressProblem('ftp://x') ?? '', /http:\/\/ or https:\/\//);
    assert.match(addressProblem('127.0.0.1:4646') ?? '', /http/);
    assert.match(addressProblem('not a url') ?? '', /not a URL/);
    assert.match(addressProblem('http://u:p@host') ?? '', /NOMAD_HTTP_AUTH/);
  });
});

describe('parseGoDuration', () => {
  for (const [text, ms] of [['5m', 300000], ['30s', 30000], ['1m30s', 90000], ['250ms', 250], ['1h', 3600000], ['1.5s', 1500], ['0', 0], ['100us', 0.1]] as const) {
    it(`${text} = ${ms} ms`, () => assert.strictEqual(parseGoDuration(text), ms));
  }
  it('rejects text Go rejects', () => {
    for (const text of ['', '5', 'm', '5 m', '5min']) assert.throws(() => parseGoDuration(text), /invalid duration/);
  });
});

describe('agentVersion', () => {
  it('reads the version from the recorded v1.0.18 /v1/agent/self', () => {
    assert.strictEqual(agentVersion(recordedJson<AgentSelf>('agent-self.json')), '1.0.18');
  });
  it('adds a prerelease, accepts old string versions and falls back to the build tag', () => {
    assert.strictEqual(agentVersion({ config: { Version: { Version: '1.7.0', VersionPrerelease: 'beta.1' } } }), '1.7.0-beta.1');
    assert.strictEqual(agentVersion({ config: { Version: 'v0.8.7' } }), '0.8.7');
    assert.strictEqual(agentVersion({ member: { Tags: { build: '0.9.1:abc' } } }), '0.9.1');
    assert.strictEqual(agentVersion({}), undefined);
  });
  it('compares versions numerically', () => {
    assert.ok(versionAtLeast('1.10.0', '1.9.5'));
    assert.ok(versionAtLeast('1.0.18', '1.0'));
    assert.ok(!versionAtLeast('0.12.9', '1.0.0'));
    assert.ok(versionAtLeast('1.7.0-beta.1', '1.7.0'));
  });
});
