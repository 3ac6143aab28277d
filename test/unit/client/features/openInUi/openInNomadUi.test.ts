// Web UI addresses per row kind and Nomad version (ui/app/router.js of
// v1.0.18 and v1.9.0), and the command against the fake's agent/self.
import { strict as assert } from 'node:assert';
import { openInNomadUi } from '../../../../../client/src/features/openInUi/openInNomadUi';
import { nomadUiUrl, uiTargetFrom } from '../../../../../client/src/features/openInUi/nomadUiUrl';
import { NomadClient } from '../../../../../client/src/nomad/client';
import { startFakeNomad } from '../../../../support/nomad/server';
import { context, ScriptedUi } from '../actions/scriptedUi';

const A = 'http://127.0.0.1:4646/';

describe('Open in Nomad UI', () => {
  it('builds the pages of a current UI (1.3+): job@namespace, evaluations with currentEval', () => {
    assert.equal(nomadUiUrl(A, { kind: 'job', id: 'web/dispatch-1', namespace: 'prod' }, '1.9.0'), 'http://127.0.0.1:4646/ui/jobs/web%2Fdispatch-1%40prod');
    assert.equal(nomadUiUrl(A, { kind: 'job', id: 'web' }, undefined), 'http://127.0.0.1:4646/ui/jobs/web%40default');
    assert.equal(nomadUiUrl(A, { kind: 'allocation', id: 'a1', task: 'app' }, '1.9.0'), 'http://127.0.0.1:4646/ui/allocations/a1/app');
    assert.equal(nomadUiUrl(A, { kind: 'evaluation', id: 'e1', jobId: 'web' }, '1.3.0'), 'http://127.0.0.1:4646/ui/evaluations?currentEval=e1');
    assert.equal(nomadUiUrl(A, { kind: 'deployment', id: 'd1', jobId: 'web', namespace: 'prod' }, '1.7.2'), 'http://127.0.0.1:4646/ui/jobs/web%40prod/deployments');
    assert.equal(nomadUiUrl(A, { kind: 'node', id: 'n1' }, '1.9.0'), 'http://127.0.0.1:4646/ui/clients/n1');
  });

  it('builds the pages of a 1.0 UI: namespace as a query, evaluations under the job', () => {
    assert.equal(nomadUiUrl(A, { kind: 'job', id: 'web', namespace: 'prod' }, '1.0.18'), 'http://127.0.0.1:4646/ui/jobs/web?namespace=prod');
    assert.equal(nomadUiUrl(A, { kind: 'evaluation', id: 'e1', jobId: 'web' }, '1.2.9'), 'http://127.0.0.1:4646/ui/jobs/web/evaluations?namespace=default');
    assert.equal(nomadUiUrl(A, { kind: 'evaluation', id: 'e1' }, '1.0.18'), undefined);
    assert.equal(nomadUiUrl(A, { kind: 'deployment', id: 'd1', jobId: 'web' }, '1.0.18'), 'http://127.0.0.1:4646/ui/jobs/web/deployments?namespace=default');
  });

  it('reads the target from each kind of tree row', () => {
    assert.deepEqual(uiTargetFrom({ kind: 'job', stub: { ID: 'web', Namespace: 'ns' } }), { kind: 'job', id: 'web', namespace: 'ns' });
    assert.deepEqual(uiTargetFrom({ kind: 'task', allocation: { ID: 'a1' }, task: 'app' }), { kind: 'allocation', id: 'a1', task: 'app' });
    assert.deepEqual(uiTargetFrom({ kind: 'allocation', allocation: { ID: 'a1' } }), { kind: 'allocation', id: 'a1', task: undefined });
    assert.deepEqual(uiTargetFrom({ kind: 'evaluation', evaluation: { ID: 'e1', JobID: 'web' } }), { kind: 'evaluation', id: 'e1', jobId: 'web', namespace: undefined });
    assert.deepEqual(uiTargetFrom({ kind: 'deployment', deployment: { ID: 'd1', JobID: 'web', Namespace: 'default' } }), { kind: 'deployment', id: 'd1', jobId: 'web', namespace: 'default' });
    assert.deepEqual(uiTargetFrom({ kind: 'clientNode', node: { ID: 'n1' } }), { kind: 'node', id: 'n1' });
    assert.equal(uiTargetFrom({ kind: 'version', version: 3 }), undefined);
  });

  for (const [agentVersion, expected] of [
    ['1.0.18', '/ui/jobs/web?namespace=default'],
    ['1.9.0', '/ui/jobs/web%40default'],
  ] as const) {
    it(`opens the job page the ${agentVersion} agent serves, without the token`, async () => {
      const fake = await startFakeNomad({ agentVersion, acl: { managementToken: 'secret-token-1' } });
      const client = new NomadClient({ address: fake.address, token: 'secret-token-1' });
      try {
        const ui = new ScriptedUi();
        await openInNomadUi(context(ui, client), { kind: 'job', stub: { ID: 'web', Namespace: 'default' } });
        assert.deepEqual(ui.opened, [fake.address + expected]);
        assert.ok(!ui.opened[0].includes('secret'));
      } finally {
        client.dispose();
        await fake.close();
      }
    });
  }
});
