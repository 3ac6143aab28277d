// nomad.openVersionSource: a job version's submitted file (Nomad 1.6+) as a
// read-only document in its own language. Only the source: the variable values
// sent with it can be secrets, so they are not shown.
import * as vscode from 'vscode';
import { versionRefFrom } from '../actions/targets';
import type { CommandServices } from '../../commands/commandTable';
import { errorText } from '../../explorer/explorerCommands';
import { requireFeature } from '../../nomad/features';
import { readJobSubmission } from '../../nomad/submissions';
import { openReadOnly, scopeFor } from '../inspect/inspectCommands';
import { nomadUri } from '../inspect/nomadDocumentProvider';

export async function openVersionSource(services: CommandServices, node?: unknown): Promise<void> {
  const target = versionRefFrom(node);
  const connection = await services.connections.current();
  if (!connection) return;
  if (!target) {
    void vscode.window.showInformationMessage('Choose a version in the Jobs view to open the source it was submitted with.');
    return;
  }
  const scope = scopeFor(services, connection, target.job.namespace);
  try {
    await requireFeature(connection.client, 'jobSubmission');
    const submission = await readJobSubmission(connection.client, target.job.id, target.version, { namespace: scope.namespace, region: scope.region });
    if (!submission) {
      const choice = await vscode.window.showInformationMessage(
        `Version ${target.version} of "${target.job.id}" was submitted without its source (by an older client, or through the API without it).`,
        'Open as JSON',
      );
      if (choice) await vscode.commands.executeCommand('nomad.inspect', node);
      return;
    }
    await openReadOnly(nomadUri({ kind: 'source', id: target.job.id, version: target.version, format: submission.Format, ...scope }));
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not open the source of version ${target.version} of "${target.job.id}": ${errorText(error)}`);
  }
}
