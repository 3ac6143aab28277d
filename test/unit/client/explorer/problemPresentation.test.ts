import * as assert from 'assert';
import { emptyView, problemView } from '../../../../client/src/explorer/presentation/problemPresentation';

const subject = { address: 'https://nomad.example:4646', action: 'list jobs', capability: 'list-jobs', namespace: 'prod' };

describe('problem rows', () => {
  it('offers Retry when the cluster is unreachable', () => {
    const view = problemView({ kind: 'unreachable', message: 'connect ECONNREFUSED', advice: 'Nothing answers there.' }, subject);
    assert.strictEqual(view.label, 'Cannot reach https://nomad.example:4646');
    assert.strictEqual(view.description, 'Nothing answers there.');
    assert.strictEqual(view.contextValue, 'message:unreachable');
    assert.strictEqual(view.command?.command, 'nomad.refresh');
  });

  it('treats a timeout like an unreachable cluster', () => {
    assert.strictEqual(problemView({ kind: 'timeout', message: 'timed out' }, subject).contextValue, 'message:unreachable');
  });

  it('names the missing capability and offers a new token when permission is denied', () => {
    const view = problemView({ kind: 'permissionDenied', message: 'Permission denied' }, subject);
    assert.strictEqual(view.label, 'Permission denied: cannot list jobs in namespace "prod"');
    assert.strictEqual(view.description, 'the token needs the list-jobs capability');
    assert.strictEqual(view.command?.command, 'nomad.setToken');
  });

  it('says that the token stayed with the old address when the cluster moved, and offers a new one', () => {
    const view = problemView({ kind: 'permissionDenied', message: 'Permission denied' }, { ...subject, tokenGivenFor: 'https://old:4646' });
    assert.strictEqual(view.description, "the cluster's token was given for https://old:4646; set one for this address");
    assert.match(String(view.tooltip), /not sent to/);
    assert.strictEqual(view.command?.command, 'nomad.setToken');
  });

  it('says what to set on a TLS failure and opens the settings', () => {
    const view = problemView({ kind: 'tls', message: 'self-signed certificate', advice: 'The certificate is not trusted.' }, subject);
    assert.strictEqual(view.contextValue, 'message:tls');
    assert.ok(view.tooltip?.includes('caCert'));
    assert.ok(view.tooltip?.includes('tlsServerName'));
    assert.deepStrictEqual(view.command?.arguments, ['nomad.clusters']);
  });

  it('falls back to a generic error with Retry', () => {
    const view = problemView({ kind: 'server', message: 'rpc error' }, subject);
    assert.strictEqual(view.label, 'Could not list jobs');
    assert.strictEqual(view.contextValue, 'message:error');
  });

  it('describes an empty namespace, all namespaces and a filter that matches nothing', () => {
    assert.strictEqual(emptyView('prod', '').label, 'No jobs in namespace "prod"');
    assert.strictEqual(emptyView('*', '').label, 'No jobs on this cluster');
    const filtered = emptyView('prod', 'web');
    assert.strictEqual(filtered.label, 'No jobs match "web"');
    assert.strictEqual(filtered.command?.command, 'nomad.clearJobFilter');
  });
});
