// Planning an HCL job with a variable file on a cluster whose /v1/jobs/parse cannot take variable
// values (before Nomad 1.6, like the fake and the 1.0.18 agent): the language server evaluates the
// file with the values applied, and what it cannot evaluate is explained with a way forward.
// Runs against NOMAD_TEST_ADDR (a real agent) when set.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PlanResult } from '../../client/src/features/plan/planSession';
import type { DiffNode } from '../../client/src/features/plan/messages';
import { NomadClient } from '../../client/src/nomad/client';
import { nomadTarget, type NomadTarget } from '../support/nomad/target';
import { serviceJob } from './explorerFixtures';
import { waitFor } from './support/wait';
import { activatedApiAfterOpening, useCluster } from './planFixtures';
import { openWorkspaceFile } from './support/workspace';

function fields(node: DiffNode | undefined): DiffNode[] {
  return node ? [node, ...node.children.flatMap(fields)] : [];
}

describe('plan with variable files on a cluster older than 1.6', function () {
  let target: NomadTarget;
  let restoreCluster: () => Promise<void>;

  before(async () => {
    await activatedApiAfterOpening();
    target = await nomadTarget();
    restoreCluster = await useCluster('vars-target', target.address);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreCluster();
    await target.close();
  });

  it('plans examples/app.nomad.hcl with app.vars.hcl applied by the language server', async () => {
    const { document } = await openWorkspaceFile('app.nomad.hcl');
    const result = await vscode.commands.executeCommand<PlanResult | undefined>('nomad.planJob', document.uri);
    assert.ok(result, 'a plan was made');
    assert.strictEqual(result.view.jobId, 'api');
    const group = result.view.groups.find((g) => g.name === 'api');
    assert.strictEqual(group?.updates.find((u) => u.label === 'create')?.count, 3, 'replicas = 3 from app.vars.hcl');
    const image = fields(result.view.diff).find((node) => node.name === 'image');
    assert.strictEqual(image?.new, 'registry.example.com/shop/api:2.4.1', 'local.image built from var.image_tag');
    const logLevel = fields(result.view.diff).find((node) => node.name === 'Env[LOG_LEVEL]');
    assert.strictEqual(logLevel?.new, 'info');
  });

  it('compares examples/app.nomad.hcl with the job on the cluster with app.vars.hcl applied, as Plan sees it', async () => {
    const client = new NomadClient({ address: target.address, token: target.token });
    try {
      // The example's job id is fixed, so this test owns "api" on the target and purges it after.
      await client.registerJob(serviceJob('api', 1));
      const { document } = await openWorkspaceFile('app.nomad.hcl');
      await vscode.commands.executeCommand('nomad.compareWithFile', document.uri);
      const diff = await waitFor(() => {
        const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        return input instanceof vscode.TabInputTextDiff && input;
      }, 'a diff editor');
      const local = JSON.parse((await vscode.workspace.openTextDocument(diff.modified)).getText());
      const group = local.TaskGroups.find((g: { Name: string }) => g.Name === 'api');
      assert.strictEqual(group.Count, 3, 'replicas = 3 from app.vars.hcl');
      assert.strictEqual(group.Tasks[0].Config.image, 'registry.example.com/shop/api:2.4.1');
    } finally {
      await client.deleteJob('api', { purge: true }).catch(() => undefined);
      client.dispose();
    }
  });
});
