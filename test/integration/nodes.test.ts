// The Nodes view in the real VS Code, on the fake or a real agent
// (NOMAD_TEST_ADDR): it lists the cluster's nodes with their drivers, and a
// node made ineligible from its row shows so without a refresh.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startActionsHarness, type ActionsHarness } from './actionsHarness';
import { activatedApi } from './support/extension';
import { waitFor } from './support/wait';

describe('nodes view', function () {
  this.timeout(60_000);
  let h: ActionsHarness;

  before(async () => {
    h = await startActionsHarness();
    await vscode.commands.executeCommand('nomad.nodes.focus');
  });

  after(async () => {
    const { value: nodes } = await h.client.listNodes();
    for (const node of nodes) await h.client.setNodeEligibility(node.ID, true).catch(() => undefined);
    await h?.dispose();
  });

  it('lists the nodes with status and drivers, and follows a change of eligibility', async () => {
    const api = await activatedApi();
    const row = await waitFor(() => api.nodesView.rows[0], 'a node row');
    const item = row.getTreeItem();
    assert.match(String(item.description), /^ready · /);
    assert.equal(item.contextValue, 'node:eligible:notDraining');
    const [drivers] = row.getChildren();
    const driverRows = await drivers.getChildren();
    assert.ok(driverRows.some((d) => / healthy$|^healthy$/.test(String(d.getTreeItem().description))), 'a healthy driver is listed');
    const ui = h.script([{ confirm: 'Make Ineligible' }]);
    await vscode.commands.executeCommand('nomad.toggleNodeEligibility', row);
    ui.assertDone();
    assert.deepEqual(ui.errors, []);
    await waitFor(() => api.nodesView.rows.find((r) => r.node.ID === row.node.ID && r.node.SchedulingEligibility === 'ineligible'), 'the row to show the node ineligible');
    const back = h.script([{ confirm: 'Make Eligible' }]);
    await vscode.commands.executeCommand('nomad.toggleNodeEligibility', api.nodesView.rows[0]);
    back.assertDone();
    await waitFor(() => api.nodesView.rows.find((r) => r.node.ID === row.node.ID && r.node.SchedulingEligibility === 'eligible'), 'the row to show it eligible again');
  });
});
