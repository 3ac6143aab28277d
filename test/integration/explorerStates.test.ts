// What the Jobs tree says when it cannot show jobs: nothing configured, cluster unreachable,
// permission denied, TLS failure, or simply no jobs; and that it recovers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { NomadExtensionApi } from '../../client/src/extension';
import { deadAddress } from '../support/deadAddress';
import { opensslAvailable } from '../support/nomad/pki';
import { startFakeNomad, type FakeNomad } from '../support/nomad/server';
import { ScriptedUi } from '../unit/client/features/actions/scriptedUi';
import { adminClient, children, clearClusters, item, label, row, rowsWhere, serviceJob, showJobsView, useCluster } from './explorerFixtures';

/** Waits for the single row explaining a state, and returns its tree item. */
async function stateRow(api: NomadExtensionApi, contextValue: string): Promise<vscode.TreeItem> {
  const rows = await rowsWhere(
    api,
    (nodes) => nodes.length > 0 && item(api, nodes[0]).contextValue === contextValue,
    `a ${contextValue} row`,
  );
  return item(api, rows[0]);
}

describe('Jobs explorer states', () => {
  let api: NomadExtensionApi;
  const started: FakeNomad[] = [];
  const savedEnv = { NOMAD_ADDR: process.env.NOMAD_ADDR, NOMAD_TOKEN: process.env.NOMAD_TOKEN };

  before(async () => {
    api = await showJobsView();
  });

  afterEach(async () => {
    // The extension host shares this process's environment, so tests may change it; put it back.
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await clearClusters();
    await Promise.all(started.splice(0).map((fake) => fake.close()));
  });

  async function fake(options: Parameters<typeof startFakeNomad>[0] = {}): Promise<FakeNomad> {
    const server = await startFakeNomad(options);
    started.push(server);
    return server;
  }

  it('leaves the tree to the welcome view when nothing is configured and nothing answers', async () => {
    // With NOMAD_ADDR unset the extension tries the default address, which the runner
    // (scripts/lib/testEnv.js) points at a port where nothing listens: an agent on this
    // machine's 127.0.0.1:4646 must not change what this test sees.
    assert.ok(process.env.NOMAD_TEST_DEFAULT_ADDR, 'the runner set a dead default address');
    delete process.env.NOMAD_ADDR;
    await clearClusters();
    await vscode.commands.executeCommand('nomad.refresh');
    await rowsWhere(api, (rows) => rows.length === 0, 'an empty tree');
  });

  it('says the cluster is unreachable and offers Retry, then recovers', async () => {
    const address = await deadAddress();
    await useCluster({ name: 'down', address });
    const unreachable = await stateRow(api, 'message:unreachable');
    assert.strictEqual(unreachable.label, `Cannot reach ${address}`);
    assert.strictEqual(unreachable.command?.command, 'nomad.refresh');
    const server = await fake();
    await adminClient(server.address).registerJob(serviceJob('back', 1));
    await useCluster({ name: 'down', address: server.address });
    await row(api, 'back');
  });

  it('names the missing capability when permission is denied, and never sends NOMAD_TOKEN to a cluster from settings', async () => {
    const server = await fake({ acl: { managementToken: 'management-secret', deniedToken: 'denied-secret' } });
    await adminClient(server.address, 'management-secret').registerJob(serviceJob('guarded', 1));
    process.env.NOMAD_TOKEN = 'management-secret';
    await useCluster({ name: 'acl', address: server.address });
    const denied = await stateRow(api, 'message:denied');
    assert.strictEqual(denied.label, 'Permission denied: cannot list jobs');
    assert.strictEqual(denied.description, 'the token needs the list-jobs capability');
    assert.strictEqual(denied.command?.command, 'nomad.setToken');
    // Our own registration above carried the token; count only what the extension sends.
    const ours = server.requests.filter((r) => r.headers['x-nomad-token'] === 'management-secret').length;
    const withToken = () => server.requests.filter((r) => r.headers['x-nomad-token'] === 'management-secret').slice(ours);
    await vscode.commands.executeCommand('nomad.refresh');
    await stateRow(api, 'message:denied');
    assert.strictEqual(withToken().length, 0, 'a cluster from settings never gets NOMAD_TOKEN, refreshed or not');
  });

  it('binds a token to the address it was given for: after the address changes it is not sent, and is asked again', async () => {
    const first = await fake({ acl: { managementToken: 'token-a' } });
    const second = await fake({ acl: { managementToken: 'token-b' } });
    await adminClient(first.address, 'token-a').registerJob(serviceJob('on-a', 1));
    await adminClient(second.address, 'token-b').registerJob(serviceJob('on-b', 1));
    /** Answers the next Set ACL Token prompt. */
    const answerTokenPrompt = (token: string) => api.actions.useUi(new ScriptedUi([{ input: token }]));
    try {
      await useCluster({ name: 'moving', address: first.address });
      const plain = await stateRow(api, 'message:denied');
      assert.strictEqual(plain.description, 'the token needs the list-jobs capability');
      answerTokenPrompt('token-a');
      await vscode.commands.executeCommand('nomad.setToken');
      await row(api, 'on-a');

      await useCluster({ name: 'moving', address: second.address });
      const moved = await stateRow(api, 'message:denied');
      assert.strictEqual(moved.description, `the cluster's token was given for ${first.address}; set one for this address`);
      assert.strictEqual(second.requests.filter((r) => r.headers['x-nomad-token'] === 'token-a').length, 0, 'the old token never reaches the new address');
      answerTokenPrompt('token-b');
      await vscode.commands.executeCommand(moved.command!.command);
      await row(api, 'on-b');

      // Each address keeps its own token.
      await useCluster({ name: 'moving', address: first.address });
      await row(api, 'on-a');
    } finally {
      api.actions.useUi(undefined);
      for (const server of [first, second]) {
        await useCluster({ name: 'moving', address: server.address });
        await vscode.commands.executeCommand('nomad.clearToken');
      }
    }
  });

  it('explains a TLS failure and connects once the CA is set', async function () {
    if (!opensslAvailable()) this.skip();
    const server = await fake({ tls: { ca: true } });
    const tls = server.tlsFiles!;
    await useCluster({ name: 'tls', address: server.address });
    const failed = await stateRow(api, 'message:tls');
    assert.match(String(failed.label), /^TLS failed for https:\/\/127\.0\.0\.1:\d+$/);
    assert.match(String((failed.tooltip as vscode.MarkdownString).value), /caCert/);
    server.state.seedJob(serviceJob('secure', 1));
    await useCluster({ name: 'tls', address: server.address, caCert: tls.caCert, tlsServerName: tls.serverName });
    await row(api, 'secure');
  });

  it('says when the cluster has no jobs', async () => {
    const server = await fake();
    await useCluster({ name: 'empty', address: server.address });
    const empty = await stateRow(api, 'message:empty');
    assert.strictEqual(empty.label, 'No jobs on this cluster');
    server.state.seedJob(serviceJob('first', 1));
    server.state.notify();
    await row(api, 'first');
    assert.deepStrictEqual((await children(api)).map((node) => label(api, node)), ['first']);
  });
});
