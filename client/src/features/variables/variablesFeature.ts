// The Variables feature: its view, its documents, and the commands that
// create, open and delete variables. Prompts go through the actions' UI seam
// (scripted in integration tests). Deleting asks first; a refused save offers
// a comparison with the cluster's copy and re-applying yours over it.
import * as vscode from 'vscode';
import type { ConnectionManager } from '../../connection/connectionManager';
import { reportFailure, type ActionContext } from '../actions/actionContext';
import { clusterVersion, hasFeature, missingFeatureMessage } from '../../nomad/features';
import { deleteVariable, variablePathProblem, writeVariable, type CasOutcome, type Variable } from '../../nomad/variables';
import { VariableDocuments, variableUri, type SaveConflict } from './variableDocuments';
import { parseItemsText } from './variablePresentation';
import { connectionNamespace, PrefixNode, VariableNode, VariablesView } from './variablesView';

export class VariablesFeature implements vscode.Disposable {
  readonly view: VariablesView;
  readonly documents: VariableDocuments;

  constructor(
    private readonly connections: ConnectionManager,
    private readonly actions: () => ActionContext,
  ) {
    this.view = new VariablesView(connections);
    this.documents = new VariableDocuments(connections, (conflict) => void this.resolveConflict(conflict));
  }

  refresh(): void {
    this.view.refresh();
  }

  async open(node?: unknown): Promise<void> {
    if (!(node instanceof VariableNode)) {
      void vscode.window.showInformationMessage('Choose a variable in the Variables view to open it.');
      return;
    }
    const uri = variableUri({ cluster: node.cluster, namespace: node.variable.Namespace, path: node.variable.Path });
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    } catch (error) {
      this.actions().ui.error(`Could not open variable ${node.variable.Path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Asks for a path (below the folder it was started on), a first item and its value, then creates the variable only if it is new. */
  async create(node?: unknown): Promise<void> {
    const { ui } = this.actions();
    const connection = await this.connections.current();
    if (!connection) return ui.error('No Nomad cluster is configured.', 'Add one with "Nomad: Add Cluster", or set NOMAD_ADDR.');
    let version: string | undefined;
    try {
      version = await clusterVersion(connection.client);
    } catch (error) {
      return reportFailure(ui, 'Creating a variable', error);
    }
    if (!hasFeature(version, 'variables')) return ui.error(`Creating a variable: ${missingFeatureMessage(version, 'variables')}`);
    const namespace = node instanceof PrefixNode ? node.namespace : connectionNamespace(connection.client);
    const prefix = node instanceof PrefixNode ? node.prefix : '';
    const path = await ui.input({ title: `New variable in namespace ${namespace}`, prompt: 'Path, e.g. nomad/jobs/web or app/config', value: prefix, validate: variablePathProblem });
    if (path === undefined) return;
    const key = await ui.input({ title: `First item of ${path}`, prompt: 'Item name (add more in the document that opens)', validate: (v) => (v.trim() ? undefined : 'Give the item a name.') });
    if (key === undefined) return;
    const value = await ui.input({ title: `Value of ${key.trim()}`, prompt: 'Value (kept secret: not shown while typing)', password: true });
    if (value === undefined) return;
    try {
      const outcome = await ui.withProgress(`Creating ${path}…`, () => writeVariable(connection.client, path, { [key.trim()]: value }, 0, { namespace }));
      if (outcome.kind === 'conflict') return ui.error(`Variable ${path} already exists in namespace ${namespace}; nothing was written.`, 'Open it from the Variables view to change it.');
    } catch (error) {
      return reportFailure(ui, `Creating variable ${path}`, error);
    }
    this.view.refresh();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(variableUri({ cluster: connection.cluster.name, namespace, path })), { preview: false });
  }

  /** Deletes after a modal confirmation, on condition that the variable is still as listed. */
  async delete(node?: unknown): Promise<void> {
    const { ui } = this.actions();
    if (!(node instanceof VariableNode)) return ui.info('Choose a variable in the Variables view to delete it.');
    const { Path, Namespace, ModifyIndex } = node.variable;
    const answer = await ui.confirm(`Delete variable ${Path} from namespace ${Namespace}?`, {
      detail: 'Its items are removed from the cluster; jobs that read it will no longer find it.',
      actions: ['Delete'],
    });
    if (!answer) return;
    try {
      const client = await this.connections.clientFor(node.cluster);
      if (!client) return ui.error(`No cluster named "${node.cluster}" is configured.`);
      const outcome = await ui.withProgress(`Deleting ${Path}…`, () => deleteVariable(client, Path, ModifyIndex, { namespace: Namespace }));
      if (outcome.kind === 'conflict') {
        this.view.refresh();
        return ui.error(`Variable ${Path} changed on the cluster since it was listed; nothing was deleted.`, 'Look at it again (the view is refreshed) and delete it if you still want to.');
      }
      this.documents.forget(variableUri({ cluster: node.cluster, namespace: Namespace, path: Path }));
      ui.info(`Deleted variable ${Path} from namespace ${Namespace}.`);
    } catch (error) {
      reportFailure(ui, `Deleting variable ${Path}`, error);
    }
    this.view.refresh();
  }

  /** A save was refused: offer the difference and re-applying the document's items over the cluster's. */
  private async resolveConflict(conflict: SaveConflict): Promise<void> {
    const { ui } = this.actions();
    const { path } = conflict.ref;
    const gone = conflict.current.ModifyIndex === 0;
    const message = gone
      ? `${path} was deleted or locked on the cluster since you opened it; your save was refused and nothing was written.`
      : `${path} changed on the cluster since you opened it; your save was refused and nothing was written.`;
    let answer = await ui.confirm(message, { detail: 'Compare shows the cluster\'s items beside yours. Overwrite writes yours over the cluster\'s version.', actions: ['Compare', 'Overwrite with Mine'] });
    if (answer === 'Compare') {
      const theirs = this.documents.showClusterCopy(conflict.ref, conflict.current);
      await ui.showDiff(theirs.toString(), conflict.uri.toString(), `${path}: cluster ↔ yours`);
      answer = await ui.confirm(`Write your items of ${path} over the cluster's?`, { actions: ['Overwrite with Mine'] });
    }
    if (answer !== 'Overwrite with Mine') return;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === conflict.uri.toString());
    if (!document) return ui.error(`Your edits of ${path} are no longer open; open the variable again to change it.`);
    const parsed = parseItemsText(document.getText());
    if ('problem' in parsed) return ui.error(`Not saved: ${parsed.problem}`);
    // Still check-and-set, now on the version just seen: a third change in between is refused again.
    let outcome: CasOutcome<Variable>;
    try {
      outcome = await this.documents.writeItems(conflict.uri, conflict.ref, parsed.items, conflict.current.ModifyIndex);
    } catch (error) {
      return reportFailure(ui, `Saving ${path}`, error);
    }
    if (outcome.kind === 'conflict') return this.resolveConflict({ ...conflict, current: outcome.current, base: conflict.current.ModifyIndex });
    // The cluster now holds the document's items: reload it from there so it is no longer marked unsaved.
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    ui.info(`Saved your items of ${path} over the cluster's version.`);
    this.view.refresh();
  }

  dispose(): void {
    this.documents.dispose();
    this.view.dispose();
  }
}
