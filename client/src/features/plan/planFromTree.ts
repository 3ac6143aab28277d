// "Plan Job File…" on a job row of the Jobs tree: finds the workspace file that defines the job and
// plans it exactly as the editor title button does (`nomad.planJob` with the file's URI). Several
// files: the user picks one. None: says so and offers to pick a file instead.
import * as path from 'path';
import * as vscode from 'vscode';
import { jobRefFrom } from '../actions/targets';
import { jobQuery } from '../../explorer/explorerContext';
import { effectiveNamespace, type ClusterJobRef } from '../jobFiles/jobFileMatch';
import { findJobFiles } from '../jobFiles/jobFileSearch';
import type { CommandServices } from '../../commands/commandTable';
import { isNode } from '../../explorer/explorerCommands';

/** Resolves to what `nomad.planJob` returns (the plan shown), or undefined when nothing was planned. */
export async function planJobFile(services: CommandServices, node?: unknown): Promise<unknown> {
  const connectionNamespace = (await services.connections.current())?.client.config.namespace;
  const job = clusterJobOf(node, connectionNamespace);
  if (!job) {
    void vscode.window.showWarningMessage('Use Plan Job File… on a job in the Nomad Jobs view.');
    return undefined;
  }
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Looking for the file of job "${job.id}"…`, cancellable: true },
    (_progress, token) => findJobFiles(job, connectionNamespace, token),
  );
  if (!found) return undefined;
  if (found.matches.length === 0) {
    offerToOpenFile(job, found.otherNamespace);
    return undefined;
  }
  const uri = found.matches.length === 1 ? found.matches[0] : await pickFile(job, found.matches);
  return uri && planFile(uri);
}

/**
 * The job of a tree row (or of a plain `{ id, namespace }`) and its namespace. Rows of a one-namespace
 * listing carry no namespace on Nomad 1.0, so the tree's scope tells, as for every request about the row.
 */
function clusterJobOf(arg: unknown, connectionNamespace: string | undefined): ClusterJobRef | undefined {
  const ref = isNode(arg) && arg.kind === 'job' ? { id: arg.id, namespace: jobQuery(arg.ctx, arg.stub).namespace } : jobRefFrom(arg);
  return ref && { id: ref.id, namespace: effectiveNamespace(ref.namespace, connectionNamespace) };
}

function planFile(uri: vscode.Uri): Thenable<unknown> {
  return vscode.commands.executeCommand('nomad.planJob', uri);
}

async function pickFile(job: ClusterJobRef, uris: vscode.Uri[]): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showQuickPick(
    uris.map((uri) => ({ label: path.posix.basename(uri.path), description: vscode.workspace.asRelativePath(uri, true), uri })),
    { title: `Several files define job "${job.id}"`, placeHolder: 'Pick the file to plan', matchOnDescription: true },
  );
  return picked?.uri;
}

/** Not awaited: the command settles at once, and the plan follows if the user picks a file. */
function offerToOpenFile(job: ClusterJobRef, otherNamespace: vscode.Uri[]): void {
  const names = otherNamespace.slice(0, 3).map((uri) => vscode.workspace.asRelativePath(uri, true));
  if (otherNamespace.length > names.length) names.push(`${otherNamespace.length - names.length} more`);
  const elsewhere = names.length ? ` (${names.join(', ')} would plan it into another namespace.)` : '';
  const open = 'Open File…';
  void vscode.window
    .showInformationMessage(`No workspace file defines job "${job.id}" for namespace "${job.namespace}".${elsewhere}`, open)
    .then(async (choice) => {
      if (choice !== open) return;
      const chosen = await vscode.window.showOpenDialog({
        title: `Plan a Job File for "${job.id}"`,
        openLabel: 'Plan',
        canSelectMany: false,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        filters: { 'Nomad job files': ['hcl', 'nomad', 'json'], 'All files': ['*'] },
      });
      if (chosen?.[0]) await planFile(chosen[0]);
    });
}
